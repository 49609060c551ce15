package no.veiviser.verify;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import no.veiviser.internal.engine.Condition;
import no.veiviser.internal.engine.Field;

/**
 * A condition's three truth values as two literals, exactly as the compiled rules test them ({@code drl()} and
 * {@code drlFalse()}): {@code t} holds when the condition is true, {@code f} when it is false, neither when it
 * is unknown (a test on a field the case leaves out). Kleene's {@code all}/{@code any}/{@code not} follow.
 * Every kind of {@link Condition} is handled below; one this class does not know refuses the guide.
 */
final class ConditionEncoder {
    /** A condition as "is true" and "is false" literals. */
    record Lits(int t, int f) {}

    private final Cnf cnf;
    private final CaseSpace space;
    private final Map<Condition, Lits> done = new IdentityHashMap<>();

    /** Which of the space's guides the conditions are from: parameters take its values. */
    private final int guide;

    ConditionEncoder(Cnf cnf, CaseSpace space) {
        this(cnf, space, 0);
    }

    ConditionEncoder(Cnf cnf, CaseSpace space, int guide) {
        this.cnf = cnf;
        this.space = space;
        this.guide = guide;
    }

    Lits encode(Condition c) {
        Lits known = done.get(c);
        if (known != null) {
            return known;
        }
        Lits lits = make(c);
        done.put(c, lits);
        return lits;
    }

    private Lits make(Condition c) {
        if (c instanceof Condition.Always) {
            return new Lits(Cnf.TRUE, Cnf.FALSE);
        }
        if (c instanceof Condition.All all) {
            List<Integer> t = new ArrayList<>();
            List<Integer> f = new ArrayList<>();
            for (Condition p : all.parts()) {
                Lits l = encode(p);
                t.add(l.t());
                f.add(l.f());
            }
            return new Lits(cnf.and(t), cnf.or(f));
        }
        if (c instanceof Condition.Any any) {
            List<Integer> t = new ArrayList<>();
            List<Integer> f = new ArrayList<>();
            for (Condition p : any.parts()) {
                Lits l = encode(p);
                t.add(l.t());
                f.add(l.f());
            }
            return new Lits(cnf.or(t), cnf.and(f));
        }
        if (c instanceof Condition.Not not) {
            Lits l = encode(not.part());
            return new Lits(l.f(), l.t());
        }
        if (c instanceof Condition.IfMissing presumed) {
            Lits l = encode(presumed.part());
            return presumed.value() ? new Lits(-l.f(), l.f()) : new Lits(l.t(), -l.t());
        }
        if (c instanceof Condition.ConceptRef ref) {
            return encode(ref.body());
        }
        if (c instanceof Condition.Compare x) {
            return compare(x);
        }
        if (c instanceof Condition.Member x) {
            return member(x);
        }
        if (c instanceof Condition.SetTest x) {
            return setTest(x);
        }
        if (c instanceof Condition.Count x) {
            return count(x);
        }
        if (c instanceof Condition.SameAs x) {
            return sameAs(x);
        }
        if (c instanceof Condition.Present x) {
            int given = space.given(x.field());
            int t = x.present() ? given : -given;
            return new Lits(t, -t);
        }
        if (c instanceof Condition.Elapsed x) {
            return elapsed(x);
        }
        if (c instanceof Condition.DateOrder x) {
            // calendar order is the reverse of whole days before asOf: field op other exactly when other's days op field's
            int holds = space.daysCompare(x.other(), x.op(), x.field(), x.at());
            int given = cnf.and(space.given(x.field()), space.given(x.other()));
            return new Lits(cnf.and(given, holds), cnf.and(given, -holds));
        }
        throw new Refusal(c.at(), "verify cannot encode the condition " + c.getClass().getSimpleName()
                + " exactly, so it refuses the guide rather than prove it wrongly", "report this: verify needs updating for this construct");
    }

    /**
     * A value test on a field, read as {@link Field#absent()} says when the case leaves the field out: unknown
     * (neither true nor false), or the test on "none" / level 0, which {@code absentHolds} gives (per asOf class
     * where the test compares with a parameter, so it is folded into {@code holds} by {@link #valueOrAbsent}).
     */
    private Lits given(Field field, int holds) {
        int g = space.given(field);
        if (field.absent() == Field.Absent.NONE || field.absent() == Field.Absent.ZERO) {
            return new Lits(holds, -holds); // holds already covers the absent value: never unknown
        }
        return new Lits(cnf.and(g, holds), cnf.and(g, -holds));
    }

