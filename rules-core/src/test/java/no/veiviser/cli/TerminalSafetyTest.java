package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, finding 7: the CLI echoed raw control characters from its input to the terminal. Everything it prints goes
 * through {@link TerminalSafeWriter}; these tests check the escaping itself and, end to end, the commands that echo
 * input: a guide's texts (evaluate, validate, lint), a case's values (evaluate, explain), a scenario's name (test) and
 * a file name (diff).
 */
class TerminalSafetyTest {
    /** ESC (a colour, clearing the screen, retitling the window), BEL, CR, NUL, DEL and C1 (NEL, CSI). */
    static final String HOSTILE = "\u001b[31m\u001b[2J\u001b]0;owned\u0007\r\u0000\u007f\u0085\u009b";
    static final String ESCAPED = "\\u001b[31m\\u001b[2J\\u001b]0;owned\\u0007\\u000d\\u0000\\u007f\\u0085\\u009b";

    /** No C0 character but newline and tab, no DEL and no C1 character. */
    static void terminalSafe(String printed) {
        assertThat(printed.chars().filter(TerminalSafeWriter::unsafe).mapToObj(c -> String.format("U+%04X", c)))
                .as("control characters printed").isEmpty();
    }

    @Test
    void everyControlCharacterButNewlineAndTabIsEscaped() {
        for (int c = 0; c < 0x20; c++) {
            String s = String.valueOf((char) c);
            String expected = c == '\n' || c == '\t' ? s : String.format("\\u%04x", c);
            assertThat(TerminalSafeWriter.safe(s)).as("U+%04X", c).isEqualTo(expected);
        }
        for (int c = 0x7f; c <= 0x9f; c++) {
            assertThat(TerminalSafeWriter.safe(String.valueOf((char) c))).as("U+%04X", c).isEqualTo(String.format("\\u%04x", c));
        }
        assertThat(TerminalSafeWriter.safe("a" + HOSTILE + "b")).isEqualTo("a" + ESCAPED + "b");
    }

    @Test
    void textStaysAsItIs() {
        String text = "Barnets beste: æøå ÆØÅ § 13-1 «sitat» – \u00a0 é 😀\tkolonne\nny linje";
        assertThat(TerminalSafeWriter.safe(text)).isSameAs(text);
    }

    @Test
    void theWriterEscapesWhicheverWayItIsWrittenTo() throws IOException {
        StringWriter sink = new StringWriter();
        try (PrintWriter w = new PrintWriter(new TerminalSafeWriter(sink))) {
            w.write('\u001b');
            w.write(0x9b);
            w.write("x" + HOSTILE.toCharArray()[0], 0, 2);
            w.write(("[" + HOSTILE + "]").toCharArray(), 1, HOSTILE.length());
            w.print(HOSTILE);
            w.println();
            w.printf("%s%n", "\u0007");
        }
        assertThat(sink.toString()).isEqualTo("\\u001b\\u009bx\\u001b" + ESCAPED + ESCAPED + "\n\\u0007\n");
    }

