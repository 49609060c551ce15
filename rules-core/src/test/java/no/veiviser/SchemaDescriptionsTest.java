package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Editors show a property's description on hover: every property of every published schema has one. */
class SchemaDescriptionsTest {

    @ParameterizedTest
    @ValueSource(strings = {"guide.schema.json", "case.schema.json", "scenario.schema.json"})
    void everyPropertyHasADescription(String name) throws Exception {
        JsonNode schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("veiviser/schema/" + name)) {
            assertThat(in).as(name + " ships in the jar").isNotNull();
            schema = new ObjectMapper().readTree(in);
        }
        assertThat(schema.path("description").asText()).as(name + " itself").isNotBlank();
        List<String> missing = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        walk(schema, "#", missing, seen);
        assertThat(seen).as("properties found in " + name).hasSizeGreaterThan(10);
        assertThat(missing).as("properties without a description in " + name).isEmpty();
    }

    private static void walk(JsonNode node, String path, List<String> missing, List<String> seen) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                properties.fields().forEachRemaining(e -> {
                    seen.add(path + "/properties/" + e.getKey());
                    if (e.getValue().isObject() && e.getValue().path("description").asText().isBlank()) {
                        missing.add(path + "/properties/" + e.getKey());
                    }
                });
            }
            node.fields().forEachRemaining(e -> walk(e.getValue(), path + "/" + e.getKey(), missing, seen));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), path + "/" + i, missing, seen);
            }
        }
    }
}
