package no.veiviser;

import static no.veiviser.Corpus.assertProblems;
import static no.veiviser.Corpus.at;
import static no.veiviser.Corpus.besideBase;
import static no.veiviser.Corpus.guideProblems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every broken guide in {@code src/test/resources/broken/guides} gets a located error: the exact
 * {@code line:column}, message and (where it helps) hint; none a stack trace or a hang.
 *
 * <p>Tests tagged {@code library-bug} assert what the loader should do and currently does not; each is
 * described in its display name and in the report that came with this corpus.
 */
class BrokenGuideTest {
    /**
     * How long a refusal of an oversized or hostile input may take before it counts as a runaway. Alone these
     * refusals take well under a second; an unbounded expansion takes minutes or exhausts memory. The margin is
     * wide because the build shares two cores with other builds (2 s timed out at a load average of 20).
     */
    static final Duration RUNAWAY = Duration.ofSeconds(15);

    static final String ID_HINT = "use lowercase letters (æ, ø and å too), digits and '-', '.' or '_' (at most 80), starting with a letter or digit; no spaces: write 'nivå-1', not 'nivå 1'";
    static final String DATE_HINT = "write dates as YYYY-MM-DD, for example 2026-11-24";
    // issue 26 item 6: the hint names the new kind of deadline too
    static final String DUE_HINT = "write 'same-day', 'as-soon-as-possible' (\"så snart som mulig\"), or {after: <parameter>, from: concern.since}";
    static final String YAML_HINT = "check indentation (spaces, not tabs), colons and quotes";
    static final String ALIAS_HINT = "write the value out in full; aliases can make a small file expand without limit";
    static final String TAG_HINT = "remove the tag; values are plain text, numbers and true/false";

    @TempDir
    Path tmp;

    // ---- reading the file ------------------------------------------------------------------------

    @Test
    void yamlSyntaxError() {
        assertProblems(guideProblems("yaml-syntax-error.yaml"),
                at(9, 26, "not valid YAML: mapping values are not allowed here", "YAML reads ': ' as a key and its value: put a text "
                        + "that contains ': ' in quotes (text: \"Merk: dette er viktig.\"), write a mapping inside a value in braces "
                        + "({concern.signals: violence-suspected}), or check the indentation")); // issue 26 item 9
    }

    @Test
    void notAMappingAtTheTop() {
        assertProblems(guideProblems("not-a-mapping.yaml"),
                at(1, 1, "a guide file must be a mapping (key: value lines), not a list", ""));
    }

    @Test
    void missingIdTitleAndVersion() {
        assertProblems(guideProblems("missing-id-title-version.yaml"),
                at(2, 3, "'guide' needs 'id'"),
                at(2, 3, "'guide' needs 'title'"),
                at(2, 3, "'guide' needs 'version'"));
    }

    // ---- structure -------------------------------------------------------------------------------

    @Test
    void unknownTopLevelKeyWithHint() {
        assertProblems(guideProblems("unknown-top-level-key.yaml"),
                at(4, 1, "unknown key 'ruls' in a guide file", "did you mean 'rules'?"));
    }

    @Test
    void unknownKeyInARule() {
        assertProblems(guideProblems("unknown-rule-key.yaml"),
                at(6, 5, "unknown key 'descripton' in a rule", "did you mean 'description'?"));
    }

    @Test
    void duplicateRuleIdInOneFile() {
        assertProblems(guideProblems("duplicate-rule-id.yaml"),
                at(10, 5, "duplicate rule id 'r1' (first at line 5)", "give each rule its own id"));
    }

    @Test
    void duplicateYamlKey() {
        assertProblems(guideProblems("duplicate-yaml-key.yaml"),
                at(9, 5, "duplicate key 'then' (first written at line 7)", "keep one of them"));
    }

    @Test
    void invalidDate() {
        assertProblems(guideProblems("invalid-date.yaml"),
                at(11, 13, "'from' '2026-02-30' is not a valid date", DATE_HINT));
    }

    @Test
    void emptyThen() {
        assertProblems(guideProblems("then-empty.yaml"),
                at(7, 11, "a rule needs at least one finding in 'then'", ""));
    }

    @Test
    void unknownDueForm() {
        assertProblems(guideProblems("unknown-due.yaml"),
                at(10, 14, "unknown due 'next-week'", DUE_HINT));
    }

