package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LintCommandTest {
    static final String KOMMUNE = "src/test/resources/lint/lint-kommune";

    @Test
    void warningsWithIdsAndLocationsExitOne() {
        Cli.Result r = Cli.run("lint", "--lang", "en", KOMMUNE).noStackTrace();

        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains(KOMMUNE + "/guide.yaml:17:5: warning W001: rule 'kommune.no-source' cites no section of the guide\n")
                .contains("warning W004: rule 'kommune.no-source' is fired by no scenario")
                .doesNotContain("acknowledged-code")
                .endsWith("lint-kommune: 11 warnings, 1 acknowledged\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void showAcknowledged() {
        Cli.Result r = Cli.run("lint", "--lang", "en", KOMMUNE + "/guide.yaml", "--show-acknowledged").noStackTrace();

        assertThat(r.out()).contains("finding code 'acknowledged-code' is emitted by no rule (acknowledged)");
    }

    @Test
    void aGuideWithoutWarningsExitsZero() {
        Cli.Result r = Cli.run("lint", "--lang", "en", Cli.GUIDE).noStackTrace();

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("cli-test: 0 warnings\n");
        assertThat(r.err()).contains("W004").contains("not checked");
    }

    @Test
    void badInputExitsTwoWithoutAStackTrace() {
        Cli.Result r = Cli.run("lint", "--lang", "en", Cli.BROKEN_GUIDE).noStackTrace();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(":11:40: unknown signal 'worried-teachr'");

        Cli.Result missing = Cli.run("lint", "--lang", "en", KOMMUNE, "--scenarios", "no/such/dir").noStackTrace();
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot find the scenarios folder or file 'no/such/dir'");
    }
}
