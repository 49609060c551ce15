package no.veiviser.junit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
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
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * Every scenario as a JUnit 5 test with its own name, in one line:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> scenarios() {
 *     return ScenarioTests.forGuide(Path.of("guides/nittedal"));
 * }
 * }</pre>
 *
 * A failing scenario fails its test with the facts: expected, but was, the rule that would emit a missing
 * finding and its first false condition. A last test checks rule coverage when a minimum is given.
 */
public final class ScenarioTests {
    private ScenarioTests() {}

    /**
     * The scenarios in {@code <guideDir>/scenarios/} against {@code <guideDir>/guide.yaml}.
     *
     * @param guideDir the guide's folder
     * @return one dynamic test per scenario
     */
    public static Stream<DynamicNode> forGuide(Path guideDir) {
        return forGuide(guideDir, 0);
    }

    /**
     * As {@link #forGuide(Path)}, and a test that fails when rule coverage is below {@code minRulePercent}.
     *
     * @param guideDir the guide's folder
     * @param minRulePercent the least rule coverage, in per cent
     * @return one dynamic test per scenario, and the coverage test
     */
    public static Stream<DynamicNode> forGuide(Path guideDir, double minRulePercent) {
        Guide guide;
        try {
            guide = Guides.load(guideDir.resolve("guide.yaml"));
        } catch (InputException e) {
            return Stream.of(failing("the guide loads", e.problems()));
        }
        return of(guide, List.of(guideDir.resolve("scenarios")), minRulePercent);
    }

    /**
     * The scenarios in {@code paths} (files or folders) against {@code guide}.
     *
     * @param guide the guide
     * @param paths scenario files or folders
     * @param minRulePercent the least rule coverage, in per cent
     * @return one dynamic test per scenario, and the coverage test
     */
    public static Stream<DynamicNode> of(Guide guide, List<Path> paths, double minRulePercent) {
        List<Scenario> scenarios;
        try {
            scenarios = Scenarios.read(guide, paths);
        } catch (InputException e) {
            return Stream.of(failing("the scenario files load", e.problems()));
        }
        CompiledGuide compiled = guide.compile();
        ScenarioReport report = ScenarioRunner.run(compiled, scenarios);
        Map<String, List<DynamicNode>> byFile = new LinkedHashMap<>();
        for (ScenarioResult r : report.results()) {
            byFile.computeIfAbsent(r.scenario().file(), f -> new ArrayList<>()).add(DynamicTest.dynamicTest(r.scenario().name(),
                    Path.of(r.scenario().file()).toUri(), () -> {
                        if (!r.passed()) {
                            throw new AssertionFailedError(r.facts());
                        }
                    }));
        }
        List<DynamicNode> nodes = new ArrayList<>();
        byFile.forEach((file, tests) -> nodes.add(DynamicContainer.dynamicContainer(Path.of(file).getFileName().toString(),
                Files.exists(Path.of(file)) ? Path.of(file).toUri() : null, tests.stream())));
        if (minRulePercent > 0) {
            nodes.add(DynamicTest.dynamicTest(String.format(Locale.ROOT, "rule coverage is at least %.0f%%", minRulePercent), () -> {
                if (report.coverage().rulePercent() < minRulePercent) {
                    throw new AssertionFailedError(String.format(Locale.ROOT, "rule coverage %.1f%% is below %.0f%%; rules no scenario fired: %s",
                            report.coverage().rulePercent(), minRulePercent, report.coverage().rulesNeverFired()));
                }
            }));
        }
        return nodes.stream();
    }

    private static DynamicNode failing(String name, List<Problem> problems) {
        return DynamicTest.dynamicTest(name, () -> {
            throw new AssertionFailedError(String.join("\n", problems.stream().map(Problem::toString).toList()));
        });
    }
}
