package no.veiviser.server;

import java.util.List;
import java.util.Optional;
import no.veiviser.CompiledGuide;
import no.veiviser.Problem;
import no.veiviser.scenario.ScenarioReport;

/**
 * What {@link GoLiveGate} decided: the compiled guide when it may go live, otherwise the problems that refuse it.
 *
 * @param compiled the guide, or null when refused
 * @param problems why it was refused (empty when accepted)
 * @param report the scenario report, or null when the scenarios did not run
 */
public record GoLive(CompiledGuide compiled, List<Problem> problems, ScenarioReport report) {
    /**
     * Checks that a result is either accepted (a guide, no problems) or refused (no guide, problems).
     *
     * @param compiled the guide, or null when refused
     * @param problems why it was refused
     * @param report the scenario report, or null
     */
    public GoLive {
        problems = List.copyOf(problems);
        if ((compiled == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a guide is either accepted, or refused with problems");
        }
    }

    static GoLive refused(List<Problem> problems) {
        return new GoLive(null, problems.isEmpty() ? List.of(Problem.error("", 0, 0, "refused", null)) : problems, null);
    }

    /**
     * Whether the guide may go live.
     *
     * @return true when accepted
     */
    public boolean accepted() {
        return compiled != null;
    }

    /**
     * The guide that may go live.
     *
     * @return the compiled guide; empty when refused
     */
    public Optional<CompiledGuide> guide() {
        return Optional.ofNullable(compiled);
    }
}
