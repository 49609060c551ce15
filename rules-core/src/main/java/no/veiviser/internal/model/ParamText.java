package no.veiviser.internal.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parameters in finding texts: {@code {name}} reads "4 uker", {@code {name:words}} "fire uker" (Norwegian number
 * words up to twenty, as the guides write them), {@code {name:number}} the bare "4". A text that states a deadline
 * or an age through its parameter changes with it, and with a dated value from the day that value holds; one that
 * states it by hand goes on saying the old value under a new due date, which {@link #stated} finds (lint W011, the
 * workbench's impact view). Quotes of the guide ({@code source.text}) are never resolved: they stay verbatim.
 */
public final class ParamText {
    /** A placeholder: a parameter name as the guide writes it, and an optional form. */
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z0-9][a-z0-9-]*)(?::([a-z-]*))?}");
    /** The forms a placeholder may ask for, after the colon. */
    public static final List<String> FORMS = List.of("words", "number");

    private static final String[] WORDS = {"null", "en", "to", "tre", "fire", "fem", "seks", "sju", "åtte", "ni", "ti",
        "elleve", "tolv", "tretten", "fjorten", "femten", "seksten", "sytten", "atten", "nitten", "tjue"};

    private ParamText() {}

    /** One placeholder in a text: the parameter, the form ("" for the plain one), and where it stands. */
    public record Ref(String parameter, String form, int start, int end) {}

    /** The placeholders of {@code text}, in order (with forms not in {@link #FORMS}: the validator refuses those). */
    public static List<Ref> refs(String text) {
        List<Ref> out = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            out.add(new Ref(m.group(1), m.group(2) == null ? "" : m.group(2), m.start(), m.end()));
        }
        return out;
    }

    /** Whether {@code text} has a placeholder at all (most texts have none: they are returned as they are). */
    public static boolean hasRefs(String text) {
        return text.indexOf('{') >= 0 && PLACEHOLDER.matcher(text).find();
    }

    /**
     * {@code text} with each placeholder replaced by its parameter's value in words.
     *
     * @param value the value in force of a parameter by name, null where none is (the placeholder then stays as
     *              written; the validator makes sure a rule never fires on a date its parameters have no value)
     */
    public static String resolve(String text, java.util.Map<String, Parameter> parameters, Function<String, Integer> value) {
        if (!hasRefs(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Ref r : refs(text)) {
            Parameter p = parameters.get(r.parameter());
            out.append(text, at, r.start());
            Integer v = p == null ? null : value.apply(p.name());
            out.append(v == null ? text.substring(r.start(), r.end()) : written(v, p.unit(), r.form()));
            at = r.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /** A value as a placeholder of {@code form} writes it: "4 uker", "fire uker" or "4". */
    public static String written(int value, Unit unit, String form) {
        boolean words = form.equals("words");
        if (form.equals("number")) {
            return Integer.toString(value);
        }
        String n = words ? number(value, unit) : Integer.toString(value);
        return switch (unit) {
            case COUNT -> n;
            case LEVEL -> "nivå " + n;
            default -> n + " " + noun(unit, value);
        };
    }

    /** A number in words up to twenty ("ett år", "en uke": the noun's gender), in digits above. */
    static String number(int value, Unit unit) {
        if (value < 0 || value >= WORDS.length) {
            return Integer.toString(value);
        }
        return value == 1 && unit == Unit.YEARS ? "ett" : WORDS[value];
    }

    private static String noun(Unit unit, int value) {
        boolean one = value == 1;
        return switch (unit) {
            case YEARS -> "år";
            case MONTHS -> one ? "måned" : "måneder";
            case WEEKS -> one ? "uke" : "uker";
            case DAYS -> one ? "dag" : "dager";
            default -> "";
        };
    }

    /** Where a text states a value by hand: the words as written, and their place in the text. */
    public record Stated(String words, int start) {}

    /**
     * Where {@code text} states {@code value} of a parameter in {@code unit} by hand, outside its placeholders:
     * "4 uker", "fire ukers", "16 år", "16-åringen". Only durations and ages: a level or a count is written
     * alike for too many other things to tell.
     */
    public static List<Stated> stated(String text, Unit unit, int value) {
        if (!unit.isDuration() || value <= 0) {
            return List.of(); // "0 dager" is written "samme dag", which other things say too
        }
        Pattern p = PATTERNS.computeIfAbsent(unit.name() + " " + value, k -> pattern(unit, value));
        Matcher m = p.matcher(text);
        List<Stated> out = new ArrayList<>();
        while (m.find()) {
            out.add(new Stated(m.group().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "), m.start()));
        }
        return out;
    }

    /** Each unit and value's pattern, made once: validating a guide asks for the same few for every text. */
    private static final Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Pattern pattern(Unit unit, int value) {
        String units = switch (unit) {
            case YEARS -> "(?:\\s+år\\b|\\s*-\\s*år[a-zæøå]*)";
            case MONTHS -> "\\s+måned(?:er|ers|ens|s)?\\b";
            case WEEKS -> "\\s+uke(?:r|rs|ns|s)?\\b";
            case DAYS -> "\\s+døgn\\b|\\s+dag(?:er|ers|s)?\\b";
            default -> throw new IllegalStateException();
        };
        String n = "(?:" + value + (value < WORDS.length ? "|" + WORDS[value] + (value == 1 ? "|ett|én|ei" : "") : "") + ")";
        return Pattern.compile("(?<![\\p{L}\\p{N}{:-])" + n + "(?:" + units + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /**
     * A value stated by hand in a text: the words, the parameters whose value it is (those the rule uses, when it
     * uses one of them), and the form of placeholder to write instead ("", ":words" or ":number").
     */
    public record StatedValue(String words, int start, List<String> parameters, String form) {
        /** @return the placeholder to write for {@code parameter} */
        public String placeholder(String parameter) {
            return "{" + parameter + form + "}";
        }

        /** @return the placeholders to write, joined with "or" when the value is more than one parameter's */
        public String placeholder() {
            return String.join(" or ", parameters.stream().map(this::placeholder).toList());
        }
    }

    /** Where {@code text} states, by hand, the value {@code value} gives a parameter (empty: no value to compare). */
    public static List<StatedValue> statedValues(String text, java.util.Collection<Parameter> parameters,
                                          java.util.function.Function<Parameter, Optional<Integer>> value, Set<String> preferred) {
        return statedAny(text, parameters, p -> value.apply(p).stream().toList(), preferred);
    }

    /**
     * Where {@code text} states, by hand, any of a parameter's values, the dated ones included: on the day a dated
     * value comes into force, a text that states it (or the value before it) by hand says the wrong thing.
     */
    public static List<StatedValue> statedValues(String text, java.util.Collection<Parameter> parameters, Set<String> preferred) {
        return statedAny(text, parameters, p -> p.values().stream().map(Parameter.Value::value).distinct().toList(), preferred);
    }

    private static List<StatedValue> statedAny(String text, java.util.Collection<Parameter> parameters,
                                               java.util.function.Function<Parameter, List<Integer>> values, Set<String> preferred) {
        Map<Integer, Map<Parameter, Integer>> byStart = new java.util.TreeMap<>();
        Map<Integer, String> words = new java.util.HashMap<>();
        for (Parameter p : parameters) {
            for (int v : values.apply(p)) {
                for (Stated s : stated(text, p.unit(), v)) {
                    byStart.computeIfAbsent(s.start(), k -> new java.util.LinkedHashMap<>()).putIfAbsent(p, v);
                    words.putIfAbsent(s.start(), s.words());
                }
            }
        }
        List<StatedValue> out = new ArrayList<>();
        for (var e : byStart.entrySet()) {
            List<Parameter> ps = List.copyOf(e.getValue().keySet());
            List<Parameter> used = ps.stream().filter(p -> preferred.contains(p.name())).toList();
            List<Parameter> named = used.isEmpty() ? ps : used;
            String w = words.get(e.getKey());
            Parameter first = named.get(0);
            int v = e.getValue().get(first);
            // the form that writes exactly these words, else the bare number for the author to put before the rest
            String form = w.equals(written(v, first.unit(), "")) ? "" : w.equals(written(v, first.unit(), "words")) ? ":words" : ":number";
            out.add(new StatedValue(w, e.getKey(), named.stream().map(Parameter::name).toList(), form));
        }
        return out;
    }
}
