package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import no.veiviser.impact.Population;
import no.veiviser.internal.Access;
import no.veiviser.internal.engine.Evaluator;
import no.veiviser.internal.engine.RuleBases;
import no.veiviser.scenario.Scenario;
import no.veiviser.scenario.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * The bundled guides' rules prebuilt at build time (Drools' executable model) decide exactly as the rules compiled
 * from DRL at run time: over generated populations and every scenario of every bundled guide, one case at a time
 * and in batches. And prebuilt rules are never used for a guide whose DRL differs from the one they were built from.
 */
class PrebuiltRulesTest {
    private static final List<String> GUIDES = Guides.bundledIds();
    // Explicitly on the prebuilt rules: Guide.compile() would share a rule base compiled from the same DRL by an
    // earlier test in this JVM (RuleBases.compiled).
    private static final List<CompiledGuide> PREBUILT = GUIDES.stream().map(id -> on(id, Evaluator.Start.PREBUILT)).toList();
    private static final List<CompiledGuide> RUN_TIME = GUIDES.stream().map(id -> on(id, Evaluator.Start.COMPILED)).toList();

    private static CompiledGuide on(String id, Evaluator.Start start) {
        Guide g = Guides.bundled(id);
        return new CompiledGuide(g, new Evaluator(Access.model(g), start));
    }

    @Test
    void everyBundledGuideHasCurrentPrebuiltRulesWithTheSameRuleNames() {
        assertThat(GUIDES).contains("norge", "nittedal", "ovre-eiker");
        for (int i = 0; i < GUIDES.size(); i++) {
            CompiledGuide prebuilt = PREBUILT.get(i);
            assertThat(RuleBases.hasPrebuilt(GUIDES.get(i), prebuilt.drl())).as(GUIDES.get(i)).isTrue();
            assertThat(prebuilt.evaluator().onPrebuiltRules()).as(GUIDES.get(i)).isTrue();
            assertThat(prebuilt.drl()).isEqualTo(RUN_TIME.get(i).drl());
            assertThat(ruleNames(prebuilt.unwrap(KieBase.class))).as(GUIDES.get(i))
                    .isNotEmpty().isEqualTo(ruleNames(RUN_TIME.get(i).unwrap(KieBase.class)));
            assertThat(prebuilt.unwrap(KieBase.class).getClass()).isEqualTo(RUN_TIME.get(i).unwrap(KieBase.class).getClass());
        }
    }

    @Test
    void everyScenarioIsDecidedAndExplainedAlike() {
        for (int i = 0; i < GUIDES.size(); i++) {
            List<Case> cases = scenarioCases(GUIDES.get(i));
            assertThat(cases).as(GUIDES.get(i)).hasSizeGreaterThan(5);
            for (Case c : cases) {
                assertThat(PREBUILT.get(i).evaluate(c)).isEqualTo(RUN_TIME.get(i).evaluate(c));
                assertThat(PREBUILT.get(i).explain(c)).isEqualTo(RUN_TIME.get(i).explain(c));
            }
            assertThat(PREBUILT.get(i).evaluateAll(cases)).isEqualTo(RUN_TIME.get(i).evaluateAll(cases));
        }
    }

