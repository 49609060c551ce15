package no.veiviser.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The error body every server writes ({@link ProblemJson}), asserted field by field for tests of each server. */
public final class ProblemShape {
    private ProblemShape() {}

    /** {@code {"status", "error", "problems": [{"severity", "file", "line", "column", "message", "hint"}, ...]}}, nothing else. */
    public static JsonNode assertProblemBody(JsonNode body, int status) {
        assertThat(names(body)).as("fields of %s", body).containsExactly("status", "error", "problems");
        assertThat(body.get("status").isInt()).isTrue();
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("error").isTextual()).isTrue();
        assertThat(body.get("error").asText()).isNotBlank();
        assertThat(body.get("problems").isArray()).isTrue();
        assertThat(body.get("problems")).as("problems is never empty").isNotEmpty();
        for (JsonNode p : body.get("problems")) {
            assertThat(names(p)).as("fields of %s", p).containsExactly("severity", "file", "line", "column", "message", "hint");
            assertThat(p.get("severity").asText()).isIn("error", "warning");
            assertThat(p.get("file").isTextual()).isTrue();
            assertThat(p.get("line").isInt()).isTrue();
            assertThat(p.get("column").isInt()).isTrue();
            assertThat(p.get("message").asText()).isNotBlank();
            assertThat(p.get("hint").isTextual()).isTrue();
        }
        return body;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
