package no.veiviser.internal.engine;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import no.veiviser.internal.yaml.Location;

/**
 * A rule's {@code when}, parsed and checked: a small closed language. Each node can test a case directly
 * (used by explain and trace) and write itself as a Drools constraint (used by the compiler); a property
 * test keeps the two in agreement. Only field properties from {@link Field}, operators and literals
 * that passed validation appear in the constraint text.
 */
public sealed interface Condition {

    Location at();

    boolean test(Facts facts, Params params);

    /** A boolean constraint over {@link Facts}' properties. */
    String drl(Params params);

    /** For people: {@code child.age >= 15 (youth-consent-age)}. */
    String describe(Params params);

    /** Visits every leaf (comparison) of the tree. */
    void leaves(Consumer<Condition> visitor);

    /** Every parameter this condition refers to. */
    default Set<String> parameters() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        leaves(leaf -> {
            Operand operand = leaf instanceof Compare c ? c.operand() : leaf instanceof Elapsed e ? e.operand()
                    : leaf instanceof Count n ? n.operand() : null;
            if (operand instanceof Operand.ParamRef ref) {
                names.add(ref.name());
            }
        });
        return names;
    }

    enum Op {
        EQ("=="), NE("!="), LT("<"), LTE("<="), GT(">"), GTE(">=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        boolean holds(int left, int right) {
            return switch (this) {
                case EQ -> left == right;
                case NE -> left != right;
                case LT -> left < right;
                case LTE -> left <= right;
                case GT -> left > right;
                case GTE -> left >= right;
            };
        }
    }

    record Always(Location at) implements Condition {
        public boolean test(Facts f, Params p) { return true; }
        public String drl(Params p) { return "true"; }
        public String describe(Params p) { return "always"; }
        public void leaves(Consumer<Condition> v) { }
    }

    record All(Location at, List<Condition> parts) implements Condition {
        public boolean test(Facts f, Params p) {
            for (Condition c : parts) {
                if (!c.test(f, p)) {
                    return false;
                }
            }
            return true;
        }

        public String drl(Params p) {
            return parts.isEmpty() ? "true" : parts.stream().map(c -> c.drl(p)).collect(Collectors.joining(" && ", "(", ")"));
        }

        public String describe(Params p) {
            return parts.stream().map(c -> c.describe(p)).collect(Collectors.joining(" and ", "all of (", ")"));
        }

        public void leaves(Consumer<Condition> v) { parts.forEach(c -> c.leaves(v)); }
    }

    record Any(Location at, List<Condition> parts) implements Condition {
        public boolean test(Facts f, Params p) {
            for (Condition c : parts) {
                if (c.test(f, p)) {
                    return true;
                }
            }
            return false;
        }

        public String drl(Params p) {
            return parts.isEmpty() ? "false" : parts.stream().map(c -> c.drl(p)).collect(Collectors.joining(" || ", "(", ")"));
        }

        public String describe(Params p) {
            return parts.stream().map(c -> c.describe(p)).collect(Collectors.joining(" or ", "any of (", ")"));
        }

        public void leaves(Consumer<Condition> v) { parts.forEach(c -> c.leaves(v)); }
    }

    record Not(Location at, Condition part) implements Condition {
        public boolean test(Facts f, Params p) { return !part.test(f, p); }
        public String drl(Params p) { return "!(" + part.drl(p) + ")"; }
        public String describe(Params p) { return "not (" + part.describe(p) + ")"; }
        public void leaves(Consumer<Condition> v) { part.leaves(v); }
    }

    /** Equality on BOOL, OPTIONAL_BOOL, ENUM and CODE fields; any {@link Op} on INT fields. */
    record Compare(Location at, Field field, Op op, Object literal, Operand operand) implements Condition {
        public boolean test(Facts f, Params p) {
            Object actual = field.valueIn(f);
            if (actual == null) {
                return false;
            }
            if (field.type() == Field.Type.INT) {
                return op.holds((Integer) actual, operand.value(p));
            }
            boolean equal = actual.equals(literal);
            return op == Op.EQ ? equal : !equal;
        }

        public String drl(Params p) {
            String prop = field.property();
            return switch (field.type()) {
                case BOOL -> prop + " " + op.symbol + " " + literal;
                case INT -> "(" + prop + " != null && " + prop + " " + op.symbol + " " + operand.value(p) + ")";
                case OPTIONAL_BOOL -> "(" + prop + " != null && " + prop + " " + op.symbol + " " + literal + ")";
                default -> "(" + prop + " != null && " + prop + " " + op.symbol + " " + DrlText.quote((String) literal) + ")";
            };
        }

        public String describe(Params p) {
            String right = field.type() == Field.Type.INT ? operand.describe(p) : String.valueOf(literal);
            return field.path() + " " + op.symbol + " " + right;
        }

        public void leaves(Consumer<Condition> v) { v.accept(this); }
    }

    /** {@code in} / {@code notIn} on ENUM, CODE and INT fields. */
    record Member(Location at, Field field, boolean negated, List<Object> values) implements Condition {
        public boolean test(Facts f, Params p) {
            Object actual = field.valueIn(f);
            return actual != null && values.contains(actual) != negated;
        }

        public String drl(Params p) {
            String prop = field.property();
            if (values.isEmpty()) {
                return negated ? "(" + prop + " != null)" : "false";
            }
            String alternatives = values.stream()
                    .map(v -> prop + " == " + (v instanceof String s ? DrlText.quote(s) : v.toString()))
                    .collect(Collectors.joining(" || "));
            return "(" + prop + " != null && " + (negated ? "!" : "") + "(" + alternatives + "))";
        }

        public String describe(Params p) {
            return field.path() + (negated ? " not in " : " in ") + values;
        }

        public void leaves(Consumer<Condition> v) { v.accept(this); }
    }

    /** Tests on CODESET fields: contains any / all / none of some codes, or is empty. */
    record SetTest(Location at, Field field, Mode mode, List<String> codes) implements Condition {
        public enum Mode { ANY, ALL, NONE, EMPTY, NOT_EMPTY }

        @SuppressWarnings("unchecked")
        public boolean test(Facts f, Params p) {
            java.util.Collection<String> actual = (java.util.Collection<String>) field.valueIn(f);
            return switch (mode) {
                case ANY -> codes.stream().anyMatch(actual::contains);
                case ALL -> actual.containsAll(codes);
                case NONE -> codes.stream().noneMatch(actual::contains);
                case EMPTY -> actual.isEmpty();
                case NOT_EMPTY -> !actual.isEmpty();
            };
        }

        public String drl(Params p) {
            String prop = field.property();
            if (codes.isEmpty() && (mode == Mode.ANY || mode == Mode.ALL || mode == Mode.NONE)) {
                return mode == Mode.ANY ? "false" : "true";
            }
            return switch (mode) {
                case ANY -> codes.stream().map(c -> prop + " contains " + DrlText.quote(c)).collect(Collectors.joining(" || ", "(", ")"));
                case ALL -> codes.stream().map(c -> prop + " contains " + DrlText.quote(c)).collect(Collectors.joining(" && ", "(", ")"));
                case NONE -> codes.stream().map(c -> prop + " not contains " + DrlText.quote(c)).collect(Collectors.joining(" && ", "(", ")"));
                case EMPTY -> prop + ".isEmpty()";
                case NOT_EMPTY -> "!" + prop + ".isEmpty()";
            };
        }

        public String describe(Params p) {
            return switch (mode) {
                case ANY -> field.path() + (codes.size() == 1 ? " contains " + codes.get(0) : " contains any of " + codes);
                case ALL -> field.path() + " contains all of " + codes;
                case NONE -> field.path() + " contains none of " + codes;
                case EMPTY -> field.path() + " is empty";
                case NOT_EMPTY -> field.path() + " is not empty";
            };
        }

        public void leaves(Consumer<Condition> v) { v.accept(this); }
    }

    /** The number of codes in a CODESET field, compared with a number or parameter. */
    record Count(Location at, Field field, Op op, Operand operand) implements Condition {
        public boolean test(Facts f, Params p) {
            return op.holds(((java.util.Collection<?>) field.valueIn(f)).size(), operand.value(p));
        }

        public String drl(Params p) {
            return field.property() + ".size() " + op.symbol + " " + operand.value(p);
        }

        public String describe(Params p) {
            return "number of " + field.path() + " " + op.symbol + " " + operand.describe(p);
        }

        public void leaves(Consumer<Condition> v) { v.accept(this); }
    }

    /** Whether a field has a value at all. */
    record Present(Location at, Field field, boolean present) implements Condition {
        public boolean test(Facts f, Params p) {
            Object actual = field.type() == Field.Type.DATE ? field.elapsed(f, false) : field.valueIn(f);
            return (actual != null) == present;
        }

        public String drl(Params p) {
            String prop = field.type() == Field.Type.DATE ? field.property() + "Days" : field.property();
            return prop + (present ? " != null" : " == null");
        }

        public String describe(Params p) {
            return field.path() + (present ? " is given" : " is not given");
        }

        public void leaves(Consumer<Condition> v) { v.accept(this); }
    }

    /** Whole days or years from a date field to asOf, compared with a number or parameter. */
    record Elapsed(Location at, Field field, boolean years, Op op, Operand operand) implements Condition {
        public boolean test(Facts f, Params p) {
            Integer actual = field.elapsed(f, years);
            return actual != null && op.holds(actual, operand.value(p));
        }

        public String drl(Params p) {
            String prop = field.property() + (years ? "Years" : "Days");
            return "(" + prop + " != null && " + prop + " " + op.symbol + " " + operand.value(p) + ")";
        }

        public String describe(Params p) {
            return (years ? "years" : "days") + " since " + field.path() + " " + op.symbol + " " + operand.describe(p);
        }

        public void leaves(Consumer<Condition> v) { v.accept(this); }
    }
}
