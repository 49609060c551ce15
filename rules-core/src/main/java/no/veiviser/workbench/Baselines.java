package no.veiviser.workbench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import no.veiviser.CompiledGuide;
import no.veiviser.impact.ImpactDiff;
import no.veiviser.impact.Population;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per served guide, its outcomes over the generated population the page asks for (issue 27): each "Beregn virkningen"
 * compares an edited text with the same served guide over the same cases, so only the text's side is evaluated. One
 * baseline per guide holds the most cases the page allows; a smaller population of its seed is its first cases.
 * When asked to, a guide's baseline is filled in the background as soon as the page opens the guide (or saves it), so
 * the first comparison does not compute it while the user waits, and only guides someone works on hold one (about
 * 50 MB each for the bundled Nittedal guide).
 */
final class Baselines {
    private static final Logger LOG = LoggerFactory.getLogger(Baselines.class);
    /** The seed the page's impact view uses. */
    static final long PAGE_SEED = 1;

    private record Kept(CompiledGuide guide, long seed, ImpactDiff.Baseline baseline) {}

    private final Map<String, Kept> kept = new ConcurrentHashMap<>();
    private final boolean fillOpened;
    private final ExecutorService filler = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "veiviser-baseline");
        t.setDaemon(true);
        return t;
    });

    /** @param fillOpened whether {@link #opened} fills a guide's baseline in the background */
    Baselines(boolean fillOpened) {
        this.fillOpened = fillOpened;
    }

    /** The baseline of guide {@code id} as {@code guide} over the page's largest population of {@code seed}: the kept one, or a new, empty one. */
    ImpactDiff.Baseline of(String id, CompiledGuide guide, long seed) {
        return kept.compute(id, (k, v) -> v != null && v.guide() == guide && v.seed() == seed
                ? v : new Kept(guide, seed, ImpactDiff.Baseline.of(guide, Population.generate(Api.MAX_POPULATION, seed)))).baseline();
    }

    /** No more fills: one under way finishes on its daemon thread, and the thread ends. */
    void close() {
        filler.shutdown();
    }

    /** The page opened or saved {@code entry}: when filling, its baseline for the page's seed is filled in the background, unless full. */
    void opened(GuideEntry entry) {
        if (!fillOpened || entry.compiled().isEmpty()) {
            return;
        }
        String id = entry.id();
        CompiledGuide guide = entry.compiled().get();
        try {
            filler.execute(() -> fill(id, guide));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed: the server is stopping
        }
    }

    private void fill(String id, CompiledGuide guide) {
        ImpactDiff.Baseline baseline = of(id, guide, PAGE_SEED);
        if (baseline.complete()) {
            return;
        }
        long start = System.nanoTime();
        try {
            // a diff of the guide with itself evaluates each case once and keeps its outcome
            ImpactDiff.between(guide, guide).threads(2).baseline(baseline).run(Population.generate(Api.MAX_POPULATION, PAGE_SEED));
            LOG.debug("guide {}: impact baseline of {} cases filled in {} ms", id, Api.MAX_POPULATION, (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException e) {
            // the page's own request computes what is missing, and says what went wrong there
            LOG.warn("guide {}: impact baseline not filled in the background ({})", id, e.getClass().getSimpleName());
        }
    }
}
