package no.veiviser.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.stream.Stream;
import no.veiviser.Guide;
import no.veiviser.Guides;
import no.veiviser.junit.ScenarioTests;
import no.veiviser.lint.Lint;
import no.veiviser.verify.Verifier;
import no.veiviser.verify.VerifyReport;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The third guide, Bokstavik (fictional): lettered levels, mixed-case steps, a conclusion that decides, deadlines
 * from the meetings. Its scenarios pass with every rule fired, verify proves norge's invariants and its own, and
 * lint finds nothing to warn about.
 */
class BokstavikGuideTest {
    static final Path DIR = Path.of("guides/bokstavik");

    @TestFactory
    Stream<DynamicNode> scenarios() {
        return ScenarioTests.forGuide(DIR, 100);
    }

    @Test
    void verifyProvesEveryInvariant() {
        Guide guide = Guides.load(DIR.resolve("guide.yaml"));
        VerifyReport report = Verifier.verify(guide);
        assertThat(report.invariants()).extracting(VerifyReport.Result::id).contains("bokstavik.closing-only-when-decided",
                "bokstavik.stafettlogg-with-consent", "norge.never.closing-and-moving-forward");
        assertThat(report.clean()).as(report.toString()).isTrue();
    }

    @Test
    void lintHasNothingToSay() {
        Guide guide = Guides.load(DIR.resolve("guide.yaml"));
        var scenarios = no.veiviser.scenario.Scenarios.read(guide, java.util.List.of(DIR.resolve("scenarios/bokstavik.yaml")));
        assertThat(Lint.check(guide, scenarios).stream().filter(w -> !w.acknowledged()).toList()).isEmpty();
    }
}
