package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

class TestCommandTest {
    static final String FAILING = Cli.DIR.resolve("testing/failing").toString();
    static final String PASSING = Cli.DIR.resolve("testing/passing").toString();

    @Test
    void allPassingExitsZeroWithOneLineEachAndCoverage() {
        Cli.Result r = Cli.run("test", "--lang", "en", PASSING).noStackTrace();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("PASS a 15-year-old gets a\nPASS a 14-year-old does not\nPASS s1 is due four weeks after the worry arose\n")
                .contains("base 1: 3 scenarios, 3 passed, 0 failed in ")
                .contains("rule coverage 66.7% (2/3)")
                .contains("Rules no scenario fired:\n  base.c\n");
    }

    @Test
    void aBundledGuideIdRunsItsBundledScenariosWhereverItRuns() {
        // Tests run in rules-core/, which has no guides/norge folder: the id must mean the bundled guide, as in evaluate.
        assertThat(Path.of("guides", "norge")).doesNotExist();
        Cli.Result r = Cli.run("test", "--lang", "en", "norge").noStackTrace();
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).containsPattern("(?m)^norge \\S+: \\d+ scenarios, \\d+ passed, 0 failed in ").contains("PASS ");
        Cli.Result unknown = Cli.run("test", "--lang", "en", "norgee").noStackTrace();
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("cannot find 'norgee'").contains("bundled: ").contains("norge");
    }

    @Test
    void aFailureExitsOneAndIsPrintedInFull() {
        Cli.Result r = Cli.run("test", "--lang", "en", FAILING).noStackTrace();
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("FAIL a 14-year-old gets a too, which the guide does not say\n"
                + "  scenario:     a 14-year-old gets a too, which the guide does not say\n"
                + "  at:           " + FAILING + "/scenarios/base.yaml:8\n"
                + "  expected:     includes a\n"
                + "  but was:      no a in []\n"
                + "  rule:         base.a\n"
                + "  false:        child.age >= 15 (consent-age) (actual: 14) at " + FAILING + "/guide.yaml:15:24\n");
    }

    @Test
    void coverageBelowTheMinimumFails() {
        Cli.Result r = Cli.run("test", "--lang", "en", PASSING, "--fail-under-coverage", "100");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("base: rule coverage 66.7% is below 100.0%");
        assertThat(Cli.run("test", "--lang", "en", PASSING, "--fail-under-coverage", "60").exit()).isZero();
    }

    @Test
    void aJUnitReportIsWrittenForCiServers(@TempDir Path tmp) throws Exception {
        Path xml = tmp.resolve("reports/scenarios.xml");
        Cli.Result r = Cli.run("test", "--lang", "en", FAILING, "--report", "junit", "--output", xml.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("wrote junit report to " + xml);
        Element suite = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile()).getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("4");
        assertThat(suite.getAttribute("failures")).isEqualTo("3");
    }

    @Test
    void aJsonReportGoesToStandardOutputWithoutOutput() throws Exception {
        Cli.Result r = Cli.run("test", "--lang", "en", PASSING, "--report", "json");
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("scenarios").asInt()).isEqualTo(3);
        assertThat(json.get("coverage").get("rulesNeverFired").get(0).asText()).isEqualTo("base.c");
    }

    @Test
    void aMarkdownReportForAPullRequest(@TempDir Path tmp) throws Exception {
        Path md = tmp.resolve("report.md");
        Cli.run("test", "--lang", "en", FAILING, "--report", "md", "--output", md.toString());
        assertThat(Files.readString(md)).startsWith("## Scenarios: base 1\n").contains("### ❌ s1 never gives b, which is wrong");
    }

    @Test
    void aTypoInAScenarioIsBadInputWithItsLocation() {
        Cli.Result r = Cli.run("test", "--lang", "en", Cli.DIR.resolve("testing/typo").toString()).noStackTrace();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(Cli.DIR.resolve("testing/typo/scenarios/typo.yaml") + ":3:50: unknown signal 's11'\n  hint: did you mean 's1'?");
    }

    @Test
    void anUnknownTargetIsBadInput() {
        Cli.Result r = Cli.run("test", "--lang", "en", "no/such/dir").noStackTrace();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("veiviser: cannot find 'no/such/dir'");
    }

    @Test
    void aScenarioFolderIsRunAgainstTheGuideAboveIt() {
        Cli.Result r = Cli.run("test", "--lang", "en", Cli.DIR.resolve("testing/passing/scenarios").toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("3 scenarios, 3 passed");
    }
}
