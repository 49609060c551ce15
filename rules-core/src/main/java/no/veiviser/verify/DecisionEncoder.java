package no.veiviser.verify;

import java.util.ArrayList;
import java.util.List;
import no.veiviser.internal.engine.Field;
import no.veiviser.internal.model.ExceptionGraph;
import no.veiviser.internal.model.FindingTemplate;
import no.veiviser.internal.model.GuideModel;
import no.veiviser.internal.model.Invariant;
import no.veiviser.internal.model.Rule;
import no.veiviser.internal.yaml.Problems;

/**
 * A guide's decision as literals, exactly as {@code Evaluator.resolve} and {@code decide} compute it: which
 * rules and exceptions fire, are withheld or stay undecided, which findings the decision has, and its
 * recommended level; and for each invariant, the literal "this invariant is violated".
 */
final class DecisionEncoder {
    private final Cnf cnf;
    private final CaseSpace space;
    private final ConditionEncoder conditions;
    private final GuideModel guide;
    private final ExceptionGraph graph;
    /** Per node (rules, then exceptions): condition true and in force; fires; undecided. */
    final int[] matched;
    final int[] fires;
    final int[] unknown;

    DecisionEncoder(Cnf cnf, CaseSpace space, ConditionEncoder conditions, GuideModel guide) {
        this.cnf = cnf;
        this.space = space;
        this.conditions = conditions;
        this.guide = guide;
        Problems problems = new Problems();
        this.graph = ExceptionGraph.of(guide, problems);
        int n = graph.size();
        matched = new int[n];
        fires = new int[n];
        unknown = new int[n];
        int[] undecidedCondition = new int[n];
        for (int x = 0; x < n; x++) {
            int inForce = Cnf.TRUE;
            var when = x < graph.rules() ? guide.rules().get(x).when() : guide.exceptions().get(x - graph.rules()).when();
            if (x < graph.rules()) {
                Rule rule = guide.rules().get(x);
                inForce = space.asOfIn(k -> rule.effectiveOn(space.asOfShown.get(k)));
            }
            ConditionEncoder.Lits lits = conditions.encode(when);
            matched[x] = cnf.and(inForce, lits.t());
            undecidedCondition[x] = cnf.and(inForce, -lits.t(), -lits.f());
        }
        for (int x : graph.order()) { // withholders first
            List<Integer> noneFires = new ArrayList<>();
            List<Integer> someUnknown = new ArrayList<>();
            List<Integer> noneUnknown = new ArrayList<>();
            for (int w : graph.withheldBy(x)) {
                noneFires.add(-fires[w]);
                someUnknown.add(unknown[w]);
                noneUnknown.add(-unknown[w]);
            }
            int notWithheld = cnf.and(noneFires);
            List<Integer> firing = new ArrayList<>(List.of(matched[x], notWithheld));
            firing.addAll(noneUnknown);
            fires[x] = cnf.and(firing);
            unknown[x] = cnf.or(undecidedCondition[x], cnf.and(matched[x], notWithheld, cnf.or(someUnknown)));
        }
        given = new int[graph.rules()][];
        for (int r = 0; r < graph.rules(); r++) {
            given[r] = new int[guide.rules().get(r).then().size()];
            for (int f = 0; f < given[r].length; f++) { // withheld by a label or an effect that applies or is undecided
                List<Integer> free = new ArrayList<>(List.of(fires[r]));
                for (int w : graph.findingWithheldBy(r, f)) {
                    free.add(-fires[w]);
                    free.add(-unknown[w]);
                }
                given[r][f] = cnf.and(free);
            }
        }
    }

    /** Per rule and finding of its {@code then}: the decision has this finding (the rule fires and nothing withholds it). */
    final int[][] given;

    int rules() {
        return graph.rules();
    }

    /** Whether a finding of this template matches the selector (by code, tag or effect, and by who when it names one). */
    boolean matches(Invariant.Selector s, FindingTemplate t) {
        return guide.selects(s, t.code(), t.who());
    }

    /** "The decision has a finding the selector picks". */
    int present(Invariant.Selector s) {
        List<Integer> findings = new ArrayList<>();
        for (int r = 0; r < graph.rules(); r++) {
            List<FindingTemplate> then = guide.rules().get(r).then();
            for (int f = 0; f < then.size(); f++) {
                if (matches(s, then.get(f))) {
                    findings.add(given[r][f]);
                }
            }
        }
        return cnf.or(findings);
    }

    /** A code that two findings may give with different meanings: the literal "some case gets both", and their rules. */
    record TwoMeanings(int literal, List<String> rules) {}

