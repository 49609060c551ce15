package no.veiviser;

import java.util.List;

/** Where a finding comes from: the guide, the section of it, and the laws it rests on. */
public record Source(String guide, String section, List<String> law) {
    /**
     * Copies {@code law}.
     *
     * @param guide the guide's id
     * @param section the section of the guide
     * @param law the laws it rests on
     */
    public Source {
        law = List.copyOf(law);
    }
}
