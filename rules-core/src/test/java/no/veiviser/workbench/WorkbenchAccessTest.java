package no.veiviser.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting options: off loopback every request needs the token; read-only refuses writes; a broken guide is not served. */
class WorkbenchAccessTest {
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static HttpResponse<String> send(HttpRequest r) throws Exception {
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void off_loopback_every_request_needs_the_token() throws Exception {
        WorkbenchFixture.copyGuides(dir, List.of("norge", "nittedal"));
        try (WorkbenchServer s = WorkbenchServer.start(new WorkbenchServer.Options("0.0.0.0", 0, false, List.of(dir)))) {
            assertThat(s.loopback()).isFalse();
            URI base = URI.create("http://127.0.0.1:" + s.port());
            for (String path : List.of("/", "/health", "/api/guides", "/app.js")) {
                assertThat(send(HttpRequest.newBuilder(base.resolve(path)).build()).statusCode()).as(path).isEqualTo(403);
            }
            assertThat(send(HttpRequest.newBuilder(base.resolve("/api/guides")).header("X-Veiviser-Token", "wrong").build()).statusCode()).isEqualTo(403);
            assertThat(send(HttpRequest.newBuilder(base.resolve("/api/guides")).header("X-Veiviser-Token", s.token()).build()).statusCode()).isEqualTo(200);
            HttpResponse<String> page = send(HttpRequest.newBuilder(base.resolve("/?token=" + s.token())).build());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(s.token());
        }
    }

    @Test
    void read_only_refuses_saves_and_reloads_even_with_the_token() throws Exception {
        WorkbenchFixture.copyGuides(dir, List.of("norge", "nittedal"));
        try (WorkbenchServer s = WorkbenchServer.start(new WorkbenchServer.Options("127.0.0.1", 0, false, List.of(dir)))) {
            HttpResponse<String> src = send(HttpRequest.newBuilder(s.address().resolve("/api/guides/nittedal/source")).build());
            HttpResponse<String> save = send(HttpRequest.newBuilder(s.address().resolve("/api/guides/nittedal/source"))
                    .header("X-Veiviser-Token", s.token()).header("If-Match", src.headers().firstValue("ETag").orElseThrow())
                    .PUT(HttpRequest.BodyPublishers.ofString(src.body() + "\n")).build());
            assertThat(save.statusCode()).isEqualTo(403);
            assertThat(JSON.readTree(save.body()).get("error").asText()).contains("--edit");
            HttpResponse<String> reload = send(HttpRequest.newBuilder(s.address().resolve("/api/reload")).header("X-Veiviser-Token", s.token())
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(reload.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void a_guide_that_fails_at_start_is_not_served_and_health_says_why_and_reload_puts_it_live() throws Exception {
        WorkbenchFixture.copyGuides(dir, List.of("norge", "nittedal", "ovre-eiker"));
        Path file = dir.resolve("ovre-eiker/guide.yaml");
        String good = Files.readString(file);
        Files.writeString(file, good.replaceFirst("\nrules:\n", "\nrules:\n  - id: broken\n    when: {nonsense: 1}\n"));
        try (WorkbenchServer s = WorkbenchServer.start(new WorkbenchServer.Options("127.0.0.1", 0, true, List.of(dir)))) {
            JsonNode health = JSON.readTree(send(HttpRequest.newBuilder(s.address().resolve("/health")).build()).body());
            assertThat(health.get("status").asText()).isEqualTo("degraded");
            JsonNode failed = null;
            for (JsonNode g : health.get("guides")) {
                if (g.get("id").asText().equals("ovre-eiker")) {
                    failed = g;
                }
            }
            assertThat(failed).isNotNull();
            assertThat(failed.get("status").asText()).isEqualTo("failed");
            assertThat(failed.get("problems").get(0).get("line").asInt()).isPositive();
            HttpResponse<String> evaluate = send(HttpRequest.newBuilder(s.address().resolve("/api/guides/ovre-eiker/evaluate"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
            assertThat(evaluate.statusCode()).isEqualTo(503);
            assertThat(send(HttpRequest.newBuilder(s.address().resolve("/api/guides/nittedal/evaluate"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build()).statusCode()).isEqualTo(200);

            Files.writeString(file, good); // a case system deploys the fixed file, then asks for a reload
            HttpResponse<String> reload = send(HttpRequest.newBuilder(s.address().resolve("/api/reload")).header("X-Veiviser-Token", s.token())
                    .POST(HttpRequest.BodyPublishers.noBody()).build());
            assertThat(reload.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(reload.body()).get("status").asText()).isEqualTo("ok");
            assertThat(send(HttpRequest.newBuilder(s.address().resolve("/api/guides/ovre-eiker/evaluate"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void a_slow_client_neither_blocks_others_nor_holds_its_connection_for_ever() throws Exception {
        WorkbenchFixture.copyGuides(dir, List.of("norge", "nittedal"));
        try (WorkbenchServer s = WorkbenchServer.start(new WorkbenchServer.Options("127.0.0.1", 0, false, List.of(dir)));
             Socket slow = new Socket("127.0.0.1", s.port())) {
            OutputStream out = slow.getOutputStream();
            out.write(("POST /api/guides/nittedal/evaluate HTTP/1.1\r\nHost: 127.0.0.1:" + s.port()
                    + "\r\nContent-Length: 100\r\n\r\n{\"child\":").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            assertThat(send(HttpRequest.newBuilder(s.address().resolve("/health")).timeout(Duration.ofSeconds(20)).build()).statusCode()).isEqualTo(200);
            assertThat(send(HttpRequest.newBuilder(s.address().resolve("/api/guides/nittedal/evaluate")).timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"child\": {\"age\": 9}}")).build()).statusCode()).isEqualTo(200);
            // The server gives up on the incomplete request (HttpServers: 10 s for a whole request): the connection ends.
            slow.setSoTimeout(60_000);
            InputStream in = slow.getInputStream();
            long start = System.nanoTime();
            byte[] rest = in.readAllBytes(); // returns when the server closes the connection
            assertThat(System.nanoTime() - start).isLessThan(Duration.ofSeconds(55).toNanos());
            assertThat(new String(rest, StandardCharsets.ISO_8859_1)).doesNotStartWith("HTTP/1.1 200");
        }
    }
}