    @Property(tries = 15)
    void populationsAreDecidedAlike(@ForAll @IntRange(min = 0, max = 2) int guide, @ForAll long seed) {
        Population population = Population.generate(400, seed);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < population.size(); i++) {
            cases.add(population.get(i));
        }
        CompiledGuide prebuilt = PREBUILT.get(guide);
        CompiledGuide runTime = RUN_TIME.get(guide);
        List<Decision> expected = new ArrayList<>();
        for (Case c : cases) {
            Decision d;
            try {
                d = runTime.evaluate(c);
            } catch (CaseException e) {
                continue; // a code this guide does not know: both reject it (the batch property covers rejections)
            }
            assertThat(prebuilt.evaluate(c)).isEqualTo(d);
            expected.add(d);
        }
        List<Case> accepted = cases.stream().filter(c -> {
            try {
                runTime.evaluate(c);
                return true;
            } catch (CaseException e) {
                return false;
            }
        }).toList();
        assertThat(prebuilt.evaluateAll(accepted)).isEqualTo(expected);
    }

    @Test
    void aLongRunMovesToTheRulesCompiledFromDrlAndDecidesAlike() throws InterruptedException {
        CompiledGuide runTime = RUN_TIME.get(GUIDES.indexOf("nittedal"));
        assertThat(runTime.evaluator().onPrebuiltRules()).isFalse();
        List<Case> cases = scenarioCases("nittedal");
        List<Decision> expected = cases.stream().map(runTime::evaluate).toList();

        String before = System.getProperty("veiviser.recompileAfter");
        System.setProperty("veiviser.recompileAfter", "50");
        CompiledGuide guide;
        try {
            guide = on("nittedal", Evaluator.Start.PREBUILT);
        } finally {
            if (before == null) {
                System.clearProperty("veiviser.recompileAfter");
            } else {
                System.setProperty("veiviser.recompileAfter", before);
            }
        }
        assertThat(guide.evaluator().onPrebuiltRules()).isTrue();
        KieBase prebuilt = guide.unwrap(KieBase.class);
        for (int i = 0; i < 50 && guide.evaluator().onPrebuiltRules(); i++) {
            assertThat(guide.evaluateAll(cases)).isEqualTo(expected);
            Thread.sleep(i < 5 ? 0 : 100); // the DRL compiles on a daemon thread
        }
        assertThat(guide.evaluator().onPrebuiltRules()).as("recompiled after 50 cases").isFalse();
        assertThat(guide.unwrap(KieBase.class)).isNotSameAs(prebuilt);
        assertThat(guide.evaluateAll(cases)).isEqualTo(expected);
        assertThat(cases.stream().map(guide::evaluate).toList()).isEqualTo(expected);
    }

    @Test
    void aBundledGuidesPrebuiltRulesLoadedAheadAreTheOnesItsEvaluatorsShare() {
        KieBase ahead = RuleBases.preload("nittedal").join().orElseThrow();
        CompiledGuide one = on("nittedal", Evaluator.Start.PREBUILT);
        CompiledGuide another = on("nittedal", Evaluator.Start.PREBUILT);
        assertThat(one.evaluator().onPrebuiltRules()).isTrue();
        assertThat(one.unwrap(KieBase.class)).isSameAs(ahead).isSameAs(another.unwrap(KieBase.class));
        assertThat(RuleBases.preload("no-such-guide").join()).isEmpty();
    }

    @Test
    void aGuideWhoseRulesDifferFromTheBuildNeverUsesThePrebuiltOnes(@TempDir Path dir) throws IOException {
        String drl = PREBUILT.get(GUIDES.indexOf("nittedal")).drl();
        assertThat(RuleBases.hasPrebuilt("nittedal", drl)).isTrue();
        assertThat(RuleBases.hasPrebuilt("nittedal", drl.replaceFirst("childAge >= 7", "childAge >= 8"))).isFalse();
        assertThat(RuleBases.hasPrebuilt("nittedal", drl + "\n")).isFalse();
        assertThat(RuleBases.hasPrebuilt("no-such-guide", drl)).isFalse();
        assertThat(RuleBases.hasPrebuilt("../nittedal", drl)).isFalse();

        // The bundled norge with a higher hearing age, read from a file: compiled now, and it decides by the new age.
        Path norge = Files.createDirectories(dir.resolve("norge")).resolve("guide.yaml");
        String text = new String(Guides.class.getClassLoader().getResourceAsStream("veiviser/guides/norge/guide.yaml").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        Files.writeString(norge, text);
        CompiledGuide same = Guides.load(norge).compile();
        assertThat(RuleBases.hasPrebuilt("norge", same.drl())).as("an unchanged copy has the bundled DRL").isTrue();
        assertThat(text).contains("hearing-age");
        Files.writeString(norge, text.replaceFirst("(?<head>hearing-age:\\n(?:    [^\\n]*\\n)*?    value: )7\\n", "${head}8\n"));
        CompiledGuide changed = Guides.load(norge).compile();
        assertThat(changed.drl()).isNotEqualTo(same.drl());
        assertThat(RuleBases.hasPrebuilt("norge", changed.drl())).isFalse();
        Case sevenYearOld = Case.on(java.time.LocalDate.of(2026, 11, 24)).withChild(Child.aged(7)).withConcern(Concern.of("wellbeing-concern"));
        assertThat(rules(same.evaluate(sevenYearOld))).contains("norge.participation.heard-from-7");
        assertThat(rules(changed.evaluate(sevenYearOld))).doesNotContain("norge.participation.heard-from-7");
    }

    @Test
    void guidesWithTheSameDrlShareOneRuleBaseCompiledFromIt(@TempDir Path dir) throws IOException {
        // A guide read from a file (no prebuilt rules), and copies of it: one with a longer deadline, which its rules
        // do not test (the same DRL: a workbench edit of a text or a deadline), one with another consent age (another DRL).
        String text = Files.readString(Path.of("src", "test", "resources", "diff", "base", "guide.yaml"));
        CompiledGuide base = write(dir, "base", text);
        CompiledGuide sixWeeks = write(dir, "six-weeks", text.replace("    value: 4", "    value: 6"));
        CompiledGuide consent16 = write(dir, "consent-16", text.replace("    value: 15", "    value: 16"));
        assertThat(sixWeeks.drl()).isEqualTo(base.drl());
        assertThat(sixWeeks.unwrap(KieBase.class)).isSameAs(base.unwrap(KieBase.class));
        assertThat(consent16.drl()).isNotEqualTo(base.drl());
        assertThat(consent16.unwrap(KieBase.class)).isNotSameAs(base.unwrap(KieBase.class));
        Case c = Case.on(java.time.LocalDate.of(2026, 11, 24)).withChild(Child.aged(10)).withConcern(Concern.of("wellbeing-concern"));
        assertThat(sixWeeks.evaluate(c)).isNotEqualTo(base.evaluate(c)); // the same rules fire, with their own guide's deadline

        // A bundled guide whose DRL was compiled in this JVM starts on that rule base, not on its prebuilt one.
        CompiledGuide compiled = on("nittedal", Evaluator.Start.COMPILED);
        CompiledGuide fastest = Guides.bundled("nittedal").compile();
        assertThat(fastest.evaluator().onPrebuiltRules()).isFalse();
        assertThat(fastest.unwrap(KieBase.class)).isSameAs(compiled.unwrap(KieBase.class));
    }

    private static CompiledGuide write(Path dir, String name, String text) throws IOException {
        Path file = Files.createDirectories(dir.resolve(name)).resolve("guide.yaml");
        Files.writeString(file, text);
        return Guides.load(file).compile();
    }

    private static List<String> rules(Decision d) {
        return d.findings().stream().map(Finding::rule).toList();
    }

    private static List<String> ruleNames(KieBase kieBase) {
        return kieBase.getKiePackages().stream().flatMap(p -> p.getRules().stream()).map(Rule::getName).sorted().toList();
    }

    private static List<Case> scenarioCases(String id) {
        Path dir = Path.of("../guides", id, "scenarios");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> paths = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            return Scenarios.read(Guides.bundled(id), paths).stream().map(Scenario::aCase).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
