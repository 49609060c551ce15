package no.veiviser.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.UnaryOperator;
import no.veiviser.Case;
import no.veiviser.CaseException;
import no.veiviser.Cases;
import no.veiviser.Child;
import no.veiviser.Guide;
import no.veiviser.Guides;
import no.veiviser.internal.engine.Field;
import org.junit.jupiter.api.Test;

/**
 * The counter-example printer leaves out no fact: every field of the case vocabulary ({@link Field}, all of
 * them, and the other forms a case file gives one in) set on a case is printed, and the YAML reads back as the
 * same case. Fields are set here by their path, not by a list in this test, so a field added to the vocabulary
 * is checked without a change here (or the test fails naming it).
 */
class CaseYamlTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

    /** The parts of Case a case file names differently (as the printer knows them too; CaseReader checks both). */
    static final Map<String, String> PART = Map.of("case", "work");

    @Test
    void everyFieldOfTheVocabularySetOnACaseIsPrintedAndReadsBack() {
        List<String> failures = new ArrayList<>();
        for (String path : CaseYaml.paths()) {
            Case c = withChanged(Case.on(AS_OF), path);
            assertThat(c).as("the test could not set %s", path).isNotEqualTo(Case.on(AS_OF));
            String yaml = CaseYaml.of(c);
            // a guide's own meeting outcome is written where the case file writes it: meeting.outcome (issue 26 item 3)
            String leaf = path.equals("meeting.guideOutcome") ? "outcome" : path.substring(path.lastIndexOf('.') + 1);
            if (!yaml.contains(leaf + ":")) {
                failures.add(path + " is not printed");
                continue;
            }
            Case read = readBack(yaml, path, failures);
            if (read != null && !read.equals(c)) {
                failures.add(path + " reads back differently, in " + CaseYaml.differing(c, read));
            }
        }
        assertThat(failures).as("facts of a case the printer drops or misprints").isEmpty();
    }

    @Test
    void theVocabularyIsWhatThePrinterWalks() {
        List<String> paths = CaseYaml.paths();
        for (Field f : Field.values()) {
            assertThat(paths).as("field %s", f.path()).contains(f.path());
        }
    }

    @Test
    void everyFactACaseHoldsIsOneThePrinterWalks() {
        List<String> leaves = new ArrayList<>();
        leaves(Case.class, "", leaves);
        leaves.remove("asOf"); // printed first, always
        assertThat(CaseYaml.paths()).as("facts of Case the printer walks").containsExactlyInAnyOrderElementsOf(leaves);
    }

    /** The paths of a record's parts that are not records themselves, as a case file names them. */
    private static void leaves(Class<?> record, String prefix, List<String> out) {
        for (RecordComponent rc : record.getRecordComponents()) {
            String key = prefix.isEmpty() ? PART.entrySet().stream().filter(e -> e.getValue().equals(rc.getName()))
                    .map(Map.Entry::getKey).findFirst().orElse(rc.getName()) : rc.getName();
            if (rc.getType().isRecord()) {
                leaves(rc.getType(), prefix + key + ".", out);
            } else {
                out.add(prefix + key);
            }
        }
    }

    @Test
    void aCaseWithEveryFieldSetAtOnceReadsBackWhole() {
        Case c = Case.on(AS_OF);
        for (Field f : Field.values()) {
            c = withChanged(c, f.path());
        }
        String yaml = CaseYaml.of(c);
        Case read = Cases.parse(yaml, "every-field.yaml", null, null);
        assertThat(CaseYaml.differing(c, read)).as("facts lost in\n%s", yaml).isEmpty();
        assertThat(read).isEqualTo(c);
        // and the other form of the age: a birth date, for an age above 30
        Case older = c.withChild(Child.bornOn(AS_OF.minusYears(40)).withSetting(Child.Setting.OTHER));
        assertThat(Cases.parse(CaseYaml.of(older), "born.yaml", null, null)).isEqualTo(older);
    }

    @Test
    void anEmptyCaseIsItsDateAlone() {
        assertThat(CaseYaml.of(Case.on(AS_OF))).isEqualTo("asOf: 2026-11-24\n");
    }

    @Test
    void codesThatYamlWouldReadAsSomethingElseAreQuoted() {
        Case c = Case.on(AS_OF).withWork(no.veiviser.CaseWork.atLevel("2").withStep("0.1").withServices("null", "ppt"));
        String yaml = CaseYaml.of(c);
        assertThat(yaml).contains("level: 2\n", "step: '0.1'\n", "services: ['null', ppt]\n");
        assertThat(Cases.parse(yaml, "quoted.yaml", null, null)).isEqualTo(c);
    }

    @Test
    void witnessesCanBeBuiltWithEveryField() {
        Set<Field> missing = EnumSet.allOf(Field.class);
        missing.removeAll(Witness.KNOWN);
        assertThat(missing).as("fields verify cannot build a counter-example with (add them to Witness)").isEmpty();
    }

    @Test
    void aPathThatIsNoPartOfTheCaseIsAnInternalErrorNamingIt() {
        assertThatThrownBy(() -> CaseYaml.valueAt(Case.on(AS_OF), "childWelfare.nowhere"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("childWelfare.nowhere");
    }

    @Test
    void aPrinterThatDropsAFactStopsVerifyNamingTheFact() {
        Guide g = Guides.parse("""
                guide: {id: meeting-plant, title: A violation only after a meeting, version: "1"}
                codes:
                  close: Avslutt
                  keep: Fortsett
                rules:
                  - id: close
                    when: {meeting.outcome: close}
                    then:
                      - {code: close, text: Avslutt.}
                  - id: keep
                    when: {always: true}
                    then:
                      - {code: keep, text: Fortsett.}
                invariants:
                  - id: not-both
                    neverTogether: [close, keep]
                """, java.nio.file.Path.of("meeting-plant.yaml"));
        // the printer as it was: without the meeting
        java.util.function.Function<Case, String> withoutMeeting = c -> CaseYaml.of(c.withMeeting(null));
        assertThatThrownBy(() -> new Verifier(UnaryOperator.identity(), withoutMeeting).run(g))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("internal error in verify")
                .hasMessageContaining("does not read back")
                .hasMessageContaining("meeting.outcome")
                .hasMessageNotContaining("close"); // names the field, not its value
        VerifyReport.CounterExample ce = Verifier.verify(g).invariants().get(0).counterExample().orElseThrow();
        assertThat(ce.yaml()).isEqualTo("asOf: " + ce.aCase().asOf() + "\nmeeting:\n  outcome: close\n");
    }

    private static Case readBack(String yaml, String path, List<String> failures) {
        try {
            return Cases.parse(yaml, path + ".yaml", null, null);
        } catch (CaseException e) {
            failures.add(path + " does not read back: " + e.problems());
            return null;
        }
    }

    /** The case with the fact at {@code path} set to a value other than the one it has (which reads back as written). */
    static Case withChanged(Case c, String path) {
        return (Case) changed(c, path.split("\\."), 0, path);
    }

    private static Object changed(Object record, String[] keys, int i, String path) {
        String name = i == 0 ? PART.getOrDefault(keys[0], keys[0]) : keys[i];
        RecordComponent[] components = record.getClass().getRecordComponents();
        assertThat(components).as("%s: %s is not a record", path, record.getClass()).isNotNull();
        Object[] args = new Object[components.length];
        boolean found = false;
        try {
            for (int k = 0; k < components.length; k++) {
                args[k] = components[k].getAccessor().invoke(record);
                if (components[k].getName().equals(name)) {
                    found = true;
                    args[k] = i == keys.length - 1 ? other(components[k].getGenericType(), args[k], path)
                            : changed(args[k], keys, i + 1, path);
                }
            }
            assertThat(found).as("%s: no part %s in %s", path, name, record.getClass().getSimpleName()).isTrue();
            Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return record.getClass().getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(path + ": " + e, e);
        }
    }

    /** A value of {@code type} other than {@code current}, valid in a case file read without a guide. */
    private static Object other(Type type, Object current, String path) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == boolean.class) {
            return !(Boolean) current;
        }
        if (raw == OptionalInt.class) {
            return OptionalInt.of(((OptionalInt) current).orElse(0) == 7 ? 8 : 7);
        }
        if (raw == List.class) {
            return List.of("code-a", "code-b");
        }
        if (raw.isEnum()) {
            return Arrays.stream(raw.getEnumConstants()).filter(e -> !e.equals(current)).reduce((a, b) -> b).orElseThrow();
        }
        if (raw == Optional.class) {
            Type inner = ((ParameterizedType) type).getActualTypeArguments()[0];
            Class<?> in = (Class<?>) inner;
            if (in == LocalDate.class) {
                return Optional.of(AS_OF.minusDays(40));
            }
            if (in == Boolean.class) {
                return Optional.of(false);
            }
            if (in == String.class) {
                return Optional.of(path.endsWith("level") ? "2" : "code-a");
            }
            if (in.isEnum()) {
                return Optional.of(in.getEnumConstants()[in.getEnumConstants().length - 1]);
            }
        }
        throw new AssertionError(path + ": the test does not know how to set a value of type " + type);
    }
}
