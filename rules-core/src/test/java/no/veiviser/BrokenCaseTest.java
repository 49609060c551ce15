package no.veiviser;

import static no.veiviser.Corpus.AS_OF;
import static no.veiviser.Corpus.assertProblems;
import static no.veiviser.Corpus.at;
import static no.veiviser.Corpus.caseProblems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every broken case in {@code src/test/resources/broken/cases} gets a located error with the exact
 * {@code line:column}, message and (where it helps) hint. Codes are checked against {@code valid/kommune.yaml}
 * where a test says so ({@code Cases.read(path, guide)}).
 */
class BrokenCaseTest {
    static final String DATE_HINT = "write dates as YYYY-MM-DD, for example 2026-11-24";
    static final String SIGNALS_OF_KOMMUNE = "expected one of: concerning-absence, violence-suspected, wellbeing-concern";

    static Guide kommune;

    @TempDir
    Path tmp;

    @BeforeAll
    static void loadGuide() {
        kommune = Corpus.kommune();
    }

    @Test
    void unknownTopLevelFieldWithHint() {
        assertProblems(caseProblems("unknown-top-level-field.yaml", null),
                at(2, 1, "unknown key 'chld' in a case", "did you mean 'child'?"));
    }

    @Test
    void unknownFieldInChild() {
        assertProblems(caseProblems("unknown-child-field.yaml", null),
                at(5, 3, "unknown key 'livesInKommune' in 'child'", "expected one of: age, birthDate, livesInMunicipality, setting"));
    }

    @Test
    void ageIsNotANumber() {
        assertProblems(caseProblems("age-not-a-number.yaml", null),
                at(3, 8, "child.age must be a whole number, not 'ten' (a text)", ""));
    }

    @Test
    void invalidDate() {
        assertProblems(caseProblems("invalid-date.yaml", null),
                at(3, 10, "concern.since '2026-02-30' is not a valid date", DATE_HINT));
    }

    @Test
    void bothAgeAndBirthDateIsAnErrorAtTheSecondKey() {
        assertProblems(caseProblems("age-and-birth-date.yaml", null),
                at(5, 3, "the child has both 'age' and 'birthDate'", "give one of them: birthDate is more precise"));
    }

    @Test
    void unknownSignalCheckedAgainstTheGuide() {
        assertProblems(caseProblems("unknown-signal.yaml", kommune),
                at(6, 7, "unknown signal 'violence-suspectd'", "did you mean 'violence-suspected'?"));
    }

    @Test
    void unknownSignalWithoutAGuideIsCaughtWhenEvaluated() {
        Case c = Cases.read(Corpus.CASES.resolve("unknown-signal.yaml"), null, AS_OF);
        CaseException e = assertThrows(CaseException.class, () -> kommune.compile().evaluate(c));
        assertThat(e.problems()).extracting(Problem::message).containsExactly("concern.signals[1]: unknown signal 'violence-suspectd'");
        assertThat(e.problems()).extracting(Problem::hint).containsExactly("did you mean 'violence-suspected'?");
    }

    @Test
    void unknownServicesCheckedAgainstTheGuide() {
        assertProblems(caseProblems("unknown-service.yaml", kommune),
                at(3, 22, "unknown service 'helsestasjonen'", "did you mean 'helsestasjon'?"),
                at(5, 12, "unknown service 'skole'", "expected one of: helsestasjon, school"));
    }

    @Test
    void consentValueTypoWithHint() {
        assertProblems(caseProblems("consent-typo.yaml", null),
                at(3, 14, "unknown value for consent.guardians 'givne'", "did you mean 'given'?"));
    }

    @Test
    void caseLevelOutOfRange() {
        // a level is one of the guide's levels (a guide may have more than four), so the guide decides
        assertProblems(caseProblems("level-out-of-range.yaml", kommune),
                at(3, 10, "unknown level '5' for case.level", "the guide's levels are 0, 1, 2, 3"));
    }

