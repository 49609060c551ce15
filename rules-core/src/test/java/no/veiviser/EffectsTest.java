package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import no.veiviser.verify.Verifier;
import no.veiviser.verify.VerifyReport;
import org.junit.jupiter.api.Test;

/**
 * Issue 23 on planted guides that extend norge: every code declares its effects, the national exceptions reach a
 * municipality's own codes through them, exceptions withhold findings (not whole rules), one finding per code, the
 * text check keeps declarations honest, and verify refuses a guide that bypasses a national exception.
 */
class EffectsTest {
    static final LocalDate AS_OF = LocalDate.parse("2026-11-24");

    /** A municipality's own codes, each declaring what it makes the employee do. */
    static final String CODES = """
            guide: {id: planted, title: Planted, version: "1", extends: norge}
            codes:
              talk-with-parents:
                label: Samtale med foreldrene
                effects: {contacts: [guardians], shares: false, consent: [], for: minor, phase: ordinary}
              plan-in-school:
                label: Planlegg tiltak på skolen
                effects: {contacts: [], shares: false, consent: [], for: minor, phase: ordinary}
              start-log:
                label: Opprett loggen
                effects: {contacts: [services], shares: true, consent: [stafettlogg], for: minor, phase: forward}
              call-child-welfare-today:
                label: Ring barneverntjenesten i dag
                effects: {contacts: [child-welfare], shares: true, consent: [], for: minor, phase: acute}
            """;

    static final String SOURCE = "    source: {section: Planted, text: Planted.}\n";

    static CompiledGuide guide(String rules) {
        return Guides.parse(CODES + "rules:\n" + rules, Path.of("planted.yaml")).compile();
    }

    static final String WORRY_RULE = """
              - id: planted.worry
                when: {concern.signals: {containsAny: [wellbeing-concern, violence-suspected]}}
                then:
                  - {code: talk-with-parents, text: Ha en samtale med foreldrene.}
                  - {code: plan-in-school, text: Planlegg tiltak.}
            """ + SOURCE;

    static Case child(int age, String... signals) {
        return Case.on(AS_OF).withChild(Child.aged(age)).withConcern(Concern.of(signals));
    }

    static Case yamlCase(String yaml) {
        return Cases.parse(yaml, "case.yaml", Guides.bundled("norge"), null);
    }

    static List<String> problems(String yaml) {
        GuideException e = org.junit.jupiter.api.Assertions.assertThrows(GuideException.class,
                () -> Guides.parse(yaml, Path.of("planted.yaml")));
        return e.problems().stream().filter(Problem::isError).map(p -> p.line() + ":" + p.column() + ": " + p.message()).toList();
    }

    // ---- 1. declared effects, required ---------------------------------------------------------------

    @Test
    void aCodeWithoutEffectsIsALocatedErrorInAGuideThatExtendsNorge() {
        assertThat(problems("""
                guide: {id: planted, title: Planted, version: "1", extends: norge}
                codes: {talk-with-parents: Samtale med foreldrene}
                rules:
                  - id: planted.worry
                    when: {concern.signals: {contains: wellbeing-concern}}
                    then: [{code: talk-with-parents, text: Ha en samtale.}]
                """)).containsExactly("6:12: code 'talk-with-parents' declares no effects");
    }

    @Test
    void everyKeyOfTheEffectsIsRequiredAndTheVocabularyIsClosed() {
        assertThat(problems(CODES.replace("for: minor, phase: ordinary}", "for: minor}")
                .replace("contacts: [services]", "contacts: [the-school]") + "rules:\n" + WORRY_RULE))
                .anySatisfy(p -> assertThat(p).contains("the effects of code 'talk-with-parents' lack 'phase'"))
                .anySatisfy(p -> assertThat(p).contains("'the-school'"));
    }

    @Test
    void aTagTheEngineDerivesFromEffectsCannotBeGivenByHand() {
        assertThat(problems(CODES.replace("    label: Samtale med foreldrene\n",
                "    label: Samtale med foreldrene\n    tags: [tells-guardians]\n") + "rules:\n" + WORRY_RULE))
                .singleElement().satisfies(p -> assertThat(p).startsWith("5:12: the tag 'tells-guardians' is derived from the code's effects"));
    }

