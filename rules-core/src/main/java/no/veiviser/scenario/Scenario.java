package no.veiviser.scenario;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import no.veiviser.Case;
import no.veiviser.Finding;

/**
 * "For this case, the guide must say this": a named case and what its decision must hold. The name is a
 * sentence ("a 16-year-old's own consent is enough"); {@code file:line} says where it was written.
 */
public record Scenario(String name, String file, int line, Case aCase, Expectation expect) {

    /**
     * What the decision must hold. Empty parts are not checked.
     *
     * @param level the recommended level
     * @param includes findings that must be there
     * @param excludes codes that must not be there
     * @param consent who must consent
     * @param exactly the decision's codes, all of them: a finding of any other code fails the scenario
     * @param only among the findings a selector picks, no code but the given ones
     */
    public record Expectation(OptionalInt level, List<ExpectedFinding> includes, List<String> excludes,
                              Optional<List<String>> consent, Optional<List<String>> exactly, List<Only> only) {
        /**
         * Copies the lists.
         *
         * @param level the recommended level
         * @param includes findings that must be there
         * @param excludes codes that must not be there
         * @param consent who must consent
         * @param exactly the decision's codes, all of them
         * @param only among selected findings, no code but the given ones
         */
        public Expectation {
            includes = List.copyOf(includes);
            excludes = List.copyOf(excludes);
            exactly = exactly.map(List::copyOf);
            only = List.copyOf(only);
        }

        /**
         * Without {@code exactly} and {@code only}.
         *
         * @param level the recommended level
         * @param includes findings that must be there
         * @param excludes codes that must not be there
         * @param consent who must consent
         */
        public Expectation(OptionalInt level, List<ExpectedFinding> includes, List<String> excludes, Optional<List<String>> consent) {
            this(level, includes, excludes, consent, Optional.empty(), List.of());
        }
    }

    /**
     * "Among the findings that contact the guardians, nothing but involve-guardians": findings a selector picks (a tag
     * or effects, as in invariants) may have only the given codes. Bound to the guide it was read against, which says
     * what a tag or an effect picks.
     */
    public static final class Only {
        private final String among;
        private final List<String> codes;
        private final java.util.function.Predicate<Finding> picks;

        Only(String among, List<String> codes, java.util.function.Predicate<Finding> picks) {
            this.among = among;
            this.codes = List.copyOf(codes);
            this.picks = picks;
        }

        /** @return the selector as written: {@code tag tells-guardians}, or the effects */
        public String among() {
            return among;
        }

        /** @return the codes the picked findings may have */
        public List<String> codes() {
            return codes;
        }

        /**
         * @param f a finding of the decision
         * @return whether the selector picks it
         */
        public boolean picks(Finding f) {
            return picks.test(f);
        }

        @Override
        public String toString() {
            return "among " + among + " only " + codes;
        }
    }

    /** A finding code that must be in the decision, optionally with its due date, responsible, rule and who. */
    public record ExpectedFinding(String code, Optional<LocalDate> due, Optional<String> responsible, Optional<String> rule,
                                  Optional<List<String>> who) {
        /**
         * @param code a finding code
         * @return an expected finding with that code and no details
         */
        public static ExpectedFinding of(String code) {
            return new ExpectedFinding(code, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        }

        /**
         * @param f a finding of the decision
         * @return whether {@code f} is this expected finding (same code, and every detail given here matches)
         */
        public boolean matches(Finding f) {
            return f.code().equals(code) && due.map(d -> f.due().equals(Optional.of(d))).orElse(true)
                    && responsible.map(r -> f.sources().stream().anyMatch(g -> g.responsible().equals(Optional.of(r)))).orElse(true)
                    && rule.map(r -> f.sources().stream().anyMatch(g -> g.rule().equals(r))).orElse(true)
                    && who.map(w -> f.who().equals(w)).orElse(true);
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(code);
            due.ifPresent(d -> s.append(" due ").append(d));
            responsible.ifPresent(r -> s.append(" responsible '").append(r).append('\''));
            rule.ifPresent(r -> s.append(" from rule ").append(r));
            who.ifPresent(w -> s.append(" who ").append(w));
            return s.toString();
        }
    }

    /** @return {@code file:line} where the scenario was written */
    public String where() {
        return file + ":" + line;
    }
}
