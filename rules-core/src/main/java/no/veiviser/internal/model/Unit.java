package no.veiviser.internal.model;

import java.time.LocalDate;
import java.util.Locale;

/** The unit of a parameter. Durations can be added to dates; years also compare with ages. */
public enum Unit {
    YEARS, MONTHS, WEEKS, DAYS, LEVEL, COUNT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isDuration() {
        return this == YEARS || this == MONTHS || this == WEEKS || this == DAYS;
    }

    public LocalDate addTo(LocalDate date, int amount) {
        return switch (this) {
            case YEARS -> date.plusYears(amount);
            case MONTHS -> date.plusMonths(amount);
            case WEEKS -> date.plusWeeks(amount);
            case DAYS -> date.plusDays(amount);
            default -> throw new IllegalStateException(code() + " is not a duration");
        };
    }
}
