package no.veiviser.cli;

/**
 * A problem with how the tool was called that picocli cannot see: a file that does not exist, an
 * unknown rule id, a date that contradicts the case. Printed as {@code veiviser: message} and a hint,
 * never with a stack trace (unless {@code --debug}).
 */
final class CliException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String hint;
    private final int exitCode;

    CliException(String message, String hint) {
        this(message, hint, Main.EXIT_BAD_INPUT);
    }

    CliException(String message, String hint, int exitCode) {
        super(message);
        this.hint = hint == null ? "" : hint;
        this.exitCode = exitCode;
    }

    String hint() {
        return hint;
    }

    int exitCode() {
        return exitCode;
    }
}
