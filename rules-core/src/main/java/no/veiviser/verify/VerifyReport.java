package no.veiviser.verify;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import no.veiviser.Case;
import no.veiviser.Decision;
import no.veiviser.Finding;

/**
 * What {@code veiviser verify} found for one guide: each invariant proved for every case or violated (with a
 * counter-example that has as few facts as possible), the rules that can never fire, the rules whose
 * condition can hold but that are always withheld, the concepts that are never true, and the time it took.
 */
public record VerifyReport(String guide, List<Result> invariants, List<String> deadRules, List<String> alwaysWithheld,
                           List<String> neverTrueConcepts, Stats stats, Duration elapsed) {

    public VerifyReport {
        invariants = List.copyOf(invariants);
        deadRules = List.copyOf(deadRules);
        alwaysWithheld = List.copyOf(alwaysWithheld);
        neverTrueConcepts = List.copyOf(neverTrueConcepts);
    }

    /** One invariant: proved, or violated by {@code counterExample}. */
    public record Result(String id, String kind, String description, String origin, Optional<CounterExample> counterExample) {
        public boolean proved() {
            return counterExample.isEmpty();
        }
    }

    /**
     * A case that violates an invariant: {@code facts} counts what differs from an empty case (minimal: no
     * violating case has fewer); {@code yaml} is the case as a case file; {@code decision} is the guide's
     * evaluated decision, and {@code offending} its findings that break the invariant.
     */
    public record CounterExample(Case aCase, int facts, String yaml, Decision decision, List<Finding> offending) {}

    /**
     * The size of the problem the solver was given, and the part of the time spent after solving, waiting for the
     * guide's compiled rules (built meanwhile on another thread) and confirming the counter-examples with them
     * (none when every invariant is proved).
     */
    public record Stats(int variables, int asOfClasses, int queries, Duration confirming) {}

    /** Whether every invariant is proved for every case. */
    public boolean clean() {
        return invariants.stream().allMatch(Result::proved);
    }

    public List<Result> violations() {
        return invariants.stream().filter(r -> !r.proved()).toList();
    }
}
