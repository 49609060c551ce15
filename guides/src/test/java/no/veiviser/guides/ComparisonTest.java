package no.veiviser.guides;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Nittedal / Øvre Eiker comparison runs the same eleven cases against both guides, one scenario file per guide
 * (the scenario format holds one guide per file). Only the expectations may differ: this test keeps the two files
 * from drifting apart, so that COMPARISON.md compares like with like.
 */
class ComparisonTest {

    private static final Path OVRE_EIKER = Path.of("ovre-eiker", "scenarios", "compare-with-nittedal.yaml");
    private static final Path NITTEDAL = Path.of("nittedal", "scenarios", "compare-with-ovre-eiker.yaml");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    @Test
    void bothFilesHoldTheSameBases() throws IOException {
        assertThat(read(NITTEDAL).path("bases"))
                .as("bases of %s and %s", NITTEDAL, OVRE_EIKER)
                .isEqualTo(read(OVRE_EIKER).path("bases"));
    }

    @Test
    void bothFilesHoldTheSameScenarioNamesInTheSameOrder() throws IOException {
        List<String> ovreEiker = new ArrayList<>(cases(read(OVRE_EIKER)).keySet());
        List<String> nittedal = new ArrayList<>(cases(read(NITTEDAL)).keySet());
        assertThat(ovreEiker).as("scenario names in %s", OVRE_EIKER).hasSize(11).doesNotHaveDuplicates();
        assertThat(nittedal).as("scenario names in %s", NITTEDAL).containsExactlyElementsOf(ovreEiker);
    }

    @Test
    void eachScenarioHasIdenticalCaseFactsInBothFiles() throws IOException {
        Map<String, JsonNode> ovreEiker = cases(read(OVRE_EIKER));
        Map<String, JsonNode> nittedal = cases(read(NITTEDAL));
        ovreEiker.forEach((name, facts) -> {
            assertThat(nittedal).as("scenario '%s' in %s", name, NITTEDAL).containsKey(name);
            assertThat(nittedal.get(name)).as("case facts (extend + case) of '%s'", name).isEqualTo(facts);
        });
    }

    @Test
    void everyScenarioHasItsOwnExpectations() throws IOException {
        for (Path file : List.of(OVRE_EIKER, NITTEDAL)) {
            for (JsonNode s : read(file).path("scenarios")) {
                assertThat(s.path("expect").isObject() && s.path("expect").size() > 0)
                        .as("'%s' in %s has expectations", s.path("name").asText(), file).isTrue();
            }
        }
    }

    private JsonNode read(Path file) throws IOException {
        JsonNode root = yaml.readTree(file.toFile());
        assertThat(root).as("%s parses", file).isNotNull();
        return root;
    }

    /** Scenario name to its case facts: the base it extends and its case, everything but the expectations. */
    private static Map<String, JsonNode> cases(JsonNode root) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode s : root.path("scenarios")) {
            com.fasterxml.jackson.databind.node.ObjectNode facts = s.deepCopy();
            facts.remove("expect");
            facts.remove("name");
            out.put(s.path("name").asText(), facts);
        }
        return out;
    }
}
