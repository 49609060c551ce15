package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import no.veiviser.verify.Verifier;
import no.veiviser.verify.VerifyReport;
import org.junit.jupiter.api.Test;

/**
 * Issue 26 item 3: a guide declares its own meeting outcomes ("fortsett", "avslutt"), each with one of the five
 * national meanings, so that norge's exceptions and invariants still read them; the five stay valid.
 */
class MeetingOutcomesTest {
    static final String GUIDE = """
            guide: {id: planted, title: Planted, version: "1", extends: norge}
            meetingOutcomes:
              fortsett: {label: Fortsett med samme tiltak, means: continue}
              andre-tiltak: {label: "Andre tiltak, gå til trinn 2", means: measures-needed}
              avslutt: {label: Avslutt, means: close}
            codes:
              plan-in-school:
                label: Planlegg tiltak på skolen
                effects: {contacts: [], shares: false, consent: [], for: minor, phase: ordinary}
              thank-the-family:
                label: Takk familien
                effects: {contacts: [guardians], shares: false, consent: [], for: minor, phase: duty}
            rules:
              - id: planted.plan
                when: {concern.signals: {containsAny: [wellbeing-concern]}}
                then: [{code: plan-in-school, text: Planlegg tiltak.}]
                source: {section: Planted, text: Planted.}
              - id: planted.avslutt
                when: {meeting.outcome: avslutt}
                then: [{code: thank-the-family, text: Takk familien for samarbeidet.}]
                source: {section: Planted, text: Planted.}
            """;

    static Guide guide() {
        return Guides.parse(GUIDE, Path.of("planted.yaml"));
    }

    static Decision decide(String outcome) {
        Guide g = guide();
        return g.compile().evaluate(Cases.parse("asOf: 2026-11-24\nchild: {age: 9}\nconcern: {signals: [wellbeing-concern]}\n"
                + "meeting: {held: 2026-11-20, outcome: " + outcome + "}\n", "case.yaml", g, null));
    }

    @Test
    void aCaseNamesTheGuidesOwnOutcomeAndKeepsItsMeaning() {
        Case c = Cases.parse("asOf: 2026-11-24\nmeeting: {outcome: avslutt}\n", "case.yaml", guide(), null);
        assertThat(c.meeting().outcome()).hasValue(Meeting.Outcome.CLOSE);
        assertThat(c.meeting().guideOutcome()).hasValue("avslutt");
        assertThat(c.meeting().written()).hasValue("avslutt");
        // the five national outcomes stay valid
        assertThat(Cases.parse("asOf: 2026-11-24\nmeeting: {outcome: close}\n", "case.yaml", guide(), null).meeting().guideOutcome()).isEmpty();
    }

    @Test
    void norgesExceptionsReadTheOwnOutcomeByItsMeaningAndTheGuideItsOwnById() {
        // norge's closing exception withholds ordinary work for 'avslutt' as for 'close'
        assertThat(decide("avslutt").codes()).doesNotContain("plan-in-school").contains("thank-the-family");
        assertThat(decide("close").codes()).doesNotContain("plan-in-school", "thank-the-family");
        assertThat(decide("fortsett").codes()).contains("plan-in-school").doesNotContain("thank-the-family");
        assertThat(decide("andre-tiltak").codes()).contains("plan-in-school");
        assertThat(decide("avslutt").withheld()).extracting(Decision.Withheld::by).contains("norge.closing.no-further-work");
    }