    /** Per code, the pairs of findings that give it with different meanings (level, people, due or none), as one literal. */
    java.util.Map<String, TwoMeanings> twoMeanings() {
        java.util.Map<String, List<Integer>> pairs = new java.util.LinkedHashMap<>();
        java.util.Map<String, java.util.Set<String>> rules = new java.util.LinkedHashMap<>();
        List<int[]> all = new ArrayList<>(); // rule, finding
        for (int r = 0; r < graph.rules(); r++) {
            for (int f = 0; f < guide.rules().get(r).then().size(); f++) {
                all.add(new int[] {r, f});
            }
        }
        for (int i = 0; i < all.size(); i++) {
            FindingTemplate a = guide.rules().get(all.get(i)[0]).then().get(all.get(i)[1]);
            for (int j = i + 1; j < all.size(); j++) {
                FindingTemplate b = guide.rules().get(all.get(j)[0]).then().get(all.get(j)[1]);
                if (a.code().equals(b.code()) && !InvariantCheck.sameMeaning(a.level(), a.who(), a.due().isPresent(),
                        b.level(), b.who(), b.due().isPresent())) {
                    pairs.computeIfAbsent(a.code(), k -> new ArrayList<>())
                            .add(cnf.and(given[all.get(i)[0]][all.get(i)[1]], given[all.get(j)[0]][all.get(j)[1]]));
                    java.util.Set<String> named = rules.computeIfAbsent(a.code(), k -> new java.util.LinkedHashSet<>());
                    named.add(guide.rules().get(all.get(i)[0]).id());
                    named.add(guide.rules().get(all.get(j)[0]).id());
                }
            }
        }
        java.util.Map<String, TwoMeanings> out = new java.util.LinkedHashMap<>();
        pairs.forEach((code, p) -> out.put(code, new TwoMeanings(cnf.or(p), List.copyOf(rules.get(code)))));
        return out;
    }

    /** "The decision has a finding of this code". */
    int presentCode(String code) {
        List<Integer> findings = new ArrayList<>();
        for (int r = 0; r < graph.rules(); r++) {
            List<FindingTemplate> then = guide.rules().get(r).then();
            for (int f = 0; f < then.size(); f++) {
                if (then.get(f).code().equals(code)) {
                    findings.add(given[r][f]);
                }
            }
        }
        return cnf.or(findings);
    }

    /**
     * "The recommended level is at least l": a fired finding with a level of at least l, or, when no fired
     * finding has a level, the case's level (0 when not given) is at least l.
     */
    int recommendedAtLeast(int l) {
        List<Integer> high = new ArrayList<>();
        List<Integer> any = new ArrayList<>();
        for (int r = 0; r < graph.rules(); r++) {
            Rule rule = guide.rules().get(r);
            for (int f = 0; f < rule.then().size(); f++) {
                FindingTemplate t = rule.then().get(f);
                if (t.level().isPresent()) {
                    any.add(given[r][f]);
                    if (t.level().get() >= l) {
                        high.add(given[r][f]);
                    }
                }
            }
        }
        return cnf.or(cnf.or(high), cnf.and(-cnf.or(any), caseLevelAtLeast(l)));
    }

    private int caseLevelAtLeast(int l) {
        CaseSpace.Num level = (CaseSpace.Num) space.vars(Field.CASE_LEVEL);
        return cnf.and(level.given, level.ge(l));
    }

    /** The literal "the invariant is violated". */
    int violated(Invariant invariant) {
        if (invariant instanceof Invariant.NeverTogether never) {
            List<Integer> pairs = new ArrayList<>();
            List<Integer> present = never.findings().stream().map(this::present).toList();
            for (int i = 0; i < present.size(); i++) {
                for (int j = i + 1; j < present.size(); j++) {
                    pairs.add(cnf.and(present.get(i), present.get(j)));
                }
            }
            return cnf.or(pairs);
        }
        if (invariant instanceof Invariant.Requires requires) {
            return cnf.and(present(requires.when()), -present(requires.then()));
        }
        if (invariant instanceof Invariant.OnlyWhen only) {
            return cnf.and(present(only.findings()), -conditions.encode(only.condition()).t());
        }
        if (invariant instanceof Invariant.OneMeaningPerCode) {
            List<Integer> any = new ArrayList<>();
            twoMeanings().values().forEach(p -> any.add(p.literal()));
            return cnf.or(any);
        }
        if (invariant instanceof Invariant.NeverWithheld never) {
            List<Integer> taken = new ArrayList<>();
            for (int r = 0; r < graph.rules(); r++) {
                for (FindingTemplate t : guide.rules().get(r).then()) {
                    if (matches(never.findings(), t)) {
                        taken.add(cnf.and(matched[r], -presentCode(t.code())));
                    }
                }
            }
            int exempt = never.unless() == null ? -Cnf.TRUE : conditions.encode(never.unless()).t();
            return cnf.and(-exempt, cnf.or(taken));
        }
        if (invariant instanceof Invariant.LevelFloor floor) {
            List<Integer> below = new ArrayList<>();
            for (int l = 1; l <= 3; l++) { // case.level is 0-3: recommended < case level iff, for some l, case >= l > recommended
                below.add(cnf.and(caseLevelAtLeast(l), -recommendedAtLeast(l)));
            }
            List<Integer> unless = floor.unless().stream().map(s -> -present(s)).toList();
            List<Integer> all = new ArrayList<>(unless);
            all.add(cnf.or(below));
            return cnf.and(all);
        }
        throw new Refusal(invariant.at(), "verify cannot encode the invariant kind " + invariant.getClass().getSimpleName(),
                "report this: verify needs updating for this construct");
    }
}
