package no.veiviser.impact;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;
import no.veiviser.Case;
import no.veiviser.CaseException;
import no.veiviser.CompiledGuide;
import no.veiviser.Decision;
import no.veiviser.Guide;
import no.veiviser.Problem;
import no.veiviser.internal.Access;
import no.veiviser.internal.engine.Evaluator;
import no.veiviser.internal.engine.Summary;

/**
 * What a change to a guide does to decisions: evaluates the same cases against two compiled guides and
 * groups the differences by kind (level changed from → to, code added, code removed, due date moved, who a
 * finding names changed), with counts and the lowest-numbered example cases of each group. Decisions are
 * compared by finding code, level, due date and who; a case only one guide accepts (a signal only the changed
 * guide knows, say) is counted as rejected by the other. Texts are not compared (the {@link GuideDiff} in the report shows them).
 *
 * <p>Cases are streamed and evaluated on {@code threads} threads; no decision is kept. Counts are merged from
 * per-thread tallies and examples are the lowest case numbers, so the report is the same for any thread count.
 *
 * <pre>{@code
 * ImpactReport r = ImpactDiff.run(before.compile(), after.compile(), Population.generate(100_000, 1), 2);
 * String report = r.toText();
 * }</pre>
 */
public final class ImpactDiff {
    private final CompiledGuide base;
    private final CompiledGuide changed;
    /** Whether both guides find the same problems in every case (the same catalogues): then each case is checked once. */
    private final boolean sameProblems;
    /** Whether both guides fire the same rules for every case (the same DRL): then Drools runs each case once, for the base. */
    private final boolean firesAlike;
    /**
     * When they fire alike and find the same problems, the rules that can summarize a case otherwise under the changed
     * guide: a case that fires none of them keeps the base's outcome, and the others are summarized from the findings
     * the base gave. Null: every case is worked out again (see {@link Evaluator#rulesSummarizedOtherwise}).
     */
    private final java.util.BitSet summarizedOtherwise;
    private int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    private int examples = 3;
    private LongConsumer progress = n -> { };
    private List<java.util.function.Predicate<Case>> tests = List.of();
    private long[] counts = new long[0];
    /** The exact diff of the two guides, when it spares evaluating the cases it proves unchanged (see {@link #provedBy}). */
    private no.veiviser.verify.ExactDiffReport proof;
    private long proved;
    private Baseline baseline;

    /**
     * The base guide's side of a diff over one source of cases, kept: a workbench compares edited text after edited
     * text with the same saved guide over the same generated cases, so each of the saved guide's outcomes is computed
     * by the first diff that needs it and read by every later one (see {@link #baseline(Baseline)}). Diffs that run at
     * once may share it: an outcome is kept once, and is the same whoever computes it.
     */
    public static final class Baseline {
        private final CompiledGuide guide;
        private final CaseSource source;
        /** What, beside its number, makes each case: the base guide's alone ({@link CaseSource#casesKey}). */
        private final Object casesKey;
        private final java.util.concurrent.atomic.AtomicReferenceArray<Evaluator.Summarized> outcomes;
        private final AtomicLong kept = new AtomicLong();

        private Baseline(CompiledGuide guide, CaseSource source, int size) {
            this.guide = guide;
            this.source = source;
            this.casesKey = source.casesKey(guide.guide(), guide.guide());
            this.outcomes = new java.util.concurrent.atomic.AtomicReferenceArray<>(size);
        }

        private void keep(int i, Evaluator.Summarized outcome) {
            if (outcomes.compareAndSet(i, null, outcome)) {
                kept.incrementAndGet();
            }
        }

        /**
         * An empty baseline of {@code guide} over {@code source}, filled by the first run that is given it.
         *
         * @param guide the base guide, compiled
         * @param source the cases, of a known size
         * @return the baseline
         * @throws IllegalArgumentException when the source's size is unknown or over {@code Integer.MAX_VALUE}
         */
        public static Baseline of(CompiledGuide guide, CaseSource source) {
            if (source.size() < 0 || source.size() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("a baseline needs a source of known size");
            }
            return new Baseline(Objects.requireNonNull(guide, "guide"), source, (int) source.size());
        }

