package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide for authors (docs/forfatterveiledning.md) quotes the messages of the mistakes people make; they cannot
 * drift: each mistake is made here on a guide from {@code veiviser init}, as the text describes it, and the message
 * the text shows must be what the command prints (with the folder {@code lillevik/} where the test works elsewhere).
 */
class ForfatterveiledningTest {
    static final Path DOC = Path.of("..", "docs", "forfatterveiledning.md");

    @TempDir
    static Path tmp;

    /** The message blocks of the section "Vanlige feil", in order. */
    static List<String> blocks;

    @BeforeAll
    static void readTheMistakes() throws IOException {
        String doc = Files.readString(DOC);
        int from = doc.indexOf("\n## Vanlige feil");
        assertThat(from).as("the section 'Vanlige feil'").isPositive();
        int to = doc.indexOf("\n## ", from + 1);
        Matcher block = Pattern.compile("\n```\n(.*?)\n```", Pattern.DOTALL).matcher(doc.substring(from, to < 0 ? doc.length() : to));
        blocks = new ArrayList<>();
        while (block.find()) {
            blocks.add(block.group(1));
        }
        assertThat(blocks).as("the message blocks of 'Vanlige feil'").hasSize(9);
    }

    /** A fresh guide from init, changed by {@code edit} (guide.yaml) and {@code scenarios} (scenarios/lillevik.yaml). */
    private static Path guide(String name, UnaryOperator<String> edit, UnaryOperator<String> scenarios) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        Cli.Result init = Cli.run("init", "--extends", "norge", "--dir", dir.toString(), "lillevik");
        assertThat(init.exit()).as(init.err()).isZero();
        Path lillevik = dir.resolve("lillevik");
        change(lillevik.resolve("guide.yaml"), edit);
        change(lillevik.resolve("scenarios/lillevik.yaml"), scenarios);
        return lillevik;
    }

    private static void change(Path file, UnaryOperator<String> edit) throws IOException {
        Files.writeString(file, edit.apply(Files.readString(file)));
    }

    private static UnaryOperator<String> replace(String what, String with) {
        return s -> {
            assertThat(s).as("the text init writes").contains(what);
            return s.replace(what, with);
        };
    }

    /** What the command prints (both streams), with the test's folder shown as the author's {@code lillevik/}. */
    private static String run(Path lillevik, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add(lillevik.toString());
        Cli.Result r = Cli.run(all.toArray(String[]::new)).noStackTrace();
        return (r.out() + r.err()).replace(lillevik.getParent().toString() + java.io.File.separator, "");
    }

    @Test
    void aKeyIndentedByFourWhereTheLinesBesideItUseTwo() throws IOException {
        Path g = guide("indent", replace("    source:\n      section:", "    source:\n        section:"), s -> s);
        assertThat(run(g, "validate")).contains(blocks.get(0));
    }

    @Test
    void aDurationWrittenAsText() throws IOException {
        Path g = guide("after", replace("due: {after: coordinator-contact-within,", "due: {after: 1 week,"), s -> s);
        assertThat(run(g, "validate")).contains(blocks.get(1));
    }

    @Test
    void aFieldThatDoesNotExist() throws IOException {
        Path g = guide("field", replace("- case.level: {gte: 1}", "- case.levle: {gte: 1}"), s -> s);
        assertThat(run(g, "validate")).contains(blocks.get(2));
    }

    @Test
    void aSignalThatDoesNotExistInAScenario() throws IOException {
        Path g = guide("signal", s -> s, s -> s + SCENARIO.replace("concerning-absence", "worried-teacher"));
        assertThat(run(g, "test")).contains(blocks.get(3));
    }

    @Test
    void aRuleWithoutSource() throws IOException {
        Path g = guide("source", s -> s.replaceAll("(?s)\n    source:\n      section: [^\n]*\n      text: [^\n]*", ""), s -> s);
        assertThat(run(g, "lint")).contains(blocks.get(4));
    }

    @Test
    void theIdOfARuleOfNorge() throws IOException {
        Path g = guide("id", replace("  - id: lillevik.level1.contact-coordinator", "  - id: norge.individual-plan"), s -> s);
        assertThat(run(g, "validate")).contains(blocks.get(5));
    }

    @Test
    void anExceptionWithholdingALabelNoRuleCarries() throws IOException {
        Path g = guide("label", s -> s + """

                exceptions:
                  - id: lillevik.no-contact-when-violence
                    description: Ved mistanke om vold kontaktes ikke koordinatoren først.
                    when: {concept: suspected-violence}
                    withholds: [{label: tells-coordinator}]
                """, s -> s);
        assertThat(run(g, "validate")).contains(blocks.get(6));
    }

    @Test
    void aScenarioThatFails() throws IOException {
        Path g = guide("scenario", s -> s, s -> s + SCENARIO);
        assertThat(run(g, "test")).contains(blocks.get(7));
    }

    @Test
    void aTextWithAColonWithoutQuotes() throws IOException { // issue 26 item 9: the hint says to quote, not to indent
        Path g = guide("colon", replace("text: Ta kontakt med kommunens", "text: Merk: ta kontakt med kommunens"), s -> s);
        assertThat(run(g, "validate")).contains(blocks.get(8));
    }

    /** The scenario the text adds: a worry about absence, which the example rule does not cover. */
    static final String SCENARIO = """

              - name: a pupil on level 1 whose teacher is worried gets the coordinator too
                extend: pupil
                case: {concern: {since: 2026-11-02, signals: [concerning-absence]}, case: {level: 1}}
                expect:
                  includes: [contact-bti-coordinator]
            """;
}
