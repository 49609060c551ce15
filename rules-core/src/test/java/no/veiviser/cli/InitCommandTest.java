package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** init, then validate, test, lint and docs on the new folder, unchanged. */
class InitCommandTest {
    @Test
    void everyPlaceholderInitWritesIsOneLintFinds(@TempDir Path dir) throws Exception {
        assertThat(Cli.run("init", "--dir", dir.toString(), "lillevik").exit()).isZero();
        String guide = Files.readString(dir.resolve("lillevik/guide.yaml"));
        for (String text : no.veiviser.internal.InitPlaceholders.TEXTS) {
            assertThat(guide).as("init writes the placeholder").contains(text);
            assertThat(no.veiviser.internal.InitPlaceholders.PATTERNS).as("lint W009 finds '" + text + "'")
                    .anyMatch(p -> p.matcher(text).find());
        }
        // Lint finds a W009 for each of the two places init writes them into: the parameter and the example rule.
        Cli.Result lint = Cli.run("lint", dir.resolve("lillevik").toString()).noStackTrace();
        assertThat(lint.out().lines().filter(l -> l.contains("warning W009"))).hasSize(2);
    }

    @Test
    void initThenValidateTestLintAndDocs(@TempDir Path dir) throws Exception {
        Cli.Result init = Cli.run("init", "--extends", "norge", "--dir", dir.toString(), "lillevik").noStackTrace();
        assertThat(init.exit()).isZero();
        Path folder = dir.resolve("lillevik");
        assertThat(folder.resolve("guide.yaml")).exists();
        assertThat(folder.resolve("scenarios/lillevik.yaml")).exists();
        assertThat(folder.resolve("README.md")).content().contains("veiviser validate " + folder);
        assertThat(folder.resolve("guide.yaml")).content().contains("extends: norge").contains("# ");

        Cli.Result validate = Cli.run("validate", "--lang", "en", folder.toString()).noStackTrace();
        assertThat(validate.exit()).as(validate.err()).isZero();
        assertThat(validate.out()).startsWith("OK " + folder.resolve("guide.yaml") + ": lillevik 0.1, ");
        assertThat(validate.out()).doesNotContain("warning");

        Cli.Result test = Cli.run("test", "--lang", "en", folder.toString()).noStackTrace();
        assertThat(test.exit()).as(test.out() + test.err()).isZero();
        assertThat(test.out()).contains("on level 1, a worry about well-being means contacting the BTI coordinator within two weeks");

        // init's placeholders are instructions to the author: lint says so until they are replaced (W009).
        Cli.Result lint = Cli.run("lint", "--lang", "en", folder.toString()).noStackTrace();
        assertThat(lint.exit()).as(lint.out()).isEqualTo(1);
        assertThat(lint.out()).contains("warning W009: parameter 'coordinator-contact-within' still has a placeholder from "
                        + "'veiviser init': \"(skriv avsnittet her)\"")
                .contains("warning W009: rule 'lillevik.level1.contact-coordinator' still has a placeholder from "
                        + "'veiviser init': \"An example to replace\"")
                .endsWith("lillevik: 2 warnings\n");
        assertThat(lint.out().lines().filter(l -> l.contains("warning W0"))).allMatch(l -> l.contains("W009"));

        // Replacing them leaves a guide without warnings.
        Path guide = folder.resolve("guide.yaml");
        Files.writeString(guide, Files.readString(guide)
                .replace("(skriv avsnittet her)", "Samarbeid")
                .replace("An example to replace: on", "On")
                .replace("Nivå 1 › Samarbeid (skriv avsnittets tittel slik veilederen har den)", "Nivå 1 › Samarbeid")
                .replace("Sitér de 1-3 setningene i veilederen som regelen bygger på.", "Kontakt BTI-koordinator innen to uker."));
        Cli.Result clean = Cli.run("lint", "--lang", "en", folder.toString()).noStackTrace();
        assertThat(clean.exit()).as(clean.out()).isZero();
        assertThat(clean.out()).isEqualTo("lillevik: 0 warnings\n");

        Path handbook = dir.resolve("handbook");
        Cli.Result docs = Cli.run("docs", folder.toString(), "--output", handbook.toString()).noStackTrace();
        assertThat(docs.exit()).isZero();
        var d = Jsoup.parse(Files.readString(handbook.resolve("index.html")));
        assertThat(d.getElementById("rule-lillevik.level1.contact-coordinator")).isNotNull();
        assertThat(d.getElementById("param-coordinator-contact-within")).isNotNull();
    }

    @Test
    void refusesAnExistingFolderAndABadId(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("taken"));
        Cli.Result exists = Cli.run("init", "--dir", dir.toString(), "taken").noStackTrace();
        assertThat(exists.exit()).isEqualTo(2);
        assertThat(exists.err()).contains("already exists");

        Cli.Result bad = Cli.run("init", "--dir", dir.toString(), "Bad Id").noStackTrace();
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("'Bad Id' is not a valid guide id");
    }
}
