package no.veiviser.verify;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import no.veiviser.Case;
import no.veiviser.CaseException;
import no.veiviser.Cases;
import no.veiviser.CompiledGuide;
import no.veiviser.Decision;
import no.veiviser.Finding;
import no.veiviser.GuideException;
import no.veiviser.Problem;
import no.veiviser.impact.ImpactReport.Kind;
import no.veiviser.internal.Access;
import no.veiviser.internal.engine.Facts;
import no.veiviser.internal.engine.Field;
import no.veiviser.internal.engine.Params;
import no.veiviser.internal.model.Due;
import no.veiviser.internal.model.FindingTemplate;
import no.veiviser.internal.model.GuideModel;
import no.veiviser.internal.model.Rule;
import no.veiviser.internal.model.Unit;
import no.veiviser.internal.yaml.Location;

/**
 * Every case whose decision two versions of a guide make differently, exactly: both guides' decisions are
 * encoded over one space of case classes ({@link CaseSpace}, as {@link Verifier} encodes one guide), and for each
 * possible difference (level from → to, code added or removed, due date moved, who changed) the solver lists
 * the classes of cases that have it. Each class is a conjunction of conditions on facts, found by taking a
 * case that has the difference and dropping every condition the difference does not need (the solver proves
 * "in the class and without the difference" has no case), so every case of a class has the difference; the
 * classes of a difference are listed until "the difference and in none of the classes" has no case, so no other
 * case has it. A difference the solver finds no case for is proved absent, so a report with no differences is a
 * proof that no case gets another decision.
 *
 * <p>Each class comes with the case of it with the fewest facts, printed as a case file, read back and evaluated
 * by both compiled guides: it must show the difference (if not, the encoding disagrees with the engine, and
 * this says so instead of reporting it). A construct that cannot be encoded exactly refuses the guides (a
 * {@link GuideException}), as {@code verify} does. Texts are not compared, as in {@code veiviser diff}.
 *
 * <pre>{@code
 * ExactDiffReport r = ExactDiff.between(before.compile(), after.compile());
 * }</pre>
 */
public final class ExactDiff {
    /** Classes listed per difference; beyond it the report says the list is cut (the difference itself stays proved). */
    static final int MAX_CLASSES = 100;

    private ExactDiff() {}

    /**
     * Every class of cases whose decision differs between two versions of a guide.
     *
     * @param base the guide as it is, compiled
     * @param changed the guide as it is to be, compiled
     * @return the differences, each with its classes and witnesses
     * @throws GuideException when a guide uses a construct that cannot be encoded exactly
     */
    public static ExactDiffReport between(CompiledGuide base, CompiledGuide changed) {
        GuideModel a = Access.model(base.guide());
        GuideModel b = Access.model(changed.guide());
        try {
            return new Run(base, changed, a, b).report();
        } catch (Refusal r) {
            Location at = r.at != null ? r.at : b.at();
            throw new GuideException(List.of(Problem.error(at.file(), at.line(), at.column(),
                    "veiviser diff --exact cannot compare these guides exactly: " + r.getMessage(), r.hint)));
        }
    }

    /** One possible difference and its literal. */
    private record Possible(Kind kind, String subject, String change, int lit) {}

    /** What a variable of the case space says of a case. */
    enum Role { AS_OF, FLAG, OPT_GIVEN, OPT_VALUE, CHOICE, ABSENT, HAS, ANY_OF, GIVEN, AT_LEAST, DAYS, YEARS, FEWER, SAME, MORE }

    /**
     * A variable of the case space: field, role, and for a choice or code its value, for a threshold its k, for asOf
     * its class's first day and the next class's ({@code from}/{@code to}, null at the ends), for an order the other date.
     */
    record Atom(int var, Field field, Role role, String value, int k, LocalDate from, LocalDate to, Field other, List<String> values) {
        /** Whether the atom holds of a case; null where the case leaves it open (an order of dates one of which is absent). */
        Boolean holds(Facts f, Case c) {
            return switch (role) {
                case AS_OF -> (from == null || !c.asOf().isBefore(from)) && (to == null || c.asOf().isBefore(to));
                case FLAG, OPT_VALUE -> Boolean.TRUE.equals(field.valueIn(f));
                case OPT_GIVEN -> field.valueIn(f) != null;
                case CHOICE -> value.equals(field.valueIn(f));
                case ABSENT -> field.valueIn(f) == null;
                case HAS -> ((Collection<?>) field.valueIn(f)).contains(value);
                case ANY_OF -> anyOf((Collection<?>) field.valueIn(f), values);
                case GIVEN -> field.type() == Field.Type.DATE ? field.elapsed(f, false) != null : field.valueIn(f) != null;
                case AT_LEAST -> field.valueIn(f) instanceof Integer n && n >= k;
                case DAYS, YEARS -> {
                    Integer n = field.elapsed(f, role == Role.YEARS);
                    yield n != null && n >= k;
                }
                case FEWER, SAME, MORE -> {
                    Integer x = field.elapsed(f, false);
                    Integer y = other.elapsed(f, false);
                    if (x == null || y == null) {
                        yield null;
                    }
                    yield role == Role.FEWER ? x < y : role == Role.SAME ? x.equals(y) : x > y;
                }
            };
        }
    }

