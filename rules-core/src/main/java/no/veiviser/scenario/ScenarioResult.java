package no.veiviser.scenario;

import java.util.List;
import java.util.Optional;
import no.veiviser.Decision;

/** How one scenario went: passed, or every way its decision differed from what was expected. */
public record ScenarioResult(Scenario scenario, List<Mismatch> mismatches, Decision decision) {

    /**
     * One difference, as facts: what was {@code expected}, what it {@code butWas}, and for a missing finding the
     * rule that would emit it and that rule's first condition that was false.
     */
    public record Mismatch(String what, String expected, String butWas, Optional<String> rule, Optional<String> falseCondition) {}

    /**
     * Copies {@code mismatches}.
     *
     * @param scenario the scenario
     * @param mismatches every difference from what it expects
     * @param decision the decision
     */
    public ScenarioResult {
        mismatches = List.copyOf(mismatches);
    }

    /** @return whether the decision holds everything the scenario expects */
    public boolean passed() {
        return mismatches.isEmpty();
    }

    /** @return the failure as key/value facts, one a line, as test tools print them */
    public String facts() {
        StringBuilder s = new StringBuilder();
        s.append("scenario:     ").append(scenario.name()).append('\n');
        s.append("at:           ").append(scenario.where()).append('\n');
        for (Mismatch m : mismatches) {
            s.append("expected:     ").append(m.expected()).append('\n');
            s.append("but was:      ").append(m.butWas()).append('\n');
            m.rule().ifPresent(r -> s.append("rule:         ").append(r).append('\n'));
            m.falseCondition().ifPresent(c -> s.append("false:        ").append(c).append('\n'));
        }
        s.append("rules fired:  ").append(decision.firedRules()).append('\n');
        return s.toString();
    }
}
