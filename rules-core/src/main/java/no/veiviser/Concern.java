package no.veiviser;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The worry: when it arose, its signals (codes from the guide's catalogue), how measures went, whether it concerns a
 * pregnancy, and who raised it.
 *
 * @param since when the concern arose
 * @param signals signal codes from the guide's catalogue
 * @param uncertainPlacement whether it is uncertain which level the case belongs at
 * @param progress how things went after measures
 * @param pregnancy whether the worry concerns a pregnancy: a pregnant woman, or a family expecting a child ("den
 *     gravide", "familien venter barn"); empty: not known
 * @param raisedBy who is worried and brought the worry to the service (empty: not known)
 */
public record Concern(Optional<LocalDate> since, List<String> signals, boolean uncertainPlacement, Optional<Progress> progress,
                      Optional<Boolean> pregnancy, Optional<RaisedBy> raisedBy) {

    /** Who is worried and brought the worry to the service. */
    public enum RaisedBy {
        /** The employee, from what they saw or heard in their own work. */
        EMPLOYEE,
        /** A parent (or other guardian), worried about their own child. */
        PARENT,
        /** The child or youth, about themselves. */
        CHILD,
        /** Someone else: another service, a relative, a neighbour. */
        OTHER;

        private final String code = Codes.of(this);

        /** @return the code for this value in case files and JSON */
        public String code() {
            return code;
        }
    }

    /** How things went after measures were evaluated. */
    public enum Progress {
        /** Things got better. */
        IMPROVED,
        /** No change. */
        UNCHANGED,
        /** Things got worse. */
        WORSE;

        private final String code = Codes.of(this);

        /** @return the code for this value in case files and JSON (lower case, with hyphens) */
        public String code() {
            return code;
        }
    }

    /** No concern given. */
    public static final Concern NONE = new Concern(Optional.empty(), List.of(), false, Optional.empty(), Optional.empty(), Optional.empty());

    /**
     * Replaces a null part by its empty value and drops repeated signals.
     *
     * @param since when the concern arose
     * @param signals signal codes from the guide's catalogue
     * @param uncertainPlacement whether it is uncertain which level the case belongs at
     * @param progress how things went after measures
     * @param pregnancy whether the worry concerns a pregnancy
     * @param raisedBy who raised the worry
     */
    public Concern {
        since = since == null ? Optional.empty() : since;
        signals = signals == null ? List.of() : Codes.distinct(signals);
        progress = progress == null ? Optional.empty() : progress;
        pregnancy = pregnancy == null ? Optional.empty() : pregnancy;
        raisedBy = raisedBy == null ? Optional.empty() : raisedBy;
    }

    /**
     * A concern that says nothing about a pregnancy or who raised it (both not known).
     *
     * @param since when the concern arose
     * @param signals signal codes from the guide's catalogue
     * @param uncertainPlacement whether it is uncertain which level the case belongs at
     * @param progress how things went after measures
     */
    public Concern(Optional<LocalDate> since, List<String> signals, boolean uncertainPlacement, Optional<Progress> progress) {
        this(since, signals, uncertainPlacement, progress, Optional.empty(), Optional.empty());
    }

    /**
     * @param signals signal codes from the guide's catalogue
     * @return a concern with these signals
     */
    public static Concern of(String... signals) {
        return new Concern(Optional.empty(), List.of(signals), false, Optional.empty());
    }

    /**
     * @param date when the concern arose
     * @return a copy with that date
     */
    public Concern withSince(LocalDate date) {
        return new Concern(Optional.of(date), signals, uncertainPlacement, progress, pregnancy, raisedBy);
    }

    /**
     * @param value how things went after measures
     * @return a copy with that progress
     */
    public Concern withProgress(Progress value) {
        return new Concern(since, signals, uncertainPlacement, Optional.of(value), pregnancy, raisedBy);
    }

    /**
     * @param value whether it is uncertain which level the case belongs at
     * @return a copy with that value
     */
    public Concern withUncertainPlacement(boolean value) {
        return new Concern(since, signals, value, progress, pregnancy, raisedBy);
    }

    /**
     * @param value whether the worry concerns a pregnancy
     * @return a copy with that fact
     */
    public Concern withPregnancy(boolean value) {
        return new Concern(since, signals, uncertainPlacement, progress, Optional.of(value), raisedBy);
    }

    /**
     * @param value who raised the worry
     * @return a copy with that fact
     */
    public Concern withRaisedBy(RaisedBy value) {
        return new Concern(since, signals, uncertainPlacement, progress, pregnancy, Optional.of(value));
    }
}
