package no.veiviser.internal.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import no.veiviser.internal.model.Parameter;

/**
 * Every parameter's value for every date, computed once: the dates at which any value changes split
 * time into periods, and each period has its own {@link Params}. Lookup is a binary search.
 */
public final class ParamTimeline {
    private final int[] starts; // epoch days, ascending; period i holds from starts[i] (the first from always)
    private final Params[] periods;

    public ParamTimeline(Map<String, Parameter> parameters) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        parameters.values().forEach(p -> dates.addAll(p.changeDates()));
        List<LocalDate> startDates = new ArrayList<>();
        startDates.add(null);
        startDates.addAll(dates);
        starts = new int[startDates.size()];
        periods = new Params[startDates.size()];
        for (int i = 0; i < startDates.size(); i++) {
            LocalDate start = startDates.get(i);
            starts[i] = start == null ? Integer.MIN_VALUE : (int) start.toEpochDay();
            Map<String, Integer> values = new HashMap<>();
            for (Parameter p : parameters.values()) {
                (start == null ? firstUndated(p) : p.valueOn(start)).ifPresent(v -> values.put(p.name(), v));
            }
            periods[i] = new Params(values);
        }
    }

    private static java.util.Optional<Integer> firstUndated(Parameter p) {
        return p.values().isEmpty() || p.values().get(0).from().isPresent()
                ? java.util.Optional.empty() : java.util.Optional.of(p.values().get(0).value());
    }

    public Params on(LocalDate date) {
        return on((int) date.toEpochDay());
    }

    public Params on(int epochDay) {
        return periods[period(epochDay)];
    }

    /** The index of the period that holds {@code epochDay}. */
    public int period(int epochDay) {
        int i = Arrays.binarySearch(starts, epochDay);
        return i >= 0 ? i : -i - 2;
    }

    /** Whether {@code other} splits time into the same periods (their values may differ). */
    public boolean samePeriods(ParamTimeline other) {
        return Arrays.equals(starts, other.starts);
    }

    public int periods() {
        return periods.length;
    }

    public Params params(int period) {
        return periods[period];
    }
}
