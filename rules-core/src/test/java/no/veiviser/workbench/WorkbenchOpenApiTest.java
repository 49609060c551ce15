package no.veiviser.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAPI 3.1 document the server serves parses without messages and describes every route the server has. */
class WorkbenchOpenApiTest {
    @TempDir
    static Path dir;
    static WorkbenchServer server;

    @BeforeAll
    static void start() {
        WorkbenchFixture.copyGuides(dir, List.of("norge", "nittedal"));
        server = WorkbenchServer.start(new WorkbenchServer.Options("127.0.0.1", 0, false, List.of(dir)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void the_served_document_is_valid_openapi_3_1_and_lists_every_route() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.address().resolve("/api/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(r.body(), null, options);
        assertThat(parsed.getMessages()).isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        assertThat(api.getOpenapi()).isEqualTo("3.1.0");
        assertThat(api.getInfo().getVersion()).isNotEqualTo("${version}");
        Map<String, PathItem> paths = api.getPaths();
        assertThat(paths).containsKeys("/health", "/api/openapi.json", "/api/guides", "/api/guides/{id}", "/api/guides/{id}/evaluate",
                "/api/guides/{id}/explain", "/api/guides/{id}/scenarios", "/api/guides/{id}/validate", "/api/guides/{id}/source",
                "/api/guides/{id}/diff", "/api/guides/{id}/exact", "/api/guides/{id}/cases/{source}/{index}", "/api/guides/{id}/handbook", "/api/reload");
        assertThat(paths.get("/api/guides/{id}/evaluate").getPost().getResponses()).containsKeys("200", "400", "403", "404", "413");
        assertThat(paths.get("/api/guides/{id}/source").getPut().getResponses()).containsKeys("200", "400", "403", "412", "428");
        assertThat(api.getComponents().getSchemas()).containsKeys("Decision", "Problem", "ScenarioReport", "ImpactReport");
    }
}
