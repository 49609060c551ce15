package no.veiviser.internal.model;

import no.veiviser.Meeting;
import no.veiviser.internal.yaml.Location;

/**
 * A meeting outcome a guide declares in its own words ({@code meetingOutcomes:}): "fortsett", "andre tiltak, gå til
 * trinn 2". Each has one of the five national meanings, so that the base guide's rules, exceptions and invariants
 * that read {@code meeting.outcome: close} read "avslutt" as closing too; a guide's own rule may test its own id.
 *
 * @param means the national outcome it is a case of
 */
public record MeetingOutcome(String id, String label, Meeting.Outcome means, String origin, Location at) {}
