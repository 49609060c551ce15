package no.veiviser.internal.engine;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import no.veiviser.internal.yaml.Location;

/**
 * A rule's {@code when}, parsed and checked: a small closed language with three truth values (see
 * {@link Truth}): a test on a value the case does not give is unknown. Each node can evaluate a case directly
 * (used by explain, trace and the decision's notes) and write itself as Drools constraints (used by the
 * compiler) for "is true" and "is false"; a property test keeps the two in agreement. Only field properties
 * from {@link Field}, operators and literals that passed validation appear in the constraint text.
 */
public sealed interface Condition {

    Location at();

    /** The condition's truth value for a case. */
    Truth eval(Facts facts, Params params);

    /** Whether the condition is true (not false, not unknown) for a case. */
    default boolean test(Facts facts, Params params) {
        return eval(facts, params) == Truth.TRUE;
    }

    /** A boolean constraint over {@link Facts}' properties that holds exactly when the condition is true. */
    String drl(Params params);

    /** A boolean constraint that holds exactly when the condition is false (not when it is unknown). */
    String drlFalse(Params params);

    /** For people: {@code child.age >= 15 (youth-consent-age)}. */
    String describe(Params params);

    /** Visits every leaf (comparison) of the tree. */
    void leaves(Consumer<Condition> visitor);

    /** Every field whose absence can make this condition unknown. */
    default Set<Field> nullableFields() {
        Set<Field> out = java.util.EnumSet.noneOf(Field.class);
        leaves(leaf -> {
            for (Field f : leaf instanceof Compare c ? List.of(c.field()) : leaf instanceof Member m ? List.of(m.field())
                    : leaf instanceof Elapsed e ? List.of(e.field()) : leaf instanceof SameAs x ? List.of(x.field(), x.other())
                    : leaf instanceof DateOrder d ? List.of(d.field(), d.other())
                    : leaf instanceof Count n && n.exceptField() != null ? List.of(n.exceptField()) : List.<Field>of()) {
                if (f.nullable()) {
                    out.add(f);
                }
            }
        });
        return out;
    }

    /** The fields whose absence leaves this condition unknown in this case (empty when it is true or false). */
    default Set<Field> missing(Facts facts, Params params) {
        Set<Field> out = java.util.EnumSet.noneOf(Field.class);
        collectMissing(this, facts, params, out);
        return out;
    }

    private static void collectMissing(Condition c, Facts facts, Params params, Set<Field> out) {
        if (c.eval(facts, params) != Truth.UNKNOWN) {
            return;
        }
        if (c instanceof All all) {
            all.parts().forEach(p -> collectMissing(p, facts, params, out));
        } else if (c instanceof Any any) {
            any.parts().forEach(p -> collectMissing(p, facts, params, out));
        } else if (c instanceof Not not) {
            collectMissing(not.part(), facts, params, out);
        } else if (c instanceof ConceptRef ref) {
            collectMissing(ref.body(), facts, params, out);
        } else if (c instanceof Compare x) {
            out.add(x.field());
        } else if (c instanceof Member x) {
            out.add(x.field());
        } else if (c instanceof Elapsed x) {
            out.add(x.field());
        } else if (c instanceof SameAs x) {
            for (Field f : List.of(x.field(), x.other())) {
                if (f.nullable() && f.valueIn(facts) == null) {
                    out.add(f);
                }
            }
        } else if (c instanceof Count x && x.exceptField() != null) {
            out.add(x.exceptField());
        } else if (c instanceof DateOrder x) {
            for (Field f : List.of(x.field(), x.other())) {
                if (f.elapsed(facts, false) == null) {
                    out.add(f);
                }
            }
        }
    }

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

        /** The comparison that holds exactly when this one does not. */
        public Op negated() {
            return switch (this) {
                case EQ -> NE;
                case NE -> EQ;
                case LT -> GTE;
                case LTE -> GT;
                case GT -> LTE;
                case GTE -> LT;
            };
        }

        public boolean holds(int left, int right) {
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
        public Truth eval(Facts f, Params p) { return Truth.TRUE; }
        public String drl(Params p) { return "true"; }
        public String drlFalse(Params p) { return "false"; }
        public String describe(Params p) { return "always"; }
        public void leaves(Consumer<Condition> v) { }
    }

