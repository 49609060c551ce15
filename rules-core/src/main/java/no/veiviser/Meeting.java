package no.veiviser;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The last meeting or conversation where the case was assessed (the {@code meeting:} section of a case file): an
 * undringssamtale, a drøftingsmøte, an evaluation meeting. Its conclusion is a fact the case states, so that a guide
 * branches on what was decided ("Konklusjonen fra undringssamtalen bestemmer") instead of guessing from the step.
 *
 * @param held the date it was held
 * @param outcome what it concluded, if it has concluded
 * @param level with {@link Outcome#CHANGE_LEVEL}, the level decided, as the guide writes its id (or its position)
 * @param next the date agreed for the next meeting (may lie after asOf)
 */
public record Meeting(Optional<LocalDate> held, Optional<Outcome> outcome, Optional<String> level, Optional<LocalDate> next) {
    /** No meeting recorded. */
    public static final Meeting NONE = new Meeting(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** What a meeting or conversation concluded. */
    public enum Outcome {
        /** Measures are needed (for example "gå til nivå 1"). */
        MEASURES_NEEDED,
        /** No measures are needed ("Hvis ikke, avsluttes saken"). */
        NO_MEASURES_NEEDED,
        /** Continue the work at the current level. */
        CONTINUE,
        /** Change to another level (see {@link Meeting#level()}). */
        CHANGE_LEVEL,
        /** Close the case. */
        CLOSE;

        /** @return the code in case files ("change-level") */
        public String code() {
            return Codes.of(this);
        }
    }

    /**
     * Replaces null parts by empty ones.
     *
     * @param held the date it was held
     * @param outcome what it concluded
     * @param level the level decided, with change-level
     * @param next the date of the next meeting
     */
    public Meeting {
        held = held == null ? Optional.empty() : held;
        outcome = outcome == null ? Optional.empty() : outcome;
        level = level == null ? Optional.empty() : level;
        next = next == null ? Optional.empty() : next;
    }

    /**
     * @param held the date it was held
     * @param outcome what it concluded
     * @return a meeting held on {@code held} that concluded {@code outcome}
     */
    public static Meeting held(LocalDate held, Outcome outcome) {
        return new Meeting(Optional.of(held), Optional.of(outcome), Optional.empty(), Optional.empty());
    }

    /**
     * @param value the level decided
     * @return a copy with this level decided
     */
    public Meeting withLevel(String value) {
        return new Meeting(held, outcome, Optional.of(value), next);
    }

    /**
     * @param value the date of the next meeting
     * @return a copy with this next meeting
     */
    public Meeting withNext(LocalDate value) {
        return new Meeting(held, outcome, level, Optional.of(value));
    }
}
