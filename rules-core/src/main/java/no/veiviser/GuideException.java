package no.veiviser;

import java.util.List;

/** A guide file (or one it extends) could not be loaded, validated or compiled. */
public final class GuideException extends InputException {
    private static final long serialVersionUID = 1L;

    /** @param problems every problem found, errors first or in file order */
    public GuideException(List<Problem> problems) {
        super("guide", problems);
    }
}
