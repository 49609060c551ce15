package no.veiviser.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import no.veiviser.Case;
import no.veiviser.CaseException;
import no.veiviser.Cases;
import no.veiviser.CompiledGuide;
import no.veiviser.Decision;
import no.veiviser.Guide;
import no.veiviser.GuideException;
import no.veiviser.Problem;
import no.veiviser.internal.Access;
import no.veiviser.internal.engine.Condition;
import no.veiviser.internal.model.Concept;
import no.veiviser.internal.model.GuideModel;
import no.veiviser.internal.model.Invariant;
import no.veiviser.internal.model.Rule;
import no.veiviser.internal.model.RuleException;
import no.veiviser.internal.yaml.Location;

/**
 * Proves a guide's invariants for every possible case, not a sample: the guide's decision is encoded as a
 * boolean formula over finitely many classes of cases ({@link CaseSpace}) and Sat4j is asked for a case that
 * violates each invariant. No model means the invariant holds for every case; a model is turned into the
 * counter-example with the fewest facts, which is printed as a case file, read back as a user pasting it would
 * (it must be the same case, every fact included), and evaluated by the guide's compiled rules: it must show
 * the violation (if not, verify has a bug and says so instead of reporting it).
 *
 * <p>It also reports rules that can never fire (their condition is never true while they are in force), rules
 * whose condition can hold but that are always withheld by an exception, and concepts that are never true.
 * A construct it cannot encode exactly makes it refuse the guide (a {@link GuideException}).
 */
public final class Verifier {
    private final UnaryOperator<Case> tamper;
    private final Function<Case, String> printer;

    /** For tests of the confirmation step only: changes each counter-example before it is confirmed. */
    Verifier(UnaryOperator<Case> tamper) {
        this(tamper, CaseYaml::of);
    }

    /** For tests of the read-back step only: prints each counter-example with {@code printer}. */
    Verifier(UnaryOperator<Case> tamper, Function<Case, String> printer) {
        this.tamper = tamper;
        this.printer = printer;
    }

    /**
     * Proves every invariant of a guide (its own and those it inherits), or finds a counter-example to it.
     *
     * @param guide a loaded guide
     * @return what was proved and what was refuted, with the counter-examples
     * @throws GuideException when the guide uses a construct verify cannot encode exactly
     */
    public static VerifyReport verify(Guide guide) {
        return new Verifier(UnaryOperator.identity()).run(guide, null);
    }

    /**
     * As {@link #verify(Guide)}, confirming the counter-examples with rules already compiled (which saves the
     * compile, most of the time verify takes on a guide with violations; a go-live gate has compiled them anyway).
     *
     * @param compiled the compiled guide
     * @return what was proved and what was refuted, with the counter-examples
     * @throws GuideException when the guide uses a construct verify cannot encode exactly
     */
    public static VerifyReport verify(CompiledGuide compiled) {
        return new Verifier(UnaryOperator.identity()).run(compiled.guide(), compiled);
    }

    VerifyReport run(Guide guide) {
        return run(guide, null);
    }

    private VerifyReport run(Guide guide, CompiledGuide compiled) {
        long start = System.nanoTime();
        GuideModel model = Access.model(guide);
        try {
            return prove(guide, compiled, model, start);
        } catch (Refusal r) {
            Location at = r.at != null ? r.at : model.at();
            throw new GuideException(List.of(Problem.error(at.file(), at.line(), at.column(),
                    "veiviser verify cannot prove this guide: " + r.getMessage(), r.hint)));
        }
    }

