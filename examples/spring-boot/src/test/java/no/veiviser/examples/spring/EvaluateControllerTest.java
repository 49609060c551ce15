package no.veiviser.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import no.veiviser.Cases;
import no.veiviser.CompiledGuide;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
class EvaluateControllerTest {
    static final ObjectMapper PLAIN = new ObjectMapper();

    @Autowired
    MockMvc mvc;

    @Autowired
    CompiledGuide guide;

    @Test
    void theResponseIsExactlyToJson() throws Exception {
        String violence = """
                {"asOf": "2026-11-24", "child": {"birthDate": "2011-03-02", "setting": "school"},
                 "concern": {"since": "2026-11-20", "signals": ["violence-suspected"]}, "case": {"level": 0}}
                """;
        String worry = """
                {"asOf": "2026-11-24", "child": {"age": 15, "setting": "school"},
                 "concern": {"since": "2026-09-01", "signals": ["wellbeing-concern"]}, "case": {"level": 1}}
                """;
        for (String body : new String[] {violence, worry}) {
            MvcResult r = mvc.perform(post("/evaluate").contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
            assertThat(r.getResponse().getStatus()).isEqualTo(200);
            String expected = guide.evaluate(Cases.parse(body, "request.json", guide.guide(), LocalDate.now())).toJson();
            assertThat(PLAIN.readTree(r.getResponse().getContentAsString())).isEqualTo(PLAIN.readTree(expected));
            assertThat(PLAIN.readTree(r.getResponse().getContentAsString()).get("format").asInt()).isEqualTo(2);
        }
    }

    @Test
    void aBadCaseIs400WithLocatedProblems() throws Exception {
        MvcResult r = mvc.perform(post("/evaluate").contentType(MediaType.APPLICATION_JSON)
                .content("{\"asOf\": \"2026-11-24\", \"concern\": {\"signals\": [\"violence-suspectd\"]}}")).andReturn();
        assertThat(r.getResponse().getStatus()).isEqualTo(400);
        var body = PLAIN.readTree(r.getResponse().getContentAsString());
        assertThat(body.get("status").asInt()).isEqualTo(400);
        assertThat(body.get("error").asText()).isEqualTo("the case has problems");
        var problem = body.get("problems").get(0);
        assertThat(problem.get("severity").asText()).isEqualTo("error");
        assertThat(problem.get("file").asText()).isEqualTo("request.json");
        assertThat(problem.get("line").asInt()).isEqualTo(1);
        assertThat(problem.get("hint").asText()).isEqualTo("did you mean 'violence-suspected'?");
    }
}
