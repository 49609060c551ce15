package no.veiviser.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import no.veiviser.CompiledGuide;
import no.veiviser.Guide;
import no.veiviser.Guides;
import no.veiviser.InputException;
import no.veiviser.Problem;
import no.veiviser.scenario.Scenario;
import no.veiviser.scenario.ScenarioReport;
import no.veiviser.scenario.ScenarioResult;
import no.veiviser.scenario.ScenarioRunner;
import no.veiviser.scenario.Scenarios;
import no.veiviser.verify.VerifyReport;
import no.veiviser.verify.Verifier;

/**
 * Decides whether a guide file may go live in a server: it must load (read once, unchanged under the read),
 * compile, pass every scenario in the {@code scenarios/} folder beside it, and prove clean with
 * {@link Verifier#verify(no.veiviser.CompiledGuide)} (every invariant holds for every case). Only then is the
 * {@link CompiledGuide} handed out. A guide file cut short (a half-written file) is a valid smaller guide to the
 * loader; its scenarios are what refuse it, so a guide without scenarios is refused too.
 *
 * <pre>{@code
 * GoLive result = GoLiveGate.check(Path.of("guides/nittedal/guide.yaml"));
 * if (result.accepted()) {
 *     live.put(result.guide().orElseThrow());
 * } else {
 *     result.problems().forEach(System.err::println);
 * }
 * }</pre>
 *
 * <p>Never throws for bad input: every refusal is a list of located problems.
 */
public final class GoLiveGate {
    /** The folder beside a guide file whose {@code *.yaml} files are its scenarios. */
    public static final String SCENARIOS = "scenarios";

    private GoLiveGate() {}

    /**
     * Loads {@code guideFile} and checks it with the scenarios in {@code scenarios/} beside it.
     *
     * @param guideFile the guide file
     * @return accepted with the compiled guide, or refused with located problems
     */
    public static GoLive check(Path guideFile) {
        Optional<FileStamp> before = FileStamp.of(guideFile);
        Guide guide;
        try {
            guide = Guides.load(guideFile);
        } catch (InputException e) {
            return GoLive.refused(e.problems());
        }
        Path dir = guideFile.toAbsolutePath().getParent();
        GoLive result = check(guide, dir == null ? List.of() : List.of(dir.resolve(SCENARIOS)));
        // A writer still at work (or paused halfway) has changed the file by now: what was checked is not what is there.
        if (result.accepted() && !before.equals(FileStamp.of(guideFile))) {
            return GoLive.refused(List.of(Problem.error(guideFile.toString(), 0, 0, "the file changed while it was being checked",
                    "check it again once it is written; write guides to a temporary file and move them into place")));
        }
        return result;
    }

    /**
     * Checks a loaded guide with scenario files or folders.
     *
     * @param guide the guide
     * @param scenarioPaths scenario files, or folders whose {@code *.yaml} files are read
     * @return accepted with the compiled guide, or refused with located problems
     */
    public static GoLive check(Guide guide, List<Path> scenarioPaths) {
        String where = guide.files().isEmpty() ? guide.id() : guide.files().get(guide.files().size() - 1);
        List<Path> present = scenarioPaths.stream().filter(Files::exists).toList();
        if (present.isEmpty()) {
            return GoLive.refused(List.of(Problem.error(where, 0, 0, "no scenarios: a guide goes live only when its scenarios pass",
                    "put scenario files in a folder '" + SCENARIOS + "' beside the guide")));
        }
        CompiledGuide compiled;
        List<Scenario> scenarios;
        try {
            scenarios = Scenarios.read(guide, present);
        } catch (InputException e) {
            return GoLive.refused(e.problems());
        }
        if (scenarios.isEmpty()) {
            return GoLive.refused(List.of(Problem.error(where, 0, 0, "no scenarios: a guide goes live only when its scenarios pass",
                    "the folders " + present + " hold no scenario")));
        }
        try {
            compiled = guide.compile();
        } catch (InputException e) {
            return GoLive.refused(e.problems());
        } catch (RuntimeException | StackOverflowError e) {
            return GoLive.refused(List.of(Problem.error(where, 0, 0, "the guide does not compile (internal error: "
                    + e.getClass().getSimpleName() + ")", "report this with the guide file")));
        }
        ScenarioReport report = ScenarioRunner.run(compiled, scenarios);
        if (!report.passed()) {
            List<Problem> problems = new ArrayList<>();
            for (ScenarioResult r : report.results()) {
                if (!r.passed()) {
                    ScenarioResult.Mismatch m = r.mismatches().get(0);
                    problems.add(Problem.error(r.scenario().file(), r.scenario().line(), 1, "scenario '" + r.scenario().name()
                            + "' fails: expected " + m.expected() + ", but was " + m.butWas()
                            + (r.mismatches().size() > 1 ? " (and " + (r.mismatches().size() - 1) + " more)" : ""),
                            "the running version stays live; fix the guide or the scenario"));
                }
            }
            return GoLive.refused(problems);
        }
        try {
            VerifyReport proof = Verifier.verify(compiled); // the guide's invariants, for every possible case
            if (!proof.clean()) {
                return GoLive.refused(proof.violations().stream().map(v -> Problem.error(where, 0, 0, "invariant '" + v.id()
                        + "' (" + v.origin() + ") is violated: " + v.description(), "veiviser verify shows a counter-example case")).toList());
            }
        } catch (InputException e) {
            return GoLive.refused(e.problems());
        }
        return new GoLive(compiled, List.of(), report);
    }
}
