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
 * @param guideOutcome the guide's own outcome, when the case names one of the guide's {@code meetingOutcomes}
 *     ("avslutt"); {@code outcome} is then its national meaning
 */
public record Meeting(Optional<LocalDate> held, Optional<Outcome> outcome, Optional<String> level, Optional<LocalDate> next,
                      Optional<String> guideOutcome) {
    /** No meeting recorded. */
    public static final Meeting NONE = new Meeting(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

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

        private final String code = Codes.of(this);

        /** @return the code in case files ("change-level") */
        public String code() {
            return code;
        }
    }

    /**
     * Replaces null parts by empty ones.
     *
     * @param held the date it was held
     * @param outcome what it concluded
     * @param level the level decided, with change-level
     * @param next the date of the next meeting
     * @param guideOutcome the guide's own outcome, if the case names one
     * @throws IllegalArgumentException when the guide's own outcome is blank
     */
    public Meeting {
        held = held == null ? Optional.empty() : held;
        outcome = outcome == null ? Optional.empty() : outcome;
        level = level == null ? Optional.empty() : level;
        next = next == null ? Optional.empty() : next;
        guideOutcome = guideOutcome == null ? Optional.empty() : guideOutcome;
        if (guideOutcome.isPresent() && guideOutcome.get().isBlank()) {
            throw new IllegalArgumentException("meeting.outcome is blank");
        }
    }

    /**
     * A meeting with one of the national outcomes (or none).
     *
     * @param held the date it was held
     * @param outcome what it concluded
     * @param level the level decided, with change-level
     * @param next the date of the next meeting
     */
    public Meeting(Optional<LocalDate> held, Optional<Outcome> outcome, Optional<String> level, Optional<LocalDate> next) {
        this(held, outcome, level, next, Optional.empty());
    }

    /**
     * @return the outcome as the case writes it: the guide's own outcome, else the national code ("change-level")
     */
    public Optional<String> written() {
        return guideOutcome.isPresent() ? guideOutcome : outcome.map(Outcome::code);
    }

    /**
     * @param ownOutcome one of the guide's own outcomes ({@code meetingOutcomes:})
     * @param meaning its national meaning, as the guide declares it
     * @return a copy that concluded with the guide's own outcome
     */
    public Meeting withGuideOutcome(String ownOutcome, Outcome meaning) {
        return new Meeting(held, Optional.of(meaning), level, next, Optional.of(ownOutcome));
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
        return new Meeting(held, outcome, Optional.of(value), next, guideOutcome);
    }

    /**
     * @param value the date of the next meeting
     * @return a copy with this next meeting
     */
    public Meeting withNext(LocalDate value) {
        return new Meeting(held, outcome, level, Optional.of(value), guideOutcome);
    }
}
