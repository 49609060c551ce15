package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import no.veiviser.verify.Verifier;
import no.veiviser.verify.VerifyReport;
import org.junit.jupiter.api.Test;

/**
 * Issue 26 item 6: facts a case could not hold (a pregnancy, who is worried, an ordinary coordinator), each unknown
 * when a case leaves it out; deadlines counted from the day child welfare was informed (a report sent); and the
 * deadline "så snart som mulig".
 */
class NewCaseFactsTest {
    static final LocalDate AS_OF = LocalDate.parse("2026-11-24");

    static final String GUIDE = """
            guide: {id: planted, title: Planted, version: "1", extends: norge}
            parameters:
              answer-within:
                unit: months
                description: Svar fra barneverntjenesten.
                reference: Planted
                value: 3
            codes:
              offer-pregnancy-follow-up:
                label: Tilby oppfølging i svangerskapet
                effects: {contacts: [guardians], shares: false, consent: [], for: minor, phase: ordinary}
              talk-with-the-worried-parent:
                label: Snakk med forelderen som er bekymret
                effects: {contacts: [guardians], shares: false, consent: [], for: minor, phase: ordinary}
              ask-for-a-coordinator:
                label: Be om koordinator
                effects: {contacts: [], shares: false, consent: [], for: minor, phase: ordinary}
              follow-up-the-report:
                label: Følg opp meldingen
                effects: {contacts: [child-welfare], shares: false, consent: [], for: minor, phase: ordinary}
            rules:
              - id: planted.pregnancy
                when: {concern.pregnancy: true}
                then: [{code: offer-pregnancy-follow-up, text: Tilby den gravide oppfølging så snart som mulig., due: as-soon-as-possible}]
                source: {section: Planted, text: Planted.}
              - id: planted.parent
                when: {concern.raisedBy: parent}
                then: [{code: talk-with-the-worried-parent, text: Snakk med forelderen.}]
                source: {section: Planted, text: Planted.}
              - id: planted.coordinator
                when: {all: [{case.individualPlan: true}, {case.coordinator: false}]}
                then: [{code: ask-for-a-coordinator, text: Be om at det oppnevnes koordinator.}]
                source: {section: Planted, text: Planted.}
              - id: planted.report
                when: {childWelfare.informed: true}
                then: [{code: follow-up-the-report, text: "Følg opp senest innen {answer-within}.", due: {after: answer-within, from: childWelfare.informedOn}}]
                source: {section: Planted, text: Planted.}
            """;

    static Guide guide() {
        return Guides.parse(GUIDE, Path.of("planted.yaml"));
    }

    static Decision decide(String caseYaml) {
        Guide g = guide();
        return g.compile().evaluate(Cases.parse("asOf: " + AS_OF + "\n" + caseYaml, "case.yaml", g, null));
    }

    @Test
    void eachNewFactIsUnknownWhenLeftOutFalseWhenNoAndTrueWhenYes() {
        Decision unknown = decide("child: {age: 4}\nconcern: {signals: [wellbeing-concern]}\ncase: {individualPlan: true}\n");
        assertThat(unknown.codes()).doesNotContain("offer-pregnancy-follow-up", "talk-with-the-worried-parent", "ask-for-a-coordinator");
        // a missing fact is never silently false: the notes name each one that could change the decision
        assertThat(unknown.notes()).filteredOn(n -> n.kind() == Note.Kind.MISSING_FACT).extracting(n -> n.field().orElse(""))
                .contains("concern.pregnancy", "concern.raisedBy", "case.coordinator");

        Decision no = decide("child: {age: 4}\nconcern: {signals: [wellbeing-concern], pregnancy: false, raisedBy: employee}\n"
                + "case: {individualPlan: true, coordinator: true}\n");
        assertThat(no.codes()).doesNotContain("offer-pregnancy-follow-up", "talk-with-the-worried-parent", "ask-for-a-coordinator");
        assertThat(no.notes()).extracting(n -> n.field().orElse("")).doesNotContain("concern.pregnancy", "concern.raisedBy", "case.coordinator");

        Decision yes = decide("child: {age: 4}\nconcern: {signals: [wellbeing-concern], pregnancy: true, raisedBy: parent}\n"
                + "case: {individualPlan: true, coordinator: false}\n");
        assertThat(yes.codes()).contains("offer-pregnancy-follow-up", "talk-with-the-worried-parent", "ask-for-a-coordinator");
    }

