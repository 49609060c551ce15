package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The first Nittedal slice, rule by rule, as the guide text says it (shared/seeds/004_400822bd065f1cc1.txt). */
class NittedalSliceTest {
    static final CompiledGuide NITTEDAL = Guides.bundled("nittedal").compile();
    static final LocalDate AS_OF = LocalDate.parse("2026-11-24");

    static Case child(int age, String... signals) {
        return Case.on(AS_OF).withChild(Child.aged(age)).withConcern(Concern.of(signals));
    }

    @Test
    void suspectedViolenceMeansActingTheSameDayWithTheLeaderWithoutTellingTheParents() {
        Decision d = NITTEDAL.evaluate(child(9, "violence-suspected"));
        assertThat(d.codes()).containsSubsequence("act-immediately", "contact-child-welfare-or-police-same-day",
                "do-not-notify-guardians", "handle-with-leader").doesNotContain("involve-guardians");
        Finding contact = d.findings("contact-child-welfare-or-police-same-day").get(0);
        assertThat(contact.due()).as("no date for the worry: the same day runs from asOf").contains(AS_OF);
        assertThat(contact.responsible()).contains("Den ansatte sammen med sin leder");
        assertThat(contact.source().section()).isEqualTo("Nivå 0 › 1. Er situasjonen akutt?");
        // norge's guidance rule gives the same finding first; the decision keeps Nittedal's own words and lists both.
        assertThat(contact.rule()).isEqualTo("nittedal.acute.violence");
        assertThat(contact.sources()).extracting(Finding.Given::rule)
                .containsExactly("nittedal.acute.violence", "norge.suspected-violence.same-day");
        assertThat(d.findings("contact-child-welfare-or-police-same-day")).hasSize(1);
        assertThat(d.trace()).contains(new Decision.Trace("nittedal.acute.violence", List.of("concept suspected-violence", "concept minor")));
        assertThat(d.findings("duty-to-report")).as("calling only the police does not discharge the duty to report")
                .singleElement().satisfies(f -> assertThat(f.rule()).isEqualTo("nittedal.acute.duty-to-report"));
    }

    @Test
    void theSameDayRunsFromWhenTheSituationArose() {
        Case c = Case.on(AS_OF).withChild(Child.aged(9))
                .withConcern(Concern.of("violence-suspected").withSince(AS_OF.minusDays(3)));
        Finding contact = NITTEDAL.evaluate(c).findings("contact-child-welfare-or-police-same-day").get(0);
        assertThat(contact.due()).contains(AS_OF.minusDays(3));
        assertThat(contact.overdue()).isTrue();
    }

    @Test
    void theOutdatedKindergartenToSchoolRuleCarriesItsDeviationNoteInTheDecision() {
        Case c = Case.on(AS_OF).withChild(Child.aged(6).withSetting(Child.Setting.SCHOOL))
                .withWork(new CaseWork(java.util.Optional.of("1"), java.util.Optional.empty(), false,
                        List.of("kindergarten", "school"), false, false, false, java.util.Optional.empty()));
        Decision d = NITTEDAL.evaluate(c);
        assertThat(d.codes()).contains("school-may-obtain-from-kindergarten");
        assertThat(d.notes()).filteredOn(n -> n.kind() == Note.Kind.DEVIATION)
                .anySatisfy(n -> {
                    assertThat(n.rules()).containsExactly("nittedal.confidentiality.kindergarten-to-school");
                    assertThat(n.law()).hasValueSatisfying(law -> assertThat(law).contains("barnehageloven § 2 a"));
                });
    }

    @Test
    void suspectedSexualAbuseTakesTheSameAcutePath() {
        assertThat(NITTEDAL.evaluate(child(4, "sexual-abuse-suspected")).firedRules()).contains("nittedal.acute.violence");
    }

    @Test
    void dangerToLifeMeansThePoliceAtOnce() {
        Decision d = NITTEDAL.evaluate(child(5, "danger-to-life-or-health"));
        assertThat(d.findings("contact-police-immediately")).singleElement()
                .satisfies(f -> assertThat(f.source().law()).containsExactly("straffeloven § 17 (nødrett)"));
    }

    @Test
    void whenChildWelfareOrPoliceRecommendGoingOnTheEmployeeReportsAndGoesStraightToLevel3() {
        Case c = child(10, "violence-suspected").withWork(CaseWork.atLevel(0))
                .withChildWelfare(new ChildWelfare(true, true, false, false));
        Decision d = NITTEDAL.evaluate(c);
        assertThat(d.level().recommended()).isEqualTo(3);
        assertThat(d.level().because()).containsExactly("nittedal.acute.report-then-level-3");
        assertThat(d.codes()).contains("write-report-to-child-welfare", "report-in-writing-by-post");
    }

