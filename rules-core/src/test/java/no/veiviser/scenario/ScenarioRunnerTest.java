package no.veiviser.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import no.veiviser.CaseException;
import no.veiviser.CompiledGuide;
import no.veiviser.Guide;
import no.veiviser.Guides;
import no.veiviser.Problem;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Scenario files, the runner's facts for failures, its coverage, and the four report formats. */
class ScenarioRunnerTest {
    static final Guide BASE = Guides.load(Path.of("src/test/resources/format/base/guide.yaml"));
    static final CompiledGuide COMPILED = BASE.compile();
    static final String FILE = "src/test/resources/scenarios/failing/base.yaml";
    static final ScenarioReport REPORT = ScenarioRunner.run(COMPILED, Scenarios.read(BASE, List.of(Path.of(FILE))));

    @Test
    void passingAndFailingScenariosAreTold() {
        assertThat(REPORT.results()).extracting(ScenarioResult::passed).containsExactly(true, false, false, false);
        assertThat(REPORT.failures()).isEqualTo(3);
    }

    @Test
    void aMissingFindingNamesTheRuleThatWouldEmitItAndItsFirstFalseCondition() {
        ScenarioResult r = REPORT.results().get(1);
        assertThat(r.scenario().where()).isEqualTo(FILE + ":8");
        assertThat(r.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.expected()).isEqualTo("includes a");
            assertThat(m.butWas()).isEqualTo("no a in []");
            assertThat(m.rule()).contains("base.a");
            assertThat(m.falseCondition()).contains("child.age >= 15 (consent-age) (actual: 14) at src/test/resources/format/base/guide.yaml:15:24");
        });
    }

    @Test
    void aFindingWithTheWrongDetailsShowsWhatItWas() {
        assertThat(REPORT.results().get(2).mismatches()).singleElement().satisfies(m -> {
            assertThat(m.expected()).isEqualTo("b due 2026-03-28");
            assertThat(m.butWas()).isEqualTo("b due 2026-03-29 from rule base.b");
        });
    }

    @Test
    void everyMismatchOfAScenarioIsReportedAsFacts() {
        ScenarioResult r = REPORT.results().get(3);
        assertThat(r.mismatches()).extracting(ScenarioResult.Mismatch::expected).containsExactly("level 2", "no b");
        assertThat(r.facts()).isEqualTo("""
                scenario:     s1 never gives b, which is wrong
                at:           src/test/resources/scenarios/failing/base.yaml:17
                expected:     level 2
                but was:      level 0
                expected:     no b
                but was:      b from rule base.b
                rule:         base.b
                rules fired:  [base.b]
                """);
    }

    @Test
    void coverageIsCountedOverAllScenarios() {
        // base.c (signal s2) never fires; child.age >= 15 and s1 are seen both ways; s2 is never true.
        assertThat(REPORT.coverage().rules()).isEqualTo(3);
        assertThat(REPORT.coverage().rulesNeverFired()).containsExactly("base.c");
        assertThat(REPORT.coverage().rulePercent()).isCloseTo(66.67, org.assertj.core.data.Offset.offset(0.01));
        assertThat(REPORT.coverage().conditions()).isEqualTo(3);
        assertThat(REPORT.coverage().conditionsNotBothWays()).containsExactly(
                "base.c: concern.signals contains s2 (src/test/resources/format/base/guide.yaml:23:12) — never true");
    }

    @Test
    void theTextReportListsPassesOnALineAndFailuresInFull() {
        String text = REPORT.toText();
        assertThat(text).startsWith("PASS a 15-year-old gets a\n\nFAIL a 14-year-old gets a too, which the guide does not say\n")
                .contains("  false:        child.age >= 15 (consent-age) (actual: 14)")
                .contains("base 1: 4 scenarios, 1 passed, 3 failed in ")
                .contains("rule coverage 66.7% (2/3), conditions both ways 66.7% (2/3)")
                .contains("Rules no scenario fired:\n  base.c\n");
    }

    @Test
    void theJUnitXmlReportParsesBackWithEveryFailure() throws Exception {
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(REPORT.toJUnitXml().getBytes(StandardCharsets.UTF_8)));
        Element suite = xml.getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("3");
        NodeList cases = suite.getElementsByTagName("testcase");
        assertThat(((Element) cases.item(1)).getAttribute("name")).isEqualTo("a 14-year-old gets a too, which the guide does not say");
        Element failure = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("expected includes a but was no a in []");
        assertThat(failure.getTextContent()).contains("rule:         base.a");
        assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void theJsonReportParsesBack() throws Exception {
        JsonNode json = new ObjectMapper().readTree(REPORT.toJson());
        assertThat(json.get("failures").asInt()).isEqualTo(3);
        JsonNode second = json.get("results").get(1);
        assertThat(second.get("line").asInt()).isEqualTo(8);
        assertThat(second.get("mismatches").get(0).get("falseCondition").asText()).startsWith("child.age >= 15 (consent-age) (actual: 14)");
        assertThat(json.get("coverage").get("rulesNeverFired").get(0).asText()).isEqualTo("base.c");
        assertThat(json.get("coverage").get("rulePercent").asDouble()).isEqualTo(66.7);
    }

    @Test
    void theMarkdownReportHasATableAndTheFailures() {
        assertThat(REPORT.toMarkdown()).contains("| ✅ | a 15-year-old gets a | `" + FILE + ":4` |")
                .contains("### ❌ s1 never gives b, which is wrong").contains("### Coverage gaps").contains("- base.c");
    }

    @Test
    void typosInCodesFieldsAndDatesAreLocatedErrors() {
        assertThatThrownBy(() -> Scenarios.read(BASE, List.of(Path.of("src/test/resources/scenarios/typos"))))
                .isInstanceOf(CaseException.class)
                .satisfies(e -> assertThat(((CaseException) e).problems()).extracting(Problem::toString).containsExactly(
                        "src/test/resources/scenarios/typos/typos.yaml:5:18: unknown finding code 'aa'\n  hint: did you mean 'a'?",
                        "src/test/resources/scenarios/typos/typos.yaml:7:38: unknown key 'agee' in 'child'\n  hint: did you mean 'age'?",
                        "src/test/resources/scenarios/typos/typos.yaml:11:18: asOf '2026-02-30' is not a valid date\n  hint: write dates as YYYY-MM-DD, for example 2026-11-24",
                        "src/test/resources/scenarios/typos/typos.yaml:15:11: the case needs 'asOf', so that the result never depends on today's date",
                        "src/test/resources/scenarios/typos/typos.yaml:17:7: unknown key 'exclude' in 'expect'\n  hint: did you mean 'excludes'?"));
    }
}
