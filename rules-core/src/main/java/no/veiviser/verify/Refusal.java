package no.veiviser.verify;

import no.veiviser.internal.yaml.Location;

/**
 * A construct verify cannot encode exactly: the guide is refused rather than proved wrongly. {@link Verifier}
 * turns it into a located {@link no.veiviser.GuideException} (bad input, exit 2 on the command line).
 */
final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Location at;
    final String hint;

    Refusal(Location at, String message, String hint) {
        super(message);
        this.at = at;
        this.hint = hint;
    }
}