    @Test
    @DisplayName("'after: 1 week' asks for a parameter, not for a valid id")
    void dueAfterADurationAsksForAParameter() {
        assertProblems(guideProblems("due-after-duration.yaml"),
                at(10, 22, "'after' must name a parameter, not a duration ('1 week')",
                        "declare the duration under 'parameters:' (for example within-a-week: {unit: weeks, value: 1, "
                                + "reference: ...}) and write after: within-a-week"));
    }

    // ---- conditions ------------------------------------------------------------------------------

    @Test
    void unknownCaseFieldWithHint() {
        assertProblems(guideProblems("unknown-case-field.yaml"),
                at(9, 7, "unknown case field 'concern.signal'", "did you mean 'concern.signals'?"));
    }

    @Test
    void unknownSignalWithHint() {
        assertProblems(guideProblems("unknown-signal.yaml"),
                at(10, 58, "unknown signal 'violence-suspectd'", "did you mean 'violence-suspected'?"));
    }

    @Test
    void unknownOperatorWithHint() {
        assertProblems(guideProblems("unknown-operator.yaml"),
                at(7, 19, "unknown operator 'gtee' for child.age", "did you mean 'gte'?"));
    }

    @Test
    void wrongOperatorForTheType() {
        assertProblems(guideProblems("wrong-operator-for-type.yaml"),
                at(7, 19, "'contains' does not apply to child.age (a whole number)",
                        "use one of: eq, ne, lt, lte, gt, gte, in, notIn, present"));
    }

    @Test
    void wrongLiteralType() {
        assertProblems(guideProblems("wrong-literal-type.yaml"),
                at(7, 24, "child.age must be a whole number, not 'twelve' (a text)", ""));
    }

    // ---- parameters ------------------------------------------------------------------------------

    @Test
    void unknownParameterReference() {
        assertProblems(guideProblems("unknown-parameter.yaml"),
                at(9, 32, "unknown parameter 'youth-ag'", "did you mean 'youth-age'?"));
    }

    @Test
    void parameterWithTheWrongUnit() {
        assertProblems(guideProblems("parameter-wrong-unit.yaml"),
                at(9, 32, "parameter 'involve-within' is in weeks, but child.age needs years", "use a parameter with that unit"));
    }

    @Test
    void parameterWithoutAValueBeforeItsFirstDate() {
        assertProblems(guideProblems("parameter-no-value-before.yaml"),
                at(10, 5, "parameter 'youth-age' has no value before 2022-08-01, but rule 'r1' uses it on every date",
                        "give the parameter's first value no 'from', or give the rule effective: {from: 2022-08-01}"));
    }

    // ---- findings --------------------------------------------------------------------------------

    @Test
    void unknownFindingCode() {
        assertProblems(guideProblems("unknown-finding-code.yaml"),
                at(9, 9, "unknown finding code 'involve-guardian'",
                        "did you mean 'involve-guardians'? (or declare it under 'codes:')"));
    }

    @Test
    void goToLevelWithoutLevel() {
        assertProblems(guideProblems("go-to-level-without-level.yaml"),
                at(8, 9, "a 'go-to-level' finding needs 'level:'", "write one of the guide's levels: 0-3"));
    }

    // ---- extends ---------------------------------------------------------------------------------

    @Test
    void extendsAnUnknownGuide() {
        List<Problem> problems = guideProblems("extends-unknown.yaml");
        assertProblems(problems, at(5, 12, "cannot find the guide 'no-such-guide' that this guide extends"));
        assertThat(problems.get(0).hint())
                .isEqualTo("looked for no-such-guide.yaml and no-such-guide/guide.yaml next to this file, "
                        + "../no-such-guide/guide.yaml, and the bundled guides (" + String.join(", ", Guides.bundledIds()) + ")");
    }

    @Test
    void cycleInExtends() {
        Path a = Corpus.GUIDES.resolve("cycle/a.yaml");
        List<Problem> problems = guideProblems(a);
        assertProblems(problems, at(5, 12, "guide 'b' extends 'a', which is a cycle: a -> b -> a", "remove the cycle in 'extends'"));
        assertThat(Path.of(problems.get(0).file())).as("reported in the file that closes the cycle")
                .isEqualTo(Corpus.GUIDES.resolve("cycle/b.yaml"));
    }