    record All(Location at, List<Condition> parts) implements Condition {
        public Truth eval(Facts f, Params p) {
            Truth result = Truth.TRUE;
            for (int i = 0, n = parts.size(); i < n; i++) { // by index: an iterator per call was 12 % of an impact run
                Truth t = parts.get(i).eval(f, p);
                if (t == Truth.FALSE) {
                    return Truth.FALSE;
                }
                if (t == Truth.UNKNOWN) {
                    result = Truth.UNKNOWN;
                }
            }
            return result;
        }

        public String drl(Params p) {
            return parts.isEmpty() ? "true" : parts.stream().map(c -> c.drl(p)).collect(Collectors.joining(" && ", "(", ")"));
        }

        public String drlFalse(Params p) {
            return parts.isEmpty() ? "false" : parts.stream().map(c -> c.drlFalse(p)).collect(Collectors.joining(" || ", "(", ")"));
        }

        public String describe(Params p) {
            return parts.stream().map(c -> c.describe(p)).collect(Collectors.joining(" and ", "all of (", ")"));
        }

        public void leaves(Consumer<Condition> v) { parts.forEach(c -> c.leaves(v)); }
    }

    record Any(Location at, List<Condition> parts) implements Condition {
        public Truth eval(Facts f, Params p) {
            Truth result = Truth.FALSE;
            for (int i = 0, n = parts.size(); i < n; i++) {
                Truth t = parts.get(i).eval(f, p);
                if (t == Truth.TRUE) {
                    return Truth.TRUE;
                }
                if (t == Truth.UNKNOWN) {
                    result = Truth.UNKNOWN;
                }
            }
            return result;
        }

        public String drl(Params p) {
            return parts.isEmpty() ? "false" : parts.stream().map(c -> c.drl(p)).collect(Collectors.joining(" || ", "(", ")"));
        }

        public String drlFalse(Params p) {
            return parts.isEmpty() ? "true" : parts.stream().map(c -> c.drlFalse(p)).collect(Collectors.joining(" && ", "(", ")"));
        }

        public String describe(Params p) {
            return parts.stream().map(c -> c.describe(p)).collect(Collectors.joining(" or ", "any of (", ")"));
        }

        public void leaves(Consumer<Condition> v) { parts.forEach(c -> c.leaves(v)); }
    }

    record Not(Location at, Condition part) implements Condition {
        public Truth eval(Facts f, Params p) { return part.eval(f, p).not(); }
        public String drl(Params p) { return part.drlFalse(p); }
        public String drlFalse(Params p) { return part.drl(p); }
        public String describe(Params p) { return "not (" + part.describe(p) + ")"; }
        public void leaves(Consumer<Condition> v) { part.leaves(v); }
    }

    /**
     * A field test with a stated presumption for a case that leaves the field out ({@code ifMissing: true}):
     * "unknown age is treated as under 16" is written, not implied. Otherwise the test would be unknown.
     */
    record IfMissing(Location at, Condition part, boolean value) implements Condition {
        public Truth eval(Facts f, Params p) {
            Truth t = part.eval(f, p);
            return t == Truth.UNKNOWN ? Truth.of(value) : t;
        }

        public String drl(Params p) { return value ? "!(" + part.drlFalse(p) + ")" : part.drl(p); }
        public String drlFalse(Params p) { return value ? part.drlFalse(p) : "!(" + part.drl(p) + ")"; }
        public String describe(Params p) { return part.describe(p) + " (if not given: " + value + ")"; }
        public void leaves(Consumer<Condition> v) { part.leaves(v); }

        /** Never unknown: the presumption decides. */
        public Set<Field> nullableFields() { return java.util.EnumSet.noneOf(Field.class); }
    }

    /** A guide's named concept, used by id: it holds when its condition holds, and is explained as one step. */
    record ConceptRef(Location at, String id, String kind, Condition body) implements Condition {
        public Truth eval(Facts f, Params p) { return body.eval(f, p); }
        public String drl(Params p) { return body.drl(p); }
        public String drlFalse(Params p) { return body.drlFalse(p); }
        public String describe(Params p) { return "concept " + id + (kind == null ? "" : " (" + kind + ")"); }
        public void leaves(Consumer<Condition> v) { body.leaves(v); }
    }