    /** Whether {@code present} has one of {@code values} (a loop: a population diff asks it per case). */
    private static boolean anyOf(Collection<?> present, List<String> values) {
        for (Object v : present) {
            if (values.contains(v)) {
                return true;
            }
        }
        return false;
    }

    /** A literal over an atom: the atom holds ({@code positive}) or not. */
    record Lit(Atom atom, boolean positive) {
        int value() {
            return positive ? atom.var() : -atom.var();
        }
    }

    /** Tests whether a case lies in a class (a conjunction of atoms' literals). */
    record Member(List<Lit> lits, java.util.function.Function<String, Integer> levels) implements Predicate<Case> {
        /**
         * The facts of the case this thread tested last: a population diff tests each case against every class of
         * every difference in a row, and the facts (ages, days since each date) need computing only once per case.
         */
        private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[3]);

        @Override
        public boolean test(Case c) {
            Object[] last = LAST.get();
            Facts f;
            if (last[0] == c && last[1] == levels) {
                f = (Facts) last[2];
            } else {
                f = new Facts(c, levels);
                last[0] = c;
                last[1] = levels;
                last[2] = f;
            }
            for (Lit l : lits) {
                Boolean h = l.atom().holds(f, c);
                if (h != null && h != l.positive()) {
                    return false;
                }
            }
            return true;
        }
    }

    /** Whether a case lies in one of the classes (a loop, not a stream: a population diff asks it for every case). */
    static Predicate<Case> anyOf(List<? extends Predicate<Case>> members) {
        if (members.size() == 1) {
            return members.get(0);
        }
        List<Predicate<Case>> all = List.copyOf(members);
        return c -> {
            for (Predicate<Case> m : all) {
                if (m.test(c)) {
                    return true;
                }
            }
            return false;
        };
    }

    private static final class Run {
        private final CompiledGuide base;
        private final CompiledGuide changed;
        private final GuideModel a;
        private final GuideModel b;
        private final Cnf cnf = new Cnf();
        private final CaseSpace space;
        private final DecisionEncoder da;
        private final DecisionEncoder db;
        private final List<Possible> possible = new ArrayList<>();
        private final Map<Integer, Atom> atoms = new LinkedHashMap<>();
        private int queries;
        /** The base guide's level positions, one function for every class, so that their tests share one case's facts. */
        private final java.util.function.Function<String, Integer> levels;

        Run(CompiledGuide base, CompiledGuide changed, GuideModel a, GuideModel b) {
            this.base = base;
            this.changed = changed;
            this.a = a;
            this.b = b;
            this.levels = a::levelPosition;
            Verifier.checkFields(a);
            Verifier.checkFields(b);
            space = new CaseSpace(cnf, List.of(a, b));
            da = new DecisionEncoder(cnf, space, new ConditionEncoder(cnf, space, 0), a);
            db = new DecisionEncoder(cnf, space, new ConditionEncoder(cnf, space, 1), b);
        }

        ExactDiffReport report() {
            long start = System.nanoTime();
            encodeDifferences();
            space.close();
            collectAtoms();
            List<Integer> deviations = space.deviations();
            List<ExactDiffReport.Change> changes = new ArrayList<>();
            changes.addAll(rejected());
            Map<Integer, Integer> atMost = new java.util.HashMap<>();
            for (Possible p : possible) {
                queries++;
                if (!cnf.solve(p.lit())) {
                    continue; // proved: no case has this difference
                }
                int selector = cnf.newVar(); // turns on the clauses that exclude the classes found so far
                List<List<Lit>> cubes = new ArrayList<>();
                boolean complete = false;
                while (true) {
                    queries++;
                    if (!cnf.solve(p.lit(), selector)) {
                        complete = true;
                        break;
                    }
                    if (cubes.size() == MAX_CLASSES) {
                        break;
                    }
                    List<Lit> cube = generalise(p);
                    int[] block = new int[cube.size() + 1];
                    block[0] = -selector;
                    for (int i = 0; i < cube.size(); i++) {
                        block[i + 1] = -cube.get(i).value();
                    }
                    cnf.clause(block);
                    cubes.add(cube);
                }
                List<List<Lit>> kept = new ArrayList<>();
                for (List<Lit> cube : cubes) { // a class inside another one found later is no class of its own
                    if (cubes.stream().noneMatch(o -> o != cube && cube.containsAll(o) && (o.size() < cube.size() || cubes.indexOf(o) < cubes.indexOf(cube)))) {
                        kept.add(cube);
                    }
                }
                List<ExactDiffReport.ChangeClass> classes = new ArrayList<>();
                for (List<List<Lit>> group : merged(kept)) {
                    classes.add(witness(p, group, deviations, atMost));
                }
                changes.add(new ExactDiffReport.Change(p.kind(), p.subject(), p.change(), classes, complete,
                        anyOf(classes.stream().map(ExactDiffReport.ChangeClass::members).toList())));
            }
            return new ExactDiffReport(new Decision.GuideRef(a.id(), a.version()), new Decision.GuideRef(b.id(), b.version()),
                    changes, cnf.variables(), space.classes(), queries, -1, Duration.ofNanos(System.nanoTime() - start));
        }

        // ---- the differences ----

        private void encodeDifferences() {
            Set<String> codes = new LinkedHashSet<>();
            templates(a).forEach(t -> codes.add(t.t().code()));
            templates(b).forEach(t -> codes.add(t.t().code()));
            int levels = Math.max(a.lastLevel(), b.lastLevel());
            for (int x = 0; x <= levels; x++) {
                for (int y = 0; y <= levels; y++) {
                    if (x != y) {
                        add(Kind.LEVEL_CHANGED, "level", x + " -> " + y, cnf.and(levelIs(da, x), levelIs(db, y)));
                    }
                }
            }
            for (String code : codes) {
                int pa = da.presentCode(code);
                int pb = db.presentCode(code);
                add(Kind.CODE_ADDED, code, "", cnf.and(-pa, pb));
                add(Kind.CODE_REMOVED, code, "", cnf.and(pa, -pb));
                List<Given> ta = templates(a).stream().filter(t -> t.t().code().equals(code)).toList();
                List<Given> tb = templates(b).stream().filter(t -> t.t().code().equals(code)).toList();
                if (ta.isEmpty() || tb.isEmpty()) {
                    continue;
                }
                add(Kind.DUE_MOVED, code, "", cnf.and(pa, pb, dueMoved(code, ta, tb)));
                add(Kind.WHO_CHANGED, code, "", cnf.and(pa, pb, whoChanged(ta, tb)));
            }
        }

        private void add(Kind kind, String subject, String change, int lit) {
            if (lit != Cnf.FALSE) {
                possible.add(new Possible(kind, subject, change, lit));
            }
        }

        private int levelIs(DecisionEncoder d, int l) {
            return cnf.and(d.recommendedAtLeast(l), -d.recommendedAtLeast(l + 1));
        }

        /** A finding template of a rule with the literal "the decision has it". */
        private record Given(FindingTemplate t, int lit, Rule rule) {}

        private final Map<GuideModel, List<Given>> templates = new java.util.IdentityHashMap<>();

        private List<Given> templates(GuideModel g) {
            return templates.computeIfAbsent(g, x -> {
                DecisionEncoder d = x == a ? da : db;
                List<Given> out = new ArrayList<>();
                for (int r = 0; r < x.rules().size(); r++) {
                    Rule rule = x.rules().get(r);
                    for (int f = 0; f < rule.then().size(); f++) {
                        out.add(new Given(rule.then().get(f), d.given[r][f], rule));
                    }
                }
                return out;
            });
        }

        /** Who a code names differs: some name is among the present findings' in one decision and not the other's. */
        private int whoChanged(List<Given> ta, List<Given> tb) {
            Set<String> names = new TreeSet<>();
            ta.forEach(t -> names.addAll(t.t().who()));
            tb.forEach(t -> names.addAll(t.t().who()));
            List<Integer> differs = new ArrayList<>();
            for (String w : names) {
                int inA = cnf.or(ta.stream().filter(t -> t.t().who().contains(w)).map(Given::lit).toList());
                int inB = cnf.or(tb.stream().filter(t -> t.t().who().contains(w)).map(Given::lit).toList());
                differs.add(cnf.or(cnf.and(inA, -inB), cnf.and(-inA, inB)));
            }
            return cnf.or(differs);
        }

        /**
         * The code's due date differs: the earliest due date of its present findings (none where none has one), in
         * each asOf class, from the parameters' values there. Exact where every finding of the code counts from the
         * same date and in days or weeks (or all in months, or all in years); other due dates are refused.
         */
        private int dueMoved(String code, List<Given> ta, List<Given> tb) {
            Set<Object> anchors = new LinkedHashSet<>();
            Set<Unit> families = new LinkedHashSet<>();
            for (Given g : concat(ta, tb)) {
                g.t().due().ifPresent(due -> {
                    // as soon as possible is due on asOf like same-day but means something else: a mix is refused below
                    anchors.add(due instanceof Due.AsSoonAsPossible ? "as-soon-as-possible"
                            : due instanceof Due.After after && after.from() != null ? after.from() : "asOf");
                    families.add(family(due, g));
                });
            }
            if (anchors.size() > 1 || families.size() > 1) {
                throw new Refusal(ta.get(0).t().at(), "the due dates of code " + code + " count from different dates or in "
                        + "different units (" + anchors + ", " + families + "), which cannot be compared exactly over classes of cases",
                        "compare these versions with 'veiviser diff' on a population instead");
            }
            List<Integer> moved = new ArrayList<>();
            for (int k = 0; k < space.classes(); k++) {
                Map<Integer, List<Integer>> byA = offsets(ta, 0, k);
                Map<Integer, List<Integer>> byB = offsets(tb, 1, k);
                Map<Integer, Integer> isA = earliest(byA, ta);
                Map<Integer, Integer> isB = earliest(byB, tb);
                List<Integer> differ = new ArrayList<>();
                isA.forEach((x, la) -> isB.forEach((y, lb) -> {
                    if (!x.equals(y)) {
                        differ.add(cnf.and(la, lb));
                    }
                }));
                moved.add(cnf.and(space.asOfClass.get(k), cnf.or(differ)));
            }
            return cnf.or(moved);
        }

        private static List<Given> concat(List<Given> x, List<Given> y) {
            List<Given> out = new ArrayList<>(x);
            out.addAll(y);
            return out;
        }

        private Unit family(Due due, Given g) {
            if (!(due instanceof Due.After after)) {
                return Unit.DAYS;
            }
            GuideModel owner = templates(a).contains(g) ? a : b;
            Unit unit = owner.parameters().get(after.parameter()).unit();
            return unit == Unit.WEEKS ? Unit.DAYS : unit;
        }

        /** Per due offset in asOf class k (in the family's unit; NONE_DUE for no due date), the present literals. */
        private Map<Integer, List<Integer>> offsets(List<Given> ts, int guide, int k) {
            GuideModel owner = guide == 0 ? a : b;
            Params params = space.params(guide).get(k);
            Map<Integer, List<Integer>> out = new java.util.TreeMap<>();
            for (Given g : ts) {
                if (g.t().due().isEmpty()) {
                    continue;
                }
                int offset;
                if (g.t().due().get() instanceof Due.After after) {
                    Integer v;
                    try {
                        v = params.get(after.parameter());
                    } catch (IllegalStateException e) {
                        continue; // no value in this period: validation keeps every rule using it out of force here
                    }
                    offset = owner.parameters().get(after.parameter()).unit() == Unit.WEEKS ? 7 * v : v;
                } else {
                    offset = 0;
                }
                out.computeIfAbsent(offset, x -> new ArrayList<>()).add(g.lit());
            }
            return out;
        }

        private static final int NONE_DUE = Integer.MAX_VALUE;

        /** Per value of the earliest due date (NONE_DUE: no present finding has one), the literal "it is that value". */
        private Map<Integer, Integer> earliest(Map<Integer, List<Integer>> byOffset, List<Given> ts) {
            Map<Integer, Integer> out = new LinkedHashMap<>();
            List<Integer> earlier = new ArrayList<>();
            for (Map.Entry<Integer, List<Integer>> e : byOffset.entrySet()) {
                out.put(e.getKey(), cnf.and(cnf.or(e.getValue()), -cnf.or(earlier)));
                earlier.addAll(e.getValue());
            }
            out.put(NONE_DUE, -cnf.or(earlier));
            return out;
        }

        /** Codes one guide's catalogue knows and the other's not: a case with one is rejected by the other guide. */
        private List<ExactDiffReport.Change> rejected() {
            List<ExactDiffReport.Change> out = new ArrayList<>();
            for (Field.Catalogue cat : Field.Catalogue.values()) {
                List<String> inA = CaseSpace.codes(a, cat);
                List<String> inB = CaseSpace.codes(b, cat);
                for (String code : inA) {
                    if (!inB.contains(code)) {
                        out.add(rejectedChange("changed guide", cat, code));
                    }
                }
                for (String code : inB) {
                    if (!inA.contains(code)) {
                        out.add(rejectedChange("base guide", cat, code));
                    }
                }
            }
            if (a.lastLevel() != b.lastLevel()) {
                String which = a.lastLevel() > b.lastLevel() ? "changed guide" : "base guide";
                int last = Math.min(a.lastLevel(), b.lastLevel());
                out.add(new ExactDiffReport.Change(Kind.REJECTED, which, "level above " + last,
                        List.of(new ExactDiffReport.ChangeClass(List.of("case.level > " + last, "(or meeting.level > " + last + ")"),
                                "", null, null, null, c -> false)), true,
                        c -> c.work().level().map(l -> (a.lastLevel() > b.lastLevel() ? a : b).levelPosition(l))
                                .filter(p -> p != null && p > last).isPresent()));
            }
            return out;
        }

        private ExactDiffReport.Change rejectedChange(String which, Field.Catalogue cat, String code) {
            String field = switch (cat) {
                case SIGNALS -> "concern.signals";
                case SERVICES -> "case.services, reporter.service or stafettlogg.holder";
                case STEPS -> "case.step";
            };
            Predicate<Case> has = c -> switch (cat) {
                case SIGNALS -> c.concern().signals().contains(code);
                case SERVICES -> c.work().services().contains(code) || c.reporter().service().filter(code::equals).isPresent()
                        || c.stafettlogg().holder().filter(code::equals).isPresent();
                case STEPS -> c.work().step().filter(code::equals).isPresent();
            };
            return new ExactDiffReport.Change(Kind.REJECTED, which, "unknown code '" + code + "'",
                    List.of(new ExactDiffReport.ChangeClass(List.of(field + " includes " + code), "", null, null, null, has)), true, has);
        }

        // ---- classes ----

        private void collectAtoms() {
            for (int k = 0; k < space.classes(); k++) {
                LocalDate from = k == 0 ? null : space.asOfShown.get(k);
                LocalDate to = k + 1 < space.classes() ? space.asOfShown.get(k + 1) : null;
                atom(space.asOfClass.get(k), null, Role.AS_OF, null, k, from, to, null);
            }
            space.vars().forEach((field, v) -> {
                if (v instanceof CaseSpace.Flag f) {
                    atom(f.var(), field, Role.FLAG, null, 0, null, null, null);
                } else if (v instanceof CaseSpace.OptFlag o) {
                    atom(o.given(), field, Role.OPT_GIVEN, null, 0, null, null, null);
                    atom(o.value(), field, Role.OPT_VALUE, null, 0, null, null, null);
                } else if (v instanceof CaseSpace.Choice c) {
                    c.value().forEach((value, lit) -> atom(lit, field, Role.CHOICE, value, 0, null, null, null));
                    if (c.given() != Cnf.TRUE) {
                        atom(-c.given(), field, Role.ABSENT, null, 0, null, null, null);
                    }
                } else if (v instanceof CaseSpace.Codes c) {
                    c.has().forEach((value, lit) -> atom(lit, field, Role.HAS, value, 0, null, null, null));
                } else if (v instanceof CaseSpace.Num n) {
                    atom(n.given, field, Role.GIVEN, null, 0, null, null, null);
                    n.atLeast.forEach((k, lit) -> atom(lit, field, Role.AT_LEAST, null, k, null, null, null));
                } else if (v instanceof CaseSpace.Date d) {
                    atom(d.given(), field, Role.GIVEN, null, 0, null, null, null);
                    d.days().atLeast.forEach((k, lit) -> atom(lit, field, Role.DAYS, null, k, null, null, null));
                    d.years().atLeast.forEach((k, lit) -> atom(lit, field, Role.YEARS, null, k, null, null, null));
                }
            });
            for (CaseSpace.DatePair p : space.pairs()) {
                atom(p.fewer(), p.x(), Role.FEWER, null, 0, null, null, p.y());
                atom(p.same(), p.x(), Role.SAME, null, 0, null, null, p.y());
                atom(p.more(), p.x(), Role.MORE, null, 0, null, null, p.y());
            }
        }

        private void atom(int var, Field field, Role role, String value, int k, LocalDate from, LocalDate to, Field other) {
            if (var != Cnf.TRUE && var != Cnf.FALSE && var > 0 && !atoms.containsKey(var)) {
                Atom at = new Atom(var, field, role, value, k, from, to, other, List.of());
                atoms.put(var, at);
                if (role == Role.AT_LEAST || role == Role.DAYS || role == Role.YEARS) {
                    thresholds.computeIfAbsent(List.of(field, role), x -> new TreeMap<>()).put(k, at);
                }
            }
        }

        /**
         * The class of the case in the last model that has difference {@code p}: the model's atoms, less every one the
         * difference does not need. Each step is a proof that every case of the smaller class still has it.
         */
        private List<Lit> generalise(Possible p) {
            List<Lit> all = new ArrayList<>();
            for (Atom at : atoms.values()) {
                all.add(new Lit(at, cnf.value(at.var())));
            }
            int[] assumed = withNot(p.lit(), all);
            queries++;
            if (cnf.solve(assumed)) {
                throw new Refusal(null, "the difference '" + p.kind().label() + " " + p.subject() + "' is not decided by the classes of cases alone",
                        "report this: diff --exact needs updating");
            }
            List<Lit> kept = new ArrayList<>(byCore(all, cnf.core(assumed)));
            for (int i = 0; i < kept.size(); ) {
                List<Lit> without = new ArrayList<>(kept);
                without.remove(i);
                queries++;
                int[] x = withNot(p.lit(), without);
                if (!cnf.solve(x)) {
                    kept = new ArrayList<>(byCore(without, cnf.core(x)));
                } else {
                    i++;
                }
            }
            // Widen each range as far as the difference allows ("age 16" to "age 16-17"): a class no smaller than needed.
            for (int i = 0; i < kept.size(); i++) {
                while (true) {
                    Lit l = kept.get(i);
                    TreeMap<Integer, Atom> line = thresholds.get(List.of(l.atom().field() == null ? "" : l.atom().field(), l.atom().role()));
                    if (line == null) {
                        break;
                    }
                    // "at least k": try the next lower threshold; "below k": the next higher
                    Map.Entry<Integer, Atom> next = l.positive() ? line.lowerEntry(l.atom().k()) : line.higherEntry(l.atom().k());
                    if (next == null) {
                        break;
                    }
                    List<Lit> wider = new ArrayList<>(kept);
                    wider.set(i, new Lit(next.getValue(), l.positive()));
                    queries++;
                    if (cnf.solve(withNot(p.lit(), wider))) {
                        break;
                    }
                    kept = wider;
                }
            }
            // A required code of a set ("signals include a") as "include one of" every code that does as well: one
            // class instead of one per code. Codes a counter-example holds are dropped until no case escapes.
            for (int i = 0; i < kept.size(); i++) {
                Lit l = kept.get(i);
                if (l.atom().role() != Role.HAS || !l.positive()) {
                    continue;
                }
                CaseSpace.Codes set = (CaseSpace.Codes) space.vars().get(l.atom().field());
                List<Lit> others = new ArrayList<>(kept);
                others.remove(i);
                List<String> codes = new ArrayList<>();
                set.has().forEach((code, lit) -> {
                    if (!others.contains(new Lit(atoms.get(lit), false)) && !others.contains(new Lit(atoms.get(lit), true))) {
                        codes.add(code);
                    }
                });
                while (codes.size() > 1) {
                    int any = cnf.or(codes.stream().map(c -> set.has().get(c)).toList());
                    Atom at = new Atom(any, l.atom().field(), Role.ANY_OF, null, 0, null, null, null, List.copyOf(codes));
                    List<Lit> wider = new ArrayList<>(others);
                    wider.add(i, new Lit(at, true));
                    queries++;
                    if (!cnf.solve(withNot(p.lit(), wider))) {
                        kept = wider;
                        break;
                    }
                    List<String> holding = codes.stream().filter(c -> !c.equals(l.atom().value()) && cnf.value(set.has().get(c))).toList();
                    if (holding.isEmpty()) {
                        break;
                    }
                    codes.removeAll(holding);
                }
            }
            return kept;
        }

        /** Per field and role of a number ("at least k" of an age, days or years since a date), its thresholds' atoms. */
        private final Map<List<Object>, TreeMap<Integer, Atom>> thresholds = new java.util.HashMap<>();

        private static int[] withNot(int lit, List<Lit> lits) {
            int[] out = new int[lits.size() + 1];
            out[0] = -lit;
            for (int i = 0; i < lits.size(); i++) {
                out[i + 1] = lits.get(i).value();
            }
            return out;
        }

        private static List<Lit> byCore(List<Lit> lits, int[] core) {
            Set<Integer> in = new java.util.HashSet<>();
            for (int c : core) {
                in.add(c);
            }
            return lits.stream().filter(l -> in.contains(l.value())).toList();
        }

        /** The class with its case of fewest facts, printed, read back and confirmed by both guides' engines. */
        private ExactDiffReport.ChangeClass witness(Possible p, List<List<Lit>> group, List<Integer> deviations, Map<Integer, Integer> atMost) {
            List<Lit> cube = group.get(0);
            List<Integer> assumed = new ArrayList<>();
            assumed.add(p.lit());
            cube.forEach(l -> assumed.add(l.value()));
            int[] arr = assumed.stream().mapToInt(Integer::intValue).toArray();
            queries++;
            if (!cnf.solve(arr)) {
                throw new IllegalStateException("internal error in diff --exact: a class found has no case");
            }
            int facts = Verifier.count(cnf, deviations);
            for (int k = 0; k < facts; k++) {
                int bound = k;
                int guard = atMost.computeIfAbsent(k, x -> Verifier.atMostGuarded(cnf, deviations, bound));
                List<Integer> bounded = new ArrayList<>(assumed);
                bounded.add(guard);
                queries++;
                if (cnf.solve(bounded.stream().mapToInt(Integer::intValue).toArray())) {
                    assumed.add(guard);
                    break;
                }
            }
            queries += Verifier.smallerNumbers(cnf, space, assumed);
            Case found = Witness.decode(cnf, space);
            String yaml = CaseYaml.of(found);
            Case read;
            try {
                read = Cases.parse(yaml, "witness.yaml", changed.guide(), null);
            } catch (CaseException e) {
                throw new IllegalStateException("internal error in diff --exact: a witness is not a valid case file: " + e.getMessage(), e);
            }
            Decision before = base.evaluate(read);
            Decision after = changed.evaluate(read);
            if (!differs(p, before, after)) {
                throw new IllegalStateException("internal error in diff --exact: the witness of '" + p.kind().label() + " " + p.subject()
                        + " " + p.change() + "', evaluated, does not show it; the encoding disagrees with the engine");
            }
            List<Member> members = group.stream().map(c -> new Member(List.copyOf(c), levels)).toList();
            if (!members.get(0).test(read)) {
                throw new IllegalStateException("internal error in diff --exact: a witness does not lie in its own class");
            }
            Predicate<Case> member = anyOf(members);
            return new ExactDiffReport.ChangeClass(describeGroup(group), yaml, read, before, after, member);
        }

        /** Whether the engine's two decisions show difference {@code p}, compared as {@code veiviser diff} does. */
        private static boolean differs(Possible p, Decision x, Decision y) {
            return switch (p.kind()) {
                case LEVEL_CHANGED -> (x.level().recommended() + " -> " + y.level().recommended()).equals(p.change());
                case CODE_ADDED -> !has(x, p.subject()) && has(y, p.subject());
                case CODE_REMOVED -> has(x, p.subject()) && !has(y, p.subject());
                case DUE_MOVED -> has(x, p.subject()) && has(y, p.subject()) && !Objects.equals(dueOf(x, p.subject()), dueOf(y, p.subject()));
                case WHO_CHANGED -> has(x, p.subject()) && has(y, p.subject()) && !whoOf(x, p.subject()).equals(whoOf(y, p.subject()));
                case REJECTED -> false;
            };
        }

        private static boolean has(Decision d, String code) {
            return d.findings().stream().anyMatch(f -> f.code().equals(code));
        }

        // ---- descriptions ----

        /**
         * Classes that differ only in which one code of a set they require ("signals include a", "... include b") are
         * shown as one ("signals include one of a, b"); the others stay apart. The union is the same cases.
         */
        private static List<List<List<Lit>>> merged(List<List<Lit>> cubes) {
            Map<Object, List<List<Lit>>> groups = new LinkedHashMap<>();
            for (List<Lit> cube : cubes) {
                List<Lit> has = cube.stream().filter(l -> l.atom().role() == Role.HAS && l.positive()).toList();
                Object key = cube;
                if (has.size() == 1) {
                    List<Lit> rest = new ArrayList<>(cube);
                    rest.remove(has.get(0));
                    key = List.of(has.get(0).atom().field(), new java.util.HashSet<>(rest));
                }
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(cube);
            }
            return new ArrayList<>(groups.values());
        }

        /** A merged class: its first cube's conditions, the one required code of each read as "one of". */
        private List<String> describeGroup(List<List<Lit>> group) {
            if (group.size() == 1) {
                return describe(group.get(0));
            }
            List<Lit> first = new ArrayList<>(group.get(0));
            Lit has = first.stream().filter(l -> l.atom().role() == Role.HAS && l.positive()).findFirst().orElseThrow();
            first.remove(has);
            List<String> codes = group.stream().map(c -> c.stream().filter(l -> l.atom().role() == Role.HAS && l.positive())
                    .findFirst().orElseThrow().atom().value()).toList();
            List<String> out = new ArrayList<>();
            out.add(has.atom().field().path() + " includes one of " + String.join(", ", codes));
            out.addAll(describe(first));
            return out;
        }

        /** The class as conditions a person reads, one per fact, in the vocabulary's order. */
        private List<String> describe(List<Lit> cube) {
            Map<Object, List<Lit>> byField = new LinkedHashMap<>();
            for (Lit l : cube) {
                Object key = l.atom().role() == Role.AS_OF ? "asOf"
                        : l.atom().other() != null ? List.of(l.atom().field(), l.atom().other()) : l.atom().field();
                byField.computeIfAbsent(key, x -> new ArrayList<>()).add(l);
            }
            List<Map.Entry<Object, List<Lit>>> entries = new ArrayList<>(byField.entrySet());
            entries.sort(java.util.Comparator.comparingInt(e -> e.getKey() instanceof Field f ? f.ordinal()
                    : e.getKey() instanceof List<?> pair ? ((Field) pair.get(0)).ordinal() : -1));
            List<String> out = new ArrayList<>();
            for (Map.Entry<Object, List<Lit>> e : entries) {
                out.add(describe(e.getKey(), e.getValue()));
            }
            return out;
        }

        private String describe(Object key, List<Lit> lits) {
            if ("asOf".equals(key)) {
                return asOf(lits);
            }
            if (key instanceof List<?> pair) {
                List<String> parts = new ArrayList<>();
                Field x = (Field) pair.get(0);
                Field y = (Field) pair.get(1);
                for (Lit l : lits) {
                    String rel = switch (l.atom().role()) {
                        case FEWER -> "after";
                        case SAME -> "on the same day as";
                        default -> "before";
                    };
                    parts.add(x.path() + (l.positive() ? " " : " not ") + rel + " " + y.path());
                }
                return String.join(", ", parts);
            }
            Field field = (Field) key;
            String path = field.path();
            Lit first = lits.get(0);
            switch (first.atom().role()) {
                case FLAG:
                    return path + " = " + first.positive();
                case OPT_GIVEN:
                case OPT_VALUE: {
                    Boolean given = null;
                    Boolean value = null;
                    for (Lit l : lits) {
                        if (l.atom().role() == Role.OPT_GIVEN) {
                            given = l.positive();
                        } else {
                            value = l.positive();
                        }
                    }
                    if (Boolean.FALSE.equals(given)) {
                        return path + " not given";
                    }
                    if (Boolean.TRUE.equals(value)) {
                        return path + " = true";
                    }
                    return Boolean.TRUE.equals(given) ? path + " = false" : path + " is not true";
                }
                case CHOICE:
                case ABSENT: {
                    CaseSpace.Choice c = (CaseSpace.Choice) space.vars().get(field);
                    List<String> allowed = new ArrayList<>(c.value().keySet());
                    boolean absent = c.given() != Cnf.TRUE;
                    for (Lit l : lits) {
                        if (l.positive()) {
                            allowed.retainAll(l.atom().role() == Role.CHOICE ? List.of(l.atom().value()) : List.of());
                            absent = l.atom().role() == Role.ABSENT;
                        } else if (l.atom().role() == Role.CHOICE) {
                            allowed.remove(l.atom().value());
                        } else {
                            absent = false;
                        }
                    }
                    if (allowed.isEmpty()) {
                        return path + " not given";
                    }
                    List<String> shown = new ArrayList<>(allowed);
                    if (absent) {
                        shown.add("(not given)");
                    }
                    List<String> excluded = new ArrayList<>(c.value().keySet());
                    excluded.removeAll(allowed);
                    if (excluded.size() < allowed.size()) {
                        return path + " ≠ " + String.join(", ", excluded) + (absent ? " (or not given)" : " (and given)");
                    }
                    return path + (shown.size() == 1 ? " = " : " one of ") + String.join(", ", shown);
                }
                case HAS:
                case ANY_OF: {
                    List<String> in = new ArrayList<>();
                    List<String> out = new ArrayList<>();
                    List<String> parts = new ArrayList<>();
                    for (Lit l : lits) {
                        if (l.atom().role() == Role.ANY_OF) {
                            List<String> other = new ArrayList<>(((CaseSpace.Codes) space.vars().get(field)).has().keySet());
                            other.removeAll(l.atom().values());
                            List<String> excludedToo = lits.stream().filter(x -> x.atom().role() == Role.HAS && !x.positive())
                                    .map(x -> x.atom().value()).toList();
                            parts.add(path + (l.positive() && excludedToo.containsAll(other) ? " not empty"
                                    : other.size() < l.atom().values().size() && l.positive()
                                    ? " includes a code other than " + String.join(", ", other)
                                    : (l.positive() ? " includes one of " : " includes none of ") + String.join(", ", l.atom().values())));
                        } else {
                            (l.positive() ? in : out).add(l.atom().value());
                        }
                    }
                    if (!in.isEmpty()) {
                        parts.add(path + " includes " + String.join(" and ", in));
                    }
                    if (!out.isEmpty()) {
                        parts.add(path + " includes none of " + String.join(", ", out));
                    }
                    return String.join(", ", parts);
                }
                default:
                    return number(field, lits);
            }
        }

        /** An age, a level or a date's days or years before asOf, as a range. */
        private String number(Field field, List<Lit> lits) {
            Boolean given = null;
            Map<Role, int[]> ranges = new LinkedHashMap<>(); // role -> {lowest, highest}
            for (Lit l : lits) {
                Role role = l.atom().role();
                if (role == Role.GIVEN) {
                    given = l.positive();
                    continue;
                }
                int[] r = ranges.computeIfAbsent(role, x -> new int[] {0, Integer.MAX_VALUE}); // every number here is 0 or more
                if (l.positive()) {
                    r[0] = Math.max(r[0], l.atom().k());
                } else {
                    r[1] = Math.min(r[1], l.atom().k() - 1);
                }
            }
            if (Boolean.FALSE.equals(given)) {
                return field.path() + " not given";
            }
            if (ranges.isEmpty()) {
                return field.path() + " given";
            }
            List<String> parts = new ArrayList<>();
            ranges.forEach((role, r) -> {
                String unit = role == Role.DAYS ? " days before asOf" : role == Role.YEARS ? " years before asOf" : "";
                String range = r[0] == r[1] ? "= " + r[0] : r[0] == 0 ? "≤ " + r[1] : r[1] == Integer.MAX_VALUE ? "≥ " + r[0]
                        : r[0] + "–" + r[1];
                parts.add(field.path() + " " + range + unit);
            });
            return String.join(", ", parts);
        }

        private String asOf(List<Lit> lits) {
            boolean[] allowed = new boolean[space.classes()];
            java.util.Arrays.fill(allowed, true);
            for (Lit l : lits) {
                if (l.positive()) {
                    java.util.Arrays.fill(allowed, false);
                    allowed[l.atom().k()] = true;
                    break;
                }
                allowed[l.atom().k()] = false;
            }
            List<String> parts = new ArrayList<>();
            for (int k = 0; k < allowed.length; k++) {
                if (!allowed[k]) {
                    continue;
                }
                int end = k;
                while (end + 1 < allowed.length && allowed[end + 1]) {
                    end++;
                }
                LocalDate from = k == 0 ? null : space.asOfShown.get(k);
                LocalDate to = end + 1 < allowed.length ? space.asOfShown.get(end + 1) : null;
                parts.add(from == null ? "asOf before " + to : to == null ? "asOf on or after " + from
                        : "asOf " + from + " to " + to.minusDays(1));
                k = end;
            }
            return String.join(" or ", parts);
        }
    }

    /** The earliest due date of a code's findings in a decision (null: none has one), as {@code veiviser diff} compares it. */
    static LocalDate dueOf(Decision d, String code) {
        return d.findings().stream().filter(f -> f.code().equals(code) && f.due().isPresent()).map(f -> f.due().get())
                .min(LocalDate::compareTo).orElse(null);
    }

    /** Everyone a code's findings in a decision name. */
    static Set<String> whoOf(Decision d, String code) {
        Set<String> out = new TreeSet<>();
        d.findings().stream().filter(f -> f.code().equals(code)).forEach(f -> out.addAll(f.who()));
        return out;
    }

    /** Days between two due dates, signed, for the text ({@code +7 days}). */
    static String days(LocalDate x, LocalDate y) {
        long d = ChronoUnit.DAYS.between(x, y);
        return (d > 0 ? "+" : "") + d + (Math.abs(d) == 1 ? " day" : " days");
    }
}
