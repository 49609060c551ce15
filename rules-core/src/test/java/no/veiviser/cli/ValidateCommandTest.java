package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValidateCommandTest {

    @Test
    void validGuide() {
        Cli.Result r = Cli.run("validate", "--lang", "en", Cli.GUIDE).noStackTrace();

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("OK " + Cli.GUIDE + ": cli-test 2026.1, 3 rules\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void aFolderMeansItsGuideYamlAndTheGuideItExtendsIsFoundNextToIt() {
        Cli.Result r = Cli.run("validate", "--lang", "en", Cli.file("guides/cli-kommune")).noStackTrace();

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("OK " + Cli.KOMMUNE + ": cli-kommune 2026.2, 4 rules\n");
    }

    @Test
    void warningsArePrintedButTheGuideIsValid() {
        String file = Cli.file("guides/guide-warning.yaml");
        Cli.Result r = Cli.run("validate", "--lang", "en", file).noStackTrace();

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("OK " + file + ": cli-warning 1, 1 rule\n"
                + file + ":8:5: warning: rule 'no-source' cites no section of the guide\n"
                + "  hint: add source: {section: ..., text: ...} so a reader can check it\n");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void brokenGuideListsEveryProblemAtItsLineAndColumn() {
        Cli.Result r = Cli.run("validate", "--lang", "en", Cli.BROKEN_GUIDE).noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo(
                Cli.BROKEN_GUIDE + ":11:40: unknown signal 'worried-teachr'\n"
                + "  hint: did you mean 'worried-teacher'?\n"
                + Cli.BROKEN_GUIDE + ":13:9: unknown finding code 'involve-guardian'\n"
                + "  hint: did you mean 'involve-guardians'? (or declare it under 'codes:')\n"
                + "FAILED " + Cli.BROKEN_GUIDE + ": 2 errors\n");
    }

    @Test
    void yamlSyntaxErrorIsLocated() {
        String file = Cli.file("guides/guide-bad-yaml.yaml");
        Cli.Result r = Cli.run("validate", "--lang", "en", file).noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith(file + ":4:13: not valid YAML").contains("  hint: ");
    }

    @Test
    void checksEveryFileAndFailsIfAnyIsInvalid() {
        Cli.Result r = Cli.run("validate", "--lang", "en", Cli.GUIDE, Cli.BROKEN_GUIDE, Cli.KOMMUNE).noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("OK " + Cli.GUIDE + ": ").contains("OK " + Cli.KOMMUNE + ": ");
        assertThat(r.err()).contains(Cli.BROKEN_GUIDE + ":11:40: ").endsWith("veiviser: 1 of 3 guide files have problems\n");
    }

    @Test
    void missingFile() {
        Cli.Result r = Cli.run("validate", "--lang", "en", "no/such/guide.yaml").noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("veiviser: cannot find the guide file 'no/such/guide.yaml'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void folderWithoutGuide() {
        Cli.Result r = Cli.run("validate", "--lang", "en", Cli.file("cases")).noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("is a folder without a guide.yaml");
    }

    @Test
    void needsAtLeastOneFile() {
        Cli.Result r = Cli.run("validate").noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter").contains("Usage: veiviser validate");
    }

    @Test
    void help() {
        Cli.Result r = Cli.run("validate", "--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Usage: veiviser validate").contains("<guide.yaml>...");
    }
}
