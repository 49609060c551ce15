package no.veiviser.verify;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;
import no.veiviser.Case;
import no.veiviser.internal.engine.Field;

/**
 * A case as the YAML of a case file (the same as a scenario's {@code case:}), with only the facts that differ
 * from an empty case, so a counter-example reads as what makes it one.
 *
 * <p>Driven by the case vocabulary: every {@link Field} is looked up in the {@link Case} by its path (the path a
 * case file and a condition both use), so a field added to the vocabulary is printed without a change here. A
 * path this class cannot find in {@code Case} is an internal error that names the field, never a fact left out.
 */
final class CaseYaml {
    /** A guide's own meeting outcome: {@code meeting.outcome} in a case file, so printed (and compared) there. */
    private static final String GUIDE_OUTCOME = "meeting.guideOutcome";

    /**
     * The case file keys that give a field of the vocabulary in another form: the child's age as a birth date
     * (what a counter-example needs for an age above 30, the most a case may write as {@code age}).
     */
    static final Map<Field, List<String>> OTHER_FORMS = Map.of(Field.CHILD_AGE, List.of("child.birthDate"),
            Field.MEETING_OUTCOME, List.of(GUIDE_OUTCOME));

    /** The parts of {@link Case} that a case file names differently: the work under way is {@code case:}. */
    private static final Map<String, String> PART = Map.of("case", "work");

    /** A text a YAML reader reads back as that text when written plainly (else it is quoted). */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z][A-Za-z0-9._-]*|0|[1-9][0-9]{0,8}");

    private CaseYaml() {}

    static String of(Case c) {
        Map<String, Object> tree = new LinkedHashMap<>();
        Case empty = Case.on(c.asOf());
        for (String path : paths()) {
            Object value = valueAt(c, path);
            if (!value.equals(valueAt(empty, path))) {
                put(tree, path.split("\\."), value);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append("asOf: ").append(c.asOf()).append('\n');
        print(out, tree, "");
        return out.toString();
    }

    /** Every fact a case file can give: the paths of the vocabulary, in its order, each followed by its other forms. */
    static List<String> paths() {
        List<String> out = new ArrayList<>();
        for (Field f : Field.values()) {
            out.add(f.path());
            out.addAll(OTHER_FORMS.getOrDefault(f, List.of()));
        }
        return out;
    }

    /** The facts (by path, see {@link #paths()}) in which two cases differ: names only, never values. */
    static List<String> differing(Case a, Case b) {
        List<String> out = new ArrayList<>();
        if (!a.asOf().equals(b.asOf())) {
            out.add("asOf");
        }
        for (String path : paths()) {
            if (!valueAt(a, path).equals(valueAt(b, path))) {
                out.add(path);
            }
        }
        return out;
    }

    /**
     * The value a case holds at a path, as the case part's record component holds it ({@code Optional},
     * {@code OptionalInt}, boolean, enum, list of codes).
     *
     * @throws IllegalStateException naming the path when {@code Case} has no such part
     */
    static Object valueAt(Case c, String path) {
        if (path.equals(Field.MEETING_OUTCOME.path())) {
            return c.meeting().written(); // a guide's own outcome as written ("avslutt"), not only its meaning
        }
        if (path.equals(GUIDE_OUTCOME)) {
            return Optional.empty(); // written as meeting.outcome, above
        }
        Object at = c;
        for (String key : path.split("\\.")) {
            String name = at == c ? PART.getOrDefault(key, key) : key;
            at = component(at, name, path);
        }
        return at;
    }

    private static Object component(Object record, String name, String path) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        if (components != null) {
            for (RecordComponent rc : components) {
                if (rc.getName().equals(name)) {
                    try {
                        return Objects.requireNonNull(rc.getAccessor().invoke(record), path);
                    } catch (IllegalAccessException | InvocationTargetException e) {
                        throw new IllegalStateException("internal error in verify: cannot read case field " + path, e);
                    }
                }
            }
        }
        throw new IllegalStateException("internal error in verify: case field " + path
                + " of the vocabulary is not a part of Case, so a counter-example could not show it");
    }

    /** The value as YAML writes it; absent (empty) values are never asked for, as they equal the empty case's. */
    private static String scalar(Object value) {
        if (value instanceof Optional<?> o) {
            return scalar(o.orElseThrow());
        }
        if (value instanceof OptionalInt i) {
            return String.valueOf(i.getAsInt());
        }
        if (value instanceof Enum<?> e) {
            return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CaseYaml::scalar).collect(java.util.stream.Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Boolean || value instanceof Integer || value instanceof LocalDate) {
            return value.toString();
        }
        String text = value.toString();
        if (PLAIN.matcher(text).matches() && !text.equalsIgnoreCase("null")) {
            return text;
        }
        return "'" + text.replace("'", "''") + "'";
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, String[] keys, Object value) {
        Map<String, Object> at = tree;
        for (int i = 0; i < keys.length - 1; i++) {
            at = (Map<String, Object>) at.computeIfAbsent(keys[i], k -> new LinkedHashMap<String, Object>());
        }
        at.put(keys[keys.length - 1], value);
    }

    @SuppressWarnings("unchecked")
    private static void print(StringBuilder out, Map<String, Object> tree, String indent) {
        for (Map.Entry<String, Object> e : tree.entrySet()) {
            out.append(indent).append(e.getKey()).append(':');
            if (e.getValue() instanceof Map<?, ?> section) {
                out.append('\n');
                print(out, (Map<String, Object>) section, indent + "  ");
            } else {
                out.append(' ').append(scalar(e.getValue())).append('\n');
            }
        }
    }
}
