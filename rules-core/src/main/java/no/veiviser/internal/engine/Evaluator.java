package no.veiviser.internal.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import no.veiviser.Case;
import no.veiviser.CaseException;
import no.veiviser.Decision;
import no.veiviser.Explanation;
import no.veiviser.Finding;
import no.veiviser.Problem;
import no.veiviser.Source;
import no.veiviser.internal.model.Due;
import no.veiviser.internal.model.FindingTemplate;
import no.veiviser.internal.model.GuideModel;
import no.veiviser.internal.model.Rule;
import no.veiviser.internal.model.Step;
import no.veiviser.internal.yaml.Hints;
import org.kie.api.KieBase;
import org.kie.api.runtime.StatelessKieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates cases against one compiled guide. Drools decides which rules fire; this class turns fired
 * rule indexes into findings in the guide's order, so a decision never depends on agenda order.
 * Thread-safe: nothing here changes after construction, and each evaluation has its own session and facts.
 */
public final class Evaluator {
    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

    private final GuideModel guide;
    private final String drl;
    private final KieBase kieBase;
    private final ParamTimeline timeline;
    private final Source[] sources;
    private final Set<String> steps;
    /** Shared by all threads: Drools' pool hands each execution a reset session instead of building a new one. */
    private final StatelessKieSession session;
    /** Each leaf condition's description in each parameter period, rendered once: the trace only looks them up. */
    private final List<java.util.IdentityHashMap<Condition, String>> descriptions = new ArrayList<>();
    /**
     * A fired rule whose condition is only "and"s has every leaf true, so its trace is the same every time:
     * built once per rule and period (null where an "or" or "not" makes it depend on the case).
     */
    private final Decision.Trace[][] constantTraces;
    /** Findings without a due date do not depend on the case: built once per rule (null where a due date is computed). */
    private final Finding[][] constantFindings;

