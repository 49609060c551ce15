package no.veiviser.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.List;
import no.veiviser.CompiledGuide;
import no.veiviser.impact.ImpactDiff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The impact view's kept outcomes: filled in the background when a guide is served (as `serve` asks), kept per guide and seed. */
class BaselinesTest {
    @TempDir
    static Path dir;

    @Test
    void aServedGuidesBaselineIsFilledInTheBackgroundAndKeptForItsGuideAndSeed() throws InterruptedException {
        WorkbenchFixture.copyGuides(dir, List.of("norge"));
        GuideEntry norge = Workbench.open(List.of(dir)).get("norge").orElseThrow();
        CompiledGuide guide = norge.compiled().orElseThrow();

        Baselines onRequest = new Baselines(false);
        onRequest.served(norge);
        assertThat(onRequest.of("norge", guide, Baselines.PAGE_SEED).complete()).as("filled only by the requests that need it").isFalse();

        Baselines filling = new Baselines(true);
        filling.served(norge);
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!filling.of("norge", guide, Baselines.PAGE_SEED).complete() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        ImpactDiff.Baseline kept = filling.of("norge", guide, Baselines.PAGE_SEED);
        assertThat(kept.complete()).as("every case of the page's largest population evaluated without a request").isTrue();
        assertThat(filling.of("norge", guide, Baselines.PAGE_SEED)).isSameAs(kept);
        // another seed, or another version of the guide, has a baseline of its own
        assertThat(filling.of("norge", guide, 2).complete()).isFalse();
        CompiledGuide again = Workbench.open(List.of(dir)).get("norge").orElseThrow().compiled().orElseThrow();
        assertThat(filling.of("norge", again, Baselines.PAGE_SEED)).isNotSameAs(kept);
        // once closed (the server stops), serving a guide asks for no fill and is no error
        filling.close();
        GuideEntry reread = Workbench.open(List.of(dir)).get("norge").orElseThrow();
        assertThatCode(() -> filling.served(reread)).doesNotThrowAnyException();
    }
}
