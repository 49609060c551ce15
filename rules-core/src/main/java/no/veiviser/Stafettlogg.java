package no.veiviser;

import java.util.Optional;

/** The stafettlogg (the shared log of goals and measures) and the service holding the baton. */
public record Stafettlogg(Status status, Optional<String> holder) {

    public enum Status {
        NONE, ACTIVE, ARCHIVED;

        public String code() {
            return Codes.of(this);
        }
    }

    public static final Stafettlogg NONE = new Stafettlogg(Status.NONE, Optional.empty());

    public Stafettlogg {
        status = status == null ? Status.NONE : status;
        holder = holder == null ? Optional.empty() : holder;
    }
}