    @Test
    void aWrongOutcomeOrDeclarationIsALocatedError() {
        CaseException e = assertThrows(CaseException.class, () -> Cases.parse("asOf: 2026-11-24\nmeeting: {outcome: avslut}\n",
                "case.yaml", guide(), null));
        assertThat(e.problems().get(0).message()).contains("meeting.outcome");
        assertThat(e.problems().get(0).hint()).contains("avslutt");

        GuideException g = assertThrows(GuideException.class, () -> Guides.parse(GUIDE.replace("avslutt: {label: Avslutt, means: close}",
                "close: {label: Avslutt, means: close}\n  slutt: {label: Slutt, means: end}"), Path.of("planted.yaml")));
        assertThat(g.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m).startsWith("'close' is one of the five national"))
                .anySatisfy(m -> assertThat(m).contains("national meaning of a meeting outcome"));
        // a condition may name the guide's own outcome, not one it does not declare
        GuideException typo = assertThrows(GuideException.class, () -> Guides.parse(GUIDE.replace("meeting.outcome: avslutt}",
                "meeting.outcome: avslut}"), Path.of("planted.yaml")));
        assertThat(typo.problems().get(0).hint()).contains("avslutt");
    }

    @Test
    void theJavaApiNamesAnOwnOutcomeWithItsMeaningAndAMismatchIsRefused() {
        Case c = Case.on(LocalDate.parse("2026-11-24")).withChild(Child.aged(9)).withConcern(Concern.of("wellbeing-concern"))
                .withMeeting(Meeting.held(LocalDate.parse("2026-11-20"), Meeting.Outcome.CLOSE).withGuideOutcome("avslutt", Meeting.Outcome.CLOSE));
        assertThat(guide().compile().evaluate(c).codes()).contains("thank-the-family");
        Case wrong = c.withMeeting(new Meeting(Optional.empty(), Optional.of(Meeting.Outcome.CONTINUE), Optional.empty(), Optional.empty(),
                Optional.of("avslutt")));
        CaseException e = assertThrows(CaseException.class, () -> guide().compile().evaluate(wrong));
        assertThat(e.problems().get(0).message()).isEqualTo("meeting.outcome: the guide's outcome 'avslutt' means close, not continue");
    }

    /** verify encodes the own outcomes: a counter-example that needs one names it, and pasted it reproduces. */
    @Test
    void verifyEncodesTheOwnOutcomesAndItsCounterExampleNamesThem() {
        Guide planted = Guides.parse(GUIDE + """
                invariants:
                  - id: planted.never-thanks
                    description: Plantet brudd.
                    onlyWhen: {findings: {code: thank-the-family}, when: {meeting.outcome: {present: false}}}
                """, Path.of("planted.yaml"));
        VerifyReport report = Verifier.verify(planted);
        assertThat(report.violations()).extracting(VerifyReport.Result::id).containsExactly("planted.never-thanks");
        VerifyReport.CounterExample ce = report.violations().get(0).counterExample().orElseThrow();
        assertThat(ce.yaml()).contains("outcome: avslutt");
        Case pasted = Cases.parse(ce.yaml(), "pasted.yaml", planted, null);
        assertThat(pasted).isEqualTo(ce.aCase());
        assertThat(planted.compile().evaluate(pasted).codes()).contains("thank-the-family");
        // and norge's invariants hold with the own outcomes (closing withholds ordinary work for 'avslutt' too)
        assertThat(Verifier.verify(guide()).clean()).as("%s", Verifier.verify(guide()).violations()).isTrue();
    }

    /** diff --exact cannot build one witness case for an outcome whose meaning a new version changes: refused. */
    @Test
    void anExactDiffOfAnOutcomeWhoseMeaningChangedIsRefused() {
        Guide changed = Guides.parse(GUIDE.replace("avslutt: {label: Avslutt, means: close}", "avslutt: {label: Avslutt, means: continue}"),
                Path.of("planted.yaml"));
        assertThatThrownBy(() -> no.veiviser.verify.ExactDiff.between(guide().compile(), changed.compile()))
                .isInstanceOf(GuideException.class).hasMessageContaining("meeting outcome 'avslutt' means close in one version and continue");
        // the same outcomes in both: compared exactly
        assertThat(no.veiviser.verify.ExactDiff.between(guide().compile(), guide().compile())).isNotNull();
    }

    @Test
    void theHandbookAndTheWorkbenchCatalogueNameTheOwnOutcomes() {
        assertThat(no.veiviser.handbook.Handbook.html(guide())).contains("Avslutt (avslutt)");
        String catalogue = no.veiviser.workbench.WorkbenchTestAccess.catalogueJson(guide());
        assertThat(catalogue).contains("\"id\":\"avslutt\",\"label\":\"Avslutt\",\"means\":\"close\"")
                .contains("\"id\":\"close\"");
    }
}
