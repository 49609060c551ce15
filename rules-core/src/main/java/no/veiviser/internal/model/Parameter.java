package no.veiviser.internal.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import no.veiviser.internal.yaml.Location;

/**
 * A named number with a unit and dated values, like OpenFisca's parameters: the consent ages, the
 * four-week deadline. A value holds from its {@code from} date (or from always, when it has none)
 * until the next value's date.
 */
public record Parameter(String name, Unit unit, String description, String reference, List<Value> values,
                        String origin, Location at) {

    public record Value(Optional<LocalDate> from, int value, Location at) {}

    public Parameter {
        values = List.copyOf(values);
    }

    /** The value in force on {@code date}, if any. */
    public Optional<Integer> valueOn(LocalDate date) {
        Integer found = null;
        for (Value v : values) {
            if (v.from().isEmpty() || !v.from().get().isAfter(date)) {
                found = v.value();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The first date from which a value is in force; empty when the first value has no date. */
    public Optional<LocalDate> firstDate() {
        return values.isEmpty() ? Optional.empty() : values.get(0).from();
    }

    /** The dates at which the value changes (every dated value but a first one). */
    public List<LocalDate> changeDates() {
        return values.stream().map(Value::from).flatMap(Optional::stream).toList();
    }
}
