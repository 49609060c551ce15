package no.veiviser.guides;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import no.veiviser.Case;
import no.veiviser.Cases;
import no.veiviser.CompiledGuide;
import no.veiviser.Guide;
import no.veiviser.Guides;
import no.veiviser.Meeting;
import no.veiviser.junit.ScenarioTests;
import no.veiviser.verify.Verifier;
import no.veiviser.verify.VerifyReport;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Lillevik, the invented municipality of issue 26 ({@code src/test/resources/lillevik/}): its scenarios pass, verify
 * proves the inherited invariants for it, and (issue 26 item 1) a counter-example verify prints for a violation that
 * needs a meeting's decision, pasted as a case file, is the same case and gets the finding that violates.
 */
class LillevikFixtureTest {
    static final Path FIXTURE = Path.of("src/test/resources/lillevik");

    @TestFactory
    Stream<DynamicNode> everyScenarioOfTheFixturePasses() {
        return ScenarioTests.forGuide(FIXTURE);
    }

    @Test
    void verifyProvesTheInheritedInvariantsForIt() {
        VerifyReport report = Verifier.verify(Guides.load(FIXTURE.resolve("guide.yaml")));
        assertThat(report.clean()).as("%s", report.violations()).isTrue();
    }

    /**
     * Planted: each finding of a meeting's decision "only when the meeting did not decide it", refuted only by a case
     * whose meeting decided it; the printed counter-example must carry the meeting (the printer once dropped it).
     */
    @Test
    void eachPastedCounterExampleReproducesItsViolation() throws IOException {
        String planted = Files.readString(FIXTURE.resolve("guide.yaml")) + """

                invariants:
                  - id: lillevik.plantet.tiltak
                    description: Plantet brudd.
                    onlyWhen: {findings: {code: go-to-level}, when: {any: [{meeting.outcome: {present: false}}, {not: {meeting.outcome: measures-needed}}]}}
                  - id: lillevik.plantet.avslutt
                    description: Plantet brudd.
                    onlyWhen: {findings: {code: close-case}, when: {any: [{meeting.outcome: {present: false}}, {not: {meeting.outcome: close}}]}}
                """;
        Guide guide = Guides.parse(planted, FIXTURE.resolve("guide.yaml"));
        CompiledGuide compiled = guide.compile();
        VerifyReport report = Verifier.verify(compiled);
        assertThat(report.violations()).extracting(VerifyReport.Result::id)
                .containsExactlyInAnyOrder("lillevik.plantet.tiltak", "lillevik.plantet.avslutt");
        for (VerifyReport.Result violated : report.violations()) {
            VerifyReport.CounterExample ce = violated.counterExample().orElseThrow();
            Case pasted = Cases.parse(ce.yaml(), "pasted.yaml", guide, null);
            assertThat(pasted).as("%s read back from%n%s", violated.id(), ce.yaml()).isEqualTo(ce.aCase());
            boolean tiltak = violated.id().endsWith("tiltak");
            assertThat(ce.yaml()).contains("meeting:");
            assertThat(pasted.meeting().outcome()).hasValue(tiltak ? Meeting.Outcome.MEASURES_NEEDED : Meeting.Outcome.CLOSE);
            assertThat(compiled.evaluate(pasted).codes()).as("the pasted case%n%s", ce.yaml()).contains(tiltak ? "go-to-level" : "close-case");
        }
    }
}
