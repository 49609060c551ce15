package no.veiviser;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The worry: when it arose, its signals (codes from the guide's catalogue), and how measures went. */
public record Concern(Optional<LocalDate> since, List<String> signals, boolean uncertainPlacement, Optional<Progress> progress) {

    /** How things went after measures were evaluated. */
    public enum Progress {
        IMPROVED, UNCHANGED, WORSE;

        public String code() {
            return Codes.of(this);
        }
    }

    public static final Concern NONE = new Concern(Optional.empty(), List.of(), false, Optional.empty());

    public Concern {
        since = since == null ? Optional.empty() : since;
        signals = signals == null ? List.of() : List.copyOf(signals.stream().distinct().toList());
        progress = progress == null ? Optional.empty() : progress;
    }

    public static Concern of(String... signals) {
        return new Concern(Optional.empty(), List.of(signals), false, Optional.empty());
    }

    public Concern withSince(LocalDate date) {
        return new Concern(Optional.of(date), signals, uncertainPlacement, progress);
    }

    public Concern withProgress(Progress value) {
        return new Concern(since, signals, uncertainPlacement, Optional.of(value));
    }

    public Concern withUncertainPlacement(boolean value) {
        return new Concern(since, signals, value, progress);
    }
}