    @Test
    void evaluateEscapesTheGuidesTextAndTheCasesValues(@TempDir Path dir) throws IOException {
        Path guide = hostileGuide(dir);
        Cli.Result r = Cli.run("evaluate", "--guide", guide.toString(), Cli.CASE).noStackTrace();
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("    Snakk " + ESCAPED + " med foresatte.\n");
        terminalSafe(r.out());

        Path aCase = Files.writeString(dir.resolve("case.yaml"),
                "asOf: 2026-11-24\nchild: {age: 9}\nconcern: {signals: [\"worried\\e[2J-teacher\\x85\"]}\n");
        Cli.Result bad = Cli.run("evaluate", "--guide", Cli.GUIDE, aCase.toString()).noStackTrace();
        assertThat(bad.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(bad.err()).contains("unknown signal 'worried\\u001b[2J-teacher\\u0085'");
        terminalSafe(bad.err());

        Cli.Result explained = Cli.run("explain", "--guide", Cli.GUIDE, "--rule", "involve-guardians", aCase.toString()).noStackTrace();
        assertThat(explained.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(explained.err()).contains("unknown signal 'worried\\u001b[2J-teacher\\u0085'");
        terminalSafe(explained.err());
    }

    @Test
    void validateAndLintEscapeTheTextsTheyQuote(@TempDir Path dir) throws IOException {
        Path guide = hostileGuide(dir);
        Cli.Result validated = Cli.run("validate", guide.toString()).noStackTrace();
        assertThat(validated.exit()).as(validated.err()).isZero();
        assertThat(validated.out() + validated.err()).contains("departs from barnevernsloven " + ESCAPED + "§ 13-1: Avvik" + ESCAPED);
        terminalSafe(validated.out());
        terminalSafe(validated.err());

        Cli.Result linted = Cli.run("lint", guide.toString()).noStackTrace();
        assertThat(linted.out() + linted.err()).contains("warning W007: rule 'involve-guardians' departs from barnevernsloven "
                + ESCAPED + "§ 13-1: Avvik" + ESCAPED);
        terminalSafe(linted.out());
        terminalSafe(linted.err());
    }

    @Test
    void testEscapesAScenariosName(@TempDir Path dir) throws IOException {
        Path guide = hostileGuide(dir);
        Files.createDirectories(dir.resolve("hostile/scenarios"));
        Files.writeString(dir.resolve("hostile/scenarios/s.yaml"), "scenarios:\n"
                + "  - name: \"a worry\\e[2J\\a\\r gets\\x9b involve-guardians\"\n"
                + "    case: {asOf: 2026-11-24, child: {age: 9}, concern: {since: 2026-10-01, signals: [worried-teacher]}}\n"
                + "    expect: {excludes: [involve-guardians]}\n");
        Cli.Result r = Cli.run("test", guide.getParent().toString()).noStackTrace();
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.EXIT_FINDINGS);
        assertThat(r.out()).contains("a worry\\u001b[2J\\u0007\\u000d gets\\u009b involve-guardians");
        terminalSafe(r.out());
        terminalSafe(r.err());
    }

    @Test
    void diffEscapesTheFileNamesItNames(@TempDir Path dir) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("changed\u001b[31m\u0007"));
        Path changed = Files.copy(Path.of(DiffCommandTest.CONSENT_16), folder.resolve("guide.yaml"));
        Cli.Result r = Cli.run("diff", "--lang", "en", "--base", DiffCommandTest.BASE, "--changed", changed.toString(), "--cases", DiffCommandTest.CASES)
                .noStackTrace();
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.EXIT_FINDINGS);
        assertThat(r.err()).contains("changed: " + dir.resolve("changed\\u001b[31m\\u0007").resolve("guide.yaml"));
        terminalSafe(r.out());
        terminalSafe(r.err());
    }

    @Test
    void logLinesAreEscapedToo() {
        java.io.PrintStream stderr = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        try {
            System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(CliLogging.reconfigure()).isTrue();
            org.slf4j.LoggerFactory.getLogger("no.veiviser.test").warn("guide refused: {}", HOSTILE,
                    new IllegalStateException("because " + HOSTILE));
        } finally {
            System.setErr(stderr);
            CliLogging.reconfigure();
        }
        String printed = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(printed).startsWith("veiviser: WARN no.veiviser.test: guide refused: " + ESCAPED + System.lineSeparator())
                .contains("IllegalStateException: because " + ESCAPED);
        terminalSafe(printed);
    }

    /** The CLI test guide with control characters (YAML escapes) in a finding's text and a deviation's law and note. */
    private static Path hostileGuide(Path dir) throws IOException {
        String yamlEscaped = "\\e[31m\\e[2J\\e]0;owned\\a\\r\\0\\x7f\\x85\\x9b";
        String guide = Cli.read("guides/cli-test/guide.yaml")
                .replace("text: Snakk med foresatte om bekymringen.", "text: \"Snakk " + yamlEscaped + " med foresatte.\"")
                .replace("    source:\n      section: \"Nivå 1: Undring og bekymring\"",
                        "    deviation: {law: \"barnevernsloven " + yamlEscaped + "§ 13-1\", note: \"Avvik" + yamlEscaped + "\"}\n"
                                + "    source:\n      section: \"Nivå 1: Undring og bekymring\"");
        assertThat(guide).contains("deviation:").contains("Snakk \\e");
        Path file = Files.createDirectories(dir.resolve("hostile")).resolve("guide.yaml");
        return Files.writeString(file, guide);
    }
}
