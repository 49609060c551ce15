package no.veiviser.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import no.veiviser.Guides;
import org.junit.jupiter.api.Test;

/**
 * A bounded loopback load test of the example server: {@value #CLIENTS} clients, each sending
 * {@code -Dveiviser.load.requests} (default {@value #DEFAULT_REQUESTS}) evaluate requests one after another. Every
 * request must be answered 200; throughput and p50/p99 latency are printed (no latency assertions: a shared,
 * loaded machine). The figure: {@code -Dveiviser.load.requests=5000} (16 x 5,000).
 */
class VeiviserServerLoadTest {
    static final int CLIENTS = 16;
    static final int DEFAULT_REQUESTS = 300;
    static final String[] CASES = {
        "{\"asOf\": \"2026-11-24\", \"child\": {\"age\": 9}, \"concern\": {\"signals\": [\"violence-suspected\"]}}",
        "{\"asOf\": \"2026-11-24\", \"child\": {\"age\": 15}}",
        "{\"asOf\": \"2026-11-24\", \"child\": {\"age\": 4}, \"concern\": {\"since\": \"2026-10-01\"}}",
        "{\"child\": {\"age\": 9}, \"concern\": {\"signals\": [\"violence-suspectd\"]}}", // 400: bad input is part of the load
    };

    @Test
    void sixteenClientsGetEveryAnswer() throws Exception {
        int requests = Integer.getInteger("veiviser.load.requests", DEFAULT_REQUESTS);
        try (VeiviserServer server = VeiviserServer.start(new InetSocketAddress("127.0.0.1", 0), List.of(Guides.bundled("nittedal")),
                Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/evaluate?guide=nittedal");
            AtomicInteger errors = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            long[][] latencies = new long[CLIENTS][requests];
            long start = System.nanoTime();
            List<Future<?>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                clients.add(pool.submit(() -> {
                    for (int i = 0; i < requests; i++) {
                        String body = CASES[(client + i) % CASES.length];
                        int expected = body.contains("suspectd") ? 400 : 200;
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                            if (r.statusCode() != expected) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                        latencies[client][i] = System.nanoTime() - t0;
                    }
                    return null;
                }));
            }
            for (Future<?> f : clients) {
                f.get();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            pool.shutdown();
            long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
            System.out.printf(Locale.ROOT, "load test: %d clients x %d requests = %d in %.1f s: %.0f requests/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors%n",
                    CLIENTS, requests, all.length, seconds, all.length / seconds, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6,
                    all[all.length - 1] / 1e6, errors.get());
            assertThat(errors.get()).as("requests not answered as expected").isZero();
        }
    }
}