    @Test
    void refiningTheEffectsOfANorgeCodeIsNeverSilent() {
        String refine = CODES + """
                  go-to-level:
                    effects: {contacts: [guardians], shares: false, consent: [], for: anyone, phase: forward}
                """;
        String rules = "rules:\n  - id: planted.up\n    then: [{code: go-to-level, text: Gå til nivå 1., level: 1}]\n" + SOURCE;
        assertThat(problems(refine + rules)).singleElement()
                .satisfies(p -> assertThat(p).contains("code 'go-to-level' has its effects from norge; refining them is never silent"));
        CompiledGuide refined = Guides.parse(refine.replace("for: anyone, phase: forward}", "for: anyone, phase: forward}\n    override: true") + rules,
                Path.of("planted.yaml")).compile();
        // Refined to contact the guardians, the national violence exception now reaches go-to-level in this guide.
        assertThat(refined.evaluate(child(10, "violence-suspected")).codes()).doesNotContain("go-to-level");
        assertThat(refined.evaluate(child(10, "wellbeing-concern")).codes()).contains("go-to-level");
    }

    // ---- 2 and 3. national exceptions over effects, withholding findings, not rules -------------------

    @Test
    void suspectedViolenceWithholdsAMunicipalFindingThatContactsTheGuardiansAndKeepsTheRulesOtherFinding() {
        CompiledGuide g = guide(WORRY_RULE);

        Decision worry = g.evaluate(child(10, "wellbeing-concern"));
        assertThat(worry.codes()).contains("talk-with-parents", "plan-in-school");
        assertThat(worry.withheld()).isEmpty();

        Decision violence = g.evaluate(child(10, "violence-suspected"));
        assertThat(violence.codes()).contains("plan-in-school").doesNotContain("talk-with-parents");
        assertThat(violence.withheld()).containsExactly(new Decision.Withheld("planted.worry",
                "norge.suspected-violence.guardians-not-told", List.of("talk-with-parents")));
        assertThat(violence.firedRules()).contains("planted.worry");
        assertThat(violence.toText(java.util.Locale.forLanguageTag("nb")))
                .contains("planted.worry [talk-with-parents] (unntak: norge.suspected-violence.guardians-not-told)");
    }

    @Test
    void noFindingThatPresupposesTheStafettloggConsentBeforeEveryoneWhoseConsentIsNeededHasGivenIt() {
        CompiledGuide g = guide("""
                  - id: planted.log
                    when: {case.level: {gte: 2}}
                    then: [{code: start-log, text: Opprett loggen.}]
                """ + SOURCE);
        Case atTwo = child(10, "wellbeing-concern").withWork(CaseWork.atLevel(2));

        assertThat(g.evaluate(atTwo.withConsent(new Consent(Consent.State.GIVEN, Consent.State.NOT_ASKED))).codes())
                .as("consent to cooperation is not consent to the stafettlogg").doesNotContain("start-log");
        Case logGiven = yamlCase("""
                asOf: 2026-11-24
                child: {age: 10}
                case: {level: 2}
                consent: {stafettlogg: {guardians: given}}
                """);
        assertThat(g.evaluate(logGiven).codes()).contains("start-log");
        Decision refused = g.evaluate(yamlCase("""
                asOf: 2026-11-24
                child: {age: 10}
                case: {level: 2}
                consent: {stafettlogg: {guardians: refused}}
                """));
        assertThat(refused.codes()).doesNotContain("start-log");
        assertThat(refused.withheld()).containsExactly(new Decision.Withheld("planted.log",
                "norge.consent.stafettlogg-not-complete", List.of("start-log")));
        // From 16 the youth's consent is enough: the guardians' refusal does not hold it back.
        assertThat(g.evaluate(yamlCase("""
                asOf: 2026-11-24
                child: {age: 16}
                case: {level: 2}
                consent: {stafettlogg: {guardians: refused, youth: given}}
                """)).codes()).contains("start-log");
    }

    @Test
    void fromEighteenNoFindingForAMinorIsGivenAcuteOnesIncluded() {
        CompiledGuide g = guide("""
                  - id: planted.acute
                    when: {concept: suspected-violence}
                    then:
                      - {code: call-child-welfare-today, text: Ring barneverntjenesten i dag.}
                      - {code: do-not-notify-guardians, text: Ikke varsle foresatte.}
                """ + SOURCE + WORRY_RULE);

        assertThat(g.evaluate(child(17, "violence-suspected")).codes())
                .contains("call-child-welfare-today", "do-not-notify-guardians", "plan-in-school").doesNotContain("talk-with-parents");
        Decision adult = g.evaluate(child(18, "violence-suspected"));
        assertThat(adult.codes()).doesNotContain("call-child-welfare-today", "do-not-notify-guardians", "talk-with-parents",
                "plan-in-school", "child-right-to-be-heard");
    }

