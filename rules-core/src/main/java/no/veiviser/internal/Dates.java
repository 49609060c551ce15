package no.veiviser.internal;

import java.time.LocalDate;

/** Whole years between dates, counted as {@link java.time.Period#between} counts them but without making a Period. */
public final class Dates {
    private Dates() {}

    /**
     * Whole years from {@code from} to {@code to}, rounded down: a birthday counts from its day, and 29 February's
     * from 1 March in a year without it. Negative when {@code from} lies after {@code to} (a day after is -1).
     *
     * @param from the earlier date
     * @param to the later date
     * @return the whole years between them
     */
    public static int years(LocalDate from, LocalDate to) {
        if (from.isAfter(to)) {
            return -years(to, from) - 1;
        }
        int years = to.getYear() - from.getYear();
        int months = to.getMonthValue() - from.getMonthValue();
        return months < 0 || months == 0 && to.getDayOfMonth() < from.getDayOfMonth() ? years - 1 : years;
    }
}