    /** Equality on BOOL, OPTIONAL_BOOL, ENUM and CODE fields; any {@link Op} on INT fields. */
    record Compare(Location at, Field field, Op op, Object literal, Operand operand) implements Condition {
        public Truth eval(Facts f, Params p) {
            Object actual = field.valueIn(f);
            if (actual == null) {
                return switch (field.absent()) {
                    case ZERO -> Truth.of(op.holds(0, operand.value(p)));
                    case NONE -> Truth.of(op == Op.NE); // "none" equals no value
                    default -> Truth.UNKNOWN;
                };
            }
            if (field.type() == Field.Type.INT) {
                return Truth.of(op.holds((Integer) actual, operand.value(p)));
            }
            boolean equal = actual.equals(literal);
            return Truth.of(op == Op.EQ ? equal : !equal);
        }

        public String drl(Params p) {
            return constraint(p, op);
        }

        public String drlFalse(Params p) {
            return constraint(p, op.negated());
        }

        /** True exactly when the comparison {@code o} holds, reading an absent value as {@link Field#absent()} says. */
        private String constraint(Params p, Op o) {
            String prop = field.property();
            String right = switch (field.type()) {
                case BOOL, OPTIONAL_BOOL -> String.valueOf(literal);
                case INT -> String.valueOf(operand.value(p));
                default -> DrlText.quote((String) literal);
            };
            String given = prop + " " + o.symbol + " " + right;
            if (!field.mayBeNull()) {
                return given;
            }
            boolean absentHolds = switch (field.absent()) {
                case ZERO -> o.holds(0, operand.value(p));
                case NONE -> o == Op.NE;
                default -> false;
            };
            return absentHolds ? "(" + prop + " == null || " + given + ")" : "(" + prop + " != null && " + given + ")";
        }

        public String describe(Params p) {
            String right = field.type() == Field.Type.INT ? operand.describe(p) : String.valueOf(literal);
            return field.path() + " " + op.symbol + " " + right;
        }

        public void leaves(Consumer<Condition> v) { v.accept(this); }
    }

    /** {@code in} / {@code notIn} on ENUM, CODE and INT fields. */
    record Member(Location at, Field field, boolean negated, List<Object> values) implements Condition {
        public Truth eval(Facts f, Params p) {
            Object actual = field.valueIn(f);
            if (actual == null) {
                return switch (field.absent()) {
                    case ZERO -> Truth.of(values.contains(0) != negated);
                    case NONE -> Truth.of(negated); // "none" is in no list
                    default -> Truth.UNKNOWN;
                };
            }
            return Truth.of(values.contains(actual) != negated);
        }

        public String drl(Params p) {
            return constraint(negated);
        }

        public String drlFalse(Params p) {
            return constraint(!negated);
        }

