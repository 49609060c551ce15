package no.veiviser.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import no.veiviser.Guides;
import no.veiviser.server.GoLive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts the service on a random port on 127.0.0.1 and calls it over HTTP. */
class VeiviserServerTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static VeiviserServer server;

    @BeforeAll
    static void start() throws Exception {
        server = VeiviserServer.start(new InetSocketAddress("127.0.0.1", 0), List.of(Guides.bundled("nittedal"), Guides.bundled("norge")),
                Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The error body every server writes (no.veiviser.server.ProblemJson): these fields, in this order, nothing else. */
    static JsonNode assertProblemBody(String text, int status) throws Exception {
        JsonNode body = JSON.readTree(text);
        List<String> fields = new java.util.ArrayList<>();
        body.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).as(text).containsExactly("status", "error", "problems");
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("error").asText()).isNotBlank();
        assertThat(body.get("problems")).as("never empty").isNotEmpty();
        for (JsonNode p : body.get("problems")) {
            List<String> names = new java.util.ArrayList<>();
            p.fieldNames().forEachRemaining(names::add);
            assertThat(names).as(text).containsExactly("severity", "file", "line", "column", "message", "hint");
        }
        return body;
    }

    @Test
    void evaluatesACase() throws Exception {
        HttpResponse<String> r = post("/evaluate?guide=nittedal",
                "{\"asOf\": \"2026-11-24\", \"child\": {\"age\": 9}, \"concern\": {\"signals\": [\"violence-suspected\"]}}");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        JsonNode d = JSON.readTree(r.body());
        assertThat(d.path("guide").path("id").asText()).isEqualTo("nittedal");
        assertThat(d.path("level").has("recommended")).isTrue();
        assertThat(d.path("findings").findValuesAsText("code")).contains("contact-child-welfare-or-police-same-day", "do-not-notify-guardians");
    }

    @Test
    void anInvalidCaseIs400WithTheLocatedProblems() throws Exception {
        HttpResponse<String> r = post("/evaluate?guide=nittedal", "{\"child\": {\"age\": 9},\n \"concern\": {\"signals\": [\"violence-suspectd\"]}}");

        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode body = assertProblemBody(r.body(), 400);
        assertThat(body.path("error").asText()).isEqualTo("the case has problems");
        JsonNode p = body.path("problems").get(0);
        assertThat(p.path("severity").asText()).isEqualTo("error");
        assertThat(p.path("file").asText()).isEqualTo("request body");
        assertThat(p.path("line").asInt()).isEqualTo(2);
        assertThat(p.path("column").asInt()).isPositive();
        assertThat(p.path("message").asText()).contains("violence-suspectd");
        assertThat(p.path("hint").asText()).contains("violence-suspected");
    }

    @Test
    void notJsonIs400AndAnUnknownGuide404() throws Exception {
        assertThat(post("/evaluate?guide=nittedal", "{\"child\": ").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = post("/evaluate?guide=nitedal", "{}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("no guide 'nitedal'");
        JsonNode body = assertProblemBody(unknown.body(), 404);
        assertThat(body.path("error").asText()).isEqualTo("no guide 'nitedal'");
        assertThat(body.path("problems").get(0).path("hint").asText()).contains("nittedal", "norge");
    }

    @Test
    void health() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode h = JSON.readTree(r.body());
        assertThat(h.path("status").asText()).isEqualTo("ok");
        assertThat(h.path("guides").findValuesAsText("id")).containsExactly("nittedal", "norge");
    }

    @Test
    void reloadingSwapsTheGuideWhileRequestsKeepBeingServed(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("norge"));
        String text = Files.readString(Path.of("../guides/norge/guide.yaml"));
        copyScenarios(Path.of("../guides/norge/scenarios"), Files.createDirectories(folder.resolve("scenarios")));
        Files.writeString(folder.resolve("guide.yaml"), text.replaceFirst("version: \"?[^\"\\n]+\"?", "version: \"reloaded\""));

        List<CompletableFuture<Integer>> inFlight = IntStream.range(0, 50).mapToObj(i -> CompletableFuture.supplyAsync(() -> {
            try {
                return post("/evaluate?guide=norge", "{\"asOf\": \"2026-11-24\", \"child\": {\"age\": 16}}").statusCode();
            } catch (Exception e) {
                return -1;
            }
        })).toList();
        GoLive reloaded = server.reload(folder.resolve("guide.yaml"));
        assertThat(reloaded.problems()).isEmpty();
        assertThat(inFlight.stream().map(CompletableFuture::join)).containsOnly(200);

        HttpResponse<String> r = post("/evaluate?guide=norge", "{\"asOf\": \"2026-11-24\", \"child\": {\"age\": 16}}");
        assertThat(JSON.readTree(r.body()).path("guide").path("version").asText()).isEqualTo("reloaded");
        server.reload(Guides.bundled("norge"));
    }

    /** Issue 16: the server refuses to put the truncated Nittedal guide (cut before a rule in the middle) live; the running one stays. */
    @Test
    void aTruncatedGuideDoesNotGoLive(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("nittedal"));
        List<String> lines = Files.readAllLines(Path.of("../guides/nittedal/guide.yaml"));
        // cut at a rule boundary in the middle (before the Samtidighetsansvar rule), wherever edits have moved it
        Files.write(folder.resolve("guide.yaml"), lines.subList(0, lines.indexOf("  - id: nittedal.level3.child-welfare-hands-back")));
        copyScenarios(Path.of("../guides/nittedal/scenarios"), Files.createDirectories(folder.resolve("scenarios")));
        String violence = "{\"asOf\": \"2026-11-24\", \"child\": {\"age\": 9}, \"concern\": {\"signals\": [\"violence-suspected\"]}}";
        String before = post("/evaluate?guide=nittedal", violence).body();

        GoLive result = server.reload(folder.resolve("guide.yaml"));

        assertThat(result.accepted()).isFalse();
        // refused by its scenarios: they name rules the cut guide lacks, or fail
        assertThat(result.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.file()).contains("scenarios"));
        assertThat(post("/evaluate?guide=nittedal", violence).body()).isEqualTo(before);
    }

    static void copyScenarios(Path from, Path to) throws java.io.IOException {
        try (java.util.stream.Stream<Path> s = Files.list(from)) {
            for (Path p : s.toList()) {
                Files.copy(p, to.resolve(p.getFileName().toString()));
            }
        }
    }
}
