package no.veiviser.internal.yaml;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Typed access to the values of a located tree. Every read that fails records a located problem and
 * returns an empty value, so a reader goes on and reports every problem in one pass.
 */
public final class Fields {
    /**
     * Identifiers: rule ids, codes, parameter names. Lowercase words joined by '-', '.' or '_'; the Norwegian letters
     * æ, ø and å are letters (an id is never code: every place that writes one, DRL literals included, takes them).
     */
    public static final Pattern ID = Pattern.compile("[a-z0-9æøå][a-z0-9æøå._-]{0,79}");

    private final Problems problems;

    public Fields(Problems problems) {
        this.problems = problems;
    }

    public Problems problems() {
        return problems;
    }

    /** The node as a mapping, or null (with a problem) when it is something else. */
    public Node.MapNode map(Node node, String what) {
        if (node instanceof Node.MapNode m) {
            return m;
        }
        problems.error(node.at(), what + " must be a mapping (key: value lines), not " + node.kind(), null);
        return null;
    }

    /** The node as a list, or null (with a problem) when it is something else. */
    public Node.ListNode list(Node node, String what) {
        if (node instanceof Node.ListNode l) {
            return l;
        }
        problems.error(node.at(), what + " must be a list (lines starting with '- '), not " + node.kind(), null);
        return null;
    }

    /** Reports every key of {@code map} not in {@code allowed}, with a did-you-mean hint. */
    public void onlyKeys(Node.MapNode map, String where, Collection<String> allowed) {
        for (Node.Entry e : map.entries().values()) {
            if (!allowed.contains(e.key())) {
                problems.error(e.keyAt(), "unknown key '" + shorten(e.key()) + "' in " + where, Hints.didYouMean(e.key(), allowed));
            }
        }
    }

    public boolean require(Node.MapNode map, String key, String where) {
        if (map.has(key) && !(map.get(key) instanceof Node.ScalarNode s && s.isNull())) {
            return true;
        }
        problems.error(map.at(), where + " needs '" + key + "'", null);
        return false;
    }

    /** Text of a scalar (numbers and booleans keep their written form); empty for a missing key. */
    public Optional<String> text(Node.MapNode map, String key) {
        Node n = map.get(key);
        return n == null ? Optional.empty() : text(n, "'" + key + "'");
    }

    public Optional<String> text(Node node, String what) {
        if (node instanceof Node.ScalarNode s) {
            if (s.isNull()) {
                return Optional.empty();
            }
            return Optional.of(s.text());
        }
        problems.error(node.at(), what + " must be a text, not " + node.kind(), null);
        return Optional.empty();
    }

    /** An identifier (see {@link #ID}); anything else is reported, so ids are safe everywhere. */
    public Optional<String> id(Node node, String what) {
        return matching(node, what, ID, "use lowercase letters (æ, ø and å too), digits and '-', '.' or '_' (at most 80), starting with a letter or digit; no spaces: write 'nivå-1', not 'nivå 1'");
    }

    /** An id as the guide writes it, case kept (a step "A.1", a level "B"): letters of either case (Æ Ø Å too), digits, '.', '-', '_'. */
    public static final Pattern WRITTEN_ID = Pattern.compile("[A-Za-z0-9ÆØÅæøå][A-Za-z0-9ÆØÅæøå._-]{0,79}");

    /** An id as the guide writes it (see {@link #WRITTEN_ID}); an integer is read as its digits. */
    public Optional<String> writtenId(Node node, String what) {
        return matching(node, what, WRITTEN_ID, "use letters (æ, ø and å too), digits and '-', '.' or '_' (at most 80), starting with a letter or digit; no spaces: write 'Nivå-1' or '1.2', not 'Nivå 1'");
    }

    private Optional<String> matching(Node node, String what, Pattern pattern, String hint) {
        if (isNull(node, what, "an id")) {
            return Optional.empty();
        }
        Optional<String> text = text(node, what);
        if (text.isPresent() && !pattern.matcher(text.get()).matches()) {
            problems.error(node.at(), what + " '" + shorten(text.get()) + "' is not a valid id", hint);
            return Optional.empty();
        }
        return text;
    }

    public Optional<String> writtenId(Node.MapNode map, String key) {
        Node n = map.get(key);
        return n == null ? Optional.empty() : writtenId(n, "'" + key + "'");
    }