    @Test
    void birthDateAfterAsOf() {
        assertProblems(caseProblems("birth-date-after-as-of.yaml", null),
                at(3, 14, "child.birthDate 2027-01-15 is after asOf 2026-11-24", "check the date, or set asOf to the date of the assessment"));
    }

    @Test
    void notAMapping() {
        assertProblems(caseProblems("not-a-mapping.yaml", null),
                at(1, 1, "a case must be a mapping (key: value lines), not a list", ""));
    }

    @Test
    void jsonSyntaxError() {
        assertProblems(caseProblems("syntax-error.json", null),
                at(3, 22, "not valid JSON: Unexpected character ('}' (code 125)): was expecting double-quote to start field name",
                        "check quotes, commas and brackets"));
    }

    @Test
    void signalsNotAList() {
        assertProblems(caseProblems("signals-not-a-list.yaml", kommune),
                at(3, 12, "'signals' must be a list (lines starting with '- '), not a text", ""));
    }

    @Test
    void duplicateKey() {
        assertProblems(caseProblems("duplicate-key.yaml", null),
                at(4, 1, "duplicate key 'child' (first written at line 2)", "keep one of them"));
    }

    @Test
    void anchorsAndAliasesAreRefused() {
        assertProblems(caseProblems("alias.yaml", null),
                at(3, 12, "YAML anchors (&s) are not allowed", "remove the anchor"),
                at(5, 13, "YAML aliases (*s) are not allowed", "write the value out in full; aliases can make a small file expand without limit"));
    }

    @Test
    void deepNestingInJsonIsRefused() {
        assertProblems(caseProblems("deep-nesting.json", null),
                at(1, 52, "nesting is deeper than 20 levels", "flatten the structure"));
    }

    @Test
    void severalProblemsAreAllReportedInFileOrder() {
        assertProblems(caseProblems("several-problems.yaml", kommune),
                at(3, 8, "child.age must be between 0 and 30, not -1", ""),
                at(4, 12, "unknown value for child.setting 'scool'", "did you mean 'school'?"),
                at(6, 10, "concern.since '2026-13-01' is not a valid date", DATE_HINT),
                at(7, 13, "unknown value for concern.progress 'better'", "expected one of: improved, unchanged, worse"),
                at(9, 14, "unknown value for consent.guardians 'refuse'", "did you mean 'refused'?"));
    }

    // ---- limits ----------------------------------------------------------------------------------

