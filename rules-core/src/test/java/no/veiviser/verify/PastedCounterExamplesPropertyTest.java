package no.veiviser.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import no.veiviser.Case;
import no.veiviser.Cases;
import no.veiviser.CompiledGuide;
import no.veiviser.Decision;
import no.veiviser.Guide;
import no.veiviser.Guides;
import no.veiviser.internal.Access;
import no.veiviser.internal.engine.Field;
import no.veiviser.internal.model.GuideModel;
import no.veiviser.internal.model.Invariant;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * A counter-example pasted as a case reproduces the violation: over planted guides, each with an invariant that
 * is violated only when one fact of the case vocabulary holds (one guide per field and kind of condition on it,
 * standalone or extending {@code norge}), verify refutes the invariant, and every printed counter-example, read
 * back as a case file with the guide (as a user pasting it under a scenario's {@code case:} gets it) and
 * evaluated, violates its invariant by {@link InvariantCheck}. The planted guides are made from {@link Field}, so
 * a field added to the vocabulary gets planted guides without a change here.
 */
class PastedCounterExamplesPropertyTest {
    static final String PLANTED = "planted";

    /** A guide whose invariant {@value #PLANTED} is violated exactly when {@code condition} on {@code field} is true. */
    record Planted(Field field, String condition, String kind, boolean extendsNorge) {
        String yaml() {
            String not = "{not: " + condition + "}";
            return """
                    guide: {id: planted, title: A planted violation, version: "1"%s}
                    codes:
                      # acute, for anyone, contacting nobody: no exception of norge's reaches them, so the planted fact alone decides
                      planted-a: {label: Plantet A, effects: {contacts: [], shares: false, consent: [], for: anyone, phase: acute}}
                      planted-b: {label: Plantet B, effects: {contacts: [], shares: false, consent: [], for: anyone, phase: acute}}
                    %s
                    rules:
                      - id: planted-a
                        when: %s
                        then:
                          - {code: planted-a, text: A.}
                      - id: planted-b
                        when: %s
                        then:
                          - {code: planted-b, text: B.}
                    invariants:
                      - id: planted
                        %s
                    """.formatted(extendsNorge ? ", extends: norge" : "",
                    (extendsNorge ? "" : """
                            signals:
                              violence-suspected: Vold
                              wellbeing-concern: Trivsel
                            services:
                              school: Skole
                              ppt: PPT
                            """) + "steps:\n  - {id: \"1.1\", level: 1, title: Steg}\n",
                    condition, kind.equals("neverTogether") ? "{always: true}" : not,
                    switch (kind) {
                        case "neverTogether" -> "neverTogether: [planted-a, planted-b]";
                        case "requires" -> "requires: {if: planted-a, then: planted-b}";
                        default -> "onlyWhen: {findings: planted-a, when: " + not + "}";
                    });
        }

        @Override
        public String toString() {
            return field.path() + " " + condition + " (" + kind + (extendsNorge ? ", extends norge" : "") + ")";
        }
    }

    static final List<String> KINDS = List.of("neverTogether", "requires", "onlyWhen");

    /** Every planted guide: for each field, each condition that holds only when the field differs from an empty case. */
    static final List<Planted> CORPUS = corpus();

    private static List<Planted> corpus() {
        List<Planted> out = new ArrayList<>();
        int n = 0;
        for (Field f : Field.values()) {
            List<String> conditions = conditions(f);
            for (int i = 0; i < conditions.size(); i++) {
                // the first condition on each field also in a guide extending norge, with its rules, concepts and invariants
                out.add(new Planted(f, conditions.get(i), KINDS.get(n++ % KINDS.size()), false));
                if (i == 0) {
                    out.add(new Planted(f, conditions.get(i), KINDS.get(n++ % KINDS.size()), true));
                }
            }
        }
        return out;
    }

    /** Conditions on {@code f}, each true only on a case in which f is not what an empty case has. */
    static List<String> conditions(Field f) {
        String p = f.path();
        Object empty = CaseYaml.valueAt(Case.on(LocalDate.of(2026, 1, 1)), p);
        return switch (f.type()) {
            case BOOL -> List.of("{" + p + ": " + !(Boolean) empty + "}");
            case OPTIONAL_BOOL -> List.of("{" + p + ": true}", "{" + p + ": false}");
            case INT -> f.isLevel() ? List.of("{" + p + ": {gte: 1}}", "{" + p + ": {gte: 3}}")
                    : List.of("{" + p + ": {gte: 0}}", "{" + p + ": {gte: 12}}", "{" + p + ": {gt: 30}}"); // above 30: a birth date
            case ENUM -> f.enumValues().stream().filter(v -> !v.equals(code(empty))).map(v -> "{" + p + ": " + v + "}").toList();
            case CODE -> List.of("{" + p + ": " + (f.catalogue() == Field.Catalogue.STEPS ? "\"1.1\"" : "ppt") + "}");
            case CODESET -> f.catalogue() == Field.Catalogue.SIGNALS
                    ? List.of("{" + p + ": violence-suspected}", "{" + p + ": {containsAll: [violence-suspected, wellbeing-concern]}}")
                    : List.of("{" + p + ": ppt}", "{" + p + ": {count: {gte: 2}}}");
            case DATE -> f.mayBeAhead() ? List.of("{" + p + ": {present: true}}")
                    : List.of("{" + p + ": {daysSince: {gte: 0}}}", "{" + p + ": {daysSince: {gte: 30}}}", "{" + p + ": {yearsSince: {gte: 2}}}");
        };
    }

    private static String code(Object value) {
        Object v = value instanceof Optional<?> o ? o.orElse(null) : value;
        return v instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT).replace('_', '-') : null;
    }

    @Provide
    Arbitrary<Planted> planted() {
        return Arbitraries.of(CORPUS);
    }

    /** The planted guides the property has checked: all of them, or the property passed vacuously. */
    static final Set<Planted> CHECKED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @Property(generation = GenerationMode.EXHAUSTIVE, afterFailure = AfterFailureMode.RANDOM_SEED) // every guide once, also after a failure
    void aPastedCounterExampleReproducesTheViolation(@ForAll("planted") Planted planted) {
        CHECKED.add(planted);
        Guide g = Guides.parse(planted.yaml(), Path.of("planted.yaml"));
        GuideModel model = Access.model(g);
        CompiledGuide compiled = g.compile();
        VerifyReport report = Verifier.verify(compiled);
        VerifyReport.Result result = report.invariants().stream().filter(r -> r.id().equals(PLANTED)).findFirst().orElseThrow();
        assertThat(result.proved()).as("the planted invariant is refuted: %s", planted).isFalse();
        assertThat(report.violations()).as("only the planted invariant is violated").extracting(VerifyReport.Result::id).containsExactly(PLANTED);
        VerifyReport.CounterExample ce = result.counterExample().orElseThrow();
        // the fact the violation needs is in the counter-example, and printed
        Case empty = Case.on(ce.aCase().asOf());
        List<String> set = CaseYaml.paths().stream().filter(path -> !CaseYaml.valueAt(ce.aCase(), path).equals(CaseYaml.valueAt(empty, path))).toList();
        assertThat(set).as("the facts of the counter-example to %s", planted)
                .anyMatch(path -> path.equals(planted.field().path()) || CaseYaml.OTHER_FORMS.getOrDefault(planted.field(), List.of()).contains(path));
        // pasted: read back with the guide (its codes checked), evaluated, it shows the violation
        Case pasted = Cases.parse(ce.yaml(), "pasted.yaml", g, null);
        assertThat(pasted).as("%s read back from\n%s", planted, ce.yaml()).isEqualTo(ce.aCase());
        Decision d = compiled.evaluate(pasted);
        Invariant inv = model.invariants().stream().filter(i -> i.id().equals(PLANTED)).findFirst().orElseThrow();
        assertThat(new InvariantCheck(model).violated(inv, pasted, d)).as("%s: the pasted case\n%s violates it", planted, ce.yaml()).isTrue();
    }

    @AfterContainer
    static void everyPlantedGuideWasChecked() {
        if (!CHECKED.isEmpty()) { // the property ran (not just the example): on every guide of the corpus
            assertThat(CHECKED).as("planted guides checked").containsExactlyInAnyOrderElementsOf(CORPUS);
        }
    }

    @Example
    void theCorpusPlantsAViolationOnEveryFieldAndEveryKind() {
        Set<Field> planted = CORPUS.stream().map(Planted::field).collect(Collectors.toCollection(() -> EnumSet.noneOf(Field.class)));
        assertThat(EnumSet.complementOf(EnumSet.copyOf(planted))).as("fields without a planted guide").isEmpty();
        assertThat(CORPUS.stream().map(Planted::kind).distinct()).containsExactlyInAnyOrderElementsOf(KINDS);
        assertThat(CORPUS).hasSizeGreaterThan(2 * Field.values().length);
        assertThat(CORPUS.stream().filter(Planted::extendsNorge).map(Planted::field).distinct().count()).isEqualTo(Field.values().length);
    }
}
