package no.veiviser;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The worry: when it arose, its signals (codes from the guide's catalogue), and how measures went. */
public record Concern(Optional<LocalDate> since, List<String> signals, boolean uncertainPlacement, Optional<Progress> progress) {

    /** How things went after measures were evaluated. */
    public enum Progress {
        /** Things got better. */
        IMPROVED,
        /** No change. */
        UNCHANGED,
        /** Things got worse. */
        WORSE;

        /** @return the code for this value in case files and JSON (lower case, with hyphens) */
        public String code() {
            return Codes.of(this);
        }
    }

    /** No concern given. */
    public static final Concern NONE = new Concern(Optional.empty(), List.of(), false, Optional.empty());

    /**
     * Replaces a null part by its empty value and drops repeated signals.
     *
     * @param since when the concern arose
     * @param signals signal codes from the guide's catalogue
     * @param uncertainPlacement whether it is uncertain which level the case belongs at
     * @param progress how things went after measures
     */
    public Concern {
        since = since == null ? Optional.empty() : since;
        signals = signals == null ? List.of() : List.copyOf(signals.stream().distinct().toList());
        progress = progress == null ? Optional.empty() : progress;
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
        return new Concern(Optional.of(date), signals, uncertainPlacement, progress);
    }

    /**
     * @param value how things went after measures
     * @return a copy with that progress
     */
    public Concern withProgress(Progress value) {
        return new Concern(since, signals, uncertainPlacement, Optional.of(value));
    }

    /**
     * @param value whether it is uncertain which level the case belongs at
     * @return a copy with that value
     */
    public Concern withUncertainPlacement(boolean value) {
        return new Concern(since, signals, value, progress);
    }
}
