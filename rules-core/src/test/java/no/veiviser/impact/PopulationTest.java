package no.veiviser.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import no.veiviser.Case;
import no.veiviser.CompiledGuide;
import no.veiviser.Guide;
import no.veiviser.Guides;
import no.veiviser.internal.Access;
import no.veiviser.internal.engine.Condition;
import no.veiviser.internal.engine.Facts;
import no.veiviser.internal.engine.Field;
import no.veiviser.internal.engine.Operand;
import no.veiviser.internal.model.Concept;
import no.veiviser.internal.model.Due;
import no.veiviser.internal.model.GuideModel;
import no.veiviser.internal.model.Parameter;
import no.veiviser.internal.model.Rule;
import no.veiviser.internal.model.RuleException;
import no.veiviser.internal.model.Step;
import no.veiviser.internal.model.Unit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PopulationTest {
    @Test
    void caseIDependsOnSeedAndIOnly() {
        Population p = Population.generate(1000, 42);
        assertThat(p.get(500)).isEqualTo(Population.generate(10, 42).get(500));
        assertThat(p.get(500)).isNotEqualTo(Population.generate(1000, 43).get(500));
        assertThat(p.get(1)).isNotEqualTo(p.get(2));
    }

    /** casesFor(guide) gives the cases the impact diff evaluates against that guide: with its steps, case by case. */
    @Test
    void theCasesForAGuideAreTheCasesTheDiffEvaluates() throws Exception {
        Guide guide = Guides.bundled("ovre-eiker");
        Population p = Population.generate(3000, 25);
        var cases = p.casesFor(guide);
        int withStep = 0;
        try (CaseSource.Cursor cursor = p.open(guide)) {
            for (CaseSource.Chunk chunk = cursor.next(); chunk != null; chunk = cursor.next()) {
                for (int k = 0; k < chunk.size(); k++) {
                    Case c = chunk.get(k);
                    assertThat(cases.apply(chunk.first() + k)).isEqualTo(c);
                    withStep += c.work().step().isPresent() ? 1 : 0;
                }
            }
        }
        assertThat(withStep).as("cases with a step of the guide").isPositive();
        assertThat(p.get(7).work().step()).as("get(i) knows no guide, so no step").isEmpty();
    }

    @Test
    void casesAreValidAndCoverTheVocabulary() {
        CompiledGuide nittedal = Guides.bundled("nittedal").compile();
        Population p = Population.generate(2000, 3);
        long withBirthDate = LongStream.range(0, 2000).filter(i -> p.get(i).child().birthDate().isPresent()).count();
        long adults = LongStream.range(0, 2000).filter(i -> p.get(i).reporter().adultService()).count();
        long teens = LongStream.range(0, 2000).filter(i -> {
            var age = p.get(i).child().ageAt(p.get(i).asOf());
            return age.isPresent() && age.getAsInt() >= 15 && age.getAsInt() <= 16;
        }).count();
        assertThat(withBirthDate).isBetween(1600L, 1800L);
        assertThat(adults).isBetween(200L, 400L);
        assertThat(teens).isGreaterThan(200);
        LongStream.range(0, 2000).forEach(i -> nittedal.evaluate(p.get(i)));
    }

    @Test
    void theReportIsTheSameOnOneAndOnTwoThreads() {
        CompiledGuide norge = Guides.bundled("norge").compile();
        CompiledGuide changed = DiffFixtures.changed(DiffFixtures.CONSENT_16).compile();
        ImpactReport one = ImpactDiff.run(norge, changed, Population.generate(2000, 11), 1);
        ImpactReport two = ImpactDiff.run(norge, changed, Population.generate(2000, 11), 2);
        ImpactReport four = ImpactDiff.between(norge, changed).threads(4).run(Population.generate(2000, 11));
        assertThat(two.toJson()).isEqualTo(one.toJson());
        assertThat(four.toText()).isEqualTo(one.toText());
        assertThat(one.hasChanges()).isTrue();
    }

    // ---- the whole vocabulary, for each bundled guide ----

    static final int N = 100_000;
    static final long ONE_PERCENT = N / 100;

    /** The cases a diff of {@code guide} against itself generates (its steps, its catalogues), made as they are read. */
    static Iterable<Case> population(Guide guide) {
        Population.Generator g = Population.Generator.forGuides(guide, guide);
        return () -> LongStream.range(0, N).mapToObj(i -> g.make(17, i)).iterator();
    }

    /**
     * Every field of the vocabulary is generated: every value of every enumeration and flag in at least 1 % of the
     * cases, every field that may be absent both given and absent, sets of codes empty and not, codes of more than one
     * value, every level. Walks {@link Field#values()}, so a field added without a generator fails here.
     */
    @ParameterizedTest
    @ValueSource(strings = {"nittedal", "ovre-eiker", "norge"})
    void everyFieldAndEveryValueOfTheVocabularyIsGenerated(String id) {
        Guide guide = Guides.bundled(id);
        GuideModel model = Access.model(guide);
        Iterable<Case> cases = population(guide);
        Map<Field, Map<Object, Long>> byField = new java.util.EnumMap<>(Field.class);
        for (Case c : cases) {
            Facts facts = new Facts(c, model::levelPosition);
            for (Field f : Field.values()) {
                Object v;
                if (f.type() == Field.Type.DATE) {
                    v = f.dateIn(c).isPresent() ? "given" : null;
                } else {
                    v = f.valueIn(facts);
                    if (v instanceof java.util.Collection<?> set) {
                        v = set.isEmpty() ? "empty" : "not empty";
                    }
                }
                byField.computeIfAbsent(f, k -> new HashMap<>()).merge(v == null ? "absent" : v, 1L, Long::sum);
            }
        }
        List<String> missing = new ArrayList<>();
        for (Field f : Field.values()) {
            if (f.catalogue() == Field.Catalogue.STEPS && model.steps().isEmpty()) {
                continue; // a guide without steps: no case has one (everyStepOfTheGuideIsGenerated checks the others)
            }
            Map<Object, Long> counts = byField.get(f);
            List<Object> expected = new ArrayList<>();
            switch (f.type()) {
                case BOOL -> expected.addAll(List.of(true, false));
                case OPTIONAL_BOOL -> expected.addAll(List.of(true, false));
                case ENUM -> expected.addAll(f.enumValues());
                case CODESET -> expected.addAll(List.of("empty", "not empty"));
                case DATE -> expected.add("given");
                case INT -> {
                    if (f.isLevel()) {
                        for (int p = 0; p <= Math.min(3, model.lastLevel()); p++) {
                            expected.add(p);
                        }
                    }
                }
                case CODE -> {
                    long values = counts.keySet().stream().filter(k -> !k.equals("absent")).count();
                    if (values < 2) {
                        missing.add(f.path() + " takes " + values + " code(s)");
                    }
                }
            }
            if (f.mayBeNull()) {
                expected.add("absent");
            }
            if (f.type() == Field.Type.INT || f.type() == Field.Type.CODE) {
                long given = N - counts.getOrDefault("absent", 0L);
                if (given < ONE_PERCENT) {
                    missing.add(f.path() + " given in " + given + " cases");
                }
            }
            for (Object value : expected) {
                long n = counts.getOrDefault(value, 0L);
                if (n < ONE_PERCENT) {
                    missing.add(f.path() + " = " + value + " in " + n + " cases");
                }
            }
        }
        assertThat(missing).as("fields or values in fewer than 1 % of " + N + " cases of " + id).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nittedal", "ovre-eiker", "norge"})
    void everyStepOfTheGuideIsGenerated(String id) {
        Guide guide = Guides.bundled(id);
        Map<String, Long> steps = new HashMap<>();
        for (Case c : population(guide)) {
            c.work().step().ifPresent(s -> steps.merge(s, 1L, Long::sum));
        }
        List<String> all = Access.model(guide).steps().stream().map(Step::id).toList();
        assertThat(steps.keySet()).as("steps of " + id).containsExactlyInAnyOrderElementsOf(all);
        assertThat(steps.values()).as("each step in 10 cases or more").allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(10));
    }

    /**
     * Dates fall on both sides of every time parameter of the guide (each of its values), counted from asOf: the dates
     * of every date field a condition or a deadline uses the parameter with, and, for every parameter, some date of
     * the case (an age parameter meets a birth date).
     */
    @ParameterizedTest
    @ValueSource(strings = {"nittedal", "ovre-eiker", "norge"})
    void datesFallOnBothSidesOfEveryTimeParameter(String id) {
        Guide guide = Guides.bundled(id);
        GuideModel model = Access.model(guide);
        Map<String, Set<Field>> uses = dateUses(model);
        Iterable<Case> cases = population(guide);
        List<String> oneSided = new ArrayList<>();
        int checked = 0;
        for (Parameter p : model.parameters().values()) {
            if (!p.unit().isDuration()) {
                continue;
            }
            for (Parameter.Value value : p.values()) {
                checked++;
                long[] any = new long[2];
                Map<Field, long[]> byField = new LinkedHashMap<>();
                uses.getOrDefault(p.name(), Set.of()).forEach(f -> byField.put(f, new long[2]));
                for (Case c : cases) {
                    // within: on or after asOf minus the duration; beyond: before it
                    LocalDate threshold = p.unit().addTo(c.asOf(), -value.value());
                    c.child().birthDate().ifPresent(d -> any[d.isBefore(threshold) ? 1 : 0]++);
                    for (Field f : Field.values()) {
                        if (f.type() == Field.Type.DATE) {
                            f.dateIn(c).ifPresent(d -> {
                                int side = d.isBefore(threshold) ? 1 : 0;
                                any[side]++;
                                long[] mine = byField.get(f);
                                if (mine != null) {
                                    mine[side]++;
                                }
                            });
                        }
                    }
                }
                String what = p.name() + " = " + value.value() + " " + p.unit().code();
                if (any[0] < 100 || any[1] < 100) {
                    oneSided.add(what + ": " + any[0] + " dates within, " + any[1] + " beyond");
                }
                byField.forEach((f, n) -> {
                    if (n[0] < 100 || n[1] < 100) {
                        oneSided.add(what + " on " + f.path() + ": " + n[0] + " within, " + n[1] + " beyond");
                    }
                });
            }
        }
        assertThat(checked).as("time parameters of " + id).isPositive();
        assertThat(oneSided).as("parameters whose dates lie on one side only, in " + N + " cases of " + id).isEmpty();
    }

    /** The date fields each parameter is compared with: in days or years since, or as a deadline from the date. */
    static Map<String, Set<Field>> dateUses(GuideModel model) {
        Map<String, Set<Field>> out = new HashMap<>();
        List<Condition> conditions = new ArrayList<>();
        model.rules().stream().map(Rule::when).forEach(conditions::add);
        model.concepts().stream().map(Concept::when).forEach(conditions::add);
        model.exceptions().stream().map(RuleException::when).forEach(conditions::add);
        for (Condition c : conditions) {
            c.leaves(leaf -> {
                if (leaf instanceof Condition.Elapsed e && e.operand() instanceof Operand.ParamRef ref) {
                    out.computeIfAbsent(ref.name(), k -> new TreeSet<>()).add(e.field());
                }
            });
        }
        for (Rule r : model.rules()) {
            r.then().forEach(t -> t.due().ifPresent(d -> {
                if (d instanceof Due.After after && after.from() != null) {
                    out.computeIfAbsent(after.parameter(), k -> new TreeSet<>()).add(after.from());
                }
            }));
        }
        return out;
    }
}
