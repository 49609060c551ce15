package no.veiviser.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import no.veiviser.Case;
import no.veiviser.Consent;
import no.veiviser.Note;
import no.veiviser.Stafettlogg;

/**
 * Facts of a case that contradict each other: the case is still decided, but never silently: each contradiction is
 * a {@link Note.Kind#INCONSISTENT_CASE} note on the decision, naming the field to check (in Norwegian, for the
 * employee). The checks, as listed in the README:
 *
 * <ol>
 *   <li>a person of 18 or more (age, or birth date at {@code asOf}) with the guardians' consent recorded;</li>
 *   <li>the youth's own consent recorded for a child under 12;</li>
 *   <li>a worry that arose before the child was born;</li>
 *   <li>an active stafettlogg without a holder;</li>
 *   <li>a child welfare measure active while child welfare is not informed;</li>
 *   <li>a meeting's decided level without the outcome change-level, or change-level without the level.</li>
 * </ol>
 */
public final class CaseConsistency {
    /** Under this age a child's own consent to cooperation is not a meaningful fact. */
    static final int YOUTH_CONSENT_FROM = 12;

    private CaseConsistency() {}

    /**
     * The notes for every contradiction in {@code c}.
     *
     * @param c the case
     * @return one note per contradiction, in the order above; empty for a consistent case
     */
    public static List<Note> notes(Case c) {
        List<Note> out = new ArrayList<>(0);
        OptionalInt age = c.child().ageAt(c.asOf());
        if (age.isPresent() && age.getAsInt() >= 18 && c.consent().guardians() != Consent.State.NOT_ASKED) {
            out.add(note("Saken gjelder en person på 18 år eller mer, men foresattes samtykke er registrert: en voksen samtykker selv.",
                    "consent.guardians"));
        }
        if (age.isPresent() && age.getAsInt() < YOUTH_CONSENT_FROM && c.consent().youth() != Consent.State.NOT_ASKED) {
            out.add(note("Ungdommens eget samtykke er registrert, men barnet er under " + YOUTH_CONSENT_FROM + " år.", "consent.youth"));
        }
        if (c.concern().since().isPresent() && c.child().birthDate().isPresent()
                && c.concern().since().get().isBefore(c.child().birthDate().get())) {
            out.add(note("Bekymringen er datert før barnet ble født.", "concern.since"));
        }
        if (c.stafettlogg().status() == Stafettlogg.Status.ACTIVE && c.stafettlogg().holder().isEmpty()) {
            out.add(note("Stafettloggen er aktiv, men har ingen loggholder.", "stafettlogg.holder"));
        }
        if (c.childWelfare().measureActive() && !c.childWelfare().informed()) {
            out.add(note("Et tiltak i barnevernet er aktivt, men barnevernet er ikke registrert som informert.", "childWelfare.informed"));
        }
        boolean changeLevel = c.meeting().outcome().filter(o -> o == no.veiviser.Meeting.Outcome.CHANGE_LEVEL).isPresent();
        if (c.meeting().level().isPresent() && !changeLevel) {
            out.add(note("Møtet har et besluttet nivå, men konklusjonen er ikke å endre nivå.", "meeting.outcome"));
        } else if (changeLevel && c.meeting().level().isEmpty()) {
            out.add(note("Møtet besluttet å endre nivå, men nivået det besluttet, er ikke oppgitt.", "meeting.level"));
        }
        return out;
    }

    /**
     * {@code notes} followed by the consistency notes of {@code c}.
     *
     * @param notes a decision's other notes
     * @param c the case
     * @return all notes; {@code notes} itself when the case is consistent
     */
    public static List<Note> plus(List<Note> notes, Case c) {
        List<Note> more = notes(c);
        if (more.isEmpty()) {
            return notes;
        }
        List<Note> all = new ArrayList<>(notes);
        all.addAll(more);
        return all;
    }

    private static Note note(String text, String field) {
        return new Note(Note.Kind.INCONSISTENT_CASE, text, Optional.of(field), Optional.empty(), List.of());
    }
}
