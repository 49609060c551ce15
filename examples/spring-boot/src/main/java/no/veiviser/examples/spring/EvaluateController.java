package no.veiviser.examples.spring;

import java.time.Clock;
import java.time.LocalDate;
import no.veiviser.Case;
import no.veiviser.CaseException;
import no.veiviser.Cases;
import no.veiviser.CompiledGuide;
import no.veiviser.Decision;
import no.veiviser.server.ProblemJson;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /evaluate} with a case as JSON (the case file format): the decision as JSON, or HTTP 400 with every
 * problem located in the request body. The case is read with the library's reader, so unknown fields and codes are
 * refused with a hint, as everywhere else; nothing of the case is logged.
 */
@RestController
class EvaluateController {
    private final CompiledGuide guide;
    private final Clock clock;

    EvaluateController(CompiledGuide guide) {
        this.guide = guide;
        this.clock = Clock.systemDefaultZone();
    }

    @PostMapping(path = "/evaluate", consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    Decision evaluate(@RequestBody String caseJson) {
        Case aCase = Cases.parse(caseJson, "request.json", guide.guide(), LocalDate.now(clock));
        return guide.evaluate(aCase);
    }

    /** The same body as the library's other servers ({@link ProblemJson}): {@code {"status", "error", "problems"}}. */
    @ExceptionHandler(CaseException.class)
    ResponseEntity<String> badCase(CaseException e) {
        return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_JSON).body(ProblemJson.text(400, "the case has problems", e.problems()));
    }
}
