package no.veiviser.internal.model;

import java.util.List;

/** Where a rule comes from: the guide, its section, the quoted text and the laws it rests on. */
public record Citation(String guide, String section, String quote, List<String> law) {
    public Citation {
        section = section == null ? "" : section;
        quote = quote == null ? "" : quote;
        law = List.copyOf(law);
    }
}