    @Test
    void overrideWithoutABaseRule() throws IOException {
        Path file = besideBase("override-without-base-rule.yaml", tmp);
        List<Problem> problems = guideProblems(file);
        assertProblems(problems, at(7, 5, "rule 'base.acut' says override: true, but the base guide has no such rule",
                "did you mean 'base.acute'?"));
        assertThat(problems.get(0).file()).isEqualTo(file.toString());
    }

    @Test
    void sameIdAsABaseRuleWithoutOverride() throws IOException {
        Path file = besideBase("same-id-as-base.yaml", tmp);
        Path base = file.resolveSibling("base.yaml");
        assertProblems(guideProblems(file), at(7, 5, "rule 'base.acute' already exists in the base guide (" + base + ":27:5)",
                "add 'override: true' to replace the base rule, or choose another id"));
    }

    @Test
    void disableANonExistentBaseRule() throws IOException {
        Path file = besideBase("disable-unknown-rule.yaml", tmp);
        assertProblems(guideProblems(file), at(7, 11, "cannot disable 'base.leadr': the base guide has no such rule",
                "did you mean 'base.leader'?"));
    }

    @Test
    void theValidMunicipalGuideExtendsTheValidBase() {
        Guide kommune = Corpus.kommune();
        assertThat(kommune.ruleIds()).containsExactly("base.acute", "base.involve", "kommune.absence");
        assertThat(kommune.warnings()).isEmpty();
        assertThat(kommune.files()).hasSize(2);
    }

    // ---- several at once -------------------------------------------------------------------------

    @Test
    void severalProblemsAreAllReportedInFileOrder() {
        assertProblems(guideProblems("several-problems.yaml"),
                at(1, 69, "unknown key 'extend' in 'guide'", "did you mean 'extends'?"),
                at(6, 5, "unknown key 'wen' in a rule", "did you mean 'when'?"),
                at(8, 49, "unknown due 'tomorrow'", DUE_HINT),
                at(10, 9, "'id' 'R2' is not a valid id", ID_HINT),
                at(11, 11, "a rule needs at least one finding in 'then'", ""),
                at(12, 23, "'from' '2026-02-30' is not a valid date", DATE_HINT),
                at(13, 1, "unknown key 'toolz' in a guide file", "did you mean 'tools'?"));
    }

    // ---- limits ----------------------------------------------------------------------------------

    @Test
    void aliasBombIsRefusedQuickly() {
        List<Problem> problems = assertTimeoutPreemptively(RUNAWAY, () -> guideProblems("alias-bomb.yaml"));
        assertProblems(problems,
                at(3, 8, "YAML anchors (&a) are not allowed", "remove the anchor"),
                at(5, 6, "YAML anchors (&b) are not allowed", "remove the anchor"),
                at(5, 10, "YAML aliases (*a) are not allowed", ALIAS_HINT));
        assertThat(problems).anyMatch(p -> p.message().contains("aliases"));
    }

    @Test
    void tenMegabyteScalarIsRefusedQuicklyForTheFileSize() throws IOException {
        Path file = tmp.resolve("huge.yaml");
        writeWithScalar(file, 10 << 20);
        List<Problem> problems = assertTimeoutPreemptively(RUNAWAY, () -> guideProblems(file));
        assertProblems(problems, at(1, 1, "the file is 10.0 MiB; the limit is 2.0 MiB", "split it, or check that it is the right file"));
    }

    @Test
    void longScalarUnderTheFileLimitIsRefusedForTheValueLimit() throws IOException {
        Path file = tmp.resolve("long.yaml");
        writeWithScalar(file, 1_000_000);
        List<Problem> problems = assertTimeoutPreemptively(RUNAWAY, () -> guideProblems(file));
        assertProblems(problems, at(2, 1, "line 2 has 1000009 characters; a value may have at most 20000",
                "shorten it; quote only the 1-3 sentences that matter"));
    }

    @Test
    void aLongValueWrittenOverManyShortLinesIsRefusedForTheValueLimit() throws IOException {
        Path file = tmp.resolve("folded.yaml");
        StringBuilder text = new StringBuilder("guide:\n  title: >-\n");
        for (int i = 0; i < 30; i++) {
            text.append("    ").append("x".repeat(999)).append('\n');
        }
        text.append("  id: big\n  version: \"1\"\n");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        List<Problem> problems = assertTimeoutPreemptively(RUNAWAY, () -> guideProblems(file));
        assertProblems(problems, at(2, 10, "a value of 29999 characters is longer than the limit of 20000",
                "shorten it; quote only the 1-3 sentences that matter"));
    }

