package no.veiviser;

import java.util.List;
import java.util.Optional;

/**
 * Where a finding comes from: the guide, the section of it, the laws it rests on, and the document the rule quotes
 * when that is not the guide itself (national guidance, a circular).
 *
 * @param guide the guide's id
 * @param section the section (of the guide, or of {@code document})
 * @param law the laws it rests on
 * @param document the document the rule quotes, when other than the guide's own source
 */
public record Source(String guide, String section, List<String> law, Optional<String> document) {
    /**
     * Copies {@code law}.
     *
     * @param guide the guide's id
     * @param section the section
     * @param law the laws it rests on
     * @param document the document quoted, when other than the guide
     */
    public Source {
        law = List.copyOf(law);
        document = document == null ? Optional.empty() : document;
    }

    /**
     * A source in the guide itself.
     *
     * @param guide the guide's id
     * @param section the section of the guide
     * @param law the laws it rests on
     */
    public Source(String guide, String section, List<String> law) {
        this(guide, section, law, Optional.empty());
    }
}
