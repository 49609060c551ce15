package no.veiviser;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Something a caseworker must know about how a decision was reached, beside its findings: a fact the rules
 * need that the case does not give (the rules held back are named), a due date counted from {@code asOf}
 * because its own date is missing, or a fired rule whose guide text departs from current law.
 *
 * @param field the case field the note is about ({@code child.age}), when it is about one
 * @param law   the law the guide departs from, for a {@link Kind#DEVIATION}
 * @param rules the rules the note concerns, in guide order
 */
public record Note(Kind kind, String text, Optional<String> field, Optional<String> law, List<String> rules) {

    /** What a note is about. */
    public enum Kind {
        /** The case lacks a fact that some rules test: they were not decided (did not fire). */
        MISSING_FACT,
        /** A due date runs from {@code asOf} because the date it counts from is not given. */
        DUE_FROM_AS_OF,
        /** A rule that fired encodes guide text that departs from current law. */
        DEVIATION,
        /** Facts of the case contradict each other (an adult with the guardians' consent, a worry before birth ...). */
        INCONSISTENT_CASE;

        /** @return the kind as written in JSON: {@code missing-fact}, {@code due-from-as-of}, {@code deviation}, {@code inconsistent-case} */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * Copies {@code rules}.
     *
     * @param kind what the note is about
     * @param text the note, for the caseworker
     * @param field the case field it is about, if any
     * @param law the law the guide departs from, for a deviation
     * @param rules the rules it concerns, in guide order
     */
    public Note {
        rules = List.copyOf(rules);
    }
}