    /** A guide whose title is {@code chars} characters long, on line 2 from column 10. */
    private static void writeWithScalar(Path file, int chars) throws IOException {
        StringBuilder text = new StringBuilder(chars + 100).append("guide:\n  title: ");
        text.append("x".repeat(chars)).append("\n  id: big\n  version: \"1\"\n");
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @Test
    void deepNestingIsRefused() {
        assertProblems(assertTimeoutPreemptively(RUNAWAY, () -> guideProblems("deep-nesting.yaml")),
                at(3, 47, "nesting is deeper than 40 levels", "flatten the structure"));
    }

    @ParameterizedTest(name = "{0} levels of {1}")
    @CsvSource({"10000, '[', ']'", "100000, '[', ']'", "10000, '{a: ', '}'"})
    @DisplayName("very deep nesting is refused quickly, without a StackOverflowError")
    void veryDeepNestingIsRefusedQuickly(int depth, String open, String close) throws IOException {
        Path file = tmp.resolve("deep.yaml");
        // One bracket a line: a single long line would be refused by the line-length check before nesting is seen.
        Files.writeString(file, "rules: " + (open + "\n").repeat(depth) + (close + "\n").repeat(depth));
        List<Problem> problems = assertTimeoutPreemptively(RUNAWAY, () -> guideProblems(file));
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line()).isEqualTo(40); // under the top mapping, the 40th bracket is the 41st level
        assertThat(problems.get(0).column()).isPositive();
        assertThat(problems.get(0).message()).containsIgnoringCase("nesting");
    }

    @Test
    void tooManyValuesAreRefused() throws IOException {
        Path file = tmp.resolve("many.yaml");
        Files.writeString(file, "rules: [\n" + "1,\n".repeat(300_000) + "1]\n");
        List<Problem> problems = assertTimeoutPreemptively(RUNAWAY, () -> guideProblems(file));
        assertProblems(problems, at(200_000, 1, "the file has more than 200000 values", "check that it is the right file"));
    }

    @Test
    void yamlTagsAreRefused() {
        String tag = "tag:yaml.org,2002:";
        assertProblems(guideProblems("yaml-tag.yaml"),
                at(3, 8, "YAML tags (" + tag + "javax.script.ScriptEngineManager) are not allowed", TAG_HINT),
                at(3, 44, "YAML tags (" + tag + "java.net.URLClassLoader) are not allowed", TAG_HINT),
                at(3, 72, "YAML tags (" + tag + "java.net.URL) are not allowed", TAG_HINT));
    }

    // ---- the whole corpus ------------------------------------------------------------------------

    /** Guides in the corpus that are valid on purpose: injection attempts that must stay inert text. */
    static final Set<String> INERT = Set.of("code-in-text.yaml", "drl-keywords.yaml");
    /** Known library bugs, asserted precisely by {@link #emptyOrNullConditionIsALocatedError}. */

