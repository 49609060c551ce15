package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 16, finding 6: a case that contradicts itself is decided, but never silently: a note names the field. */
class ConsistencyNotesTest {
    static final CompiledGuide NITTEDAL = Guides.bundled("nittedal").compile();
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

    static Note inconsistency(Case c) {
        return NITTEDAL.evaluate(c).notes().stream().filter(n -> n.kind() == Note.Kind.INCONSISTENT_CASE).findFirst()
                .orElseThrow(() -> new AssertionError("no inconsistent-case note"));
    }

    @Test
    void aSeventySixYearOldWithTheGuardiansConsent() {
        Note n = inconsistency(Case.on(AS_OF).withChild(Child.bornOn(LocalDate.of(1950, 5, 1)))
                .withConsent(new Consent(Consent.State.GIVEN, Consent.State.NOT_ASKED)));
        assertThat(n.field()).hasValue("consent.guardians");
        assertThat(n.text()).contains("18 år");
        assertThat(n.kind().code()).isEqualTo("inconsistent-case");
    }

    @Test
    void youthConsentAtFive() {
        assertThat(inconsistency(Case.on(AS_OF).withChild(Child.aged(5))
                .withConsent(new Consent(Consent.State.NOT_ASKED, Consent.State.GIVEN))).field()).hasValue("consent.youth");
    }

    @Test
    void aWorryBeforeBirth() {
        assertThat(inconsistency(Case.on(AS_OF).withChild(Child.bornOn(LocalDate.of(2020, 1, 1)))
                .withConcern(Concern.NONE.withSince(LocalDate.of(2019, 6, 1)))).field()).hasValue("concern.since");
    }

    @Test
    void anActiveStafettloggWithoutAHolder() {
        assertThat(inconsistency(Case.on(AS_OF).withChild(Child.aged(9))
                .withStafettlogg(new Stafettlogg(Stafettlogg.Status.ACTIVE, Optional.empty()))).field()).hasValue("stafettlogg.holder");
    }

    @Test
    void aMeasureActiveWhileChildWelfareIsNotInformed() {
        assertThat(inconsistency(Case.on(AS_OF).withChild(Child.aged(9))
                .withChildWelfare(new ChildWelfare(false, false, false, true))).field()).hasValue("childWelfare.informed");
    }

    @Test
    void aDecidedLevelWithoutAChangeOfLevelAndAChangeWithoutItsLevel() {
        assertThat(inconsistency(Case.on(AS_OF).withChild(Child.aged(9)).withWork(CaseWork.atLevel(1))
                .withMeeting(Meeting.held(AS_OF, Meeting.Outcome.CONTINUE).withLevel("2"))).field()).hasValue("meeting.outcome");
        assertThat(inconsistency(Case.on(AS_OF).withChild(Child.aged(9)).withWork(CaseWork.atLevel(1))
                .withMeeting(Meeting.held(AS_OF, Meeting.Outcome.CHANGE_LEVEL))).field()).hasValue("meeting.level");
        assertThat(NITTEDAL.evaluate(Case.on(AS_OF).withChild(Child.aged(9)).withWork(CaseWork.atLevel(1))
                .withMeeting(Meeting.held(AS_OF, Meeting.Outcome.CHANGE_LEVEL).withLevel("2"))).notes())
                .noneMatch(n -> n.kind() == Note.Kind.INCONSISTENT_CASE);
    }

    @Test
    void aConsistentCaseHasNoSuchNote() {
        Decision d = NITTEDAL.evaluate(Case.on(AS_OF).withChild(Child.aged(9))
                .withConsent(new Consent(Consent.State.GIVEN, Consent.State.NOT_ASKED)));
        assertThat(d.notes()).noneMatch(n -> n.kind() == Note.Kind.INCONSISTENT_CASE);
    }
}
