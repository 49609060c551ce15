package no.veiviser;

/** Consent to interdisciplinary cooperation from the guardians and from the youth. */
public record Consent(State guardians, State youth) {

    public enum State {
        GIVEN, REFUSED, WITHDRAWN, NOT_ASKED;

        public String code() {
            return Codes.of(this);
        }
    }

    public static final Consent NOT_ASKED = new Consent(State.NOT_ASKED, State.NOT_ASKED);

    public Consent {
        guardians = guardians == null ? State.NOT_ASKED : guardians;
        youth = youth == null ? State.NOT_ASKED : youth;
    }
}
