package no.veiviser.internal.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import no.veiviser.internal.model.ExceptionGraph;
import no.veiviser.internal.model.FindingTemplate;
import no.veiviser.internal.model.ParamText;
import no.veiviser.internal.model.GuideModel;
import no.veiviser.internal.model.Rule;
import no.veiviser.internal.model.Step;
import no.veiviser.internal.yaml.Hints;
import no.veiviser.internal.yaml.Problems;
import org.kie.api.KieBase;
import org.kie.api.runtime.StatelessKieSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates cases against one compiled guide. Drools decides which rules fire; this class turns fired
 * rule indexes into findings in the guide's order, so a decision never depends on agenda order.
 * Thread-safe: each evaluation has its own session and facts, and the only thing that changes after construction
 * is which of two equivalent rule bases runs (see {@link #recompile}).
 */
public final class Evaluator {
    private static final Logger LOG = LoggerFactory.getLogger(Evaluator.class);

    /** A node's state in one evaluation: not applicable, fires (an exception: applies), undecided, withheld. */
    private static final byte NO = 0, FIRES = 1, UNKNOWN = 2, WITHHELD = 3;

    private final GuideModel guide;
    private final ExceptionGraph graph;
    /** Each node's condition: the rules', then the exceptions' (the graph's numbering). */
    private final Condition[] when;
    /** Each node's nullable fields, as bits by ordinal: a node whose fields are all given is never unknown. */
    private final long[] nullable;
    private final String drl;
    /**
     * The rule base in use and its session pool. A bundled guide starts on its prebuilt executable model (fast to
     * load, slower to run: about 1.4× per case on the whole Nittedal guide, BENCHMARKS.md run D) and moves to the
     * rules compiled from the same DRL once it has evaluated {@link #RECOMPILE_AFTER} cases; both decide alike
     * (PrebuiltRulesTest), so a decision never depends on which one ran.
     */
    private volatile Rules rules;
    /** Cases left before the DRL is compiled in the background; null when the rules were compiled from DRL already. */
    private final java.util.concurrent.atomic.AtomicLong untilRecompile;
    private volatile boolean recompiling;
    private volatile boolean recompiled;
    private final ParamTimeline timeline;
    private final Source[] sources;
    /** Per rule id, how deep in the chain of guides its file lies: the extending guide's own rules deepest. */
    private final Map<String, Integer> depth = new HashMap<>();
    private final Set<String> steps;
    /** Each way a case may write a level (the guide's ids, and places as numbers) to its place: looked up per case, so made once. */
    private final java.util.Map<String, Integer> levelPositions = new java.util.HashMap<>();
    /** A rule base and its session, shared by all threads: Drools' pool hands each execution a reset session. */
    private record Rules(KieBase kieBase, StatelessKieSession session) {
        static Rules of(KieBase kieBase) {
            return new Rules(kieBase, kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors()).newStatelessKieSession());
        }
    }

    /**
     * Evaluations on the prebuilt rules after which the DRL is compiled (once, on a daemon thread) and replaces them:
     * about what the compile costs in CPU, so short-lived users (a CLI run, a test) never pay for it and long runs
     * (a diff, a server) get the faster rules. {@code -Dveiviser.recompileAfter=N} changes it (0: at once).
     */
    static final long RECOMPILE_AFTER = 200_000;
    /** Each leaf condition's description in each parameter period, rendered once: the trace only looks them up. */
    private final List<java.util.IdentityHashMap<Condition, String>> descriptions = new ArrayList<>();
    /**
     * A fired rule whose condition is only "and"s has every leaf true, so its trace is the same every time:
     * built once per rule and period (null where an "or" or "not" makes it depend on the case).
     */
    private final Decision.Trace[][] constantTraces;
    /** Findings without a due date do not depend on the case: built once per rule and period (null where a due date is computed). */
    private final Finding[][][] constantFindings;
    /** Findings numbered rule by rule in the guide's order (see {@link Summarized#given}): each rule's first, and each finding's rule. */
    private final int[] firstFinding;
    private final int[] findingRule;
    /** See {@link #conditionTexts()}; null until first asked for (a race only makes it twice, alike). */
    private volatile List<String> conditionTexts;
    /** Each finding's text per rule, finding and period, its parameter placeholders resolved with the period's values. */
    private final String[][][] texts;

    public Evaluator(GuideModel guide) {
        this(guide, Start.FASTEST);
    }

    /** Which rule base an evaluator starts on; they all decide alike (PrebuiltRulesTest). */
    public enum Start {
        /**
         * The fastest to have now: the rule base compiled from the same DRL in this process if there is one
         * ({@link RuleBases#compiled}), else the guide's prebuilt one, else its DRL compiled.
         */
        FASTEST,
        /** The guide's prebuilt rule base when it is current, else its DRL compiled: to test the prebuilt rules. */
        PREBUILT,
        /** The DRL compiled (or the rule base compiled from the same DRL in this process), as for every guide read from a file. */
        COMPILED
    }

    /**
     * @param startOn which rule base to start on (see {@link RuleBases})
     */
    public Evaluator(GuideModel guide, Start startOn) {
        this.guide = guide;
        long start = System.nanoTime();
        this.timeline = new ParamTimeline(guide.parameters());
        this.graph = ExceptionGraph.of(guide, new Problems()); // validated already: no problems here
        this.when = new Condition[graph.size()];
        this.nullable = new long[graph.size()];
        for (int i = 0; i < graph.size(); i++) {
            when[i] = i < graph.rules() ? guide.rules().get(i).when() : guide.exceptions().get(i - graph.rules()).when();
            for (Field f : when[i].nullableFields()) {
                nullable[i] |= 1L << f.ordinal();
            }
        }
        this.drl = RuleCompiler.drl(guide, timeline);
        Optional<KieBase> shared = startOn == Start.FASTEST ? RuleBases.compiled(drl) : Optional.empty();
        Optional<KieBase> built = shared.isEmpty() && startOn != Start.COMPILED ? RuleBases.prebuilt(guide.id(), drl) : Optional.empty();
        this.rules = Rules.of(shared.or(() -> built).orElseGet(() -> RuleBases.compile(drl)));
        this.untilRecompile = built.isPresent()
                ? new java.util.concurrent.atomic.AtomicLong(Long.getLong("veiviser.recompileAfter", RECOMPILE_AFTER)) : null;
        this.sources = guide.rules().stream().map(r -> r.source()
                .map(s -> new Source(s.guide(), s.section(), s.law(), s.document()))
                .orElse(new Source(r.origin(), "", List.of()))).toArray(Source[]::new);
        for (Rule r : guide.rules()) {
            depth.put(r.id(), guide.files().indexOf(r.at().file()));
        }
        this.steps = Set.copyOf(guide.steps().stream().map(Step::id).toList());
        for (int p = 0; p <= guide.lastLevel(); p++) {
            levelPositions.put(String.valueOf(p), guide.levelPosition(String.valueOf(p)));
        }
        guide.levels().forEach(l -> levelPositions.put(l.id(), l.level()));
        for (int p = 0; p < timeline.periods(); p++) {
            Params params = timeline.params(p);
            java.util.IdentityHashMap<Condition, String> byLeaf = new java.util.IdentityHashMap<>();
            for (Condition c : when) {
                c.leaves(leaf -> byLeaf.put(leaf, describeOrNull(leaf, params)));
            }
            descriptions.add(byLeaf);
        }
        List<Rule> rules = guide.rules();
        firstFinding = new int[rules.size()];
        int findings = 0;
        for (int i = 0; i < rules.size(); i++) {
            firstFinding[i] = findings;
            findings += rules.get(i).then().size();
        }
        findingRule = new int[findings];
        for (int i = 0; i < rules.size(); i++) {
            Arrays.fill(findingRule, firstFinding[i], firstFinding[i] + rules.get(i).then().size(), i);
        }
        constantTraces = new Decision.Trace[rules.size()][timeline.periods()];
        constantFindings = new Finding[rules.size()][][];
        texts = new String[rules.size()][][];
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (onlyAnds(rule.when())) {
                for (int p = 0; p < timeline.periods(); p++) {
                    List<String> matched = new ArrayList<>();
                    collectAll(rule.when(), descriptions.get(p), matched);
                    constantTraces[i][p] = matched.contains(null) ? null : new Decision.Trace(rule.id(), matched);
                }
            }
            constantFindings[i] = new Finding[rule.then().size()][];
            texts[i] = new String[rule.then().size()][timeline.periods()];
            for (int t = 0; t < rule.then().size(); t++) {
                FindingTemplate template = rule.then().get(t);
                for (int p = 0; p < timeline.periods(); p++) {
                    Params params = timeline.params(p);
                    texts[i][t][p] = ParamText.resolve(template.text(), guide.parameters(), params.values()::get);
                }
                if (template.due().isEmpty()) {
                    constantFindings[i][t] = new Finding[timeline.periods()];
                    for (int p = 0; p < timeline.periods(); p++) {
                        constantFindings[i][t][p] = finding(rule, template, texts[i][t][p], Optional.empty(), false, sources[i]);
                    }
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

    /** The rule base in use (the prebuilt one, or after {@link #RECOMPILE_AFTER} cases the one compiled from DRL). */
    public KieBase kieBase() {
        return rules.kieBase();
    }

    /** Whether the rules in use are the prebuilt executable model. */
    public boolean onPrebuiltRules() {
        return untilRecompile != null && !recompiled;
    }

    /**
     * Compiles the guide's DRL now and runs it from then on, instead of the prebuilt rules (a no-op when the DRL
     * was compiled already). Called on a daemon thread once {@link #RECOMPILE_AFTER} cases have been evaluated.
     */
    public void recompile() {
        synchronized (this) {
            if (untilRecompile == null || recompiled) {
                return;
            }
            long start = System.nanoTime();
            rules = Rules.of(RuleBases.compile(drl));
            recompiled = true;
            LOG.debug("guide {}: compiled its DRL to replace the prebuilt rules in {} ms", guide.id(),
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Counts {@code n} evaluations on the prebuilt rules, and starts the recompile when they have been enough. */
    private void evaluated(int n) {
        if (untilRecompile == null || recompiling || untilRecompile.addAndGet(-n) > 0) {
            return;
        }
        recompileInBackground();
    }

    /**
     * Starts {@link #recompile} on a daemon thread (once): for a server, which keeps its guides for long, so that
     * the guides compiled from edits of them find the compiled rule base to share ({@link RuleBases#compiled}).
     */
    public void recompileInBackground() {
        if (untilRecompile == null) {
            return; // compiled from DRL already
        }
        synchronized (this) {
            if (recompiling) {
                return;
            }
            recompiling = true;
        }
        Thread t = new Thread(() -> {
            try {
                recompile();
            } catch (RuntimeException | LinkageError e) {
                // The prebuilt rules decide alike; only the speed-up is lost.
                LOG.warn("guide {}: compiling its DRL in the background failed, staying on the prebuilt rules: {}", guide.id(), e.toString());
            }
        }, "veiviser-recompile-" + guide.id());
        t.setDaemon(true);
        t.start();
    }

    public Decision evaluate(Case c) {
        Facts facts = run(c);
        return decide(c, facts, resolve(c, facts, timeline.on(c.asOf())));
    }

    /**
     * Cases per Drools execution in {@link #evaluateEach}: large enough that the execution's fixed cost (take a
     * pooled session, flush, fire, reset) is shared by many cases, small enough that the facts and activations of
     * one execution stay in cache and a long list never holds all its facts at once.
     */
    static final int BATCH = 256;

    /** One case's outcome in a batch: its decision, or why the guide rejects the case (exactly one is set). */
    public record Outcome(Decision decision, CaseException rejected) {}

    /**
     * The outcome of every case, in order, with many cases per Drools execution. Every generated rule has one
     * pattern on one {@link Facts} and its consequence only marks that fact, so the rules that fire for a case
     * do not depend on the other facts in the session: each decision equals {@link #evaluate} of its case, and a
     * case {@code evaluate} would reject gives the same {@link CaseException} without stopping the others.
     */
    public Outcome[] evaluateEach(List<Case> cases) {
        Outcome[] out = new Outcome[cases.size()];
        Facts[] facts = new Facts[Math.min(BATCH, cases.size())];
        List<Facts> batch = new ArrayList<>(facts.length);
        for (int from = 0; from < cases.size(); from += BATCH) {
            int n = Math.min(BATCH, cases.size() - from);
            batch.clear();
            for (int k = 0; k < n; k++) {
                Case c = cases.get(from + k);
                List<Problem> problems = problems(c);
                if (problems.isEmpty()) {
                    facts[k] = new Facts(c, levelPositions::get);
                    batch.add(facts[k]);
                } else {
                    facts[k] = null;
                    out[from + k] = new Outcome(null, new CaseException(problems));
                }
            }
            if (!batch.isEmpty()) {
                rules.session().execute(batch);
                evaluated(batch.size());
            }
            for (int k = 0; k < n; k++) {
                if (facts[k] != null) {
                    Case c = cases.get(from + k);
                    out[from + k] = new Outcome(decide(c, facts[k], resolve(c, facts[k], timeline.on(c.asOf()))), null);
                    facts[k] = null; // the next batch must not see this case's fired rules
                }
            }
        }
        return out;
    }

    /**
     * One case's summary in a batch, or why the guide rejects the case (exactly one is set), and with a summary the
     * rules Drools fired for it (see {@link #summarizeEachFired}) and the findings the decision gives, numbered rule by
     * rule and finding by finding in the guide's order (see {@link #summarizeGiven}).
     */
    public record Summarized(Summary summary, CaseException rejected, BitSet fired, BitSet given) {
        static Summarized rejected(List<Problem> problems) {
            return new Summarized(null, new CaseException(problems), null, null);
        }
    }

    /**
     * Whether every case fires the same rules under {@code other}'s rule base as under this one's: the same DRL, and
     * the same level positions (the one value of {@link Facts} that depends on the guide). True for two versions of a
     * guide that differ only in texts or deadlines, as many edits in the workbench do.
     */
    public boolean firesAlike(Evaluator other) {
        return drl.equals(other.drl) && levelPositions.equals(other.levelPositions);
    }

    /**
     * The rules that can give a case another {@link Summary} under this guide than under {@code base}, which
     * {@link #firesAlike} it: a case for which Drools fires none of them has the same summary under both, so a diff
     * takes the base's (issue 27: an edited text or deadline touches a few rules, and most cases fire none of them).
     * A rule is in it when a finding's code, people, level or due date differs, or its due date's parameter does. Null
     * when more than findings differ: which exceptions withhold what, a condition in any parameter period (as Drools and
     * as three-valued: a missing fact may leave it undecided), a rule's dates, or the parameter periods themselves.
     * When not null, both guides also give the same findings in every case ({@link #summarizeGiven}).
     */
    public BitSet rulesSummarizedOtherwise(Evaluator base) {
        if (base == this) {
            return new BitSet();
        }
        if (!firesAlike(base) || !graph.sameShape(base.graph) || !Arrays.equals(nullable, base.nullable)
                || !timeline.samePeriods(base.timeline)) {
            return null;
        }
        if (!conditionTexts().equals(base.conditionTexts())) {
            return null;
        }
        BitSet otherwise = new BitSet();
        List<Rule> rules = guide.rules();
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            Rule b = base.guide.rules().get(i);
            if (!r.effectiveFrom().equals(b.effectiveFrom()) || !r.effectiveTo().equals(b.effectiveTo())) {
                return null;
            }
            // as many findings in both: the graphs withhold each finding alike
            for (int f = 0; f < r.then().size() && !otherwise.get(i); f++) {
                FindingTemplate t = r.then().get(f);
                FindingTemplate u = b.then().get(f);
                if (!t.code().equals(u.code()) || !t.who().equals(u.who()) || !t.level().equals(u.level())
                        || !t.due().equals(u.due()) || t.due().orElse(null) instanceof Due.After after && !sameParameter(after.parameter(), base)) {
                    otherwise.set(i);
                }
            }
        }
        return otherwise;
    }

    /**
     * Each node's condition in each parameter period as Drools reads it and as its negation (together, its three-valued
     * meaning), made on first need and kept: the workbench compares the served guide with every text it is sent.
     */
    private List<String> conditionTexts() {
        List<String> texts = conditionTexts;
        if (texts == null) {
            List<String> made = new ArrayList<>(2 * when.length * timeline.periods());
            for (Condition c : when) {
                for (int p = 0; p < timeline.periods(); p++) {
                    made.add(c.drl(timeline.params(p)));
                    made.add(c.drlFalse(timeline.params(p)));
                }
            }
            texts = List.copyOf(made);
            conditionTexts = texts;
        }
        return texts;
    }

    /** Whether parameter {@code name} has the same unit and, in every period, the same value in {@code base}. */
    private boolean sameParameter(String name, Evaluator base) {
        var mine = guide.parameters().get(name);
        var theirs = base.guide.parameters().get(name);
        if (mine == null || theirs == null || mine.unit() != theirs.unit()) {
            return false;
        }
        for (int p = 0; p < timeline.periods(); p++) {
            if (!java.util.Objects.equals(timeline.params(p).values().get(name), base.timeline.params(p).values().get(name))) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@link #summarizeEach} for cases an evaluator that {@link #firesAlike} this one has summarized, given the rules
     * its Drools rule base fired for each ({@link Summarized#fired}): those are the rules this one's would fire, so
     * only this guide's exceptions and findings are worked out. Exactly what {@link #summarizeEach} gives.
     *
     * @param accepted whether every case is known to pass this guide's {@link #problems}: the other guide accepted it
     *                 and the two have the {@link #sameProblems} (then they are not checked again, a sixth of the work)
     */
    public Summarized[] summarizeEachFired(List<Case> cases, BitSet[] fired, boolean accepted) {
        Summarized[] out = new Summarized[cases.size()];
        for (int i = 0; i < out.length; i++) {
            Case c = cases.get(i);
            List<Problem> problems = accepted ? List.of() : problems(c);
            if (!problems.isEmpty()) {
                out[i] = Summarized.rejected(problems);
                continue;
            }
            Facts facts = new Facts(c, levelPositions::get);
            facts.fired().or(fired[i]);
            BitSet given = given(resolve(c, facts, timeline.on(c.asOf())));
            out[i] = new Summarized(summarize(c, given), null, facts.fired(), given);
        }
        return out;
    }

    /**
     * {@link #summarizeEach} for a case a guide whose {@link #rulesSummarizedOtherwise} this one is not null has summarized
     * ({@code base}): the two give the same findings in each case (the same rules fire, and the same exceptions withhold
     * the same findings), so only this guide's findings are read (issue 27: no facts, no exceptions resolved). Exactly
     * what {@link #summarizeEach} gives, for a case this guide accepts: the base accepted it, and the two guides have
     * the {@link #sameProblems}.
     */
    public Summarized summarizeGiven(Case c, Summarized base) {
        return new Summarized(summarize(c, base.given()), null, base.fired(), base.given());
    }

    /**
     * As {@link #evaluateEach}, but only what a diff compares of each decision ({@link Summary}): Drools decides
     * which rules fire and the exceptions are resolved as for {@link #evaluate}, and then only the level and each
     * code's due date and people are collected; no decision is built.
     */
    public Summarized[] summarizeEach(List<Case> cases) {
        Summarized[] out = new Summarized[cases.size()];
        Facts[] facts = new Facts[Math.min(BATCH, cases.size())];
        List<Facts> batch = new ArrayList<>(facts.length);
        for (int from = 0; from < cases.size(); from += BATCH) {
            int n = Math.min(BATCH, cases.size() - from);
            batch.clear();
            for (int k = 0; k < n; k++) {
                Case c = cases.get(from + k);
                List<Problem> problems = problems(c);
                if (problems.isEmpty()) {
                    facts[k] = new Facts(c, levelPositions::get);
                    batch.add(facts[k]);
                } else {
                    facts[k] = null;
                    out[from + k] = Summarized.rejected(problems);
                }
            }
            if (!batch.isEmpty()) {
                rules.session().execute(batch);
                evaluated(batch.size());
            }
            for (int k = 0; k < n; k++) {
                if (facts[k] != null) {
                    Case c = cases.get(from + k);
                    BitSet given = given(resolve(c, facts[k], timeline.on(c.asOf())));
                    out[from + k] = new Summarized(summarize(c, given), null, facts[k].fired(), given);
                    facts[k] = null;
                }
            }
        }
        return out;
    }

    /** The findings {@link #decide} gives: of rules that fire, those no exception withholds or leaves undecided. */
    private BitSet given(Resolution resolution) {
        BitSet given = new BitSet(findingRule.length);
        for (int i = 0; i < firstFinding.length; i++) {
            if (resolution.status[i] != FIRES) {
                continue;
            }
            int findings = guide.rules().get(i).then().size();
            for (int f = 0; f < findings; f++) {
                if (findingWithheldBy(i, f, resolution) < 0) {
                    given.set(firstFinding[i] + f);
                }
            }
        }
        return given;
    }

    /** {@link #decide}'s level and findings, as a {@link Summary}: the same loop without texts, trace and notes. */
    private Summary summarize(Case c, BitSet given) {
        Params params = null;
        int level = c.work().level().map(levelPositions::get).orElse(0);
        boolean levelSet = false;
        Summary.Builder findings = null;
        for (int k = given.nextSetBit(0); k >= 0; k = given.nextSetBit(k + 1)) {
            Rule rule = guide.rules().get(findingRule[k]);
            FindingTemplate t = rule.then().get(k - firstFinding[findingRule[k]]);
            if (findings == null) {
                findings = new Summary.Builder();
            }
            LocalDate due = null;
            if (t.due().isPresent()) {
                if (params == null) {
                    params = timeline.on(c.asOf());
                }
                due = dueDate(t.due().get(), c, params, rule, t, null);
            }
            findings.add(t.code(), due, t.who());
            if (t.level().isPresent()) {
                int l = t.level().get();
                if (!levelSet || l > level) {
                    level = l;
                    levelSet = true;
                }
            }
        }
        return findings == null ? new Summary(level, List.of()) : findings.build(level);
    }

    /** The decision from facts on which the rules have run. */
    private Decision decide(Case c, Facts facts, Resolution resolution) {
        int period = timeline.period((int) c.asOf().toEpochDay());
        Params params = timeline.params(period);
        java.util.IdentityHashMap<Condition, String> described = descriptions.get(period);
        List<Finding> findings = new ArrayList<>();
        List<Decision.Trace> trace = new ArrayList<>();
        List<Decision.Withheld> withheld = new ArrayList<>();
        Notes notes = new Notes();
        int level = c.work().level().map(levelPositions::get).orElse(0); // checked against the guide by problems()
        boolean levelSet = false;
        List<String> because = new ArrayList<>();
        List<Rule> rules = guide.rules();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            byte status = resolution.status[i];
            if (status == WITHHELD) {
                withheld.add(new Decision.Withheld(rule.id(), nodeId(resolution.by[i])));
            } else if (status == UNKNOWN) {
                notes.undecided(rule.id(), missing(i, resolution, facts, params));
            }
            if (status != FIRES) {
                continue;
            }
            boolean given = false;
            List<String> withheldCodes = null;
            int withheldBy = -1;
            for (int f = 0; f < rule.then().size(); f++) {
                FindingTemplate t = rule.then().get(f);
                int by = findingWithheldBy(i, f, resolution);
                if (by >= 0 && resolution.status[by] == FIRES) {
                    if (withheldCodes != null && by != withheldBy) {
                        withheld.add(new Decision.Withheld(rule.id(), nodeId(withheldBy), withheldCodes));
                        withheldCodes = null;
                    }
                    if (withheldCodes == null) {
                        withheldCodes = new ArrayList<>();
                        withheldBy = by;
                    }
                    withheldCodes.add(t.code());
                    continue;
                }
                if (by >= 0) { // an exception that may withhold this finding is undecided: so is the finding
                    notes.undecided(rule.id(), missing(by, resolution, facts, params));
                    continue;
                }
                given = true;
                Finding[] constant = constantFindings[i][f];
                if (constant != null) {
                    add(findings, constant[period]);
                } else {
                    LocalDate due = dueDate(t.due().get(), c, params, rule, t, notes);
                    add(findings, finding(rule, t, texts[i][f][period], Optional.of(due), due.isBefore(c.asOf()), sources[i]));
                }
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
            if (withheldCodes != null) {
                withheld.add(new Decision.Withheld(rule.id(), nodeId(withheldBy), withheldCodes));
            }
            if (!given) {
                continue; // every finding withheld or undecided: the rule gave nothing, so it is no reason of the decision
            }
            rule.deviation().ifPresent(d -> notes.deviation(rule.id(), d.law(), d.note()));
            Decision.Trace constant = constantTraces[i][period];
            trace.add(constant != null ? constant : new Decision.Trace(rule.id(), matched(rule.when(), facts, params, described)));
        }
        for (int e = rules.size(); e < graph.size(); e++) {
            if (resolution.status[e] == WITHHELD) {
                withheld.add(new Decision.Withheld(nodeId(e), nodeId(resolution.by[e])));
            }
        }
        if (LOG.isDebugEnabled()) {
            LOG.debug("guide {}: {} rules fired, {} withheld, {} findings", guide.id(), trace.size(), withheld.size(), findings.size());
        }
        Optional<no.veiviser.internal.model.Level> recommended = guide.levelAt(level);
        return new Decision(new Decision.GuideRef(guide.id(), guide.version()), c.asOf(),
                new Decision.Level(level, recommended.map(no.veiviser.internal.model.Level::id).orElse(String.valueOf(level)),
                        recommended.map(no.veiviser.internal.model.Level::name).orElse(""), because), findings, no.veiviser.internal.CaseConsistency.plus(notes.build(), c), trace, withheld);
    }

    /**
     * The node that withholds finding {@code f} of rule {@code rule} by a label or an effect: one that applies, else one
     * that is undecided (so is the finding then), else -1.
     */
    private int findingWithheldBy(int rule, int f, Resolution resolution) {
        int undecided = -1;
        for (int w : graph.findingWithheldBy(rule, f)) {
            if (resolution.status[w] == FIRES) {
                return w;
            }
            if (resolution.status[w] == UNKNOWN && undecided < 0) {
                undecided = w;
            }
        }
        return undecided;
    }

    /**
     * Adds a finding, one per code: a finding of a code already given with the same meaning (due date, level, people)
     * adds its rule to that finding's sources; one that differs stays beside it, a contradiction verify reports.
     * The merged finding speaks in the words of the most specific guide that gives it (a municipality's own rule over
     * norge's, whichever comes first), and stands where that rule gives it, so a municipality's decision keeps its
     * guide's order.
     */
    private void add(List<Finding> findings, Finding finding) {
        for (int k = 0; k < findings.size(); k++) {
            Finding existing = findings.get(k);
            if (existing.sameMeaning(finding)) { // same code, due date, level and people
                boolean moreSpecific = depth.getOrDefault(finding.rule(), -1) > depth.getOrDefault(existing.rule(), -1);
                if (moreSpecific) {
                    findings.remove(k);
                    findings.add(finding.alsoFrom(existing));
                } else {
                    findings.set(k, existing.alsoFrom(finding));
                }
                return;
            }
        }
        findings.add(finding);
    }

    /** Each node's state for one case, and for a withheld or undecided node the node that made it so. */
    private record Resolution(byte[] status, int[] by) {}

    /**
     * Resolves exceptions in the graph's order, withholders first: a node whose condition is true fires
     * unless a node that withholds it fires (then it is withheld) or is undecided (then it is undecided too:
     * a rule is never given while an exception to it may apply). A node Drools did not fire is undecided when
     * its condition is unknown, which only a case without some of its fields can make it.
     */
    private Resolution resolve(Case c, Facts facts, Params params) {
        BitSet matched = facts.fired();
        byte[] status = new byte[graph.size()];
        int[] by = new int[graph.size()];
        long missing = -1; // computed on first need
        for (int x : graph.order()) {
            if (!matched.get(x)) {
                if (nullable[x] != 0) {
                    if (missing == -1) {
                        missing = facts.missingMask();
                    }
                    if ((nullable[x] & missing) != 0 && inForce(x, c) && when[x].eval(facts, params) == Truth.UNKNOWN) {
                        status[x] = UNKNOWN;
                        by[x] = -1;
                    }
                }
                continue;
            }
            status[x] = FIRES;
            for (int w : graph.withheldBy(x)) {
                if (status[w] == FIRES) {
                    status[x] = WITHHELD;
                    by[x] = w;
                    break;
                }
            }
            if (status[x] == FIRES) {
                for (int w : graph.withheldBy(x)) {
                    if (status[w] == UNKNOWN) {
                        status[x] = UNKNOWN;
                        by[x] = w;
                        break;
                    }
                }
            }
        }
        return new Resolution(status, by);
    }

    private boolean inForce(int node, Case c) {
        return node >= graph.rules() || guide.rules().get(node).effectiveOn(c.asOf());
    }

    /** The fields whose absence left an undecided node so: its own condition's, or those of the exception it waits on. */
    private Set<Field> missing(int node, Resolution resolution, Facts facts, Params params) {
        int x = node;
        while (resolution.by[x] >= 0 && resolution.status[x] == UNKNOWN && when[x].eval(facts, params) == Truth.TRUE) {
            x = resolution.by[x];
        }
        return when[x].missing(facts, params);
    }

    private String nodeId(int node) {
        return node < graph.rules() ? guide.rules().get(node).id() : guide.exceptions().get(node - graph.rules()).id();
    }

    /** Runs the Drools rules on the case and returns the facts with the fired rules marked. */
    private Facts run(Case c) {
        List<Problem> problems = problems(c);
        if (!problems.isEmpty()) {
            throw new CaseException(problems);
        }
        Facts facts = new Facts(c, levelPositions::get);
        rules.session().execute(facts);
        evaluated(1);
        return facts;
    }

    private Finding finding(Rule rule, FindingTemplate t, String text, Optional<LocalDate> due, boolean overdue, Source source) {
        return new Finding(t.code(), rule.id(), text, due, overdue, t.responsible(), t.who(),
                t.level().map(OptionalInt::of).orElse(OptionalInt.empty()),
                t.level().map(l -> guide.levelAt(l).map(no.veiviser.internal.model.Level::id).orElse(String.valueOf(l))),
                t.tools(), t.step().or(rule::step), source, List.of(new Finding.Given(rule.id(), text, t.responsible(), source)),
                t.due().orElse(null) instanceof Due.AsSoonAsPossible);
    }

    /** A due date; one that should run from a date the case does not give runs from asOf, with a note. */
    private LocalDate dueDate(Due due, Case c, Params params, Rule rule, FindingTemplate t, Notes notes) {
        if (due instanceof Due.After after) {
            Optional<LocalDate> anchor = after.from() == null ? Optional.of(c.asOf()) : after.from().dateIn(c);
            if (anchor.isEmpty() && notes != null) { // null: a summary, which has no notes
                notes.dueFromAsOf(rule.id(), t.code(), after.from());
            }
            return guide.parameters().get(after.parameter()).unit().addTo(anchor.orElse(c.asOf()), params.get(after.parameter()));
        }
        return c.asOf(); // same-day and as-soon-as-possible: due now, so never before asOf (never overdue)
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
            out.add(d != null ? d : c.describe(params)); // a Not is described whole, from its parts; a concept by its name
        }
    }

    private static boolean onlyAnds(Condition c) {
        if (c instanceof Condition.All all) {
            return all.parts().stream().allMatch(Evaluator::onlyAnds);
        }
        return !(c instanceof Condition.Any) && !(c instanceof Condition.Not) && !(c instanceof Condition.IfMissing);
    }

    /** Every leaf's description, in order, for a condition of "and"s only (what {@link #collect} gives when it holds). */
    private static void collectAll(Condition c, java.util.Map<Condition, String> described, List<String> out) {
        if (c instanceof Condition.All all) {
            all.parts().forEach(p -> collectAll(p, described, out));
        } else {
            String d = described.get(c);
            out.add(c instanceof Condition.Always ? "always" : c instanceof Condition.ConceptRef ? c.describe(null) : d);
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
        Params params = timeline.on(c.asOf());
        Resolution resolution = resolve(c, facts, params); // resolved once, for the decision and every rule below
        Decision decision = decide(c, facts, resolution); // the facts Drools ran on also serve the interpreter below
        List<Explanation.RuleCheck> checks = new ArrayList<>();
        for (int i = 0; i < guide.rules().size(); i++) {
            Rule rule = guide.rules().get(i);
            List<Explanation.ConditionCheck> conditions = new ArrayList<>();
            flatten(rule.when(), 0, facts, params, conditions);
            byte status = resolution.status()[i];
            int by = status == WITHHELD ? resolution.by()[i] : -1;
            if (status == FIRES) { // a rule all of whose findings an exception withholds (by label or effect) gave nothing
                int first = -1;
                boolean allWithheld = true;
                for (int f = 0; f < rule.then().size() && allWithheld; f++) {
                    int w = findingWithheldBy(i, f, resolution);
                    allWithheld = w >= 0 && resolution.status()[w] == FIRES;
                    first = first < 0 ? w : first;
                }
                if (allWithheld && first >= 0) {
                    status = WITHHELD;
                    by = first;
                }
            }
            List<String> missing = status == UNKNOWN
                    ? missing(i, resolution, facts, params).stream().map(Field::path).toList() : List.of();
            checks.add(new Explanation.RuleCheck(rule.id(), rule.description(), status == FIRES,
                    rule.effectiveOn(c.asOf()), rule.then().stream().map(FindingTemplate::code).distinct().toList(),
                    conditions, sources[i], rule.source().map(s -> s.quote()).orElse(""),
                    by >= 0 ? Optional.of(nodeId(by)) : Optional.empty(), missing));
        }
        return new Explanation(decision, checks);
    }

    private static void flatten(Condition c, int depth, Facts facts, Params params, List<Explanation.ConditionCheck> out) {
        Truth truth = c.eval(facts, params);
        boolean holds = truth == Truth.TRUE;
        boolean unknown = truth == Truth.UNKNOWN;
        String at = c.at().toString();
        if (c instanceof Condition.All all) {
            out.add(new Explanation.ConditionCheck(depth, "all of", holds, false, "", at, unknown));
            all.parts().forEach(p -> flatten(p, depth + 1, facts, params, out));
        } else if (c instanceof Condition.Any any) {
            out.add(new Explanation.ConditionCheck(depth, "any of", holds, false, "", at, unknown));
            any.parts().forEach(p -> flatten(p, depth + 1, facts, params, out));
        } else if (c instanceof Condition.Not not) {
            out.add(new Explanation.ConditionCheck(depth, "not", holds, false, "", at, unknown));
            flatten(not.part(), depth + 1, facts, params, out);
        } else if (c instanceof Condition.ConceptRef ref) {
            out.add(new Explanation.ConditionCheck(depth, ref.describe(params), holds, false, "", at, unknown));
            flatten(ref.body(), depth + 1, facts, params, out);
        } else if (c instanceof Condition.IfMissing presumed) {
            out.add(new Explanation.ConditionCheck(depth, "if not given: " + presumed.value(), holds, false, "", at, unknown));
            flatten(presumed.part(), depth + 1, facts, params, out);
        } else {
            out.add(new Explanation.ConditionCheck(depth, c.describe(params), holds, !(c instanceof Condition.Always),
                    actual(c, facts), at, unknown));
        }
    }

    /** A DATE field's value as the case gave it (facts keep only the days to asOf). */
    private static java.time.LocalDate dateIn(Field field, Facts facts) {
        Integer days = field.elapsed(facts, false);
        return days == null ? null : java.time.LocalDate.ofEpochDay((long) facts.getAsOfDay() - days);
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
            @SuppressWarnings("unchecked")
            java.util.Collection<String> set = (java.util.Collection<String>) x.field().valueIn(facts);
            value = x.except().isEmpty() && x.exceptField() == null ? set.size()
                    : set + " (" + x.field().path() + (x.exceptField() == null ? "" : "; " + x.exceptField().path() + " = "
                            + java.util.Objects.requireNonNullElse(x.exceptField().valueIn(facts), "(not given)")) + ")";
        } else if (c instanceof Condition.SameAs x) {
            value = java.util.Objects.requireNonNullElse(x.field().valueIn(facts), "(not given)") + "; " + x.other().path() + " = "
                    + java.util.Objects.requireNonNullElse(x.other().valueIn(facts), "(not given)");
        } else if (c instanceof Condition.Present x) {
            value = x.field().type() == Field.Type.DATE ? dateIn(x.field(), facts) : x.field().valueIn(facts);
        } else if (c instanceof Condition.Elapsed x) {
            // The date as the case gave it, and the count the condition compared.
            Integer n = x.field().elapsed(facts, x.years());
            value = n == null ? null : dateIn(x.field(), facts) + " (" + n + (x.years() ? n == 1 ? " year" : " years"
                    : n == 1 ? " day" : " days") + " before asOf)";
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
        notAfter("case.referred", c.work().referred(), c, problems);
        notAfter("meeting.held", c.meeting().held(), c, problems);
        notAfter("childWelfare.informedOn", c.childWelfare().informedOn(), c, problems);
        c.work().level().ifPresent(l -> level("case.level", l, problems));
        c.meeting().level().ifPresent(l -> level("meeting.level", l, problems));
        List<String> signals = c.concern().signals();
        for (int i = 0; i < signals.size(); i++) {
            check("concern.signals", i, "signal", signals.get(i), guide.signals().keySet(), problems);
        }
        List<String> services = c.work().services();
        for (int i = 0; i < services.size(); i++) {
            check("case.services", i, "service", services.get(i), guide.services().keySet(), problems);
        }
        c.stafettlogg().holder().ifPresent(h -> check("stafettlogg.holder", -1, "service", h, guide.services().keySet(), problems));
        c.reporter().service().ifPresent(s -> check("reporter.service", -1, "service", s, guide.services().keySet(), problems));
        c.work().step().ifPresent(s -> check("case.step", -1, "step", s, steps, problems));
        c.meeting().guideOutcome().ifPresent(o -> {
            check("meeting.outcome", -1, "meeting outcome", o, guide.outcomeCodes(), problems);
            if (guide.meetingOutcomes().containsKey(o) && c.meeting().outcome().isPresent()
                    && c.meeting().outcome().get() != guide.meetingOutcomes().get(o).means()) {
                problems.add(Problem.error("case", 0, 0, "meeting.outcome: the guide's outcome '" + o + "' means "
                        + guide.meetingOutcomes().get(o).means().code() + ", not " + c.meeting().outcome().get().code(),
                        "build the meeting with withGuideOutcome(id, its meaning), or leave the meaning out"));
            }
        });
        return problems;
    }

    /**
     * Whether {@link #problems} finds the same problems in every case under both guides: it reads only their
     * catalogues of signals and services, their steps, levels and meeting outcomes. A diff of two such guides checks
     * each case once (a population diff checks a million).
     */
    public static boolean sameProblems(GuideModel a, GuideModel b) {
        return a.signals().keySet().equals(b.signals().keySet()) && a.services().keySet().equals(b.services().keySet())
                && a.steps().stream().map(Step::id).toList().equals(b.steps().stream().map(Step::id).toList())
                && a.levels().stream().map(l -> l.id() + "=" + l.level()).toList().equals(b.levels().stream().map(l -> l.id() + "=" + l.level()).toList())
                && a.meetingOutcomes().keySet().equals(b.meetingOutcomes().keySet())
                && a.meetingOutcomes().keySet().stream().allMatch(o -> a.meetingOutcomes().get(o).means() == b.meetingOutcomes().get(o).means());
    }

    private void level(String path, String written, List<Problem> problems) {
        if (!levelPositions.containsKey(written)) { // every id and number guide.levelPosition knows, made once
            problems.add(Problem.error("case", 0, 0, path + ": unknown level '" + written + "'",
                    "the guide's levels are " + String.join(", ", guide.levelIds())));
        }
    }

    private static void notAfter(String path, Optional<LocalDate> date, Case c, List<Problem> problems) {
        if (date.isPresent() && date.get().isAfter(c.asOf())) {
            problems.add(Problem.error("case", 0, 0, path + " " + date.get() + " is after asOf " + c.asOf(),
                    "check the date, or assess the case on a later date"));
        }
    }

    /** Checks a code; {@code index} is its place in a list field, or -1 (the path is only made for a problem). */
    private static void check(String field, int index, String what, String code, Set<String> known, List<Problem> problems) {
        if (!known.contains(code)) {
            String path = index < 0 ? field : field + "[" + index + "]";
            problems.add(Problem.error("case", 0, 0, path + ": unknown " + what + " '" + code + "'", Hints.didYouMean(code, known)));
        }
    }
}
