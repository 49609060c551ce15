package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The published JSON Schemas (for editors) agree with the loader: bundled guides and example cases pass both. */
class SchemaTest {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static JsonSchema schema(String name) throws IOException {
        try (InputStream in = SchemaTest.class.getClassLoader().getResourceAsStream("veiviser/schema/" + name)) {
            assertThat(in).as(name + " is on the class path").isNotNull();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    static Stream<Path> bundledGuides() throws IOException {
        return Files.list(Path.of("../guides")).map(d -> d.resolve("guide.yaml")).filter(Files::isRegularFile).sorted();
    }

    static Stream<Path> exampleCases() throws IOException {
        return Files.list(Path.of("../examples/cases")).filter(p -> p.toString().endsWith(".yaml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("bundledGuides")
    void everyBundledGuideMatchesTheGuideSchema(Path guide) throws IOException {
        Set<ValidationMessage> errors = schema("guide.schema.json").validate(YAML.readTree(guide.toFile()));
        assertThat(errors).as(guide.toString()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("exampleCases")
    void everyExampleCaseMatchesTheCaseSchema(Path c) throws IOException {
        Set<ValidationMessage> errors = schema("case.schema.json").validate(YAML.readTree(c.toFile()));
        assertThat(errors).as(c.toString()).isEmpty();
        Cases.read(c, Guides.bundled("nittedal")); // and the loader accepts it too
    }

    static Stream<Path> bundledScenarioFiles() throws IOException {
        return bundledGuides().map(g -> g.resolveSibling("scenarios")).filter(Files::isDirectory).flatMap(d -> {
            try {
                return Files.list(d).filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @ParameterizedTest
    @MethodSource("bundledScenarioFiles")
    void everyBundledScenarioFileMatchesTheScenarioSchema(Path file) throws IOException {
        Set<ValidationMessage> errors = schema("scenario.schema.json").validate(YAML.readTree(file.toFile()));
        assertThat(errors).as(file.toString()).isEmpty();
    }

    @Test
    void theScenarioSchemasCaseIsTheCaseSchema() throws IOException {
        // a scenario's case is a case: one vocabulary, so the two schemas cannot drift apart
        JsonNode caseSchema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(getClass().getResource("/veiviser/schema/case.schema.json"));
        JsonNode inScenario = new com.fasterxml.jackson.databind.ObjectMapper().readTree(getClass().getResource("/veiviser/schema/scenario.schema.json"))
                .at("/$defs/case");
        assertThat(inScenario.get("properties")).isEqualTo(caseSchema.get("properties"));
    }

    @Test
    void aScenarioThatExtendsABaseMayTakeAFactAwayWithNullAndOnlyThen() throws IOException {
        // what the loader accepts (issue 26 item 8), an editor must not mark red; without a base, null is refused by both
        JsonNode file = YAML.readTree("""
                guide: norge
                bases:
                  b: {asOf: 2026-11-24, child: {age: 10}, concern: {signals: [wellbeing-concern]}}
                scenarios:
                  - name: the age taken away
                    extend: b
                    case: {child: {age: null}, meeting: ~}
                    expect: {level: 0}
                """);
        assertThat(schema("scenario.schema.json").validate(file)).isEmpty();
        JsonNode withoutBase = YAML.readTree("""
                scenarios:
                  - name: null without a base
                    case: {asOf: 2026-11-24, child: {age: null}}
                    expect: {level: 0}
                """);
        assertThat(schema("scenario.schema.json").validate(withoutBase)).extracting(ValidationMessage::getMessage)
                .anyMatch(m -> m.contains("age") && m.contains("null"));
        JsonNode misspelt = YAML.readTree("""
                scenarios:
                  - name: a fact the vocabulary lacks, in an overlay too
                    extend: b
                    case: {child: {agee: null}}
                    expect: {level: 0}
                """);
        assertThat(schema("scenario.schema.json").validate(misspelt)).extracting(ValidationMessage::getMessage).anyMatch(m -> m.contains("agee"));
    }

    @Test
    void theOverlayNamesEveryFactOfTheCaseSchema() throws IOException {
        // the overlay refers to the case's facts one by one: a fact added to the case must be added there too
        JsonNode caseSchema = new com.fasterxml.jackson.databind.ObjectMapper().readTree(getClass().getResource("/veiviser/schema/case.schema.json"));
        JsonNode overlay = new com.fasterxml.jackson.databind.ObjectMapper().readTree(getClass().getResource("/veiviser/schema/scenario.schema.json"))
                .at("/$defs/overlay/properties");
        List<String> facts = new java.util.ArrayList<>();
        List<String> overlaid = new java.util.ArrayList<>();
        caseSchema.get("properties").fields().forEachRemaining(e -> {
            JsonNode inner = e.getValue().get("properties");
            if (inner == null) {
                facts.add(e.getKey());
            } else {
                inner.fieldNames().forEachRemaining(k -> facts.add(e.getKey() + "." + k));
            }
        });
        overlay.fields().forEachRemaining(e -> {
            JsonNode inner = e.getValue().at("/anyOf/0/properties");
            if (inner.isMissingNode()) {
                assertThat(e.getValue().at("/anyOf/0/$ref").asText()).isEqualTo("#/$defs/case/properties/" + e.getKey());
                overlaid.add(e.getKey());
            } else {
                inner.fields().forEachRemaining(k -> {
                    assertThat(k.getValue().at("/anyOf/0/$ref").asText()).isEqualTo("#/$defs/case/properties/" + e.getKey() + "/properties/" + k.getKey());
                    overlaid.add(e.getKey() + "." + k.getKey());
                });
            }
        });
        assertThat(overlaid).containsExactlyElementsOf(facts);
    }

    @Test
    void theExampleGuideBokstavikMatchesTheSchemas() throws IOException {
        Path dir = Path.of("../examples/guides/bokstavik");
        assertThat(schema("guide.schema.json").validate(YAML.readTree(dir.resolve("guide.yaml").toFile()))).isEmpty();
        assertThat(schema("scenario.schema.json").validate(YAML.readTree(dir.resolve("scenarios/bokstavik.yaml").toFile()))).isEmpty();
    }

    @Test
    void theSchemaRejectsWhatTheLoaderRejects() throws IOException {
        JsonNode broken = YAML.readTree("""
                guide: {id: x, title: X, version: "1"}
                rules:
                  - id: r
                    when: {child.agee: {gte: 7}}
                    then: [{code: go-to-level, text: t, level: "nivå b"}]
                """);
        List<String> messages = schema("guide.schema.json").validate(broken).stream().map(ValidationMessage::getMessage).toList();
        assertThat(messages).isNotEmpty();
        assertThat(String.join("\n", messages)).contains("child.agee").contains("level: does not match the regex pattern");
    }
}