    @Test
    void aMeetingThatDecidesToCloseWithholdsOrdinaryWorkAndMovingForwardButNotTheClosing() {
        CompiledGuide g = guide(WORRY_RULE + """
                  - id: planted.up
                    when: {case.level: 1}
                    then: [{code: go-to-level, text: Gå til nivå 2., level: 2}]
                """ + SOURCE + """
                  - id: planted.close
                    when: {meeting.outcome: close}
                    then: [{code: close-case, text: Avslutt saken.}]
                """ + SOURCE);
        Case atOne = child(10, "wellbeing-concern").withWork(CaseWork.atLevel(1));

        assertThat(g.evaluate(atOne).codes()).contains("go-to-level", "talk-with-parents", "plan-in-school");
        Decision closing = g.evaluate(yamlCase("""
                asOf: 2026-11-24
                child: {age: 10}
                concern: {signals: [wellbeing-concern]}
                case: {level: 1}
                meeting: {held: 2026-11-20, outcome: close}
                """));
        assertThat(closing.codes()).containsExactly("close-case");
        assertThat(closing.level().recommended()).isEqualTo(1);
    }

    // ---- 5. one finding per code ------------------------------------------------------------------------

    @Test
    void twoRulesGivingOneCodeWithOneMeaningGiveOneFindingWithBothSources() {
        CompiledGuide g = guide("""
                  - id: planted.acute
                    when: {concept: suspected-violence}
                    then: [{code: call-child-welfare-today, text: Ring barneverntjenesten i dag.}]
                """ + SOURCE + """
                  - id: planted.acute-again
                    when: {concern.signals: {contains: violence-suspected}}
                    then: [{code: call-child-welfare-today, text: Kontakt barnevernets vakt i dag.}]
                """ + SOURCE + """
                  - id: planted.acute-for-the-leader
                    when: {concern.signals: {contains: violence-suspected}}
                    then: [{code: call-child-welfare-today, text: Lederen ringer., who: [leader]}]
                """ + SOURCE);

        Decision d = g.evaluate(child(10, "violence-suspected"));
        List<Finding> calls = d.findings("call-child-welfare-today");
        assertThat(calls).hasSize(2); // the one for the leader means something else: it stays beside, not merged
        assertThat(calls.get(0).sources()).extracting(Finding.Given::rule).containsExactly("planted.acute", "planted.acute-again");
        assertThat(calls.get(0).sources()).extracting(Finding.Given::text)
                .containsExactly("Ring barneverntjenesten i dag.", "Kontakt barnevernets vakt i dag.");
        assertThat(calls.get(1).who()).containsExactly("leader");
        assertThat(d.toJson()).contains("\"sources\" : [ {\n      \"rule\" : \"planted.acute\"");
    }

