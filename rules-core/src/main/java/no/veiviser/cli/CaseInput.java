package no.veiviser.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import no.veiviser.Case;
import no.veiviser.Guide;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code evaluate} and {@code explain} share: the guide, the case and the date. */
final class CaseInput {
    @Option(names = {"-g", "--guide"}, required = true, paramLabel = "<id|file>",
            description = "A bundled guide id (see 'veiviser guides'), or a guide file.")
    String guide;

    @Option(names = "--as-of", paramLabel = "<YYYY-MM-DD>", converter = DateConverter.class,
            description = "Assess the case on this date instead of its asOf (a case without asOf is assessed today).")
    LocalDate asOf;

    @Parameters(index = "0", paramLabel = "<case>",
            description = "The case file (YAML or JSON), or - to read it from standard input.")
    String caseFile;

    Guide loadGuide() {
        return Inputs.guide(guide);
    }

    Case readCase(Guide g, Main main) {
        return Inputs.readCase(caseFile, g, main.stdin(), main.today(), asOf);
    }

    /** {@code YYYY-MM-DD}, with a message that says so. */
    static final class DateConverter implements CommandLine.ITypeConverter<LocalDate> {
        @Override
        public LocalDate convert(String value) {
            try {
                LocalDate d = LocalDate.parse(value);
                if (!no.veiviser.internal.yaml.Fields.inRange(d)) {
                    throw new CommandLine.TypeConversionException("'" + value + "' is outside the dates Veiviser accepts, "
                            + no.veiviser.internal.yaml.Fields.MIN_DATE + " to " + no.veiviser.internal.yaml.Fields.MAX_DATE);
                }
                return d;
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a date; write YYYY-MM-DD, for example 2026-11-24");
            }
        }
    }
}