    @Test
    void tenMegabyteCaseFileIsRefusedQuickly() throws IOException {
        Path file = tmp.resolve("huge.yaml");
        Files.writeString(file, "asOf: 2026-11-24\nconcern:\n  since: " + "9".repeat(10 << 20) + "\n");
        CaseException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(CaseException.class, () -> Cases.read(file, kommune, AS_OF)));
        assertProblems(e.problems(), at(1, 1, "the file is 10.0 MiB; the limit is 256.0 KiB", "split it, or check that it is the right file"));
    }

    @Test
    void tenMegabyteStreamIsRefusedQuickly() {
        byte[] bytes = ("asOf: \"" + "x".repeat(10 << 20) + "\"\n").getBytes(StandardCharsets.UTF_8);
        CaseException e = assertTimeoutPreemptively(Duration.ofSeconds(2), () -> assertThrows(CaseException.class,
                () -> Cases.read(new ByteArrayInputStream(bytes), "stdin", kommune, AS_OF)));
        assertProblems(e.problems(), at(1, 1, "the input is larger than the limit of 256.0 KiB", "check that it is the right input"));
        assertThat(e.problems().get(0).file()).isEqualTo("stdin");
    }

    @Test
    void longValueUnderTheSizeLimitIsRefused() {
        String text = "{\"asOf\": \"" + "9".repeat(100_000) + "\"}";
        CaseException e = assertThrows(CaseException.class, () -> Cases.parse(text, "case.json", kommune, AS_OF));
        assertProblems(e.problems(), at(1, 1, "line 1 has 100012 characters; a value may have at most 2000",
                "a case holds dates, codes, numbers and true/false; check that it is the right input")); // issue 28: not the guide-text hint
    }

    @Test
    void aliasBombInACaseIsRefusedQuickly() {
        StringBuilder bomb = new StringBuilder("asOf: 2026-11-24\nconcern:\n  signals: &a [wellbeing-concern]\nadult:\n");
        String previous = "a";
        for (char c = 'b'; c <= 'j'; c++) {
            bomb.append("  ").append(c).append(": &").append(c).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*" + previous))).append("]\n");
            previous = String.valueOf(c);
        }
        CaseException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(CaseException.class, () -> Cases.parse(bomb.toString(), "bomb.yaml", kommune, AS_OF)));
        assertThat(e.problems()).anyMatch(p -> p.message().equals("YAML aliases (*a) are not allowed") && p.line() == 5 && p.column() == 10);
    }

    @Test
    void yamlTagInACaseIsRefused() {
        CaseException e = assertThrows(CaseException.class,
                () -> Cases.parse("asOf: !!java.util.Date 2026-11-24\n", "tag.yaml", null, AS_OF));
        assertProblems(e.problems(), at(1, 7, "YAML tags (tag:yaml.org,2002:java.util.Date) are not allowed",
                "remove the tag; values are plain text, numbers and true/false"));
    }

    // ---- the whole corpus ------------------------------------------------------------------------

    /** Known library bugs, asserted precisely by {@link #nullSignalIsAnError}. */

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.list(Corpus.CASES)) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @DisplayName("every broken case gets located errors and nothing else, checked against a guide")
    void everyBrokenCaseGetsLocatedErrorsAndNothingElse(Path file) {
        CaseException e = assertTimeoutPreemptively(Duration.ofSeconds(2),
                () -> assertThrows(CaseException.class, () -> Cases.read(file, kommune, AS_OF)));
        assertThat(e.problems()).filteredOn(Problem::isError).isNotEmpty();
        for (Problem p : e.problems()) {
            assertThat(p.line()).as("line of %s", p).isPositive();
            assertThat(p.column()).as("column of %s", p).isPositive();
            assertThat(p.file()).as("file of %s", p).isEqualTo(file.toString());
            assertThat(p.message()).as("message of %s", p).isNotBlank().doesNotContain("Exception");
        }
    }

    // ---- library bugs: these assert what the reader should do (see the report) -------------------

    @Test
    @DisplayName("'guardians: no' is reported with the value as written, not as 'false'")
    void yamlBooleanWordsAreReportedAsWritten() {
        List<Problem> problems = caseProblems("consent-yes-no.yaml", null);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line() + ":" + problems.get(0).column()).isEqualTo("3:14");
        assertThat(problems.get(0).message()).contains("'no'").doesNotContain("'false'");
    }

    @Test
    @DisplayName("a null item in a list of signals is an error, not silently dropped")
    void nullSignalIsAnError() {
        List<Problem> problems = caseProblems("signal-null-item.yaml", kommune);
        assertThat(problems).extracting(p -> p.line() + ":" + p.column()).containsExactly("5:7");
    }

    @Test
    @DisplayName("an unknown key is shortened in the message, like unknown values are")
    void longUnknownKeyIsShortened() {
        // 2,100 characters: longer than any message should quote, short enough to pass the line-length check.
        String text = "{\"" + "k".repeat(2_100) + "\": 1}";
        CaseException e = assertThrows(CaseException.class, () -> Cases.parse(text, "case.json", null, AS_OF));
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).line() + ":" + e.problems().get(0).column()).isEqualTo("1:2");
        String message = e.problems().get(0).message();
        assertThat(message).startsWith("unknown key 'kkk");
        assertThat(message.length()).as("length of the message").isLessThan(200);
    }
}