    /**
     * For a field whose absence has a value of its own (none, level 0): the test's literal over both cases,
     * "given and the value test holds, or absent and the test holds of the absent value". Other fields: unchanged.
     */
    private int valueOrAbsent(Field field, int holds, boolean absentHolds) {
        if (field.absent() == Field.Absent.NONE || field.absent() == Field.Absent.ZERO) {
            int g = space.given(field);
            return cnf.or(cnf.and(g, holds), cnf.and(-g, absentHolds ? Cnf.TRUE : Cnf.FALSE));
        }
        if (field.absent() != Field.Absent.UNKNOWN && field.absent() != Field.Absent.NEVER) {
            throw new Refusal(null, "verify does not know what the absence of " + field.path() + " means (" + field.absent() + ")",
                    "report this: verify needs updating");
        }
        return holds;
    }

    private Lits compare(Condition.Compare x) {
        Field field = x.field();
        boolean eq = x.op() == Condition.Op.EQ;
        return switch (field.type()) {
            case BOOL -> {
                int v = ((CaseSpace.Flag) space.vars(field)).var();
                int holds = Boolean.TRUE.equals(x.literal()) ? v : -v;
                holds = eq ? holds : -holds;
                yield new Lits(holds, -holds);
            }
            case OPTIONAL_BOOL -> {
                int v = ((CaseSpace.OptFlag) space.vars(field)).value();
                int holds = Boolean.TRUE.equals(x.literal()) ? v : -v;
                yield given(field, valueOrAbsent(field, eq ? holds : -holds, !eq));
            }
            case INT -> {
                CaseSpace.Num n = (CaseSpace.Num) space.vars(field);
                yield given(field, space.perClass(guide, x.operand(),
                        value -> valueOrAbsent(field, n.compare(x.op(), value),
                                field.absent() == Field.Absent.ZERO ? x.op().holds(0, value) : x.op() == Condition.Op.NE)));
            }
            case ENUM, CODE -> {
                int is = ((CaseSpace.Choice) space.vars(field)).is((String) x.literal());
                yield given(field, valueOrAbsent(field, eq ? is : -is, !eq)); // "none" equals no value
            }
            default -> throw new Refusal(x.at(), "verify cannot encode a comparison on " + field.path(), "report this: verify needs updating");
        };
    }

    private Lits member(Condition.Member x) {
        Field field = x.field();
        List<Integer> alternatives = new ArrayList<>();
        if (field.type() == Field.Type.INT) {
            CaseSpace.Num n = (CaseSpace.Num) space.vars(field);
            for (Object v : x.values()) {
                alternatives.add(n.compare(Condition.Op.EQ, (Integer) v));
            }
        } else if (field.type() == Field.Type.ENUM || field.type() == Field.Type.CODE) {
            CaseSpace.Choice choice = (CaseSpace.Choice) space.vars(field);
            for (Object v : x.values()) {
                alternatives.add(choice.is((String) v));
            }
        } else {
            throw new Refusal(x.at(), "verify cannot encode 'in' on " + field.path(), "report this: verify needs updating");
        }
        int in = cnf.or(alternatives);
        boolean absentIn = field.absent() == Field.Absent.ZERO && x.values().contains(0); // "none" is in no list
        return given(field, valueOrAbsent(field, x.negated() ? -in : in, absentIn != x.negated()));
    }

    private Lits setTest(Condition.SetTest x) {
        Map<String, Integer> has = ((CaseSpace.Codes) space.vars(x.field())).has();
        List<Integer> of = new ArrayList<>();
        for (String code : x.codes()) {
            of.add(has.getOrDefault(code, Cnf.FALSE));
        }
        List<Integer> all = new ArrayList<>(has.values());
        int t = switch (x.mode()) {
            case ANY -> cnf.or(of);
            case ALL -> cnf.and(of);
            case NONE -> -cnf.or(of);
            case EMPTY -> -cnf.or(all);
            case NOT_EMPTY -> cnf.or(all);
        };
        return new Lits(t, -t); // a set is always given
    }