        /** @return whether it holds every case's outcome (a run without a proof fills it; one with a proof only the cases it evaluates) */
        public boolean complete() {
            return kept.get() == outcomes.length();
        }
    }

    private ImpactDiff(CompiledGuide base, CompiledGuide changed) {
        this.base = Objects.requireNonNull(base, "base");
        this.changed = Objects.requireNonNull(changed, "changed");
        this.sameProblems = Evaluator.sameProblems(Access.model(base.guide()), Access.model(changed.guide()));
        this.firesAlike = Access.evaluator(base).firesAlike(Access.evaluator(changed));
        // a case the base accepts is then accepted by the changed guide too, so the base's outcomes may stand for the
        // changed guide's
        this.summarizedOtherwise = firesAlike && sameProblems
                ? Access.evaluator(changed).rulesSummarizedOtherwise(Access.evaluator(base)) : null;
    }

    /**
     * A diff of {@code base} against {@code changed}; set threads, examples and progress, then {@link #run(CaseSource)}.
     *
     * @param base the guide as it is
     * @param changed the guide as it is to be
     * @return the diff, not yet run
     */
    public static ImpactDiff between(CompiledGuide base, CompiledGuide changed) {
        return new ImpactDiff(base, changed);
    }

    /**
     * The impact report for {@code source} on {@code threads} threads, with three examples per group.
     *
     * @param base the guide as it is
     * @param changed the guide as it is to be
     * @param source the cases
     * @param threads worker threads
     * @return the report
     * @throws no.veiviser.CaseException when a case cannot be read, or neither guide accepts it
     */
    public static ImpactReport run(CompiledGuide base, CompiledGuide changed, CaseSource source, int threads) {
        return between(base, changed).threads(threads).run(source);
    }

