package no.veiviser.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import no.veiviser.Problem;

/**
 * The one body of every error answer, from the example server, the workbench and {@link HttpServers}' own 413 and 500:
 *
 * <pre>{@code
 * {"status": 400, "error": "the case has problems",
 *  "problems": [{"severity": "error", "file": "request body", "line": 2, "column": 14,
 *                "message": "unknown signal 'violence-suspectd'", "hint": "did you mean 'violence-suspected'?"}]}
 * }</pre>
 *
 * <p>{@code problems} is never empty: an error without a place in a file is one problem with {@code file} {@code ""}
 * and line 0 that repeats {@code error}. {@code hint} is always there ({@code ""} when there is none).
 */
public final class ProblemJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemJson() {
    }

    /**
     * The body as a tree, for servers that write their JSON with Jackson.
     *
     * @param status the HTTP status
     * @param error what went wrong, in one sentence
     * @param problems the located problems; empty for an error that has no place in a file
     * @return {@code {"status", "error", "problems"}}
     */
    public static ObjectNode body(int status, String error, List<Problem> problems) {
        Objects.requireNonNull(error, "error");
        ObjectNode out = JSON.createObjectNode();
        out.put("status", status);
        out.put("error", error);
        out.set("problems", list(problems.isEmpty() ? List.of(Problem.error("", 0, 0, error, null)) : problems));
        return out;
    }

    /**
     * The body as text.
     *
     * @param status the HTTP status
     * @param error what went wrong, in one sentence
     * @param problems the located problems; empty for an error that has no place in a file
     * @return {@code {"status", "error", "problems"}} as JSON text
     */
    public static String text(int status, String error, List<Problem> problems) {
        return body(status, error, problems).toString();
    }

    /**
     * Problems as a JSON array, as they appear in an error body (and wherever else a server lists problems).
     *
     * @param problems the problems
     * @return {@code [{"severity", "file", "line", "column", "message", "hint"}]}
     */
    public static ArrayNode list(List<Problem> problems) {
        ArrayNode list = JSON.createArrayNode();
        for (Problem p : problems) {
            list.addObject()
                    .put("severity", p.severity().name().toLowerCase(Locale.ROOT))
                    .put("file", p.file())
                    .put("line", p.line())
                    .put("column", p.column())
                    .put("message", p.message())
                    .put("hint", p.hint());
        }
        return list;
    }
}
