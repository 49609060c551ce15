package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class VerifyCommandTest {
    static final String PLANTED = "src/test/resources/verify/planted";
    static final String FIXED = "src/test/resources/verify/fixed/guide.yaml";

    @Test
    void aViolationExitsOneWithTheCounterExampleAsACase() {
        Cli.Result r = Cli.run("verify", PLANTED).noStackTrace();

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).startsWith("planted: 1 invariant, 0 proved for every case, 1 violated\n")
                .contains("  VIOLATED  silent-with-violence (neverTogether, from planted): Guardians are never told while violence is suspected.\n")
                .contains("    counter-example with 2 facts (fewest possible), to paste into a scenario:\n"
                        + "      case:\n"
                        + "        asOf: 2026-01-01\n"
                        + "        concern:\n"
                        + "          signals: [violence-suspected, wellbeing-concern]\n")
                .contains("      do-not-notify-guardians (rule violence)\n")
                .contains("      involve-guardians (rule involve, who: guardians)\n")
                .contains("rules that can never fire: none\n")
                .containsPattern("time: \\d+ ms");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void provedExitsZero() {
        Cli.Result r = Cli.run("verify", FIXED).noStackTrace();

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("fixed: 1 invariant, 1 proved for every case, 0 violated\n")
                .contains("  proved    silent-with-violence");
    }

    @Test
    void severalGuidesAsJson() throws Exception {
        Cli.Result r = Cli.run("verify", FIXED, PLANTED, "--format", "json").noStackTrace();

        assertThat(r.exit()).isEqualTo(1);
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertThat(json.get("clean").asBoolean()).isFalse();
        assertThat(json.get("guides")).hasSize(2);
        assertThat(json.get("guides").get(0).get("clean").asBoolean()).isTrue();
        JsonNode violated = json.get("guides").get(1).get("invariants").get(0);
        assertThat(violated.get("proved").asBoolean()).isFalse();
        assertThat(violated.get("counterExample").get("facts").asInt()).isEqualTo(2);
        assertThat(violated.get("counterExample").get("case").asText()).contains("signals: [violence-suspected, wellbeing-concern]");
        assertThat(violated.get("counterExample").get("offending").findValuesAsText("code"))
                .containsExactlyInAnyOrder("do-not-notify-guardians", "involve-guardians");
    }

    @Test
    void badInputExitsTwoWithoutAStackTrace() {
        Cli.Result broken = Cli.run("verify", Cli.BROKEN_GUIDE).noStackTrace();
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.out()).isEmpty();

        Cli.Result format = Cli.run("verify", FIXED, "--format", "xml").noStackTrace();
        assertThat(format.exit()).isEqualTo(2);
        assertThat(format.err()).contains("unknown format 'xml'");

        Cli.Result missing = Cli.run("verify", "no-such-guide").noStackTrace();
        assertThat(missing.exit()).isEqualTo(2);
    }
}