    private Lits count(Condition.Count x) {
        Map<String, Integer> has = ((CaseSpace.Codes) space.vars(x.field())).has();
        CaseSpace.Choice other = x.exceptField() == null ? null : (CaseSpace.Choice) space.vars(x.exceptField());
        List<Integer> codes = new ArrayList<>();
        has.forEach((code, lit) -> {
            if (!x.except().contains(code)) {
                codes.add(other == null ? lit : cnf.and(lit, -other.is(code))); // the excepted field's code is not counted
            }
        });
        int[] atLeast = atLeast(codes);
        // "counted >= k" for any k: TRUE for k <= 0, FALSE for k > n
        java.util.function.IntUnaryOperator most = k -> k <= 0 ? Cnf.TRUE : k > codes.size() ? Cnf.FALSE : atLeast[k];
        int t = space.perClass(guide, x.operand(), c -> holds(x.op(), c, most));
        if (other == null || !x.exceptField().nullable()) {
            return new Lits(t, -t);
        }
        // The excepted field unknown: the count is the most (none of its codes taken out) or one fewer, if any.
        java.util.function.IntUnaryOperator least = k -> k <= 0 ? Cnf.TRUE : most.applyAsInt(k + 1);
        int tLeast = space.perClass(guide, x.operand(), c -> holds(x.op(), c, least));
        int given = other.given();
        return new Lits(cnf.or(cnf.and(given, t), cnf.and(-given, cnf.and(t, tLeast))),
                cnf.or(cnf.and(given, -t), cnf.and(-given, cnf.and(-t, -tLeast))));
    }

    /** "count op c" from "count &ge; k" literals. */
    private int holds(Condition.Op op, int c, java.util.function.IntUnaryOperator ge) {
        return switch (op) {
            case GTE -> ge.applyAsInt(c);
            case GT -> ge.applyAsInt(c + 1);
            case LT -> -ge.applyAsInt(c);
            case LTE -> -ge.applyAsInt(c + 1);
            case EQ -> cnf.and(ge.applyAsInt(c), -ge.applyAsInt(c + 1));
            case NE -> -cnf.and(ge.applyAsInt(c), -ge.applyAsInt(c + 1));
        };
    }

    /** Two fields on one set of values: equal where both hold the same value, or the first's value in the second's set. */
    private Lits sameAs(Condition.SameAs x) {
        CaseSpace.Choice a = (CaseSpace.Choice) space.vars(x.field());
        int noneA = x.field().absent() == Field.Absent.NONE ? -a.given() : Cnf.FALSE;
        List<Integer> equal = new ArrayList<>();
        int t;
        int f;
        if (x.other().type() == Field.Type.CODESET) {
            Map<String, Integer> has = ((CaseSpace.Codes) space.vars(x.other())).has();
            a.value().forEach((v, lit) -> equal.add(cnf.and(lit, has.getOrDefault(v, Cnf.FALSE))));
            t = cnf.or(equal);
            int empty = -cnf.or(new ArrayList<>(has.values()));
            f = cnf.or(List.of(noneA, empty, cnf.and(a.given(), -t)));
        } else {
            CaseSpace.Choice b = (CaseSpace.Choice) space.vars(x.other());
            int noneB = x.other().absent() == Field.Absent.NONE ? -b.given() : Cnf.FALSE;
            a.value().forEach((v, lit) -> equal.add(cnf.and(lit, b.is(v))));
            t = cnf.or(equal);
            f = cnf.or(List.of(noneA, noneB, cnf.and(List.of(a.given(), b.given(), -t))));
        }
        return x.negated() ? new Lits(f, t) : new Lits(t, f);
    }

    private final Map<List<Integer>, int[]> counters = new java.util.HashMap<>();

    /**
     * A unary counter (Sinz's sequential counter with both directions of every gate, so it is exact in any
     * polarity): {@code out[k]} is equivalent to "at least k of {@code lits} hold", for k = 1..n.
     */
    private int[] atLeast(List<Integer> lits) {
        return counters.computeIfAbsent(lits, l -> {
            int n = l.size();
            int[] prev = new int[n + 1]; // prev[j]: at least j among the first i
            prev[0] = Cnf.TRUE;
            for (int j = 1; j <= n; j++) {
                prev[j] = Cnf.FALSE;
            }
            for (int i = 0; i < n; i++) {
                int[] next = new int[n + 1];
                next[0] = Cnf.TRUE;
                for (int j = 1; j <= n; j++) {
                    next[j] = cnf.or(prev[j], cnf.and(l.get(i), prev[j - 1]));
                }
                prev = next;
            }
            return prev;
        });
    }

    private Lits elapsed(Condition.Elapsed x) {
        CaseSpace.Date d = (CaseSpace.Date) space.vars(x.field());
        CaseSpace.Num n = x.years() ? d.years() : d.days();
        return given(x.field(), space.perClass(guide, x.operand(), value -> n.compare(x.op(), value)));
    }

    /** The fields a guide's conditions may name; verify knows how to build a case with each. */
    static void checkKnown(Field field, no.veiviser.internal.yaml.Location at) {
        if (!Witness.KNOWN.contains(field)) {
            throw new Refusal(at, "verify does not know the case field " + field.path(), "report this: verify needs updating");
        }
    }
}
