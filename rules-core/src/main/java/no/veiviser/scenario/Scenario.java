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

    /** What the decision must hold. Empty parts are not checked. */
    public record Expectation(OptionalInt level, List<ExpectedFinding> includes, List<String> excludes,
                              Optional<List<String>> consent) {
        /**
         * Copies the lists.
         *
         * @param level the recommended level
         * @param includes findings that must be there
         * @param excludes codes that must not be there
         * @param consent who must consent
         */
        public Expectation {
            includes = List.copyOf(includes);
            excludes = List.copyOf(excludes);
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
