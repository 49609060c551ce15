package no.veiviser.verify;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import no.veiviser.Case;
import no.veiviser.Decision;
import no.veiviser.Finding;

/**
 * What {@code veiviser verify} found for one guide.
 *
 * @param guide             the guide's id
 * @param invariants        each invariant, own and inherited: proved for every case, or violated with a counter-example
 * @param deadRules         rules that can never fire: their condition is never true while they are in force
 * @param alwaysWithheld    rules whose condition can be true but that an exception always withholds
 * @param neverTrueConcepts concepts whose condition is never true
 * @param twoMeanings       codes some case gets twice with different meanings (level, people, or a due date or none):
 *                          findings the engine does not merge, a contradiction to resolve in the guide
 * @param stats             the size of the problem the solver was given
 * @param elapsed           the time verify took, confirming the counter-examples included
 */
public record VerifyReport(String guide, List<Result> invariants, List<String> deadRules, List<String> alwaysWithheld,
                           List<String> neverTrueConcepts, List<TwoMeanings> twoMeanings, Stats stats, Duration elapsed) {

    /**
     * Copies the lists.
     *
     * @param guide             the guide's id
     * @param invariants        each invariant's result
     * @param deadRules         rules that can never fire
     * @param alwaysWithheld    rules always withheld
     * @param neverTrueConcepts concepts never true
     * @param twoMeanings       codes given twice with different meanings
     * @param stats             the size of the problem
     * @param elapsed           the time verify took
     */
    public VerifyReport {
        invariants = List.copyOf(invariants);
        deadRules = List.copyOf(deadRules);
        alwaysWithheld = List.copyOf(alwaysWithheld);
        neverTrueConcepts = List.copyOf(neverTrueConcepts);
        twoMeanings = List.copyOf(twoMeanings);
    }

    /**
     * A code some case gets twice with different meanings, and such a case.
     *
     * @param code  the finding code
     * @param rules the rules whose findings of it differ
     * @param yaml  a case that gets both, to paste into a scenario
     */
    public record TwoMeanings(String code, List<String> rules, String yaml) {
        /**
         * Copies {@code rules}.
         *
         * @param code  the finding code
         * @param rules the rules whose findings of it differ
         * @param yaml  a case that gets both
         */
        public TwoMeanings {
            rules = List.copyOf(rules);
        }
    }

    /**
     * One invariant: proved, or violated by {@code counterExample}.
     *
     * @param id             the invariant's id
     * @param kind           neverTogether, requires, onlyWhen or levelFloor
     * @param description    what it says, in words
     * @param origin         the id of the guide that declares it
     * @param counterExample a case that violates it; empty when it is proved for every case
     */
    public record Result(String id, String kind, String description, String origin, Optional<CounterExample> counterExample) {
        /**
         * Whether the invariant holds for every case.
         *
         * @return true when no case violates it
         */
        public boolean proved() {
            return counterExample.isEmpty();
        }
    }

    /**
     * A case that violates an invariant.
     *
     * @param aCase     the case
     * @param facts     how many facts differ from an empty case: no violating case has fewer
     * @param yaml      the case as a case file (a scenario's {@code case:}), with only those facts
     * @param decision  the guide's decision for the case, evaluated by the compiled rules
     * @param offending the decision's findings that break the invariant
     */
    public record CounterExample(Case aCase, int facts, String yaml, Decision decision, List<Finding> offending) {}

    /**
     * The size of the problem the solver was given, and the part of the time spent after solving, waiting for the
     * guide's compiled rules (built meanwhile on another thread) and confirming the counter-examples with them
     * (none when every invariant is proved).
     *
     * @param variables   the boolean variables of the formula
     * @param asOfClasses the asOf periods: cut by parameter changes and rules' effective dates
     * @param queries     the solver calls
     * @param confirming  the time spent after solving on confirming the counter-examples
     */
    public record Stats(int variables, int asOfClasses, int queries, Duration confirming) {}

    /**
     * Whether every invariant is proved for every case.
     *
     * @return true when no invariant is violated
     */
    public boolean clean() {
        return invariants.stream().allMatch(Result::proved);
    }

    /**
     * The invariants that are violated.
     *
     * @return the results with a counter-example
     */
    public List<Result> violations() {
        return invariants.stream().filter(r -> !r.proved()).toList();
    }
}