    public Evaluator(GuideModel guide) {
        this.guide = guide;
        long start = System.nanoTime();
        this.timeline = new ParamTimeline(guide.parameters());
        this.drl = RuleCompiler.drl(guide, timeline);
        this.kieBase = RuleCompiler.build(drl);
        this.sources = guide.rules().stream().map(r -> r.source()
                .map(s -> new Source(s.guide(), s.section(), s.law()))
                .orElse(new Source(r.origin(), "", List.of()))).toArray(Source[]::new);
        this.steps = Set.copyOf(guide.steps().stream().map(Step::id).toList());
        this.session = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors()).newStatelessKieSession();
        for (int p = 0; p < timeline.periods(); p++) {
            Params params = timeline.params(p);
            java.util.IdentityHashMap<Condition, String> byLeaf = new java.util.IdentityHashMap<>();
            for (Rule rule : guide.rules()) {
                rule.when().leaves(leaf -> byLeaf.put(leaf, describeOrNull(leaf, params)));
            }
            descriptions.add(byLeaf);
        }
        List<Rule> rules = guide.rules();
        constantTraces = new Decision.Trace[rules.size()][timeline.periods()];
        constantFindings = new Finding[rules.size()][];
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (onlyAnds(rule.when())) {
                for (int p = 0; p < timeline.periods(); p++) {
                    List<String> matched = new ArrayList<>();
                    collectAll(rule.when(), descriptions.get(p), matched);
                    constantTraces[i][p] = matched.contains(null) ? null : new Decision.Trace(rule.id(), matched);
                }
            }
            constantFindings[i] = new Finding[rule.then().size()];
            for (int t = 0; t < rule.then().size(); t++) {
                FindingTemplate template = rule.then().get(t);
                if (template.due().isEmpty()) {
                    constantFindings[i][t] = finding(rule, template, Optional.empty(), sources[i]);
                }
            }
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("compiled guide {} ({} rules) in {} ms", guide.id(), guide.rules().size(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    public GuideModel guide() {
        return guide;
    }

    public String drl() {
        return drl;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    public Decision evaluate(Case c) {
        return decide(c, run(c));
    }

    /** The decision from facts on which the rules have run. */
    private Decision decide(Case c, Facts facts) {
        BitSet fired = facts.fired();
        int period = timeline.period((int) c.asOf().toEpochDay());
        Params params = timeline.params(period);
        java.util.IdentityHashMap<Condition, String> described = descriptions.get(period);
        List<Finding> findings = new ArrayList<>();
        List<Decision.Trace> trace = new ArrayList<>();
        int level = c.work().level().orElse(0);
        boolean levelSet = false;
        List<String> because = new ArrayList<>();
        for (int i = fired.nextSetBit(0); i >= 0; i = fired.nextSetBit(i + 1)) {
            Rule rule = guide.rules().get(i);
            for (int f = 0; f < rule.then().size(); f++) {
                FindingTemplate t = rule.then().get(f);
                Finding constant = constantFindings[i][f];
                findings.add(constant != null ? constant : finding(rule, t, t.due().map(d -> dueDate(d, c, params)), sources[i]));
                if (t.level().isPresent()) {
                    int l = t.level().get();
                    if (!levelSet || l > level) {
                        level = l;
                        because.clear();
                        levelSet = true;
                    }
                    if (l == level && !because.contains(rule.id())) {
                        because.add(rule.id());
                    }
                }
            }
            Decision.Trace constant = constantTraces[i][period];
            trace.add(constant != null ? constant : new Decision.Trace(rule.id(), matched(rule.when(), facts, params, described)));
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("guide {}: {} rules fired, {} findings", guide.id(), fired.cardinality(), findings.size());
        }
        return new Decision(new Decision.GuideRef(guide.id(), guide.version()), c.asOf(),
                new Decision.Level(level, because), findings, trace);
    }

    /** Runs the Drools rules on the case and returns the facts with the fired rules marked. */
    private Facts run(Case c) {
        List<Problem> problems = problems(c);
        if (!problems.isEmpty()) {
            throw new CaseException(problems);
        }
        Facts facts = new Facts(c);
        session.execute(facts);
        return facts;
    }

    private static Finding finding(Rule rule, FindingTemplate t, Optional<LocalDate> due, Source source) {
        return new Finding(t.code(), rule.id(), t.text(), due, t.responsible(), t.who(),
                t.level().map(OptionalInt::of).orElse(OptionalInt.empty()), t.tools(), t.step().or(rule::step), source);
    }

    private LocalDate dueDate(Due due, Case c, Params params) {
        if (due instanceof Due.After after) {
            LocalDate from = c.asOf();
            if (after.from() == Field.CONCERN_SINCE) {
                from = c.concern().since().orElse(c.asOf());
            } else if (after.from() == Field.ADULT_REFUGEE_SETTLED_ON) {
                from = c.adult().refugeeSettledOn().orElse(c.asOf());
            }
            return guide.parameters().get(after.parameter()).unit().addTo(from, params.get(after.parameter()));
        }
        return c.asOf();
    }

    /** The descriptions of the leaf conditions that held, following only the branches that held. */
    static List<String> matched(Condition condition, Facts facts, Params params, java.util.Map<Condition, String> described) {
        List<String> out = new ArrayList<>();
        collect(condition, facts, params, described, out);
        return out;
    }

    private static void collect(Condition c, Facts facts, Params params, java.util.Map<Condition, String> described, List<String> out) {
        if (!c.test(facts, params)) {
            return;
        }
        if (c instanceof Condition.All all) {
            all.parts().forEach(p -> collect(p, facts, params, described, out));
        } else if (c instanceof Condition.Any any) {
            any.parts().forEach(p -> collect(p, facts, params, described, out));
        } else {
            String d = described.get(c);
            out.add(d != null ? d : c.describe(params)); // a Not is described whole, from its parts
        }
    }

    private static boolean onlyAnds(Condition c) {
        if (c instanceof Condition.All all) {
            return all.parts().stream().allMatch(Evaluator::onlyAnds);
        }
        return !(c instanceof Condition.Any) && !(c instanceof Condition.Not);
    }

    /** Every leaf's description, in order, for a condition of "and"s only (what {@link #collect} gives when it holds). */
    private static void collectAll(Condition c, java.util.Map<Condition, String> described, List<String> out) {
        if (c instanceof Condition.All all) {
            all.parts().forEach(p -> collectAll(p, described, out));
        } else {
            out.add(c instanceof Condition.Always ? "always" : described.get(c));
        }
    }

    /** A leaf's description, or null when it refers to a parameter that has no value in this period. */
    private static String describeOrNull(Condition leaf, Params params) {
        try {
            return leaf.describe(params);
        } catch (IllegalStateException e) {
            return null;
        }
    }

    /** Every rule with every condition node, true or false, for {@code veiviser explain}. */
    public Explanation explain(Case c) {
        Facts facts = run(c);
        Decision decision = decide(c, facts); // the facts Drools ran on also serve the interpreter below
        Params params = timeline.on(c.asOf());
        Set<String> fired = Set.copyOf(decision.firedRules());
        List<Explanation.RuleCheck> checks = new ArrayList<>();
        for (int i = 0; i < guide.rules().size(); i++) {
            Rule rule = guide.rules().get(i);
            List<Explanation.ConditionCheck> conditions = new ArrayList<>();
            flatten(rule.when(), 0, facts, params, conditions);
            checks.add(new Explanation.RuleCheck(rule.id(), rule.description(), fired.contains(rule.id()),
                    rule.effectiveOn(c.asOf()), rule.then().stream().map(FindingTemplate::code).distinct().toList(),
                    conditions, sources[i], rule.source().map(s -> s.quote()).orElse("")));
        }
        return new Explanation(decision, checks);
    }

    private static void flatten(Condition c, int depth, Facts facts, Params params, List<Explanation.ConditionCheck> out) {
        boolean holds = c.test(facts, params);
        String at = c.at().toString();
        if (c instanceof Condition.All all) {
            out.add(new Explanation.ConditionCheck(depth, "all of", holds, false, "", at));
            all.parts().forEach(p -> flatten(p, depth + 1, facts, params, out));
        } else if (c instanceof Condition.Any any) {
            out.add(new Explanation.ConditionCheck(depth, "any of", holds, false, "", at));
            any.parts().forEach(p -> flatten(p, depth + 1, facts, params, out));
        } else if (c instanceof Condition.Not not) {
            out.add(new Explanation.ConditionCheck(depth, "not", holds, false, "", at));
            flatten(not.part(), depth + 1, facts, params, out);
        } else {
            out.add(new Explanation.ConditionCheck(depth, c.describe(params), holds, !(c instanceof Condition.Always),
                    actual(c, facts), at));
        }
    }

    private static String actual(Condition c, Facts facts) {
        Object value;
        if (c instanceof Condition.Compare x) {
            value = x.field().valueIn(facts);
        } else if (c instanceof Condition.Member x) {
            value = x.field().valueIn(facts);
        } else if (c instanceof Condition.SetTest x) {
            value = x.field().valueIn(facts);
        } else if (c instanceof Condition.Count x) {
            value = ((java.util.Collection<?>) x.field().valueIn(facts)).size();
        } else if (c instanceof Condition.Present x) {
            value = x.field().type() == Field.Type.DATE ? x.field().elapsed(facts, false) : x.field().valueIn(facts);
        } else if (c instanceof Condition.Elapsed x) {
            value = x.field().elapsed(facts, x.years());
        } else {
            return "";
        }
        if (value instanceof java.util.Collection<?> col) {
            return col.stream().map(String::valueOf).sorted().toList().toString();
        }
        return value == null ? "(not given)" : String.valueOf(value);
    }

    /**
     * What makes a case unusable with this guide: codes its catalogues do not know, and dates after asOf
     * (possible for a case built in Java, or given a new asOf). Located by field path; a case read from a
     * file with the guide has had these checked at their line and column already.
     */
    public List<Problem> problems(Case c) {
        List<Problem> problems = new ArrayList<>();
        notAfter("child.birthDate", c.child().birthDate(), c, problems);
        notAfter("concern.since", c.concern().since(), c, problems);
        notAfter("adult.refugeeSettledOn", c.adult().refugeeSettledOn(), c, problems);
        List<String> signals = c.concern().signals();
        for (int i = 0; i < signals.size(); i++) {
            check("concern.signals[" + i + "]", "signal", signals.get(i), guide.signals().keySet(), problems);
        }
        List<String> services = c.work().services();
        for (int i = 0; i < services.size(); i++) {
            check("case.services[" + i + "]", "service", services.get(i), guide.services().keySet(), problems);
        }
        c.stafettlogg().holder().ifPresent(h -> check("stafettlogg.holder", "service", h, guide.services().keySet(), problems));
        c.reporter().service().ifPresent(s -> check("reporter.service", "service", s, guide.services().keySet(), problems));
        c.work().step().ifPresent(s -> check("case.step", "step", s, steps, problems));
        return problems;
    }

    private static void notAfter(String path, Optional<LocalDate> date, Case c, List<Problem> problems) {
        if (date.isPresent() && date.get().isAfter(c.asOf())) {
            problems.add(Problem.error("case", 0, 0, path + " " + date.get() + " is after asOf " + c.asOf(),
                    "check the date, or assess the case on a later date"));
        }
    }

    private static void check(String path, String what, String code, Set<String> known, List<Problem> problems) {
        if (!known.contains(code)) {
            problems.add(Problem.error("case", 0, 0, path + ": unknown " + what + " '" + code + "'", Hints.didYouMean(code, known)));
        }
    }
}
