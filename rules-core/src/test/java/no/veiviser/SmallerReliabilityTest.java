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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 28, item 5, the library's part: anchors on single values, the rule-limit's place, a minified JSON case. */
class SmallerReliabilityTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

    @TempDir
    Path tmp;

    @Test
    void anAnchorOnASingleValueIsRefusedInAGuide() throws IOException {
        Path f = Files.writeString(tmp.resolve("guide.yaml"), "guide: {id: anchored, title: &t Anchored, version: \"1\"}\ncodes:\n  act: Handle\n");
        List<Problem> p = assertThrows(GuideException.class, () -> Guides.load(f)).problems();
        assertThat(p).anySatisfy(x -> {
            assertThat(x.message()).isEqualTo("YAML anchors (&t) are not allowed");
            assertThat(x.line()).isEqualTo(1);
        });
    }

    @Test
    void anAnchorOnASingleValueIsRefusedInACase() {
        Guide norge = Guides.bundled("norge");
        CaseException e = assertThrows(CaseException.class, () -> Cases.parse("asOf: 2026-11-24\nchild: {age: &a 9}\n", "case.yaml", norge, AS_OF));
        assertThat(e.problems()).anySatisfy(x -> assertThat(x.message()).isEqualTo("YAML anchors (&a) are not allowed"));
    }

    @Test
    void aMinifiedJsonCaseLongerThanALineMayBeIsRead() throws IOException {
        String names = IntStream.range(0, 150).mapToObj(i -> "signal-number-" + i).collect(Collectors.joining(","));
        Path f = Files.writeString(tmp.resolve("guide.yaml"), "guide: {id: many, title: Many, version: \"1\"}\ncodes:\n  act: Handle\n"
                + "signals:\n" + IntStream.range(0, 150).mapToObj(i -> "  signal-number-" + i + ": S" + i + "\n").collect(Collectors.joining())
                + "rules:\n  - id: r1\n    when: {concern.signals: {contains: signal-number-149}}\n    then:\n      - {code: act, text: Nå.}\n"
                + "    source: {section: S1, text: Q.}\n");
        Guide g = Guides.load(f);
        String json = "{\"asOf\":\"2026-11-24\",\"child\":{\"age\":9},\"concern\":{\"since\":\"2026-10-01\",\"signals\":[\""
                + names.replace(",", "\",\"") + "\"]}}";
        assertThat(json.length()).as("one line longer than the 2,200 the line check allowed").isGreaterThan(2_200);
        assertThat(json).doesNotContain("\n");
        Case c = Cases.parse(json, "request body", g, AS_OF);
        assertThat(g.compile().evaluate(c).firedRules()).containsExactly("r1");
    }

    @Test
    void theRuleLimitPointsAtTheFileThatAddedTooManyNotAtTheBasesRule() throws IOException {
        Path baseDir = Files.createDirectories(tmp.resolve("base"));
        String rules = IntStream.range(0, 20).mapToObj(i -> "  - id: base.r" + i + "\n    when:\n      child.age: {gte: {param: youth-age}}\n"
                + "    then:\n      - {code: act, text: Nå.}\n    source: {section: S1, text: Q.}\n").collect(Collectors.joining());
        Files.writeString(baseDir.resolve("guide.yaml"), "guide: {id: base, title: Base, version: \"1\"}\ncodes:\n  act: Handle\n"
                + "parameters:\n  youth-age:\n    unit: years\n    values:\n      - {value: 16}\n" + "rules:\n" + rules);
        Path townDir = Files.createDirectories(tmp.resolve("town"));
        String values = IntStream.range(0, 500).mapToObj(i -> "      - {from: " + LocalDate.of(2000, 1, 1).plusDays(i) + ", value: " + (10 + i % 5) + "}\n")
                .collect(Collectors.joining());
        Path town = Files.writeString(townDir.resolve("guide.yaml"), "guide: {id: town, title: Town, version: \"1\", extends: base}\n"
                + "parameters:\n  youth-age:\n    unit: years\n    values:\n      - {value: 16}\n" + values);
        assertThat(Guides.load(baseDir.resolve("guide.yaml")).ruleIds()).hasSize(20); // the base alone is within the limit

        List<Problem> p = assertThrows(GuideException.class, () -> Guides.load(town)).problems();
        assertThat(p).hasSize(1);
        assertThat(p.get(0).file()).isEqualTo(town.toString());
        assertThat(p.get(0).line()).isEqualTo(3); // youth-age, in the town's file
        assertThat(p.get(0).message()).startsWith("the guide would compile to 10020 Drools rules; the limit is 2000 (the rules that use "
                + "parameter 'youth-age' need 10020");
    }
}
