package no.veiviser.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.veiviser.Problem;
import org.junit.jupiter.api.Test;

class ProblemJsonTest {
    @Test
    void locatedProblemsAreListedAsTheyAre() {
        String text = ProblemJson.text(400, "the case has problems", List.of(
                Problem.error("request body", 2, 14, "unknown signal 'x'", "did you mean 'y'?"),
                new Problem(Problem.Severity.WARNING, "guide.yaml", 3, 1, "a warning", null)));
        assertThat(text).isEqualTo("{\"status\":400,\"error\":\"the case has problems\",\"problems\":["
                + "{\"severity\":\"error\",\"file\":\"request body\",\"line\":2,\"column\":14,\"message\":\"unknown signal 'x'\",\"hint\":\"did you mean 'y'?\"},"
                + "{\"severity\":\"warning\",\"file\":\"guide.yaml\",\"line\":3,\"column\":1,\"message\":\"a warning\",\"hint\":\"\"}]}");
    }

    @Test
    void anErrorWithoutAPlaceIsOneProblemThatRepeatsIt() {
        assertThat(ProblemJson.text(404, "no such page", List.of())).isEqualTo("{\"status\":404,\"error\":\"no such page\",\"problems\":["
                + "{\"severity\":\"error\",\"file\":\"\",\"line\":0,\"column\":0,\"message\":\"no such page\",\"hint\":\"\"}]}");
    }
}