    public Optional<String> id(Node.MapNode map, String key) {
        Node n = map.get(key);
        return n == null ? Optional.empty() : id(n, "'" + key + "'");
    }

    public Optional<Boolean> bool(Node node, String what) {
        // YAML 1.1 also reads yes/no/on/off as booleans; we take only true and false, as written.
        if (node instanceof Node.ScalarNode s && s.type() == Node.ScalarNode.Type.BOOLEAN
                && (s.text().equals("true") || s.text().equals("false"))) {
            return Optional.of(Boolean.parseBoolean(s.text()));
        }
        problems.error(node.at(), what + " must be true or false, not " + describe(node), null);
        return Optional.empty();
    }

    public Optional<Integer> integer(Node node, String what, int min, int max) {
        if (node instanceof Node.ScalarNode s && s.type() == Node.ScalarNode.Type.INTEGER) {
            try {
                int value = Integer.parseInt(s.text().replace("_", ""));
                if (value >= min && value <= max) {
                    return Optional.of(value);
                }
            } catch (NumberFormatException e) {
                // falls through to the range problem below
            }
            problems.error(node.at(), what + " must be between " + min + " and " + max + ", not " + s.text(), null);
            return Optional.empty();
        }
        problems.error(node.at(), what + " must be a whole number, not " + describe(node), null);
        return Optional.empty();
    }

    /** The earliest date accepted anywhere (guides, cases, scenarios): a birth date of the oldest person living. */
    public static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
    /** The latest date accepted: far beyond any guide's validity, and day counts stay small. */
    public static final LocalDate MAX_DATE = LocalDate.of(2199, 12, 31);

    /** Whether {@code d} is within {@link #MIN_DATE} and {@link #MAX_DATE}. */
    public static boolean inRange(LocalDate d) {
        return !d.isBefore(MIN_DATE) && !d.isAfter(MAX_DATE);
    }

    public Optional<LocalDate> date(Node node, String what) {
        if (node instanceof Node.ScalarNode s && !s.isNull()) {
            try {
                LocalDate d = LocalDate.parse(s.text());
                if (!inRange(d)) {
                    problems.error(node.at(), what + " '" + shorten(s.text()) + "' is outside the dates Veiviser accepts, "
                            + MIN_DATE + " to " + MAX_DATE, "check the year");
                    return Optional.empty();
                }
                return Optional.of(d);
            } catch (DateTimeParseException e) {
                problems.error(node.at(), what + " '" + shorten(s.text()) + "' is not a valid date",
                        "write dates as YYYY-MM-DD, for example 2026-11-24");
                return Optional.empty();
            }
        }
        problems.error(node.at(), what + " must be a date (YYYY-MM-DD), not " + describe(node), null);
        return Optional.empty();
    }

    /** One of a closed set of codes, with a did-you-mean hint. */
    public Optional<String> code(Node node, String what, Set<String> allowed) {
        if (isNull(node, what, "a code")) {
            return Optional.empty();
        }
        Optional<String> text = text(node, what);
        if (text.isPresent() && !allowed.contains(text.get())) {
            problems.error(node.at(), "unknown " + what + " '" + shorten(text.get()) + "'", Hints.didYouMean(text.get(), allowed));
            return Optional.empty();
        }
        return text;
    }

    /** A list whose items are read by {@code item}; a single scalar is not silently accepted as a list. */
    public <T> List<T> listOf(Node node, String what, Function<Node, Optional<T>> item) {
        List<T> out = new ArrayList<>();
        Node.ListNode list = list(node, what);
        if (list != null) {
            for (Node n : list.items()) {
                item.apply(n).ifPresent(out::add);
            }
        }
        return out;
    }

    /** Reports an empty (null) value where a value is needed. */
    private boolean isNull(Node node, String what, String needed) {
        if (node instanceof Node.ScalarNode s && s.isNull()) {
            problems.error(node.at(), what + " must be " + needed + ", not empty (null)", null);
            return true;
        }
        return false;
    }

    public static String describe(Node node) {
        if (node instanceof Node.ScalarNode s && !s.isNull()) {
            return "'" + shorten(s.text()) + "' (" + s.kind() + ")";
        }
        return node.kind();
    }

    public static String shorten(String s) {
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