    @Test
    void aMergedFindingSpeaksInTheMunicipalitysOwnWordsThoughNorgesRuleComesFirst() {
        CompiledGuide g = guide("""
                  - id: planted.report
                    when: {concern.signals: {contains: serious-neglect}}
                    then:
                      - {code: duty-to-report, text: Meld fra til barneverntjenesten på kommunens skjema., responsible: Leder}
                    source: {section: Planted › Meldeplikt, text: Planted.}
                """);

        Decision d = g.evaluate(child(10, "serious-neglect"));
        // norge.duty-to-report comes first in the rules and gives the same code with the same meaning: one finding,
        // in the planted guide's words and with its source, norge's rule still listed among its sources.
        assertThat(d.findings("duty-to-report")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("planted.report");
            assertThat(f.text()).isEqualTo("Meld fra til barneverntjenesten på kommunens skjema.");
            assertThat(f.responsible()).contains("Leder");
            assertThat(f.source().guide()).isEqualTo("planted");
            assertThat(f.source().section()).isEqualTo("Planted › Meldeplikt");
            assertThat(f.sources()).extracting(Finding.Given::rule).containsExactly("planted.report", "norge.duty-to-report");
        });
        // It stands where the planted rule gives it: after norge's write-report-to-child-welfare, not before it.
        assertThat(d.codes().indexOf("duty-to-report")).isGreaterThan(d.codes().indexOf("write-report-to-child-welfare"));
    }

    // ---- 2 and 6. verify proves the national invariants over effects and refuses a bypass ---------------

    @Test
    void verifyRefusesAGuideWhoseOwnRuleTakesAwayTheDutyToReport() {
        Guide bypass = Guides.parse(CODES + """
                rules:
                  - id: planted.no-report-when-informed
                    when: {childWelfare.informed: true}
                    exceptionTo: [{rule: norge.duty-to-report}]
                    then: [{code: plan-in-school, text: Planlegg tiltak.}]
                """ + SOURCE, Path.of("planted.yaml"));

        VerifyReport report = Verifier.verify(bypass);
        assertThat(report.violations()).extracting(VerifyReport.Result::id).contains("norge.duty.never-withheld-for-a-minor");
        VerifyReport.CounterExample example = report.violations().stream()
                .filter(r -> r.id().equals("norge.duty.never-withheld-for-a-minor")).findFirst().orElseThrow().counterExample().orElseThrow();
        assertThat(example.yaml()).contains("informed: true");
        assertThat(example.decision().codes()).doesNotContain("duty-to-report");
    }

    @Test
    void verifyRefusesAGuideThatOverridesTheViolenceExceptionAway() {
        Guide weakened = Guides.parse(CODES + """
                exceptions:
                  - id: norge.suspected-violence.guardians-not-told
                    override: true
                    when: {concern.signals: {contains: human-trafficking-risk}}
                    withholds: [{effect: {contacts: guardians}, unless: {phase: [acute, duty]}}]
                rules:
                """ + WORRY_RULE, Path.of("planted.yaml"));

        VerifyReport report = Verifier.verify(weakened);
        assertThat(report.violations()).extracting(VerifyReport.Result::id).contains("norge.violence.guardians-not-contacted");
        assertThat(Verifier.verify(Guides.parse(CODES + "rules:\n" + WORRY_RULE, Path.of("planted.yaml"))).clean()).isTrue();
    }

    // ---- 4. the text check ------------------------------------------------------------------------------

    @Test
    void aTextThatNamesTheGuardiansWhileTheCodeDeclaresNoContactIsALocatedErrorUntilAcknowledged() {
        String rule = """
                  - id: planted.plan
                    when: {concern.signals: {contains: wellbeing-concern}}
                    then: [{code: plan-in-school, text: Planlegg tiltakene sammen med foresatte.}]
                """ + SOURCE;
        assertThat(problems(CODES + "rules:\n" + rule)).singleElement().satisfies(p -> assertThat(p)
                .isEqualTo("18:12: the text of code 'plan-in-school' (rule planted.plan) says 'foresatte', but the code's effects"
                        + " do not declare contacts: [guardians]"));
        String acknowledged = CODES.replace("for: minor, phase: ordinary}\n  start-log",
                "for: minor, phase: ordinary, acknowledge: Foresatte nevnes bare som deltakere i planen.}\n  start-log");
        assertThat(Guides.parse(acknowledged + "rules:\n" + rule, Path.of("planted.yaml")).ruleIds()).contains("planted.plan");
        assertThat(no.veiviser.handbook.Handbook.html(Guides.parse(acknowledged + "rules:\n" + rule, Path.of("planted.yaml"))))
                .contains("Tekstsjekken: Foresatte nevnes bare som deltakere i planen.");
    }

    @Test
    void consentAndChildWelfareWordsAreCheckedTooInNynorskAsInBokmal() {
        assertThat(problems(CODES + """
                rules:
                  - id: planted.plan
                    when: {concern.signals: {contains: wellbeing-concern}}
                    then:
                      - {code: plan-in-school, text: Med samtykke frå føresette kan barnevernet kontaktast.}
                """ + SOURCE))
                .anySatisfy(p -> assertThat(p).contains("says 'føresette'"))
                .anySatisfy(p -> assertThat(p).contains("says 'samtykke'"))
                .anySatisfy(p -> assertThat(p).contains("says 'barnevernet'"));
        assertThat(Guides.parse(CODES + "rules:\n  - id: r\n    then: [{code: plan-in-school, text: Se barnevernsloven § 13-2.}]\n"
                + SOURCE, Path.of("planted.yaml")).ruleIds()).as("a law's name is no mention of the service").contains("r");
    }
}