        private String constraint(boolean notIn) {
            String prop = field.property();
            boolean absentHolds = switch (field.absent()) {
                case ZERO -> values.contains(0) != notIn;
                case NONE -> notIn;
                default -> false;
            };
            String absent = absentHolds ? prop + " == null || " : "";
            if (values.isEmpty()) {
                return notIn ? "(" + absent + prop + " != null)" : absentHolds ? "(" + prop + " == null)" : "false";
            }
            String alternatives = values.stream()
                    .map(v -> prop + " == " + (v instanceof String s ? DrlText.quote(s) : v.toString()))
                    .collect(Collectors.joining(" || "));
            return "(" + absent + "(" + prop + " != null && " + (notIn ? "!" : "") + "(" + alternatives + ")))";
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
        public Truth eval(Facts f, Params p) {
            java.util.Collection<String> actual = (java.util.Collection<String>) field.valueIn(f);
            return Truth.of(switch (mode) {
                case ANY -> codes.stream().anyMatch(actual::contains);
                case ALL -> actual.containsAll(codes);
                case NONE -> codes.stream().noneMatch(actual::contains);
                case EMPTY -> actual.isEmpty();
                case NOT_EMPTY -> !actual.isEmpty();
            });
        }

        /** A set of codes is always given (empty when none), so this test is never unknown. */
        public String drlFalse(Params p) {
            return "!(" + drl(p) + ")";
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

    /**
     * The number of codes in a CODESET field, compared with a number or parameter; {@code except} codes, and the code
     * {@code exceptField} holds (a field on the same catalogue: "a service other than the reporter's"), are not counted.
     * When {@code exceptField} is unknown the count is one of two values, and the test is unknown where they disagree.
     */
    record Count(Location at, Field field, Op op, Operand operand, List<String> except, Field exceptField) implements Condition {
        public Count(Location at, Field field, Op op, Operand operand) {
            this(at, field, op, operand, List.of(), null);
        }

        public Count {
            except = List.copyOf(except);
        }

        public Truth eval(Facts f, Params p) {
            @SuppressWarnings("unchecked")
            java.util.Collection<String> set = (java.util.Collection<String>) field.valueIn(f);
            String value = exceptField == null ? null : (String) exceptField.valueIn(f);
            int most = Facts.countExcept(set, except, value);
            int least = value == null && exceptField != null && exceptField.nullable() && most > 0 ? most - 1 : most;
            boolean a = op.holds(most, operand.value(p));
            boolean b = op.holds(least, operand.value(p));
            return a == b ? Truth.of(a) : Truth.UNKNOWN;
        }

        private boolean plain() {
            return except.isEmpty() && exceptField == null;
        }

        public String drl(Params p) {
            return plain() ? field.property() + ".size() " + op.symbol + " " + operand.value(p)
                    : "(" + counted(false) + " " + op.symbol + " " + operand.value(p) + " && " + counted(true) + " " + op.symbol + " " + operand.value(p) + ")";
        }

        public String drlFalse(Params p) {
            Op n = op.negated();
            return plain() ? field.property() + ".size() " + n.symbol + " " + operand.value(p)
                    : "(" + counted(false) + " " + n.symbol + " " + operand.value(p) + " && " + counted(true) + " " + n.symbol + " " + operand.value(p) + ")";
        }

        /** The count as a call on Facts; {@code least}: one fewer where the excepted field is unknown. */
        private String counted(boolean least) {
            String codes = DrlText.quoteAll(except);
            if (exceptField == null) {
                return "countExcept(" + field.property() + ", " + codes + ")";
            }
            boolean unknownTakesOne = least && exceptField.nullable();
            if (except.isEmpty()) { // no empty string literal in the DRL: every literal there is a plain code
                return "countOtherThan(" + field.property() + ", " + exceptField.property() + ", " + unknownTakesOne + ")";
            }
            return "countExcept(" + field.property() + ", " + codes + ", " + exceptField.property() + ", " + unknownTakesOne + ")";
        }

        public String describe(Params p) {
            String but = except.isEmpty() && exceptField == null ? ""
                    : " except " + String.join(", ", except) + (exceptField == null ? "" : (except.isEmpty() ? "" : ", ") + exceptField.path());
            return "number of " + field.path() + but + " " + op.symbol + " " + operand.describe(p);
        }

        public void leaves(Consumer<Condition> v) { v.accept(this); }
    }

    /**
     * Two fields compared: a code equal to another field's code ({@code stafettlogg.holder: {eq: {field:
     * reporter.service}}}), or a code among another field's set ({@code reporter.service: {in: {field: case.services}}}).
     * An absent "none" equals nothing (equal and in are false); an absent unknown makes the test unknown unless the
     * answer does not depend on it (nothing is in an empty set).
     */
    record SameAs(Location at, Field field, Field other, boolean negated) implements Condition {
        private boolean inSet() {
            return other.type() == Field.Type.CODESET;
        }

        public Truth eval(Facts f, Params p) {
            Object a = field.valueIn(f);
            Object b = other.valueIn(f);
            Truth t;
            if (inSet()) {
                java.util.Collection<?> set = (java.util.Collection<?>) b;
                t = a == null ? (field.absent() == Field.Absent.NONE || set.isEmpty() ? Truth.FALSE : Truth.UNKNOWN) : Truth.of(set.contains(a));
            } else if ((a == null && field.absent() == Field.Absent.NONE) || (b == null && other.absent() == Field.Absent.NONE)) {
                t = Truth.FALSE; // "none" equals no value
            } else {
                t = a == null || b == null ? Truth.UNKNOWN : Truth.of(a.equals(b));
            }
            return negated ? t.not() : t;
        }

        private String holds() {
            String a = field.property();
            String b = other.property();
            return inSet() ? "(" + a + " != null && " + b + " contains " + a + ")"
                    : "(" + a + " != null && " + b + " != null && " + a + " == " + b + ")";
        }

        private String fails() {
            String a = field.property();
            String b = other.property();
            List<String> alternatives = new java.util.ArrayList<>();
            if (field.absent() == Field.Absent.NONE) {
                alternatives.add(a + " == null");
            }
            if (inSet()) {
                alternatives.add(b + ".isEmpty()");
                alternatives.add("(" + a + " != null && " + b + " not contains " + a + ")");
            } else {
                if (other.absent() == Field.Absent.NONE) {
                    alternatives.add(b + " == null");
                }
                alternatives.add("(" + a + " != null && " + b + " != null && " + a + " != " + b + ")");
            }
            return "(" + String.join(" || ", alternatives) + ")";
        }

        public String drl(Params p) { return negated ? fails() : holds(); }
        public String drlFalse(Params p) { return negated ? holds() : fails(); }

        public String describe(Params p) {
            return field.path() + (inSet() ? (negated ? " not in " : " in ") : (negated ? " != " : " == ")) + other.path();
        }

        public void leaves(Consumer<Condition> v) { v.accept(this); }
    }

    /** Whether a field has a value at all. */
    record Present(Location at, Field field, boolean present) implements Condition {
        public Truth eval(Facts f, Params p) {
            Object actual = field.type() == Field.Type.DATE ? field.elapsed(f, false) : field.valueIn(f);
            return Truth.of((actual != null) == present);
        }

        public String drl(Params p) {
            return constraint(present);
        }

        public String drlFalse(Params p) {
            return constraint(!present);
        }

        private String constraint(boolean given) {
            String prop = field.type() == Field.Type.DATE ? field.property() + "Days" : field.property();
            return prop + (given ? " != null" : " == null");
        }

        public String describe(Params p) {
            return field.path() + (present ? " is given" : " is not given");
        }

        public void leaves(Consumer<Condition> v) { v.accept(this); }
    }

    /** Whole days or years from a date field to asOf, compared with a number or parameter. */
    record Elapsed(Location at, Field field, boolean years, Op op, Operand operand) implements Condition {
        public Truth eval(Facts f, Params p) {
            Integer actual = field.elapsed(f, years);
            return actual == null ? Truth.UNKNOWN : Truth.of(op.holds(actual, operand.value(p)));
        }

        public String drl(Params p) {
            return constraint(p, op);
        }

        public String drlFalse(Params p) {
            return constraint(p, op.negated());
        }

        private String constraint(Params p, Op o) {
            String prop = field.property() + (years ? "Years" : "Days");
            return "(" + prop + " != null && " + prop + " " + o.symbol + " " + operand.value(p) + ")";
        }

        public String describe(Params p) {
            return (years ? "years" : "days") + " since " + field.path() + " " + op.symbol + " " + operand.describe(p);
        }

        public void leaves(Consumer<Condition> v) { v.accept(this); }
    }

    /**
     * Two dates of the case in calendar order: {@code childWelfare.informedOn: {onOrAfter: {field: concern.since}}} is
     * {@code field op other} with {@code op} GTE. Unknown when either date is not given. Both dates are held as whole
     * days before asOf, so the later date has the fewer days: the constraint compares them the other way round.
     */
    record DateOrder(Location at, Field field, Op op, Field other) implements Condition {
        public DateOrder {
            if (op == Op.EQ || op == Op.NE || field.type() != Field.Type.DATE || other.type() != Field.Type.DATE || field == other) {
                throw new IllegalArgumentException("a date order compares two different dates with <, <=, > or >=");
            }
        }

        public Truth eval(Facts f, Params p) {
            Integer a = field.elapsed(f, false);
            Integer b = other.elapsed(f, false);
            return a == null || b == null ? Truth.UNKNOWN : Truth.of(op.holds(b, a)); // days: the other way round
        }

        public String drl(Params p) {
            return constraint(op);
        }

        public String drlFalse(Params p) {
            return constraint(op.negated());
        }

        private String constraint(Op o) {
            String a = field.property() + "Days";
            String b = other.property() + "Days";
            return "(" + a + " != null && " + b + " != null && " + b + " " + o.symbol + " " + a + ")";
        }

        /** The operator as a guide writes it. */
        public String operator() {
            return switch (op) {
                case LT -> "before";
                case LTE -> "onOrBefore";
                case GT -> "after";
                case GTE -> "onOrAfter";
                default -> throw new IllegalStateException();
            };
        }

        public String describe(Params p) {
            return field.path() + " " + operator() + " " + other.path();
        }

        public void leaves(Consumer<Condition> v) { v.accept(this); }
    }
}