    private VerifyReport prove(Guide guide, CompiledGuide given, GuideModel model, long start) {
        Cnf cnf = new Cnf();
        CaseSpace space = new CaseSpace(cnf, model);
        ConditionEncoder conditions = new ConditionEncoder(cnf, space);
        checkFields(model);
        DecisionEncoder decision = new DecisionEncoder(cnf, space, conditions, model);
        List<Integer> violated = new ArrayList<>();
        for (Invariant inv : model.invariants()) {
            violated.add(decision.violated(inv));
        }
        java.util.Map<String, DecisionEncoder.TwoMeanings> twoMeanings = decision.twoMeanings();
        List<Integer> conceptTrue = new ArrayList<>();
        for (Concept c : model.concepts()) {
            conceptTrue.add(conditions.encode(c.when()).t());
        }
        space.close();
        List<Integer> deviations = space.deviations();
        int queries = 0;

        InvariantCheck check = new InvariantCheck(model);
        // The guide's rules compile (Drools) on another thread while the solver works, from the first violation on.
        java.util.concurrent.CompletableFuture<CompiledGuide> compiling = null;
        java.util.Map<Integer, Integer> atMost = new java.util.HashMap<>(); // "at most k facts", guarded, by k
        Case[] witnesses = new Case[model.invariants().size()];
        int[] facts = new int[model.invariants().size()];
        for (int i = 0; i < model.invariants().size(); i++) {
            int v = violated.get(i);
            queries++;
            if (!cnf.solve(v)) {
                continue; // proved: no case violates it
            }
            facts[i] = count(cnf, deviations);
            witnesses[i] = Witness.decode(cnf, space);
            // the fewest facts: the smallest bound k that still admits a violating case
            for (int k = 0; k < facts[i]; k++) {
                int bound = k;
                int guard = atMost.computeIfAbsent(k, x -> atMostGuarded(cnf, deviations, bound));
                queries++;
                if (cnf.solve(v, guard)) {
                    facts[i] = count(cnf, deviations);
                    queries += smallerNumbers(cnf, space, List.of(v, guard));
                    witnesses[i] = Witness.decode(cnf, space);
                    break;
                }
            }
            witnesses[i] = tamper.apply(witnesses[i]);
            if (compiling == null) {
                compiling = given != null ? java.util.concurrent.CompletableFuture.completedFuture(given)
                        : java.util.concurrent.CompletableFuture.supplyAsync(guide::compile);
            }
        }
        List<String> dead = new ArrayList<>();
        List<String> alwaysWithheld = new ArrayList<>();
        for (int r = 0; r < decision.rules(); r++) {
            queries++;
            if (!cnf.solve(decision.matched[r])) {
                dead.add(model.rules().get(r).id());
            } else {
                queries++;
                if (!cnf.solve(decision.fires[r])) {
                    alwaysWithheld.add(model.rules().get(r).id());
                }
            }
        }
        List<String> neverTrue = new ArrayList<>();
        for (int c = 0; c < model.concepts().size(); c++) {
            queries++;
            if (!cnf.solve(conceptTrue.get(c))) {
                neverTrue.add(model.concepts().get(c).id());
            }
        }
        List<VerifyReport.TwoMeanings> twice = new ArrayList<>();
        for (var e : twoMeanings.entrySet()) {
            queries++;
            if (cnf.solve(e.getValue().literal())) {
                twice.add(new VerifyReport.TwoMeanings(e.getKey(), e.getValue().rules(), printer.apply(Witness.decode(cnf, space))));
            }
        }
        long waiting = System.nanoTime();
        CompiledGuide compiled = compiling == null ? null : compiling.join();
        List<VerifyReport.Result> results = new ArrayList<>();
        for (int i = 0; i < model.invariants().size(); i++) {
            Invariant inv = model.invariants().get(i);
            Optional<VerifyReport.CounterExample> counter = Optional.empty();
            if (witnesses[i] != null) {
                String yaml = printer.apply(witnesses[i]);
                Decision d = confirm(compiled, check, inv, readBack(guide, inv, yaml, witnesses[i], model), model);
                counter = Optional.of(new VerifyReport.CounterExample(witnesses[i], facts[i], yaml, d, check.offending(inv, d)));
            }
            results.add(new VerifyReport.Result(inv.id(), kind(inv), inv.description(), inv.origin(), counter));
        }
        long confirming = compiled == null ? 0 : System.nanoTime() - waiting;
        return new VerifyReport(model.id(), results, dead, alwaysWithheld, neverTrue, twice,
                new VerifyReport.Stats(cnf.variables(), space.classes(), queries, Duration.ofNanos(confirming)), Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * The counter-example as a user who pastes its YAML into a scenario gets it, which must be the case the solver
     * found, every fact included: if not, the printer has a bug, and says which facts it lost (names, never values).
     */
    private static Case readBack(Guide guide, Invariant inv, String yaml, Case witness, GuideModel model) {
        Case read;
        try {
            read = Cases.parse(yaml, "counter-example.yaml", guide, null);
        } catch (CaseException e) {
            throw new IllegalStateException("internal error in verify: the printed counter-example to invariant '" + inv.id()
                    + "' of guide " + model.id() + " is not a valid case file: " + e.getMessage(), e);
        }
        List<String> lost = CaseYaml.differing(witness, read);
        if (!lost.isEmpty()) {
            throw new IllegalStateException("internal error in verify: the printed counter-example to invariant '" + inv.id()
                    + "' of guide " + model.id() + " does not read back as the case found; it differs in " + String.join(", ", lost));
        }
        return read;
    }

    /** The guide's decision for a counter-example, which must violate the invariant: if not, verify has a bug. */
    private static Decision confirm(CompiledGuide compiled, InvariantCheck check, Invariant inv, Case witness, GuideModel model) {
        Decision d;
        try {
            d = compiled.evaluate(witness);
        } catch (CaseException e) {
            throw new IllegalStateException("internal error in verify: the counter-example to invariant '" + inv.id()
                    + "' of guide " + model.id() + " is not a valid case: " + e.getMessage(), e);
        }
        if (!check.violated(inv, witness, d)) {
            throw new IllegalStateException("internal error in verify: the counter-example to invariant '" + inv.id()
                    + "' of guide " + model.id() + ", evaluated, does not violate it; the encoding disagrees with the engine");
        }
        return d;
    }

    /**
     * With the same facts, the latest asOf period, then the lowest class of every number (age, level, days and
     * years since a date): the counter-example shows level 2 rather than 3 when both violate. Leaves a model of {@code assumed} and the
     * lowered bounds in {@code cnf}; returns the number of solver queries.
     */
    static int smallerNumbers(Cnf cnf, CaseSpace space, List<Integer> assumed) {
        List<Integer> fixed = new ArrayList<>(assumed);
        int queries = 0;
        for (int k = space.classes() - 1; k >= 0; k--) { // the latest period that has one: the law in force now
            queries++;
            fixed.add(space.asOfClass.get(k));
            if (cnf.solve(fixed.stream().mapToInt(Integer::intValue).toArray())) {
                break;
            }
            fixed.remove(fixed.size() - 1);
        }
        List<CaseSpace.Num> numbers = new ArrayList<>();
        for (Object v : space.vars().values()) {
            if (v instanceof CaseSpace.Num n) {
                numbers.add(n);
            } else if (v instanceof CaseSpace.Date d) {
                numbers.add(d.days());
                numbers.add(d.years());
            }
        }
        for (CaseSpace.Num n : numbers) {
            while (true) {
                Integer highest = null;
                for (var e : n.atLeast.entrySet()) {
                    if (cnf.value(e.getValue())) {
                        highest = e.getValue();
                    }
                }
                if (highest == null) {
                    break;
                }
                List<Integer> lower = new ArrayList<>(fixed);
                lower.add(-highest);
                queries++;
                if (!cnf.solve(lower.stream().mapToInt(Integer::intValue).toArray())) {
                    fixed.add(highest); // this class is the lowest; keep it while lowering the others
                    queries++;
                    cnf.solve(fixed.stream().mapToInt(Integer::intValue).toArray()); // a model again
                    break;
                }
            }
        }
        return queries;
    }

    /** A fresh literal g with "g implies at most k of lits": lits plus (n-k) copies of g, at most n. */
    static int atMostGuarded(Cnf cnf, List<Integer> lits, int k) {
        int g = cnf.newVar();
        List<Integer> all = new ArrayList<>(lits);
        for (int j = 0; j < lits.size() - k; j++) {
            int copy = cnf.newVar();
            cnf.equal(copy, g);
            all.add(copy);
        }
        cnf.atMost(all, lits.size());
        return g;
    }

    static int count(Cnf cnf, List<Integer> lits) {
        int n = 0;
        for (int l : lits) {
            if (cnf.value(l)) {
                n++;
            }
        }
        return n;
    }

    static String kind(Invariant inv) {
        if (inv instanceof Invariant.NeverTogether) {
            return "neverTogether";
        }
        if (inv instanceof Invariant.Requires) {
            return "requires";
        }
        if (inv instanceof Invariant.OnlyWhen) {
            return "onlyWhen";
        }
        if (inv instanceof Invariant.LevelFloor) {
            return "levelFloor";
        }
        if (inv instanceof Invariant.NeverWithheld) {
            return "neverWithheld";
        }
        if (inv instanceof Invariant.OneMeaningPerCode) {
            return "oneMeaningPerCode";
        }
        return inv.getClass().getSimpleName();
    }

    /** Refuses a guide that tests a case field verify cannot build a counter-example with. */
    static void checkFields(GuideModel model) {
        List<Condition> all = new ArrayList<>();
        model.rules().stream().map(Rule::when).forEach(all::add);
        model.exceptions().stream().map(RuleException::when).forEach(all::add);
        model.concepts().stream().map(Concept::when).forEach(all::add);
        model.invariants().stream().filter(i -> i instanceof Invariant.OnlyWhen)
                .map(i -> ((Invariant.OnlyWhen) i).condition()).forEach(all::add);
        model.invariants().stream().filter(i -> i instanceof Invariant.NeverWithheld n && n.unless() != null)
                .map(i -> ((Invariant.NeverWithheld) i).unless()).forEach(all::add);
        for (Condition c : all) {
            c.leaves(leaf -> {
                if (leaf instanceof Condition.Compare x) {
                    ConditionEncoder.checkKnown(x.field(), x.at());
                } else if (leaf instanceof Condition.Member x) {
                    ConditionEncoder.checkKnown(x.field(), x.at());
                } else if (leaf instanceof Condition.SetTest x) {
                    ConditionEncoder.checkKnown(x.field(), x.at());
                } else if (leaf instanceof Condition.Count x) {
                    ConditionEncoder.checkKnown(x.field(), x.at());
                    if (x.exceptField() != null) {
                        ConditionEncoder.checkKnown(x.exceptField(), x.at());
                    }
                } else if (leaf instanceof Condition.SameAs x) {
                    ConditionEncoder.checkKnown(x.field(), x.at());
                    ConditionEncoder.checkKnown(x.other(), x.at());
                } else if (leaf instanceof Condition.Present x) {
                    ConditionEncoder.checkKnown(x.field(), x.at());
                } else if (leaf instanceof Condition.Elapsed x) {
                    ConditionEncoder.checkKnown(x.field(), x.at());
                } else if (leaf instanceof Condition.DateOrder x) {
                    ConditionEncoder.checkKnown(x.field(), x.at());
                    ConditionEncoder.checkKnown(x.other(), x.at());
                }
            });
        }
    }
}
