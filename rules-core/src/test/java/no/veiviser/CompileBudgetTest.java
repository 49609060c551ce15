package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import no.veiviser.internal.model.CompileBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, finding 4: compile cost is bounded by the input limits. Each probe of the finding gets a located error
 * before anything is compiled, and a guide at the limits compiles and evaluates without a StackOverflowError.
 */
class CompileBudgetTest {
    @TempDir
    Path tmp;

    static final String HEAD = "guide: {id: budget, title: Budget, version: \"1\"}\ncodes:\n  act: Handle\n";

    Path write(String text) throws IOException {
        Path f = tmp.resolve("guide.yaml");
        Files.writeString(f, text);
        return f;
    }

    static String signals(int n) {
        return "signals:\n" + IntStream.range(0, n).mapToObj(i -> "  s" + i + ": Signal " + i + "\n").collect(Collectors.joining());
    }

    static String rule(String id, String when) {
        return "  - id: " + id + "\n    when:\n" + when + "    then:\n      - {code: act, text: Nå.}\n    source: {section: S1, text: Q.}\n";
    }

    static String anyOfAges(int leaves) {
        return "      any:\n" + IntStream.range(0, leaves).mapToObj(i -> "        - child.age: {gte: " + (i % 17) + "}\n").collect(Collectors.joining());
    }

    /** One code a line: a flow list this long would be refused by the line-length check first. */
    static String containsAny(int codes) {
        return "      concern.signals:\n        containsAny:\n" + IntStream.range(0, codes).mapToObj(i -> "          - s" + i + "\n").collect(Collectors.joining());
    }

    List<Problem> problems(Path f) {
        return assertThrows(GuideException.class, () -> Guides.load(f)).problems();
    }

    @Test
    void anAnyOf4000LeavesIsALocatedError() throws IOException {
        List<Problem> p = problems(write(HEAD + "rules:\n" + rule("r1", anyOfAges(4000))));
        assertThat(p).hasSize(1);
        assertThat(p.get(0).line()).isEqualTo(7);
        assertThat(p.get(0).message()).isEqualTo("the condition of rule 'r1' has 4000 terms (concepts expanded, a list counted per value); the limit is 500");
        assertThat(p.get(0).message().length()).isLessThan(300); // not the generated expression
    }

    @Test
    void containsAnyOf15000CodesIsALocatedError() throws IOException {
        List<Problem> p = problems(write(HEAD + signals(15_000) + "rules:\n" + rule("r1", containsAny(15_000))));
        assertThat(p).hasSize(1);
        assertThat(p.get(0).line()).isEqualTo(15_009); // containsAny, after 3 head lines, 15,001 of signals and 4 of the rule
        assertThat(p.get(0).message()).contains("has 15000 terms", "the limit is 500");
    }

    @Test
    void dated500Values20RulesIsALocatedErrorBeforeCompiling() throws IOException {
        String values = IntStream.range(0, 500).mapToObj(i -> "      - {from: " + LocalDate.of(2000, 1, 1).plusDays(i) + ", value: " + (10 + i % 5) + "}\n")
                .collect(Collectors.joining());
        String rules = IntStream.range(0, 20).mapToObj(i -> rule("r" + i, "      child.age: {gte: {param: youth-age}}\n")).collect(Collectors.joining());
        String text = HEAD + "parameters:\n  youth-age:\n    unit: years\n    values:\n      - {value: 16}\n" + values + "rules:\n" + rules;
        long start = System.nanoTime();
        List<Problem> p = problems(write(text));
        assertThat(p).hasSize(1);
        assertThat(p.get(0).message()).startsWith("the guide would compile to 10020 Drools rules; the limit is 2000 (this rule alone needs 501");
        assertThat(p.get(0).line()).isPositive();
        System.out.printf("500 dated values x 20 rules refused in %d ms (was 15 s and 0.9 GB of compiling)%n", (System.nanoTime() - start) / 1_000_000);
    }

    @Test
    void aGuideAtTheLimitsCompilesAndEvaluates() throws IOException {
        int n = CompileBudget.MAX_TERMS;
        String text = HEAD + signals(n) + "rules:\n" + rule("r1", containsAny(n)) + rule("r2", anyOfAges(n));
        CompiledGuide g = Guides.load(write(text)).compile();
        Decision d = g.evaluate(Cases.read(new java.io.ByteArrayInputStream(
                ("{\"asOf\": \"2026-11-24\", \"child\": {\"age\": 3}, \"concern\": {\"signals\": [\"s" + (n - 1) + "\"]}}").getBytes()),
                "case", g.guide(), LocalDate.of(2026, 11, 24)));
        assertThat(d.firedRules()).contains("r1", "r2");
    }
}
