package no.veiviser;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What child welfare (barneverntjenesten) knows and does in the case.
 *
 * @param informed whether child welfare has received a report (bekymringsmelding)
 * @param recommendsFollowUp whether police or child welfare recommend the employee to go on with the case
 * @param decision whether child welfare has decided on measures (vedtak om tiltak)
 * @param measureActive whether child welfare still has a measure and follows the family
 * @param informedOn the date child welfare was informed of this concern, if the case says (not after asOf)
 */
public record ChildWelfare(boolean informed, boolean recommendsFollowUp, boolean decision, boolean measureActive,
                           Optional<LocalDate> informedOn) {
    /** Child welfare neither informed nor involved. */
    public static final ChildWelfare NONE = new ChildWelfare(false, false, false, false);

    /**
     * Replaces a null {@code informedOn} by empty.
     *
     * @param informed whether child welfare has received a report
     * @param recommendsFollowUp whether police or child welfare recommend going on with the case
     * @param decision whether child welfare has decided on measures
     * @param measureActive whether child welfare still has a measure
     * @param informedOn the date child welfare was informed of this concern, if known
     */
    public ChildWelfare {
        informedOn = informedOn == null ? Optional.empty() : informedOn;
    }

    /**
     * Without the date child welfare was informed (the form before it was part of the vocabulary).
     *
     * @param informed whether child welfare has received a report
     * @param recommendsFollowUp whether police or child welfare recommend going on with the case
     * @param decision whether child welfare has decided on measures
     * @param measureActive whether child welfare still has a measure
     */
    public ChildWelfare(boolean informed, boolean recommendsFollowUp, boolean decision, boolean measureActive) {
        this(informed, recommendsFollowUp, decision, measureActive, Optional.empty());
    }

    /**
     * @param date the date child welfare was informed of this concern
     * @return a copy with that date (the other facts unchanged)
     */
    public ChildWelfare withInformedOn(LocalDate date) {
        return new ChildWelfare(informed, recommendsFollowUp, decision, measureActive, Optional.of(date));
    }
}
