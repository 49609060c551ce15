package no.veiviser;

import java.util.Objects;

/**
 * One thing wrong with an input file: where ({@code file:line:column}), what, and a hint how to fix it.
 * Line and column are 1-based; 0 means the location is unknown (for example a case built in Java).
 */
public record Problem(Severity severity, String file, int line, int column, String message, String hint) {

    /** Errors stop a guide or case from being used; warnings are reported but do not. */
    public enum Severity {
        /** The input cannot be used. */
        ERROR,
        /** Reported, but the input can be used. */
        WARNING
    }

    /**
     * Replaces a null file or hint by the empty string.
     *
     * @param severity error or warning
     * @param file the file (may be empty)
     * @param line the line, 1-based (0: unknown)
     * @param column the column, 1-based (0: unknown)
     * @param message what is wrong
     * @param hint how to fix it (may be empty)
     * @throws NullPointerException when severity or message is null
     */
    public Problem {
        Objects.requireNonNull(severity, "severity");
        file = file == null ? "" : file;
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
    }

    /**
     * @param file the file
     * @param line the line, 1-based (0: unknown)
     * @param column the column, 1-based (0: unknown)
     * @param message what is wrong
     * @param hint how to fix it (may be empty)
     * @return an error
     */
    public static Problem error(String file, int line, int column, String message, String hint) {
        return new Problem(Severity.ERROR, file, line, column, message, hint);
    }

    /** @return whether this is an error (not a warning) */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** @return {@code file:line:column} as editors and compilers print it (the file alone when the line is unknown) */
    public String where() {
        if (line <= 0) {
            return file;
        }
        return file + ":" + line + ":" + column;
    }

    /** {@code file:line:column: message} and, on the next line, the hint if there is one. */
    @Override
    public String toString() {
        String where = where();
        String head = (where.isEmpty() ? "" : where + ": ") + (severity == Severity.WARNING ? "warning: " : "") + message;
        return hint.isEmpty() ? head : head + "\n  hint: " + hint;
    }
}
