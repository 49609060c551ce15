package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Helpers for the corpus of broken inputs under {@code src/test/resources/broken} (surefire runs in the
 * module directory, so the paths are relative to it). Problems are compared as {@code line:column: message}
 * (and {@code | hint: ...} where the hint matters), never with the file name, which is shown as given.
 */
final class Corpus {
    static final Path GUIDES = Path.of("src/test/resources/broken/guides");
    static final Path CASES = Path.of("src/test/resources/broken/cases");
    static final Path VALID = Path.of("src/test/resources/valid");
    static final LocalDate AS_OF = LocalDate.parse("2026-11-24");

    private Corpus() {}

    /** One expected problem; a null hint is not compared, an empty one means "no hint". */
    record Expect(int line, int column, String message, String hint) {
        String render(Problem p) {
            String head = p.line() + ":" + p.column() + ": " + (p.isError() ? "" : "warning: ") + p.message();
            return hint == null ? head : head + " | hint: " + p.hint();
        }

        String render() {
            String head = line + ":" + column + ": " + message;
            return hint == null ? head : head + " | hint: " + hint;
        }
    }

    static Expect at(int line, int column, String message) {
        return new Expect(line, column, message, null);
    }

    static Expect at(int line, int column, String message, String hint) {
        return new Expect(line, column, message, hint);
    }

    /** The problems match exactly, in order (file order), and are all errors. */
    static void assertProblems(List<Problem> actual, Expect... expected) {
        List<String> got = new ArrayList<>();
        for (int i = 0; i < actual.size(); i++) {
            Expect e = i < expected.length ? expected[i] : at(0, 0, "");
            got.add(e.render(actual.get(i)));
        }
        List<String> want = java.util.Arrays.stream(expected).map(Expect::render).toList();
        assertThat(got).as("problems (line:column: message | hint)").containsExactlyElementsOf(want);
    }

    /** Loads a guide that must fail, and returns its problems; every one must name the file as given. */
    static List<Problem> guideProblems(Path file) {
        GuideException e = assertThrows(GuideException.class, () -> Guides.load(file));
        assertThat(e.problems()).isNotEmpty();
        return e.problems();
    }

    static List<Problem> guideProblems(String name) {
        Path file = GUIDES.resolve(name);
        assertThat(file).as("corpus file").isRegularFile();
        List<Problem> problems = guideProblems(file);
        assertThat(problems).extracting(Problem::file).as("file names").containsOnly(file.toString());
        return problems;
    }

    /**
     * A municipal guide from the corpus that extends {@code base}: it is copied next to a copy of
     * {@code valid/base.yaml} in {@code dir}, where the loader finds the base as a sibling ({@code <dir>/base.yaml}).
     */
    static Path besideBase(String name, Path dir) throws IOException {
        Files.copy(VALID.resolve("base.yaml"), dir.resolve("base.yaml"));
        return Files.copy(GUIDES.resolve(name), dir.resolve(name));
    }

    /** Reads a case file that must fail (checked against {@code guide} when not null) and returns its problems. */
    static List<Problem> caseProblems(String name, Guide guide) {
        Path file = CASES.resolve(name);
        assertThat(file).as("corpus file").isRegularFile();
        CaseException e = assertThrows(CaseException.class, () -> Cases.read(file, guide, AS_OF));
        assertThat(e.problems()).isNotEmpty();
        assertThat(e.problems()).extracting(Problem::file).as("file names").containsOnly(file.toString());
        return e.problems();
    }

    static Guide kommune() {
        return Guides.load(VALID.resolve("kommune.yaml"));
    }
}
