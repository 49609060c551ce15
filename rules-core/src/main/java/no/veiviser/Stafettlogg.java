package no.veiviser;

import java.util.Optional;

/** The stafettlogg (the shared log of goals and measures) and the service holding the baton. */
public record Stafettlogg(Status status, Optional<String> holder) {

    /** Whether there is a stafettlogg and whether it is in use. */
    public enum Status {
        /** No stafettlogg has been created. */
        NONE,
        /** A stafettlogg is in use. */
        ACTIVE,
        /** The stafettlogg has been ended and archived. */
        ARCHIVED;

        private final String code = Codes.of(this);

        /** @return the code for this value in case files and JSON (lower case, with hyphens) */
        public String code() {
            return code;
        }
    }

    /** No stafettlogg. */
    public static final Stafettlogg NONE = new Stafettlogg(Status.NONE, Optional.empty());

    /**
     * Replaces a null part by its empty value.
     *
     * @param status whether there is a stafettlogg and whether it is in use
     * @param holder the service holding the baton
     */
    public Stafettlogg {
        status = status == null ? Status.NONE : status;
        holder = holder == null ? Optional.empty() : holder;
    }
}
