package no.veiviser.internal.model;

import no.veiviser.internal.engine.Field;

/** When a finding is due: the same day as the assessment, or a parameter's duration after a date. */
public sealed interface Due {
    record SameDay() implements Due {}

    /** {@code from} is a DATE field, or null for the assessment date (asOf). */
    record After(Field from, String parameter) implements Due {}
}
