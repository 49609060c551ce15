package no.veiviser.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bounded load test on loopback: 32 clients send 20,000 evaluate requests in all (a few different cases). Errors must
 * be 0; requests/s and latency percentiles are printed and written to {@code target/workbench-load.txt}. No latency
 * is asserted: this machine is shared.
 */
class WorkbenchLoadTest {
    static final int CLIENTS = Integer.getInteger("veiviser.load.clients", 32);
    static final int REQUESTS = Integer.getInteger("veiviser.load.requests", 20_000);
    static final List<String> CASES = List.of(
            "{\"asOf\": \"2026-11-24\", \"child\": {\"age\": 10, \"setting\": \"school\"}, \"concern\": {\"signals\": [\"violence-suspected\"]}, \"reporter\": {\"service\": \"school\"}}",
            "{\"asOf\": \"2026-11-24\", \"child\": {\"age\": 4, \"setting\": \"kindergarten\"}, \"concern\": {\"since\": \"2026-11-02\", \"signals\": [\"wellbeing-concern\"]}, \"case\": {\"level\": 1}}",
            "{\"asOf\": \"2026-11-24\", \"child\": {\"age\": 16}, \"case\": {\"level\": 2, \"services\": [\"school\", \"helsestasjon\"]}, \"consent\": {\"guardians\": \"given\", \"youth\": \"given\"}}",
            "{\"asOf\": \"2026-11-24\", \"child\": {\"birthDate\": \"2012-03-01\"}, \"concern\": {\"signals\": [\"parent-substance-abuse\"]}, \"stafettlogg\": {\"status\": \"active\", \"holder\": \"school\"}}");

    @TempDir
    Path dir;

    @Test
    void twenty_thousand_evaluations_from_32_clients_without_an_error() throws Exception {
        WorkbenchFixture.copyGuides(dir, List.of("norge", "nittedal"));
        try (WorkbenchServer server = WorkbenchServer.start(new WorkbenchServer.Options("127.0.0.1", 0, false, List.of(dir)))) {
            URI evaluate = server.address().resolve("/api/guides/nittedal/evaluate");
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
            for (int i = 0; i < 400; i++) { // warm-up, not measured
                http.send(post(evaluate, CASES.get(i % CASES.size())), HttpResponse.BodyHandlers.discarding());
            }
            long[] latencies = new long[REQUESTS];
            AtomicInteger next = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            AtomicLong bytes = new AtomicLong();
            List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
            CountDownLatch done = new CountDownLatch(CLIENTS);
            long start = System.nanoTime();
            for (int c = 0; c < CLIENTS; c++) {
                Thread t = new Thread(() -> {
                    try {
                        int i;
                        while ((i = next.getAndIncrement()) < REQUESTS) {
                            long t0 = System.nanoTime();
                            try {
                                HttpResponse<byte[]> r = http.send(post(evaluate, CASES.get(i % CASES.size())), HttpResponse.BodyHandlers.ofByteArray());
                                if (r.statusCode() != 200) {
                                    errors.incrementAndGet();
                                    firstErrors.add(r.statusCode() + " " + new String(r.body(), StandardCharsets.UTF_8));
                                }
                                bytes.addAndGet(r.body().length);
                            } catch (Exception e) {
                                errors.incrementAndGet();
                                firstErrors.add(e.toString());
                            }
                            latencies[i] = System.nanoTime() - t0;
                        }
                    } finally {
                        done.countDown();
                    }
                }, "load-client-" + c);
                t.start();
            }
            done.await();
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(latencies);
            String report = String.format(Locale.ROOT,
                    "workbench load: %d clients, %d evaluate requests on loopback in %.2f s: %.0f requests/s; latency p50 %.2f ms, p99 %.2f ms, "
                            + "max %.2f ms; errors %d%n",
                    CLIENTS, REQUESTS, seconds, REQUESTS / seconds, latencies[REQUESTS / 2] / 1e6, latencies[(int) (REQUESTS * 0.99)] / 1e6,
                    latencies[REQUESTS - 1] / 1e6, errors.get());
            System.out.print(report);
            Files.writeString(Path.of("target", "workbench-load.txt"), report);
            assertThat(errors.get()).as(firstErrors.stream().limit(5).toList().toString()).isZero();
            assertThat(bytes.get()).isGreaterThan(REQUESTS * 500L); // real decisions came back
        }
    }

    private static HttpRequest post(URI uri, String body) {
        return HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }
}
