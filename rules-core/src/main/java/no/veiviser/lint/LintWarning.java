package no.veiviser.lint;

import java.util.Objects;
import no.veiviser.Problem;

/**
 * A lint warning: something in a guide that is not an error but deserves a look. {@code id} is stable
 * ({@code W001}…, see {@link Lint}); {@code subject} is the rule id, parameter name or finding code it is about;
 * {@code problem} says where and what. A guide file accepts a warning with {@code acknowledge: [W005]} or
 * {@code acknowledge: [{id: W005, rule: <subject>, reason: ...}]}; it is then {@code acknowledged}.
 */
public record LintWarning(String id, String subject, Problem problem, boolean acknowledged) {
    /**
     * Replaces a null subject by the empty string.
     *
     * @param id the warning's stable id, {@code W001}…
     * @param subject the rule id, parameter name or finding code it is about
     * @param problem where and what
     * @param acknowledged whether the guide file acknowledges it
     */
    public LintWarning {
        Objects.requireNonNull(id, "id");
        subject = subject == null ? "" : subject;
        Objects.requireNonNull(problem, "problem");
    }

    /** {@code file:line:column: warning W005: message} and the hint on the next line. */
    @Override
    public String toString() {
        String where = problem.where();
        String head = (where.isEmpty() ? "" : where + ": ") + "warning " + id + ": " + problem.message()
                + (acknowledged ? " (acknowledged)" : "");
        return problem.hint().isEmpty() ? head : head + "\n  hint: " + problem.hint();
    }
}
