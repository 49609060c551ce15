package no.veiviser.workbench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import no.veiviser.CompiledGuide;
import no.veiviser.impact.ImpactDiff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The impact view's kept outcomes: filled in the background when the page opens a guide (as `serve` asks), kept per guide and seed. */
class BaselinesTest {
    @TempDir
    static Path dir;

    @Test
    void anOpenedGuidesBaselineIsFilledInTheBackgroundAndKeptForItsGuideAndSeed() throws InterruptedException {
        WorkbenchFixture.copyGuides(dir, List.of("norge"));
        GuideEntry norge = Workbench.open(List.of(dir)).get("norge").orElseThrow();
        CompiledGuide guide = norge.compiled().orElseThrow();

        Baselines onRequest = new Baselines(false);
        onRequest.opened(norge);
        assertThat(onRequest.of("norge", guide, Baselines.PAGE_SEED).complete()).as("filled only by the requests that need it").isFalse();

        Baselines filling = new Baselines(true);
        filling.opened(norge);
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
        // once closed (the server stops), opening a guide asks for no fill and is no error
        filling.close();
        GuideEntry reread = Workbench.open(List.of(dir)).get("norge").orElseThrow();
        assertThatCode(() -> filling.opened(reread)).doesNotThrowAnyException();
    }

    @Test
    void aServerThatFillsBaselinesAnswersTheImpactViewAsOneThatDoesNot(@TempDir Path own) throws Exception {
        WorkbenchFixture.copyGuides(own, List.of("norge"));
        String text = Files.readString(own.resolve("norge/guide.yaml"));
        String changed = text.replaceFirst("(?<head>youth-consent-age:\\n(?:    [^\\n]*\\n)*?    value: )15\\n", "${head}16\n");
        assertThat(changed).isNotEqualTo(text);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ObjectMapper json = new ObjectMapper();
        try (WorkbenchServer filling = WorkbenchServer.start(new WorkbenchServer.Options("127.0.0.1", 0, false, List.of(own), true));
             WorkbenchServer onRequest = WorkbenchServer.start(new WorkbenchServer.Options("127.0.0.1", 0, false, List.of(own)))) {
            // a start fills nothing; the page opening the guide (GET) fills its baseline
            CompiledGuide served = filling.workbench().get("norge").orElseThrow().compiled().orElseThrow();
            assertThat(filling.baselines().of("norge", served, Baselines.PAGE_SEED).complete()).isFalse();
            assertThat(http.send(HttpRequest.newBuilder(filling.address().resolve("/api/guides/norge")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            long deadline = System.nanoTime() + 120_000_000_000L;
            while (!filling.baselines().of("norge", served, Baselines.PAGE_SEED).complete() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(filling.baselines().of("norge", served, Baselines.PAGE_SEED).complete()).isTrue();
            // the same two sizes against each: a smaller population is read from the first cases of the filling one's baseline
            for (int size : List.of(20_000, 5_000)) {
                JsonNode[] population = new JsonNode[2];
                int k = 0;
                for (WorkbenchServer s : List.of(filling, onRequest)) {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(s.address().resolve("/api/guides/norge/diff?population=" + size + "&seed=1"))
                            .timeout(Duration.ofSeconds(120)).POST(HttpRequest.BodyPublishers.ofString(changed)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    population[k++] = json.readTree(r.body()).get("population");
                }
                assertThat(population[0].get("cases").asInt()).isEqualTo(size);
                assertThat(population[0].get("changedCases").asInt()).as("15-year-olds no longer consent alone").isPositive();
                assertThat(population[0]).isEqualTo(population[1]);
            }
        }
    }
}
