package no.veiviser.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import no.veiviser.Case;
import no.veiviser.CaseWork;
import no.veiviser.Child;
import no.veiviser.CompiledGuide;
import no.veiviser.Concern;
import no.veiviser.Decision;
import no.veiviser.Guides;
import org.junit.jupiter.api.Test;

class VeiviserModuleTest {
    static final CompiledGuide NITTEDAL = Guides.bundled("nittedal").compile();
    static final LocalDate AS_OF = LocalDate.parse("2026-11-24");

    static List<Decision> decisions() {
        return List.of(
                NITTEDAL.evaluate(Case.on(AS_OF).withChild(Child.aged(9)).withConcern(Concern.of("violence-suspected"))),
                NITTEDAL.evaluate(Case.on(AS_OF).withChild(Child.aged(15)).withWork(CaseWork.atLevel(1))
                        .withConcern(Concern.of("wellbeing-concern").withSince(LocalDate.parse("2026-09-01")))),
                NITTEDAL.evaluate(Case.on(AS_OF)));
    }

    @Test
    void aMapperWithTheModuleWritesADecisionExactlyAsToJson() throws Exception {
        ObjectMapper plain = new ObjectMapper();
        ObjectMapper mapper = new ObjectMapper().registerModule(new VeiviserModule());
        for (Decision d : decisions()) {
            JsonNode expected = plain.readTree(d.toJson());
            assertThat(plain.readTree(mapper.writeValueAsString(d))).isEqualTo(expected);
            // Pretty printing is the mapper's; the content is the contract's.
            String pretty = mapper.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(d);
            assertThat(plain.readTree(pretty)).isEqualTo(expected);
        }
    }

    @Test
    void insideOtherValuesToo() throws Exception {
        ObjectMapper plain = new ObjectMapper();
        ObjectMapper mapper = new ObjectMapper().registerModule(new VeiviserModule());
        Decision d = decisions().get(1);
        JsonNode wrapped = plain.readTree(mapper.writeValueAsString(Map.of("decisions", List.of(d, d))));
        assertThat(wrapped.get("decisions").get(1)).isEqualTo(plain.readTree(d.toJson()));
        assertThat(wrapped.get("decisions").get(0).get("format").asInt()).isEqualTo(2);
    }

    @Test
    void findAndRegisterModulesFindsIt() throws Exception {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        Decision d = decisions().get(0);
        assertThat(new ObjectMapper().readTree(mapper.writeValueAsString(d))).isEqualTo(new ObjectMapper().readTree(d.toJson()));
    }
}
