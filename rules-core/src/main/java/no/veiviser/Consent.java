package no.veiviser;

/** Consent to interdisciplinary cooperation from the guardians and from the youth. */
public record Consent(State guardians, State youth) {

    /** Where consent stands. */
    public enum State {
        /** Consent is given. */
        GIVEN,
        /** Consent was asked for and refused. */
        REFUSED,
        /** Consent was given and later withdrawn. */
        WITHDRAWN,
        /** Consent has not been asked for. */
        NOT_ASKED;

        /** @return the code for this value in case files and JSON (lower case, with hyphens) */
        public String code() {
            return Codes.of(this);
        }
    }

    /** Consent asked of no one. */
    public static final Consent NOT_ASKED = new Consent(State.NOT_ASKED, State.NOT_ASKED);

    /**
     * Replaces a null part by {@link State#NOT_ASKED}.
     *
     * @param guardians the guardians' consent
     * @param youth the youth's own consent
     */
    public Consent {
        guardians = guardians == null ? State.NOT_ASKED : guardians;
        youth = youth == null ? State.NOT_ASKED : youth;
    }
}