    static Stream<Path> corpus() throws IOException {
        try (Stream<Path> files = Files.walk(Corpus.GUIDES)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    @DisplayName("every broken guide gets located errors and nothing else: no other exception, no hang")
    void everyBrokenGuideGetsLocatedErrorsAndNothingElse(Path file) {
        String name = file.getFileName().toString();
        assertTimeoutPreemptively(RUNAWAY, () -> {
            if (INERT.contains(name)) {
                assertThat(Guides.load(file).compile().drl()).isNotBlank();
                return;
            }
            GuideException e = assertThrows(GuideException.class, () -> Guides.load(file).compile());
            assertThat(e.problems()).filteredOn(Problem::isError).isNotEmpty();
            for (Problem p : e.problems()) {
                assertThat(p.line()).as("line of %s", p).isPositive();
                assertThat(p.column()).as("column of %s", p).isPositive();
                assertThat(p.file()).as("file of %s", p).isNotBlank();
                assertThat(p.message()).as("message of %s", p).isNotBlank().doesNotContain("Exception", "\n");
                assertThat(p.toString()).as("one problem, at most a hint line").hasLineCount(p.hint().isEmpty() ? 1 : 2);
            }
        });
    }

    // ---- library bugs: these assert what the loader should do (see the report) -------------------

    @Test
    @DisplayName("a YAML syntax error keeps SnakeYAML's problem, not only its context line")
    void yamlErrorMessageKeepsTheProblem() {
        List<Problem> problems = guideProblems("yaml-unclosed-flow-sequence.yaml");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line() + ":" + problems.get(0).column()).isEqualTo("9:48");
        assertThat(problems.get(0).message()).startsWith("not valid YAML: ").contains("expected ',' or ']', but got }");
    }

    @Test
    @DisplayName("four spaces where the list has two: said in words, not as SnakeYAML's '<block end>'")
    void yamlIndentationErrorIsSaidInWords() {
        List<Problem> problems = guideProblems("yaml-four-space-indent.yaml");
        assertThat(problems).hasSize(1);
        Problem p = problems.get(0);
        assertThat(p.line() + ":" + p.column()).isEqualTo("11:3");
        assertThat(p.message()).isEqualTo("not valid YAML: the indentation does not fit: a list item ('-') here is indented "
                + "differently from the block that starts at line 1");
        assertThat(p.message() + p.hint()).doesNotContain("<block").doesNotContain("expected");
        assertThat(p.hint()).contains("same number of spaces").contains("'- ' item");
    }

    @Test
    @DisplayName("a tab in the indentation is reported where it is, and says so")
    void yamlTabIndentationIsLocatedAndNamed() {
        List<Problem> problems = guideProblems("yaml-tab-indentation.yaml");
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).line() + ":" + problems.get(0).column()).isEqualTo("3:1");
        assertThat(problems.get(0).message()).startsWith("not valid YAML: ").containsIgnoringCase("tab");
    }

    @Test
    @DisplayName("structural and semantic problems of one file are reported together")
    void severalProblemsOfBothPhasesAreReportedTogether() {
        assertProblems(guideProblems("several-problems-mixed.yaml"),
                at(12, 11, "unknown case field 'concern.signal'", "did you mean 'concern.signals'?"),
                at(13, 36, "unknown parameter 'youth-ag'", "did you mean 'youth-age'?"),
                at(15, 9, "unknown finding code 'act-immediatly'", "did you mean 'act-immediately'? (or declare it under 'codes:')"),
                at(18, 5, "unknown key 'wen' in a rule", "did you mean 'when'?"));
    }

    @ParameterizedTest(name = "{0} -> error at {1}:{2}")
    @DisplayName("an empty or null condition is a located error, not an internal error at compile time")
    @CsvSource({
            "when-empty-list.yaml,     8, 11",
            "not-empty-list.yaml,      8, 17",
            "contains-any-empty.yaml,  8, 43",
            "contains-none-empty.yaml, 8, 44",
            "signal-null.yaml,         8, 29",
            "in-null.yaml,             8, 37"})
    void emptyOrNullConditionIsALocatedError(String name, int line, int column) {
        Path file = Corpus.GUIDES.resolve(name);
        GuideException e = assertThrows(GuideException.class, () -> Guides.load(file).compile(),
                "a located GuideException, not an IllegalStateException from the Drools build");
        assertThat(e.problems()).filteredOn(Problem::isError)
                .extracting(p -> p.line() + ":" + p.column()).contains(line + ":" + column);
    }

    @Test
    @DisplayName("an unknown operator's hint lists the operators, not 'the guide's catalogue'")
    void unknownOperatorHintListsTheOperators() {
        List<Problem> problems = guideProblems("unknown-operator-no-close-match.yaml");
        assertProblems(problems, at(8, 24, "unknown operator 'atLeast' for child.age"));
        assertThat(problems.get(0).hint()).doesNotContain("catalogue").contains("gte");
    }

    @Test
    @DisplayName("an unknown step in a guide without steps does not get the hint 'expected one of: '")
    void unknownStepInAGuideWithoutSteps() {
        List<Problem> problems = guideProblems("unknown-step-no-steps.yaml");
        assertProblems(problems, at(8, 23, "unknown step '1.4'"));
        assertThat(problems.get(0).hint()).isNotBlank().doesNotEndWith(": ");
    }
}