    /**
     * Worker threads (default: the number of processors). The report does not depend on it.
     *
     * @param value the number of threads, 1 or more
     * @return a copy with that number
     */
    public ImpactDiff threads(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("threads must be 1 or more, not " + value);
        }
        threads = value;
        return this;
    }

    /**
     * Example cases kept per group (default 3): the lowest-numbered ones.
     *
     * @param value the number of examples, 0 or more
     * @return a copy with that number
     */
    public ImpactDiff examples(int value) {
        if (value < 0) {
            throw new IllegalArgumentException("examples must be 0 or more, not " + value);
        }
        examples = value;
        return this;
    }

    /**
     * Called now and then, from a worker thread, with the number of cases done so far.
     *
     * @param value the listener
     * @return a copy with that listener
     */
    public ImpactDiff onProgress(LongConsumer value) {
        progress = Objects.requireNonNull(value, "progress");
        return this;
    }

    /**
     * Also counts, per test, the cases it holds of (for example the classes of an exact diff, to weigh them in
     * this population); read them with {@link #counts()} after {@link #run(CaseSource)}.
     *
     * @param value the tests, each called from a worker thread
     * @return this diff
     */
    public ImpactDiff counting(List<java.util.function.Predicate<Case>> value) {
        tests = List.copyOf(value);
        return this;
    }

    /**
     * From this many cases on, proving first pays ({@link #proveFirst}): the proof takes about as long as evaluating
     * some tens of thousands of cases.
     */
    public static final long PROVE_FROM = 100_000;

    /** How {@link #proveFirst} went. */
    public enum Proof {
        /** The proof spares the cases it settles. */
        USED,
        /** The guides use a construct the proof cannot encode exactly: every case is evaluated. */
        CANNOT_ENCODE,
        /** A difference has too many classes to list: every case is evaluated. */
        TOO_MANY_CLASSES
    }

    /**
     * Proves the exact diff of these two guides ({@link no.veiviser.verify.ExactDiff#between}) and lets it spare the
     * cases it settles ({@link #provedBy}) when it can; otherwise every case is evaluated, as without it.
     *
     * @return whether the proof is used, and if not, why
     */
    public Proof proveFirst() {
        no.veiviser.verify.ExactDiffReport exact;
        try {
            exact = no.veiviser.verify.ExactDiff.between(base, changed);
        } catch (no.veiviser.GuideException | IllegalStateException e) {
            return Proof.CANNOT_ENCODE; // a construct it cannot encode, or (a bug) an encoding the engine disagrees with
        }
        if (!exact.complete()) {
            return Proof.TOO_MANY_CLASSES;
        }
        provedBy(exact);
        return Proof.USED;
    }

    /**
     * Lets the exact diff of these two guides decide which cases need evaluating: a case in none of its classes gets
     * the same decision from both (proved), and a case whose classes are all of a level change or a code added or
     * removed has exactly those differences, so neither is evaluated; a case in a class of a moved due date or
     * changed people is evaluated by both guides as usual, for the days and names, and so is a case a guide rejects.
     * The report is the one evaluating every case gives (ProvedImpactTest checks it on random cases); only faster
     * when most cases are proved unchanged or changed alike.
     *
     * @param exact {@link no.veiviser.verify.ExactDiff#between} of the same two guides, complete (no list of classes cut)
     * @return this diff
     * @throws IllegalArgumentException when {@code exact} is of other guides or has a cut list of classes
     */
    public ImpactDiff provedBy(no.veiviser.verify.ExactDiffReport exact) {
        if (!exact.base().equals(new Decision.GuideRef(base.guide().id(), base.guide().version()))
                || !exact.changed().equals(new Decision.GuideRef(changed.guide().id(), changed.guide().version()))) {
            throw new IllegalArgumentException("the exact diff is of other guides");
        }
        if (!exact.complete()) {
            throw new IllegalArgumentException("the exact diff's list of classes is cut: it cannot spare evaluating any case");
        }
        proof = exact;
        return this;
    }

    /**
     * Reads the base guide's outcomes from {@code value} where it has them, and keeps there those it evaluates (a run
     * without a proof fills it; one {@link #provedBy} a proof keeps the outcomes of the cases it evaluates). The report
     * is the same either way.
     *
     * @param value a baseline of this diff's base guide, over the source {@link #run(CaseSource)} will be given (or, for
     *        a generated population, over a larger one of the same seed, whose first cases are that source's)
     * @return this diff
     * @throws IllegalArgumentException when the baseline is of another compiled guide
     */
    public ImpactDiff baseline(Baseline value) {
        if (value.guide != base) {
            throw new IllegalArgumentException("the baseline is of another guide");
        }
        baseline = value;
        return this;
    }

    /**
     * @return the cases of the last run that {@link #provedBy} spared from evaluation
     */
    public long proved() {
        return proved;
    }

    /**
     * @return per test given to {@link #counting}, the cases of the last run it held of
     */
    public long[] counts() {
        return counts.clone();
    }

    /**
     * Evaluates every case of {@code source} against both guides.
     *
     * @param source the cases
     * @return the report
     * @throws no.veiviser.CaseException when a case cannot be read, or neither guide accepts it
     * @throws IllegalArgumentException when this diff's {@link #baseline(Baseline)} is of other cases
     */
    public ImpactReport run(CaseSource source) {
        if (baseline != null && !source.within(baseline.source)) {
            throw new IllegalArgumentException("the baseline is of other cases");
        }
        // A changed guide without some of the base guide's signals, services, steps or meeting outcomes is given other
        // generated cases than the base guide alone: the baseline does not hold their outcomes, so it is left unused.
        Baseline kept = baseline != null && baseline.casesKey.equals(source.casesKey(base.guide(), changed.guide())) ? baseline : null;
        long start = System.nanoTime();
        AtomicLong done = new AtomicLong();
        AtomicBoolean failed = new AtomicBoolean();
        List<Tally> tallies = new ArrayList<>();
        try (CaseSource.Cursor cursor = source.open(base.guide(), changed.guide())) {
            if (threads == 1) {
                tallies.add(work(cursor, done, failed, kept));
            } else {
                ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "veiviser-diff");
                    t.setDaemon(true);
                    return t;
                });
                try {
                    List<Future<Tally>> futures = new ArrayList<>();
                    for (int i = 0; i < threads; i++) {
                        futures.add(pool.submit(() -> work(cursor, done, failed, kept)));
                    }
                    RuntimeException error = null;
                    for (Future<Tally> f : futures) {
                        try {
                            tallies.add(f.get());
                        } catch (ExecutionException e) {
                            if (error == null) {
                                error = e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            throw new IllegalStateException("interrupted", e);
                        }
                    }
                    if (error != null) {
                        throw error;
                    }
                } finally {
                    pool.shutdownNow();
                }
            }
        }
        Tally total = new Tally(examples);
        tallies.forEach(total::merge);
        counts = new long[tests.size()];
        proved = tallies.stream().mapToLong(t -> t.proved).sum();
        for (Tally t : tallies) {
            for (int i = 0; i < counts.length; i++) {
                counts[i] += t.counts[i];
            }
        }
        return total.report(base.guide(), changed.guide(), source.description(), GuideDiff.between(base.guide(), changed.guide()),
                (System.nanoTime() - start) / 1_000_000);
    }

    private Tally work(CaseSource.Cursor cursor, AtomicLong done, AtomicBoolean failed, Baseline kept) {
        Tally tally = new Tally(examples);
        tally.counts = new long[tests.size()];
        while (!failed.get()) {
            CaseSource.Chunk chunk;
            synchronized (cursor) {
                chunk = cursor.next();
            }
            if (chunk == null) {
                break;
            }
            try {
                List<Case> cases = new ArrayList<>(chunk.size());
                List<Integer> at = new ArrayList<>(chunk.size());
                for (int k = 0; k < chunk.size(); k++) {
                    Case c = chunk.get(k);
                    for (int t = 0; t < tally.counts.length; t++) {
                        if (tests.get(t).test(c)) {
                            tally.counts[t]++;
                        }
                    }
                    if (proof == null || !spared(chunk, k, c, tally)) {
                        cases.add(c);
                        at.add(k);
                    }
                }
                // Many cases per Drools execution; each outcome is what evaluate would give for its case.
                // What a diff compares of each decision (level, codes, due dates, who), without building decisions.
                Evaluator.Summarized[] before = before(chunk, cases, at, kept);
                Evaluator.Summarized[] after = after(cases, before);
                for (int i = 0; i < cases.size(); i++) {
                    tally(chunk, at.get(i), cases.get(i), before[i].summary(), before[i].rejected(), after[i].summary(),
                            after[i].rejected(), tally);
                }
            } catch (RuntimeException e) {
                failed.set(true);
                throw e;
            }
            progress.accept(done.addAndGet(chunk.size()));
        }
        return tally;
    }

    /** The base guide's outcomes of the chunk's cases at {@code at}: from {@code baseline} where it has them, else evaluated (and kept in it). */
    private Evaluator.Summarized[] before(CaseSource.Chunk chunk, List<Case> cases, List<Integer> at, Baseline baseline) {
        if (baseline == null) {
            return Access.summarizeEach(base, cases);
        }
        Evaluator.Summarized[] out = new Evaluator.Summarized[cases.size()];
        List<Case> missing = new ArrayList<>();
        List<Integer> where = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            out[i] = baseline.outcomes.get((int) chunk.first() + at.get(i));
            if (out[i] == null) {
                missing.add(cases.get(i));
                where.add(i);
            }
        }
        if (!missing.isEmpty()) {
            Evaluator.Summarized[] evaluated = Access.summarizeEach(base, missing);
            for (int j = 0; j < evaluated.length; j++) {
                int i = where.get(j);
                out[i] = evaluated[j];
                baseline.keep((int) chunk.first() + at.get(i), evaluated[j]);
            }
        }
        return out;
    }

    /**
     * The changed guide's outcomes of {@code cases}, when the base accepted every case and both fire alike: if only
     * findings differ ({@link #summarizedOtherwise}), the base's own where the case fires none of the rules whose findings
     * differ, and the others from the findings the base gave; else from the rules Drools fired for the base. Otherwise
     * evaluated.
     */
    private Evaluator.Summarized[] after(List<Case> cases, Evaluator.Summarized[] before) {
        for (Evaluator.Summarized b : before) {
            if (b.fired() == null) {
                return Access.summarizeEach(changed, cases); // a case the base rejects: the changed guide's Drools decides it
            }
        }
        if (!firesAlike) {
            return Access.summarizeEach(changed, cases);
        }
        Evaluator changedRules = Access.evaluator(changed);
        if (summarizedOtherwise == null) {
            java.util.BitSet[] fired = java.util.Arrays.stream(before).map(Evaluator.Summarized::fired).toArray(java.util.BitSet[]::new);
            return changedRules.summarizeEachFired(cases, fired, sameProblems); // the base accepted each case
        }
        Evaluator.Summarized[] out = new Evaluator.Summarized[before.length];
        for (int i = 0; i < before.length; i++) {
            out[i] = before[i].fired().intersects(summarizedOtherwise) ? changedRules.summarizeGiven(cases.get(i), before[i]) : before[i];
        }
        return out;
    }

    /** Tallies one case's two outcomes: a summary or a rejection from each guide. */
    private void tally(CaseSource.Chunk chunk, int k, Case c, Summary a, CaseException rejectedByBase, Summary b,
                       CaseException rejectedByChanged, Tally tally) {
        if (rejectedByChanged != null) {
            if (rejectedByBase != null) {
                throw located(rejectedByBase, base, chunk, k);
            }
            tally.rejected(chunk, k, c, "changed guide", rejectedByChanged);
        } else if (rejectedByBase != null) {
            tally.rejected(chunk, k, c, "base guide", rejectedByBase);
        } else {
            tally.add(chunk, k, c, a, b);
        }
    }

    /**
     * Tallies the case from the proof when it can (see {@link #provedBy}): whether a guide rejects it, else the
     * differences of the classes it lies in. False when it must be evaluated: it lies in a class of a moved due
     * date or of changed people, whose days and names only the decisions give.
     */
    private boolean spared(CaseSource.Chunk chunk, int k, Case c, Tally tally) {
        List<Problem> byBase = Access.problems(base, c);
        List<Problem> byChanged = sameProblems ? byBase : Access.problems(changed, c);
        if (!byBase.isEmpty() || !byChanged.isEmpty()) {
            tally(chunk, k, c, null, byBase.isEmpty() ? null : new CaseException(byBase), null,
                    byChanged.isEmpty() ? null : new CaseException(byChanged), tally);
            return true;
        }
        List<Key> keys = List.of();
        for (no.veiviser.verify.ExactDiffReport.Change change : proof.changes()) {
            if (change.kind() == ImpactReport.Kind.REJECTED || !change.members().test(c)) {
                continue; // a case both guides accept is rejected by neither
            }
            if (change.kind() == ImpactReport.Kind.DUE_MOVED || change.kind() == ImpactReport.Kind.WHO_CHANGED) {
                return false;
            }
            if (keys.isEmpty()) {
                keys = new ArrayList<>(2);
            }
            keys.add(new Key(change.kind(), change.subject(), change.kind() == ImpactReport.Kind.LEVEL_CHANGED ? change.change() : ""));
        }
        tally.proved(chunk, k, c, keys);
        return true;
    }

    private static CaseException located(CaseException e, CompiledGuide guide, CaseSource.Chunk chunk, int k) {
        String label = chunk.label(k);
        return new CaseException(e.problems().stream().map(p -> new Problem(p.severity(), label, 0, 0,
                p.message() + " (guide " + guide.guide().id() + " " + guide.guide().version() + ")", p.hint())).toList());
    }

    record Key(ImpactReport.Kind kind, String subject, String change) {}

    /** Counts and examples of one thread; merged at the end. */
    static final class Tally {
        private final int maxExamples;
        long[] counts = new long[0];
        long proved;
        private long cases;
        private long changedCases;
        private final Map<Key, Group> groups = new HashMap<>();

        Tally(int maxExamples) {
            this.maxExamples = maxExamples;
        }

        static final class Group {
            long count;
            final List<ImpactReport.Example> examples = new ArrayList<>(); // ascending index
        }

        void add(CaseSource.Chunk chunk, int k, Case c, Summary a, Summary b) {
            cases++;
            if (a.equals(b)) {
                return;
            }
            boolean changed = false;
            long index = chunk.first() + k;
            if (a.level() != b.level()) {
                changed |= hit(new Key(ImpactReport.Kind.LEVEL_CHANGED, "level", a.level() + " -> " + b.level()), index, chunk, k, c);
            }
            List<Summary.Code> before = a.codes();
            List<Summary.Code> after = b.codes();
            int i = 0;
            int j = 0;
            while (i < before.size() || j < after.size()) { // both sorted by code: one walk pairs them
                Summary.Code x = i < before.size() ? before.get(i) : null;
                Summary.Code y = j < after.size() ? after.get(j) : null;
                int order = x == null ? 1 : y == null ? -1 : x.code().compareTo(y.code());
                if (order < 0) {
                    changed |= hit(new Key(ImpactReport.Kind.CODE_REMOVED, x.code(), ""), index, chunk, k, c);
                    i++;
                    continue;
                }
                if (order > 0) {
                    changed |= hit(new Key(ImpactReport.Kind.CODE_ADDED, y.code(), ""), index, chunk, k, c);
                    j++;
                    continue;
                }
                if (!java.util.Objects.equals(x.due(), y.due())) {
                    String change = x.due() == null ? "due set" : y.due() == null ? "due removed"
                            : days(ChronoUnit.DAYS.between(x.due(), y.due()));
                    changed |= hit(new Key(ImpactReport.Kind.DUE_MOVED, x.code(), change), index, chunk, k, c);
                }
                if (!x.who().equals(y.who())) {
                    changed |= hit(new Key(ImpactReport.Kind.WHO_CHANGED, x.code(), x.who() + " -> " + y.who()), index, chunk, k, c);
                }
                i++;
                j++;
            }
            if (changed) {
                changedCases++;
            }
        }

        /** A case both guides accept, whose differences (none, or levels and codes) an exact diff proved. */
        void proved(CaseSource.Chunk chunk, int k, Case c, List<Key> differences) {
            cases++;
            proved++;
            for (Key key : differences) {
                hit(key, chunk.first() + k, chunk, k, c);
            }
            if (!differences.isEmpty()) {
                changedCases++;
            }
        }

        /** A case only one of the guides can evaluate (for example one with a signal only the changed guide knows). */
        void rejected(CaseSource.Chunk chunk, int k, Case c, String which, CaseException e) {
            cases++;
            changedCases++;
            String why = e.problems().isEmpty() ? "" : e.problems().get(0).message().replaceAll("\\[\\d+\\]", "");
            hit(new Key(ImpactReport.Kind.REJECTED, which, why), chunk.first() + k, chunk, k, c);
        }

        private static String days(long d) {
            return (d > 0 ? "+" : "") + d + (Math.abs(d) == 1 ? " day" : " days");
        }

        private boolean hit(Key key, long index, CaseSource.Chunk chunk, int k, Case c) {
            Group g = groups.computeIfAbsent(key, x -> new Group());
            g.count++;
            if (maxExamples > 0 && (g.examples.size() < maxExamples || index < g.examples.get(g.examples.size() - 1).index())) {
                insert(g, new ImpactReport.Example(index, chunk.label(k), CaseFacts.summary(c)));
            }
            return true;
        }

        private void insert(Group g, ImpactReport.Example e) {
            int at = 0;
            while (at < g.examples.size() && g.examples.get(at).index() < e.index()) {
                at++;
            }
            g.examples.add(at, e);
            if (g.examples.size() > maxExamples) {
                g.examples.remove(g.examples.size() - 1);
            }
        }

        void merge(Tally other) {
            cases += other.cases;
            changedCases += other.changedCases;
            proved += other.proved;
            other.groups.forEach((key, g) -> {
                Group mine = groups.computeIfAbsent(key, x -> new Group());
                mine.count += g.count;
                g.examples.forEach(e -> insert(mine, e));
            });
        }

        ImpactReport report(Guide base, Guide changed, String source, GuideDiff guideDiff, long millis) {
            List<ImpactReport.Group> out = new ArrayList<>();
            groups.forEach((key, g) -> out.add(new ImpactReport.Group(key.kind(), key.subject(), key.change(), g.count, g.examples)));
            out.sort(ImpactReport.Group.ORDER);
            return new ImpactReport(new Decision.GuideRef(base.id(), base.version()),
                    new Decision.GuideRef(changed.id(), changed.version()), source, cases, changedCases, out, guideDiff, millis);
        }
    }
}
