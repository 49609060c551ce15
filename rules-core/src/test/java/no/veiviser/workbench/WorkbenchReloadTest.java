package no.veiviser.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import no.veiviser.server.ProblemShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 28, item 2: with a truncated guide in place, {@code POST /api/reload} answered 200, {@code /health} said degraded
 * and evaluation returned 503. A new version that does not go live leaves the running one in place; the answer (409,
 * the one error body) says what was refused and why. Item 5: the "not served … the first:" log line quotes an error,
 * not a warning that sorts before it.
 */
class WorkbenchReloadTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String A_CASE = "{\"asOf\": \"2026-11-24\", \"child\": {\"age\": 9}}";

    @TempDir
    Path dir;

    static HttpResponse<String> reload(WorkbenchServer s) throws Exception {
        return WorkbenchAccessTest.send(HttpRequest.newBuilder(s.address().resolve("/api/reload")).header("X-Veiviser-Token", s.token())
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    static int evaluate(WorkbenchServer s, String id) throws Exception {
        return WorkbenchAccessTest.send(HttpRequest.newBuilder(s.address().resolve("/api/guides/" + id + "/evaluate"))
                .POST(HttpRequest.BodyPublishers.ofString(A_CASE)).build()).statusCode();
    }

    static JsonNode health(WorkbenchServer s) throws Exception {
        return JSON.readTree(WorkbenchAccessTest.send(HttpRequest.newBuilder(s.address().resolve("/health")).build()).body());
    }

    /** The text cut at the line boundary nearest its middle: what a reader sees while the file is being rewritten. */
    static String cutShort(String text) {
        return text.substring(0, text.indexOf('\n', text.length() / 2) + 1);
    }

    @Test
    void a_truncated_guide_is_refused_at_reload_and_the_running_version_keeps_answering() throws Exception {
        WorkbenchFixture.copyGuides(dir, List.of("norge", "nittedal"));
        Path file = dir.resolve("nittedal/guide.yaml");
        String good = Files.readString(file);
        try (WorkbenchServer s = WorkbenchServer.start(new WorkbenchServer.Options("127.0.0.1", 0, true, List.of(dir)))) {
            assertThat(evaluate(s, "nittedal")).isEqualTo(200);

            Files.writeString(file, cutShort(good));
            HttpResponse<String> r = reload(s);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
            JsonNode body = ProblemShape.assertProblemBody(JSON.readTree(r.body()), 409);
            assertThat(body.get("error").asText()).isEqualTo("the new version of guide 'nittedal' was refused; version 2026.1 stays live");
            JsonNode first = body.get("problems").get(0);
            assertThat(first.get("file").asText()).isEqualTo(file.toString());
            assertThat(first.get("message").asText()).isEqualTo("the new version of guide 'nittedal' was refused; version 2026.1 stays live");
            assertThat(body.get("problems").size()).as("and why").isGreaterThan(1);
            assertThat(body.get("problems").findValuesAsText("file")).allMatch(f -> f.startsWith(dir.resolve("nittedal").toString()));
            assertThat(health(s).get("status").asText()).isEqualTo("ok");
            assertThat(evaluate(s, "nittedal")).as("the running version answers").isEqualTo(200);

            Files.writeString(file, good); // the whole file is in place: the reload puts it live
            assertThat(reload(s).statusCode()).isEqualTo(200);
            assertThat(evaluate(s, "nittedal")).isEqualTo(200);
        }
    }

    @Test
    void a_refused_base_keeps_the_running_base_and_the_guides_that_extend_it() throws Exception {
        WorkbenchFixture.copyGuides(dir, List.of("norge", "nittedal"));
        Path base = dir.resolve("norge/guide.yaml");
        try (WorkbenchServer s = WorkbenchServer.start(new WorkbenchServer.Options("127.0.0.1", 0, true, List.of(dir)))) {
            Files.writeString(base, cutShort(Files.readString(base)));
            HttpResponse<String> r = reload(s);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
            JsonNode body = ProblemShape.assertProblemBody(JSON.readTree(r.body()), 409);
            assertThat(body.get("error").asText()).isEqualTo("2 guides' new versions were refused (nittedal, norge); their running versions stay live");
            List<String> refused = new ArrayList<>();
            body.get("problems").forEach(p -> {
                if (p.get("message").asText().startsWith("the new version of guide ")) {
                    refused.add(p.get("message").asText());
                }
            });
            assertThat(refused).containsExactly("the new version of guide 'nittedal' was refused; version 2026.1 stays live",
                    "the new version of guide 'norge' was refused; version 2026.1 stays live");
            assertThat(health(s).get("status").asText()).isEqualTo("ok");
            assertThat(evaluate(s, "norge")).isEqualTo(200);
            assertThat(evaluate(s, "nittedal")).isEqualTo(200);
        }
    }

    @Test
    void the_not_served_log_line_quotes_the_error_not_a_warning() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("quoted"));
        // A rule without a source (a warning, line 5) before an unknown field (an error, line 12).
        Files.writeString(folder.resolve("guide.yaml"), """
                guide: {id: quoted, title: Quoted, version: "1"}
                codes:
                  act: Handle
                rules:
                  - id: r1
                    when: {child.age: {gte: 1}}
                    then:
                      - {code: act, text: Nå.}
                  - id: r2
                    when: {child.age: {gte: 2}}
                    then:
                      - {code: act, text: Nå., nonsense: 1}
                    source: {section: S1, text: Q.}
                """);
        ch.qos.logback.classic.Logger logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(Workbench.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> events = new ch.qos.logback.core.read.ListAppender<>();
        events.start();
        logger.addAppender(events);
        Workbench w;
        try {
            w = Workbench.open(List.of(folder));
        } finally {
            logger.detachAppender(events);
        }
        GuideEntry e = w.get("quoted").orElseThrow();
        assertThat(e.live()).isFalse();
        assertThat(e.problems().get(0).isError()).as("the test needs a warning sorted before the error: " + e.problems()).isFalse();
        String error = e.problems().stream().filter(no.veiviser.Problem::isError).findFirst().orElseThrow().message();
        assertThat(events.list).extracting(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.startsWith("guide quoted is not served") && line.endsWith("the first: " + error));
    }
}
