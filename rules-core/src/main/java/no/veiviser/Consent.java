package no.veiviser;

/**
 * Consent from the guardians and from the youth, per kind: to interdisciplinary cooperation (the top-level answers,
 * {@code consent.guardians} / {@code consent.youth}), to a stafettlogg, and to an individual plan; each may be
 * recorded as given in writing.
 *
 * @param guardians the guardians' consent to interdisciplinary cooperation
 * @param youth the youth's own consent to interdisciplinary cooperation
 * @param written whether the consent to cooperation is given in writing
 * @param stafettlogg consent to a stafettlogg
 * @param individualPlan consent to an individual plan (IP)
 */
public record Consent(State guardians, State youth, boolean written, Answers stafettlogg, Answers individualPlan) {

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

        private final String code = Codes.of(this);

        /** @return the code for this value in case files and JSON (lower case, with hyphens) */
        public String code() {
            return code;
        }
    }

    /**
     * The answers for one kind of consent.
     *
     * @param guardians the guardians' consent
     * @param youth the youth's own consent
     * @param written whether it is given in writing
     */
    public record Answers(State guardians, State youth, boolean written) {
        /** Asked of no one. */
        public static final Answers NOT_ASKED = new Answers(State.NOT_ASKED, State.NOT_ASKED, false);

        /**
         * Replaces a null state by {@link State#NOT_ASKED}.
         *
         * @param guardians the guardians' consent
         * @param youth the youth's own consent
         * @param written whether it is given in writing
         */
        public Answers {
            guardians = guardians == null ? State.NOT_ASKED : guardians;
            youth = youth == null ? State.NOT_ASKED : youth;
        }
    }

    /** Consent asked of no one. */
    public static final Consent NOT_ASKED = new Consent(State.NOT_ASKED, State.NOT_ASKED);

    /**
     * Replaces a null part by {@link State#NOT_ASKED} (or answers asked of no one).
     *
     * @param guardians the guardians' consent to cooperation
     * @param youth the youth's own consent to cooperation
     * @param written whether the consent to cooperation is in writing
     * @param stafettlogg consent to a stafettlogg
     * @param individualPlan consent to an individual plan
     */
    public Consent {
        guardians = guardians == null ? State.NOT_ASKED : guardians;
        youth = youth == null ? State.NOT_ASKED : youth;
        stafettlogg = stafettlogg == null ? Answers.NOT_ASKED : stafettlogg;
        individualPlan = individualPlan == null ? Answers.NOT_ASKED : individualPlan;
    }

    /**
     * Consent to cooperation only, not in writing.
     *
     * @param guardians the guardians' consent
     * @param youth the youth's own consent
     */
    public Consent(State guardians, State youth) {
        this(guardians, youth, false, null, null);
    }

    /**
     * @param value consent to a stafettlogg
     * @return a copy with these answers for the stafettlogg
     */
    public Consent withStafettlogg(Answers value) {
        return new Consent(guardians, youth, written, value, individualPlan);
    }

    /**
     * @param value consent to an individual plan
     * @return a copy with these answers for the individual plan
     */
    public Consent withIndividualPlan(Answers value) {
        return new Consent(guardians, youth, written, stafettlogg, value);
    }
}