    @Test
    void guardiansAreInvolvedWithinFourWeeksOfTheWorryArising() {
        Case c = Case.on(AS_OF).withChild(Child.aged(8))
                .withConcern(Concern.of("wellbeing-concern").withSince(LocalDate.parse("2026-11-02")))
                .withWork(CaseWork.atLevel(1));
        Finding involve = NITTEDAL.evaluate(c).findings("involve-guardians").get(0);
        assertThat(involve.due()).contains(LocalDate.parse("2026-11-30"));
        assertThat(involve.who()).containsExactly("guardians");
        assertThat(involve.step()).contains("1.1");
    }

    @Test
    void guardiansAlreadyInvolvedAreNotAskedForAgain() {
        Case c = child(8, "wellbeing-concern").withWork(CaseWork.atLevel(1).withGuardiansInvolved(true));
        assertThat(NITTEDAL.evaluate(c).codes()).doesNotContain("involve-guardians");
    }

    @Test
    void theGuidesFourMeldepliktTriggersEachGiveTheDutyToReportInWritingByPost() {
        for (String trigger : List.of("mistreatment-at-home", "serious-neglect", "persistent-serious-behaviour-problems", "human-trafficking-risk")) {
            Decision d = NITTEDAL.evaluate(child(12, trigger));
            assertThat(d.findings("duty-to-report")).as(trigger).filteredOn(f -> f.rule().equals("norge.duty-to-report"))
                    .singleElement().satisfies(f -> assertThat(f.source().guide()).isEqualTo("nittedal"));
            assertThat(d.codes()).as(trigger).contains("write-report-to-child-welfare", "report-in-writing-by-post");
            if (trigger.equals("mistreatment-at-home")) {
                // Mistreatment at home is suspected violence: the guardians are not told (norge's one exception),
                // and it takes the acute path, which gives the duty to report too: one finding, with both rules as sources.
                assertThat(d.codes()).as(trigger).doesNotContain("inform-guardians-of-report").contains("do-not-notify-guardians");
                assertThat(d.findings("duty-to-report")).singleElement().satisfies(f -> assertThat(f.sources())
                        .extracting(Finding.Given::rule).containsExactly("norge.duty-to-report", "nittedal.acute.duty-to-report"));
                assertThat(d.withheld()).as(trigger).contains(new Decision.Withheld("nittedal.report.inform-guardians",
                        "norge.suspected-violence.guardians-not-told", List.of("inform-guardians-of-report")));
            } else {
                assertThat(d.codes()).as(trigger).contains("inform-guardians-of-report");
            }
        }
    }

    @Test
    void theLawsTriggerForASickChildWithoutTreatmentStillAppliesInNittedal() {
        Decision d = NITTEDAL.evaluate(child(6, "untreated-illness-or-disability"));
        assertThat(d.findings("duty-to-report")).singleElement()
                .satisfies(f -> assertThat(f.rule()).isEqualTo("norge.duty-to-report.untreated-illness"));
    }

    @Test
    void theGuardiansAreNotToldOfAReportWhenViolenceIsSuspected() {
        Decision d = NITTEDAL.evaluate(child(12, "serious-neglect", "violence-suspected"));
        assertThat(d.codes()).contains("duty-to-report", "do-not-notify-guardians").doesNotContain("inform-guardians-of-report");
    }

    @Test
    void consentFollowsTheAgesAtLevelOneAndAbove() {
        Case at1 = Case.on(AS_OF).withWork(CaseWork.atLevel(1));
        assertThat(NITTEDAL.evaluate(at1.withChild(Child.aged(14))).findings("consent-required").get(0).who()).containsExactly("guardians");
        assertThat(NITTEDAL.evaluate(at1.withChild(Child.aged(15))).findings("consent-required").get(0).who()).containsExactly("guardians", "youth");
        assertThat(NITTEDAL.evaluate(at1.withChild(Child.aged(16))).codes()).contains("youth-consent-sufficient");
        assertThat(NITTEDAL.evaluate(Case.on(AS_OF).withChild(Child.aged(16))).codes()).doesNotContain("consent-required");
    }

    @Test
    void aChildBornOnALeapDayTurnsFifteenOnTheFirstOfMarchInACommonYear() {
        Case at1 = Case.on(LocalDate.parse("2027-02-28")).withWork(CaseWork.atLevel(1)).withChild(Child.bornOn(LocalDate.parse("2012-02-29")));
        assertThat(NITTEDAL.evaluate(at1).findings("consent-required").get(0).who()).containsExactly("guardians");
        assertThat(NITTEDAL.evaluate(at1.withAsOf(LocalDate.parse("2027-03-01"))).findings("consent-required").get(0).who())
                .containsExactly("guardians", "youth");
    }

    @Test
    void theTextOutputIsNorwegianByDefaultAndEnglishOnRequest() {
        Decision d = NITTEDAL.evaluate(child(9, "violence-suspected"));
        assertThat(d.toText(java.util.Locale.forLanguageTag("nb"))).contains("Anbefalt nivå: 0", "(frist 2026-11-24)", "Hvorfor:");
        assertThat(d.toText(java.util.Locale.ENGLISH)).contains("Recommended level: 0", "(due 2026-11-24)", "Why:");
    }
}
