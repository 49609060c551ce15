package no.veiviser.internal.model;

import java.util.List;

/**
 * Where a rule comes from: the guide, its section, the quoted text, the laws it rests on, and the document quoted when
 * it is not the guide (national guidance).
 */
public record Citation(String guide, String section, String quote, List<String> law, java.util.Optional<String> document) {
    public Citation(String guide, String section, String quote, List<String> law) {
        this(guide, section, quote, law, java.util.Optional.empty());
    }

    public Citation {
        document = document == null ? java.util.Optional.empty() : document;
        section = section == null ? "" : section;
        quote = quote == null ? "" : quote;
        law = List.copyOf(law);
    }
}
