package no.veiviser;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import no.veiviser.internal.yaml.NodeReader;

/**
 * Reads case files (YAML or JSON, see the README for the fields). Given a guide, signal, service and
 * step codes are checked against its catalogues, so a typo is reported at its line and column. A case
 * without {@code asOf} is assessed on {@code defaultAsOf} (today unless given).
 */
public final class Cases {
    private Cases() {}

    /**
     * A case file (YAML, or JSON when the name ends in .json), its codes not checked against a guide.
     *
     * @param file the case file
     * @return the case
     * @throws CaseException with every problem, each at file:line:column
     */
    public static Case read(Path file) {
        return read(file, null, LocalDate.now());
    }

    /**
     * A case file, its codes checked against {@code guide}'s catalogues.
     *
     * @param file the case file
     * @param guide the guide whose codes the case may use
     * @return the case
     * @throws CaseException with every problem, each at file:line:column
     */
    public static Case read(Path file, Guide guide) {
        return read(file, guide, LocalDate.now());
    }

    /**
     * As {@link #read(Path, Guide)}; a case without {@code asOf} is assessed on {@code defaultAsOf}.
     *
     * @param file the case file
     * @param guide the guide whose codes the case may use
     * @param defaultAsOf the date for a case that gives none
     * @return the case
     * @throws CaseException with every problem, each at file:line:column
     */
    public static Case read(Path file, Guide guide, LocalDate defaultAsOf) {
        return toCase(NodeReader.read(file, file.toString(), NodeReader.Limits.CASE), guide, defaultAsOf);
    }

    /**
     * Reads a case from a stream, for example standard input.
     *
     * @param in the case file's bytes (UTF-8)
     * @param name the name used in messages; JSON when it ends in .json, YAML otherwise
     * @param guide the guide whose codes the case may use
     * @param defaultAsOf the date for a case that gives none
     * @return the case
     * @throws CaseException with every problem, each at name:line:column
     */
    public static Case read(InputStream in, String name, Guide guide, LocalDate defaultAsOf) {
        return toCase(NodeReader.read(in, name, NodeReader.Limits.CASE), guide, defaultAsOf);
    }

    /**
     * Reads a case held in a string.
     *
     * @param text the case (YAML, or JSON when {@code name} ends in .json)
     * @param name the name used in messages
     * @param guide the guide whose codes the case may use
     * @param defaultAsOf the date for a case that gives none
     * @return the case
     * @throws CaseException with every problem, each at name:line:column
     */
    public static Case parse(String text, String name, Guide guide, LocalDate defaultAsOf) {
        return toCase(NodeReader.read(text, name, NodeReader.Limits.CASE), guide, defaultAsOf);
    }

    private static Case toCase(NodeReader.Result read, Guide guide, LocalDate defaultAsOf) {
        if (read.root() == null) {
            throw new CaseException(read.problems());
        }
        CaseReader reader = new CaseReader(guide == null ? null : guide.model(), defaultAsOf);
        Case c = reader.read(read.root());
        if (c == null) {
            throw new CaseException(reader.problems().sorted());
        }
        return c;
    }
}
