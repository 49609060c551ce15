package no.veiviser.internal.model;

import no.veiviser.internal.engine.Field;

/** When a finding is due: the same day as the assessment, as soon as possible, or a parameter's duration after a date. */
public sealed interface Due {
    record SameDay() implements Due {}

    /** "Så snart som mulig": due now, and never overdue by a date (a guide that gives no date gives none to miss). */
    record AsSoonAsPossible() implements Due {}

    /** {@code from} is a DATE field, or null for the assessment date (asOf). */
    record After(Field from, String parameter) implements Due {}
}
