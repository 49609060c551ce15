package no.veiviser.verify;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;
import no.veiviser.Case;
import no.veiviser.internal.engine.Condition.Op;
import no.veiviser.internal.engine.Facts;
import no.veiviser.internal.engine.Field;
import no.veiviser.internal.engine.Operand;
import no.veiviser.internal.engine.ParamTimeline;
import no.veiviser.internal.engine.Params;
import no.veiviser.internal.model.GuideModel;
import no.veiviser.internal.model.Rule;
import no.veiviser.internal.model.Step;

/**
 * Every possible case of a guide, as boolean variables over finitely many classes. A condition only compares
 * a field with constants the guide names, so within a class every condition has one truth value:
 * <ul>
 * <li>flags: one variable; {@code adult.hasChildren}: given, value;</li>
 * <li>enums and codes: one-hot over the values, plus "absent" where the case may leave the field out;</li>
 * <li>sets of codes: one variable per code of the guide's catalogue (every subset);</li>
 * <li>whole numbers (age, level) and days or years since a date: order encoding, a variable "value &ge; k" for
 * each constant k the guide compares with (and k+1), in every parameter period, plus "given";</li>
 * <li>asOf: one-hot over the periods cut by every parameter change date and every rule's effective dates.</li>
 * </ul>
 * Variables are made when an encoded condition first needs them; {@link #close()} adds the constraints that
 * keep every model a real case.
 */
