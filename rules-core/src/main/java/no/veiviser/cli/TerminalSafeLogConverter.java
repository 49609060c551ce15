package no.veiviser.cli;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;

/**
 * {@code %safe(...)} in the CLI's Logback pattern ({@value CliLogging#CONFIG}): log lines reach the terminal without
 * passing {@link TerminalSafeWriter}, and a message may quote input (a problem in a guide the workbench refused), so
 * they are escaped by the same function. Not API: Logback creates it by name.
 */
public final class TerminalSafeLogConverter extends CompositeConverter<ILoggingEvent> {
    /** Called by Logback. */
    public TerminalSafeLogConverter() {
    }

    @Override
    protected String transform(ILoggingEvent event, String in) {
        String sep = System.lineSeparator(); // %n, and stack traces' line ends: \r\n on Windows is not an attack
        if (sep.equals("\n")) {
            return TerminalSafeWriter.safe(in);
        }
        StringBuilder b = new StringBuilder(in.length());
        String[] lines = in.split(java.util.regex.Pattern.quote(sep), -1);
        for (int i = 0; i < lines.length; i++) {
            b.append(i == 0 ? "" : sep).append(TerminalSafeWriter.safe(lines[i]));
        }
        return b.toString();
    }
}
