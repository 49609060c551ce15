package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15, one language per output: {@code --lang nb|en} on every command that prints for people, nb by default. For
 * each command a heading or label that differs between the two; problem messages stay English in both.
 */
class LanguageOptionTest {
    /** The command with {@code --lang lang} added (or not, for the default). */
    static Cli.Result run(String lang, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (lang != null) {
            all.add("--lang");
            all.add(lang);
        }
        return Cli.run(all.toArray(String[]::new)).noStackTrace();
    }

    @Test
    void evaluate() {
        assertThat(run(null, "evaluate", "--guide", Cli.GUIDE, Cli.CASE).out()).contains("Anbefalt nivå: 1");
        assertThat(run("en", "evaluate", "--guide", Cli.GUIDE, Cli.CASE).out()).contains("Recommended level: 1").doesNotContain("Anbefalt");
    }

    @Test
    void explain() {
        String[] args = {"explain", "--guide", Cli.GUIDE, "--rule", "involve-guardians", Cli.CASE};
        Cli.Result nb = run(null, args);
        Cli.Result en = run("en", args);
        assertThat(nb.exit()).isZero();
        assertThat(nb.out()).contains("Regler som slo til: 1 av 3").contains("SLO TIL  involve-guardians").contains("  gir: ");
        assertThat(en.out()).contains("Rules fired: 1 of 3").contains("FIRED  involve-guardians").contains("  emits: ");
        assertThat(run("nb", args).out()).isEqualTo(nb.out());
    }

    @Test
    void test() {
        Cli.Result nb = run(null, "test", TestCommandTest.PASSING);
        Cli.Result en = run("en", "test", TestCommandTest.PASSING);
        assertThat(nb.exit()).isZero();
        assertThat(nb.out()).contains("OK   a 15-year-old gets a").containsPattern("3 scenarioer, 3 bestått, 0 feilet på \\d+ ms; regeldekning");
        assertThat(en.out()).contains("PASS a 15-year-old gets a").containsPattern("3 scenarios, 3 passed, 0 failed in \\d+ ms; rule coverage");
    }

    @Test
    void diff() {
        String[] args = {"diff", "--base", DiffCommandTest.BASE, "--changed", DiffCommandTest.CONSENT_16, "--cases", DiffCommandTest.CASES};
        Cli.Result nb = run(null, args);
        Cli.Result en = run("en", args);
        assertThat(nb.exit()).isEqualTo(1);
        assertThat(nb.out()).contains("Endringer i veilederen: ").contains("endret: 1 av 4 saker (25.00%)")
                .containsPattern("kode fjernet\\s+youth-consent\\s+1\\s+25.00%");
        assertThat(en.out()).contains("Guide diff: ").contains("changed: 1 of 4 cases (25.00%)")
                .containsPattern("code removed\\s+youth-consent\\s+1\\s+25.00%");
        assertThat(nb.err()).startsWith("før:   ");
        assertThat(en.err()).startsWith("base:    ");
        assertThat(run(null, "diff", "--base", DiffCommandTest.BASE, "--changed", DiffCommandTest.CONSENT_16, "--cases",
                DiffCommandTest.CASES, "--format", "md").out()).contains("## Virkning av ").contains("| slag | hva | saker | andel | eksempler |");
    }

    @Test
    void validate() {
        assertThat(run(null, "validate", Cli.GUIDE).out()).endsWith(", 3 regler\n");
        assertThat(run("en", "validate", Cli.GUIDE).out()).endsWith(", 3 rules\n");
        // Problem messages are English in both languages; the summary line follows --lang.
        Cli.Result broken = run(null, "validate", Cli.BROKEN_GUIDE);
        assertThat(broken.exit()).isEqualTo(2);
        assertThat(broken.err()).contains("unknown signal 'worried-teachr'").contains("FEILET ");
        assertThat(run("en", "validate", Cli.BROKEN_GUIDE).err()).contains("unknown signal 'worried-teachr'").contains("FAILED ");
    }

    @Test
    void lint(@TempDir Path dir) {
        Cli.Result nb = run(null, "lint", Cli.GUIDE);
        Cli.Result en = run("en", "lint", Cli.GUIDE);
        assertThat(nb.out()).endsWith("cli-test: 0 advarsler\n");
        assertThat(en.out()).endsWith("cli-test: 0 warnings\n");
        assertThat(nb.err()).startsWith("merk: ingen scenarios-mappe");
        assertThat(en.err()).startsWith("note: no scenarios folder");
    }

    @Test
    void docs(@TempDir Path dir) throws IOException {
        Path nb = dir.resolve("nb");
        Path en = dir.resolve("en");
        assertThat(run(null, "docs", Cli.file("guides/cli-kommune"), "--output", nb.toString()).out()).startsWith("skrev håndboken for cli-kommune");
        assertThat(run("en", "docs", Cli.file("guides/cli-kommune"), "--output", en.toString()).out()).startsWith("wrote the handbook of cli-kommune");
        var norwegian = Jsoup.parse(Files.readString(nb.resolve("index.html")));
        var english = Jsoup.parse(Files.readString(en.resolve("index.html")));
        assertThat(norwegian.select("html").attr("lang")).isEqualTo("nb");
        assertThat(english.select("html").attr("lang")).isEqualTo("en");
        assertThat(norwegian.select("#rules > h2").text()).isEqualTo("Regler");
        assertThat(english.select("#rules > h2").text()).isEqualTo("Rules");
        assertThat(norwegian.select("#rules h4").eachText()).contains("Når", "Da", "Kilde");
        assertThat(english.select("#rules h4").eachText()).contains("When", "Then", "Source").doesNotContain("Når", "Da", "Kilde");
        // The conditions too: Norwegian names of facts, or their paths in the case for English readers.
        assertThat(english.select("ul.when li").eachText()).noneMatch(t -> t.contains("omfatter") || t.contains("alle disse gjelder"));
    }

    @Test
    void anUnknownLanguageIsAUsageError() {
        Cli.Result r = run("de", "explain", "--guide", Cli.GUIDE, Cli.CASE);
        assertThat(r.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("--lang").contains("nb, en");
    }
}