final class CaseSpace {
    /** The asOf of a guide with no dated parameters or rules: any date is alike, this one is shown. */
    static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 1, 1);

    private final Cnf cnf;
    private final GuideModel guide;
    private final List<GuideModel> guides;
    /** Per guide, its parameters' values in each asOf class. */
    private final List<List<Params>> params = new ArrayList<>();
    /** The first day of each asOf class (class 0 starts at the beginning of time; its entry is the day shown). */
    final List<LocalDate> asOfShown = new ArrayList<>();
    final List<Integer> asOfClass = new ArrayList<>();
    /** The first guide's parameter values in each asOf class. */
    final List<Params> classParams;
    private final Map<Field, Object> vars = new EnumMap<>(Field.class);
    private final Facts defaults;

    CaseSpace(Cnf cnf, GuideModel guide) {
        this(cnf, List.of(guide));
    }

    /**
     * The cases of several guides at once (two versions of one guide, for {@link ExactDiff}): asOf classes cut by every
     * guide's dates, each guide's parameter values per class, and the catalogues' codes that every guide knows (a
     * case with a code only one guide knows is rejected by the other, which {@link ExactDiff} reports apart). The
     * first guide names the levels and gives the empty case.
     */
    CaseSpace(Cnf cnf, List<GuideModel> guides) {
        this.cnf = cnf;
        this.guides = List.copyOf(guides);
        this.guide = guides.get(0);
        this.defaults = new Facts(Case.on(REFERENCE_DATE), guide::levelPosition);
        TreeSet<LocalDate> bounds = new TreeSet<>();
        for (GuideModel g : guides) {
            g.parameters().values().forEach(p -> bounds.addAll(p.changeDates()));
            for (Rule r : g.rules()) {
                r.effectiveFrom().ifPresent(bounds::add);
                r.effectiveTo().ifPresent(bounds::add);
            }
        }
        asOfShown.add(bounds.isEmpty() ? REFERENCE_DATE : bounds.first().minusDays(1));
        asOfShown.addAll(bounds);
        for (GuideModel g : guides) {
            ParamTimeline timeline = new ParamTimeline(g.parameters());
            List<Params> ps = new ArrayList<>();
            for (LocalDate d : asOfShown) {
                ps.add(timeline.on(d));
            }
            params.add(ps);
        }
        classParams = params.get(0);
        for (int k = 0; k < asOfShown.size(); k++) {
            asOfClass.add(cnf.newVar());
        }
        cnf.exactlyOne(asOfClass);
    }

    /** Guide {@code g}'s parameter values in each asOf class. */
    List<Params> params(int g) {
        return params.get(g);
    }

    int classes() {
        return asOfShown.size();
    }

    /** The literal "asOf lies in one of the classes {@code in}". */
    int asOfIn(java.util.function.IntPredicate in) {
        List<Integer> lits = new ArrayList<>();
        for (int k = 0; k < classes(); k++) {
            if (in.test(k)) {
                lits.add(asOfClass.get(k));
            }
        }
        return cnf.or(lits);
    }

    /**
     * A comparison whose right side may be a parameter: the literal that holds when, in the asOf class of the
     * case, {@code atom} of that class's value holds. Classes with the same value share one atom.
     */
    int perClass(Operand operand, IntFunction<Integer> atom) {
        return perClass(0, operand, atom);
    }

    /** As {@link #perClass(Operand, IntFunction)}, with the parameter values of guide {@code g}. */
    int perClass(int g, Operand operand, IntFunction<Integer> atom) {
        List<Params> classParams = params.get(g);
        Map<Integer, List<Integer>> byValue = new LinkedHashMap<>();
        List<Integer> alternatives = new ArrayList<>();
        for (int k = 0; k < classes(); k++) {
            int value;
            try {
                value = operand.value(classParams.get(k));
            } catch (IllegalStateException e) {
                // No value in this period: validation allows it only where no rule using it is in force, so the
                // test's truth does not matter there. A free variable admits both, which keeps every proof sound.
                alternatives.add(cnf.and(asOfClass.get(k), cnf.newVar()));
                continue;
            }
            byValue.computeIfAbsent(value, v -> new ArrayList<>()).add(asOfClass.get(k));
        }
        if (byValue.size() == 1 && alternatives.isEmpty()) {
            return atom.apply(byValue.keySet().iterator().next());
        }
        byValue.forEach((value, cls) -> alternatives.add(cnf.and(cnf.or(cls), atom.apply(value))));
        return cnf.or(alternatives);
    }

    // ---- fields ----

    /** A flag that always has a value. */
    record Flag(int var) {}

    /** adult.hasChildren: true, false or not given. */
    record OptFlag(int given, int value) {}

    /** One of some values (an enum, a step, a service), with {@code given} = TRUE where it cannot be absent. */
    record Choice(int given, Map<String, Integer> value) {
        int is(String v) {
            Integer lit = value.get(v);
            return lit == null ? Cnf.FALSE : lit;
        }
    }

    /** A subset of a catalogue. */
    record Codes(Map<String, Integer> has) {}

    /** A whole number in [lower, upper] (upper null: unbounded), order-encoded at the thresholds used. */
    static final class Num {
        final int given;
        final int lower;
        final Integer upper;
        final TreeMap<Integer, Integer> atLeast = new TreeMap<>();
        private final Cnf cnf;

        Num(Cnf cnf, int given, int lower, Integer upper) {
            this.cnf = cnf;
            this.given = given;
            this.lower = lower;
            this.upper = upper;
        }

        /** "value &ge; k", assuming the value is given. */
        int ge(int k) {
            if (k <= lower) {
                return Cnf.TRUE;
            }
            if (upper != null && k > upper) {
                return Cnf.FALSE;
            }
            return atLeast.computeIfAbsent(k, x -> cnf.newVar());
        }

        /** "value op c", assuming the value is given. */
        int compare(Op op, int c) {
            return switch (op) {
                case GTE -> ge(c);
                case GT -> ge(c + 1);
                case LT -> -ge(c);
                case LTE -> -ge(c + 1);
                case EQ -> cnf.and(ge(c), -ge(c + 1));
                case NE -> -cnf.and(ge(c), -ge(c + 1));
            };
        }

        void close() {
            Integer previous = null;
            for (Map.Entry<Integer, Integer> e : atLeast.entrySet()) {
                if (previous != null) {
                    cnf.implies(e.getValue(), previous);
                }
                cnf.implies(-given, -e.getValue()); // one model per case: nothing set when absent
                previous = e.getValue();
            }
        }

        /** The class's lower bound in the last model. */
        int shown() {
            int v = lower;
            for (Map.Entry<Integer, Integer> e : atLeast.entrySet()) {
                if (cnf.value(e.getValue())) {
                    v = e.getKey();
                }
            }
            return v;
        }

        /** The class's upper bound in the last model (inclusive; MAX_VALUE when unbounded). */
        int shownUpper() {
            for (Map.Entry<Integer, Integer> e : atLeast.entrySet()) {
                if (!cnf.value(e.getValue())) {
                    return e.getKey() - 1;
                }
            }
            return upper == null ? Integer.MAX_VALUE : upper;
        }
    }

    /** A date before asOf, seen as whole days and whole years since it. */
    record Date(int given, Num days, Num years) {}

    /**
     * Two dates a condition puts in calendar order ({@code before}, {@code onOrAfter} ...), {@code x} the field of the
     * lower ordinal: exactly one of "x has fewer whole days before asOf than y" ({@code fewer}), "the same number"
     * ({@code same}) and "more" ({@code more}). {@link #close()} ties the three to the two dates' day classes.
     */
    record DatePair(Field x, Field y, int fewer, int same, int more, no.veiviser.internal.yaml.Location at) {}

    private final Map<List<Field>, DatePair> pairs = new LinkedHashMap<>();

    /**
     * The literal "whole days before asOf of {@code a} {@code op} those of {@code b}", assuming both are given.
     * Exact for one pair of dates per date field, neither tested in years: other uses are refused at {@link #close()}.
     */
    int daysCompare(Field a, Op op, Field b, no.veiviser.internal.yaml.Location at) {
        for (Field f : List.of(a, b)) {
            if (f.mayBeAhead()) {
                throw new Refusal(at, "verify cannot put " + f.path() + " in order with another date exactly, because it may lie after asOf",
                        "compare dates that lie on or before asOf, or test " + f.path() + " with {present: true}");
            }
        }
        boolean swapped = a.ordinal() > b.ordinal();
        Field x = swapped ? b : a;
        Field y = swapped ? a : b;
        DatePair pair = pairs.computeIfAbsent(List.of(x, y), k -> {
            vars(x);
            vars(y);
            int fewer = cnf.newVar();
            int same = cnf.newVar();
            int more = cnf.newVar();
            cnf.exactlyOne(List.of(fewer, same, more));
            return new DatePair(x, y, fewer, same, more, at);
        });
        int less = swapped ? pair.more() : pair.fewer();
        int greater = swapped ? pair.fewer() : pair.more();
        return switch (op) {
            case LT -> less;
            case LTE -> cnf.or(less, pair.same());
            case GT -> greater;
            case GTE -> cnf.or(greater, pair.same());
            case EQ -> pair.same();
            case NE -> -pair.same();
        };
    }

    /**
     * Ties each pair's order to the day classes of its two dates, exactly. Over the thresholds of both dates (each date
     * gets the other's too), "fewer" holds only where x's class is at most y's and the two can differ (not both in the
     * same one-day class), "same" only where the classes are one, "more" as "fewer" the other way round. Every choice of
     * classes and order this admits has dates that realise it, and the other way round. Refused where a date lies in
     * two pairs (an order of three dates needs more than this) or is also tested in whole years (whose classes link to
     * the days' across leap years).
     */
    private void closePairs() {
        Map<Field, DatePair> seen = new EnumMap<>(Field.class);
        for (DatePair p : pairs.values()) {
            for (Field f : List.of(p.x(), p.y())) {
                DatePair earlier = seen.put(f, p);
                if (earlier != null) {
                    throw new Refusal(p.at(), "verify can put " + f.path() + " in order with one other date only, and it is compared with "
                            + (earlier.x() == f ? earlier.y() : earlier.x()).path() + " too", "compare each date with one other date at most");
                }
                if (!((Date) vars(f)).years().atLeast.isEmpty()) {
                    throw new Refusal(p.at(), "verify cannot put " + f.path() + " in order with another date exactly while it is also tested in years since",
                            "test " + f.path() + " in daysSince, or compare it with no other date");
                }
            }
            Num nx = ((Date) vars(p.x())).days();
            Num ny = ((Date) vars(p.y())).days();
            TreeSet<Integer> grid = new TreeSet<>(nx.atLeast.keySet());
            grid.addAll(ny.atLeast.keySet());
            for (int k : grid) {
                int gx = nx.ge(k);
                int gy = ny.ge(k);
                cnf.clause(-p.fewer(), -gx, gy);
                cnf.clause(-p.more(), -gy, gx);
                cnf.clause(-p.same(), -gx, gy);
                cnf.clause(-p.same(), -gy, gx);
            }
            // one-day classes [s, s]: two dates in one of them are the same day
            List<Integer> starts = new ArrayList<>();
            starts.add(nx.lower);
            starts.addAll(grid);
            for (int i = 0; i + 1 < starts.size(); i++) {
                int start = starts.get(i);
                if (starts.get(i + 1) == start + 1) {
                    int both = cnf.and(List.of(nx.ge(start), -nx.ge(start + 1), ny.ge(start), -ny.ge(start + 1)));
                    cnf.clause(-p.fewer(), -both);
                    cnf.clause(-p.more(), -both);
                }
            }
        }
    }

    /** The pairs of dates in calendar order, for {@link Witness}. */
    java.util.Collection<DatePair> pairs() {
        return pairs.values();
    }

    Object vars(Field field) {
        Object known = vars.get(field);
        if (known != null) {
            return known;
        }
        Object made = switch (field.type()) {
            case BOOL -> new Flag(cnf.newVar());
            case OPTIONAL_BOOL -> {
                int given = cnf.newVar();
                int value = cnf.newVar();
                cnf.implies(-given, -value);
                yield new OptFlag(given, value);
            }
            case ENUM, CODE -> {
                Map<String, Integer> oneHot = new LinkedHashMap<>();
                for (String v : domain(field)) {
                    oneHot.put(v, cnf.newVar());
                }
                List<Integer> all = new ArrayList<>(oneHot.values());
                int given = Cnf.TRUE;
                if (field.mayBeNull()) {
                    int absent = cnf.newVar();
                    all.add(absent);
                    given = -absent;
                }
                cnf.exactlyOne(all);
                yield new Choice(given, oneHot);
            }
            case CODESET -> {
                Map<String, Integer> has = new LinkedHashMap<>();
                for (String v : domain(field)) {
                    has.put(v, cnf.newVar());
                }
                yield new Codes(has);
            }
            case INT -> {
                int given = field.mayBeNull() ? cnf.newVar() : Cnf.TRUE;
                yield switch (field) {
                    // an age comes from 'age' (0-30) or from a birth date (any age)
                    case CHILD_AGE -> new Num(cnf, given, 0, null);
                    case CASE_LEVEL, MEETING_LEVEL -> new Num(cnf, given, 0, lastLevel());
                    default -> throw new Refusal(null, "verify does not know the range of " + field.path(), "report this: verify needs updating");
                };
            }
            case DATE -> {
                int given = cnf.newVar();
                yield new Date(given, new Num(cnf, given, 0, null), new Num(cnf, given, 0, null));
            }
        };
        vars.put(field, made);
        return made;
    }

    /** The national meaning of a meeting outcome as a case writes it (the first guide's). */
    no.veiviser.Meeting.Outcome outcomeMeaning(String written) {
        return guide.outcomeMeaning(written);
    }

    /** The id the guide gives the level at {@code position} (its number where the guide describes none). */
    String levelId(int position) {
        return guide.levelAt(position).map(no.veiviser.internal.model.Level::id).orElse(String.valueOf(position));
    }

    List<String> domain(Field field) {
        if (field == Field.MEETING_OUTCOME) { // the national outcomes and each guide's own, as a case writes them
            List<String> out = new ArrayList<>(guide.outcomeCodes());
            for (GuideModel g : guides) {
                out.retainAll(g.outcomeCodes());
                for (String code : out) {
                    if (g.outcomeMeaning(code) != guide.outcomeMeaning(code)) { // one case, two meanings: no one witness
                        throw new Refusal(g.meetingOutcomes().get(code).at(), "meeting outcome '" + code + "' means "
                                + guide.outcomeMeaning(code).code() + " in one version and " + g.outcomeMeaning(code).code()
                                + " in the other", "compare these versions with 'veiviser diff' on a population instead");
                    }
                }
            }
            return out;
        }
        if (field.type() == Field.Type.ENUM) {
            return field.enumValues();
        }
        if (field.catalogue() == null) {
            throw new Refusal(null, "verify does not know the values of " + field.path(), "report this: verify needs updating");
        }
        List<String> out = new ArrayList<>(codes(guide, field.catalogue()));
        for (GuideModel g : guides) {
            out.retainAll(codes(g, field.catalogue())); // a code one guide does not know: that guide rejects the case
        }
        return out;
    }

    static List<String> codes(GuideModel g, Field.Catalogue catalogue) {
        return switch (catalogue) {
            case SIGNALS -> List.copyOf(g.signals().keySet());
            case SERVICES -> List.copyOf(g.services().keySet());
            case STEPS -> g.steps().stream().map(Step::id).toList();
        };
    }

    /** The last level every guide has (a case on a higher one is rejected by some guide). */
    int lastLevel() {
        return guides.stream().mapToInt(GuideModel::lastLevel).min().orElseThrow();
    }

    /** Whether a field is given (TRUE for fields that always are). */
    int given(Field field) {
        Object v = vars(field);
        if (v instanceof OptFlag o) {
            return o.given();
        }
        if (v instanceof Choice c) {
            return c.given();
        }
        if (v instanceof Num n) {
            return n.given;
        }
        if (v instanceof Date d) {
            return d.given();
        }
        return Cnf.TRUE;
    }

    /** Adds what keeps every model a real case; call after the last condition is encoded. */
    void close() {
        closePairs(); // before the order of each number's thresholds: it adds thresholds
        for (Object v : vars.values()) {
            if (v instanceof Num n) {
                n.close();
            } else if (v instanceof Date d) {
                d.days().close();
                d.years().close();
                linkDaysAndYears(d);
            }
        }
    }

    /**
     * Whole years and whole days since one date agree: y years span at least {@link #minDays} and at most
     * {@link #maxDays} days, over every asOf in a 400-year Gregorian cycle (which repeats exactly).
     */
    private void linkDaysAndYears(Date d) {
        for (Map.Entry<Integer, Integer> y : new ArrayList<>(d.years().atLeast.entrySet())) {
            int ky = y.getKey();
            int least = minDays(ky);
            int most = maxDays(ky - 1);
            for (Map.Entry<Integer, Integer> day : new ArrayList<>(d.days().atLeast.entrySet())) {
                if (day.getKey() <= least) {
                    cnf.implies(y.getValue(), day.getValue());
                }
                if (day.getKey() > most) {
                    cnf.implies(day.getValue(), y.getValue());
                }
            }
        }
    }

    private static final Map<Integer, int[]> SPANS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The fewest days in which a date lies {@code years} whole years before asOf. */
    static int minDays(int years) {
        return spans(years)[0];
    }

    /** The most days in which a date lies {@code years} (and not more) whole years before asOf. */
    static int maxDays(int years) {
        return spans(years)[1];
    }

    private static int[] spans(int years) {
        return SPANS.computeIfAbsent(years, y -> {
            int min = Integer.MAX_VALUE;
            int max = Integer.MIN_VALUE;
            LocalDate start = LocalDate.of(2000, 1, 1);
            for (int i = 0; i < 146_097; i++) {
                LocalDate asOf = start.plusDays(i);
                min = Math.min(min, (int) ChronoUnit.DAYS.between(asOf.minusYears(y), asOf));
                max = Math.max(max, (int) ChronoUnit.DAYS.between(asOf.minusYears(y + 1L), asOf) - 1);
            }
            return new int[] {min, max};
        });
    }

    /** The literals that say a fact differs from an empty case (what a counter-example should have few of). */
    List<Integer> deviations() {
        List<Integer> out = new ArrayList<>();
        vars.forEach((field, v) -> {
            if (v instanceof Flag f) {
                out.add(Boolean.TRUE.equals(field.valueIn(defaults)) ? -f.var() : f.var());
            } else if (v instanceof Choice c) {
                out.add(field.mayBeNull() ? c.given() : -c.is((String) field.valueIn(defaults)));
            } else if (v instanceof Codes c) {
                out.addAll(c.has().values());
            } else {
                out.add(given(field));
            }
        });
        out.removeIf(l -> l == Cnf.TRUE || l == Cnf.FALSE);
        return out;
    }

    Map<Field, Object> vars() {
        return vars;
    }

    Facts defaults() {
        return defaults;
    }
}