    @Test
    void theJavaApiHoldsTheFactsAndKeepsTheOlderConstructors() {
        Case c = Case.on(AS_OF).withConcern(Concern.of("wellbeing-concern").withPregnancy(true).withRaisedBy(Concern.RaisedBy.PARENT))
                .withWork(new CaseWork(java.util.Optional.empty(), java.util.Optional.empty(), false, List.of(), true, false, false,
                        java.util.Optional.empty(), java.util.Optional.of(false)));
        assertThat(guide().compile().evaluate(c).codes()).contains("offer-pregnancy-follow-up", "talk-with-the-worried-parent",
                "ask-for-a-coordinator");
        assertThat(Concern.of("x").pregnancy()).isEmpty();
        assertThat(CaseWork.atLevel(1).coordinator()).isEmpty();
    }

    @Test
    void aWrongValueIsALocatedErrorThatNamesTheField() {
        CaseException e = assertThrows(CaseException.class, () -> Cases.parse(
                "asOf: 2026-11-24\nconcern:\n  pregnancy: kanskje\n  raisedBy: naboen\ncase: {coordinator: 1}\n", "case.yaml", guide(), null));
        assertThat(e.problems()).extracting(p -> p.line() + ": " + p.message()).anySatisfy(m -> assertThat(m).startsWith("3: ").contains("concern.pregnancy"))
                .anySatisfy(m -> assertThat(m).startsWith("4: ").contains("concern.raisedBy"))
                .anySatisfy(m -> assertThat(m).startsWith("5: ").contains("case.coordinator"));
        assertThat(e.problems()).filteredOn(p -> p.message().contains("raisedBy")).first().satisfies(p ->
                assertThat(p.hint()).contains("employee", "parent", "child", "other"));
    }

    @Test
    void asSoonAsPossibleIsDueNowNeverOverdueAndSaysSoInTextJsonAndHandbook() {
        Decision d = decide("concern: {signals: [wellbeing-concern], pregnancy: true, since: 2026-01-01}\n");
        Finding f = d.findings("offer-pregnancy-follow-up").get(0);
        assertThat(f.asSoonAsPossible()).isTrue();
        assertThat(f.due()).hasValue(AS_OF);
        assertThat(f.overdue()).isFalse();
        assertThat(d.toText(Locale.forLanguageTag("nb"))).contains("offer-pregnancy-follow-up").contains("(frist så snart som mulig)");
        assertThat(d.toText(Locale.ENGLISH)).contains("(due as soon as possible)");
        assertThat(d.toJson()).contains("\"asSoonAsPossible\" : true");
        assertThat(no.veiviser.handbook.Handbook.html(guide())).contains("så snart som mulig");
        // a same-day finding is not as soon as possible
        assertThat(d.findings().stream().filter(x -> !x.code().equals("offer-pregnancy-follow-up")).noneMatch(Finding::asSoonAsPossible)).isTrue();
    }

    @Test
    void anUnknownDueWordNamesAsSoonAsPossibleInItsHint() {
        GuideException e = assertThrows(GuideException.class, () -> Guides.parse(GUIDE.replace("due: as-soon-as-possible", "due: snarest"),
                Path.of("planted.yaml")));
        assertThat(e.problems().get(0).hint()).contains("as-soon-as-possible");
    }

    @Test
    void aDeadlineCountsFromTheDayChildWelfareWasInformedByAReport() {
        Decision d = decide("childWelfare: {informed: true, informedOn: 2026-10-01}\n");
        assertThat(d.findings("follow-up-the-report").get(0).due()).hasValue(LocalDate.parse("2027-01-01"));
        assertThat(d.findings("follow-up-the-report").get(0).text()).isEqualTo("Følg opp senest innen 3 måneder.");
        assertThat(no.veiviser.handbook.Handbook.html(guide())).contains("barneverntjenesten ble informert");
    }

    /** verify encodes the new facts: a planted invariant that needs all three is refuted by a case that has them, pasted back. */
    @Test
    void verifysCounterExampleCarriesTheNewFactsAndReproduces() {
        Guide planted = Guides.parse(GUIDE + """
                invariants:
                  - id: planted.never
                    description: Plantet brudd.
                    onlyWhen:
                      findings: {code: ask-for-a-coordinator}
                      when: {any: [{concern.pregnancy: {present: false}}, {concern.pregnancy: false}, {concern.raisedBy: {present: false}}, {not: {concern.raisedBy: parent}}]}
                """, Path.of("planted.yaml"));
        VerifyReport report = Verifier.verify(planted);
        VerifyReport.Result r = report.violations().stream().filter(x -> x.id().equals("planted.never")).findFirst().orElseThrow();
        VerifyReport.CounterExample ce = r.counterExample().orElseThrow();
        assertThat(ce.yaml()).contains("pregnancy: true", "raisedBy: parent", "coordinator: false");
        Case pasted = Cases.parse(ce.yaml(), "pasted.yaml", planted, null);
        assertThat(pasted).isEqualTo(ce.aCase());
        assertThat(planted.compile().evaluate(pasted).codes()).contains("ask-for-a-coordinator");
    }
}
