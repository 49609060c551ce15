package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import no.veiviser.verify.Verifier;
import org.junit.jupiter.api.Test;

/**
 * What a municipality's guide can say that the first two could not (issue 18): levels named 0 / A / B / C, step ids
 * as the guide writes them, a meeting's outcome as a case fact, deadlines from a meeting, a referral or the next
 * meeting, and consent per kind. Each test reads the whole decision.
 */
class MunicipalityVocabularyTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

    static final String GUIDE = """
            guide: {id: bokstav, title: Bokstavkommune, version: "1"}
            parameters:
              evaluate-within: {unit: weeks, value: 2, reference: "Veileder s. 4"}
              prepare-before: {unit: days, value: 0, reference: "Veileder s. 4"}
            levels:
              - {id: "0", name: Undring}
              - {id: A, name: Nivå A}
              - {id: B, name: Nivå B}
              - {id: C, name: Nivå C}
            steps:
              - {id: A.1, level: A, title: Tiltak i egen tjeneste}
              - {id: B.1, level: B, title: Drøftingsmøte}
            codes:
              go-to-level: Gå til nivå
              close-case: Avslutt saken
              evaluate: Evaluer
              prepare-meeting: Forbered neste møte
              follow-up-referral: Følg opp henvisningen
              stafettlogg-ok: Stafettlogg kan opprettes
            rules:
              - id: measures-needed
                when: {case.step: A.1, meeting.outcome: measures-needed}
                then: [{code: go-to-level, level: B, text: "Dersom det er behov for å sette i verk tiltak, gå til Nivå B."}]
                source: {section: A.1, text: "Dersom det er behov for å sette i verk tiltak, gå til Nivå B."}
              - id: no-measures
                when: {case.step: A.1, meeting.outcome: no-measures-needed}
                then: [{code: close-case, text: "Hvis ikke, avsluttes saken."}]
                source: {section: A.1, text: "Hvis ikke, avsluttes saken."}
              - id: raised
                when: {meeting.outcome: change-level, meeting.level: {gt: B}}
                then: [{code: go-to-level, level: C, text: "Saken løftes til Nivå C."}]
                source: {section: B.1, text: "Saken løftes til Nivå C."}
              - id: evaluate
                when: {case.level: {gte: A}, meeting.held: {present: true}}
                then: [{code: evaluate, text: "Evaluer innen {evaluate-within:words} etter møtet.", due: {after: evaluate-within, from: meeting.held}}]
                source: {section: B.1, text: "Evaluer innen to uker."}
              - id: prepare
                when: {meeting.next: {present: true}}
                then: [{code: prepare-meeting, text: "Forbered neste møte.", due: {after: prepare-before, from: meeting.next}}]
                source: {section: B.1, text: "Forbered neste møte."}
              - id: referral
                when: {case.level: B}
                then: [{code: follow-up-referral, text: "Følg opp henvisningen.", due: {after: evaluate-within, from: case.referred}}]
                source: {section: B.1, text: "Følg opp henvisningen."}
              - id: stafettlogg
                when: {consent.stafettlogg.guardians: given, consent.stafettlogg.written: true}
                then: [{code: stafettlogg-ok, text: "Stafettlogg kan opprettes med skriftlig samtykke."}]
                source: {section: B.1, text: "Skriftlig samtykke."}
            """;

    static final CompiledGuide BOKSTAV = Guides.parse(GUIDE, Path.of("bokstav.yaml")).compile();

    static Decision decide(String caseYaml) {
        return BOKSTAV.evaluate(Cases.parse(caseYaml, "case.yaml", BOKSTAV.guide(), AS_OF));
    }

    @Test
    void aLetteredLevelIsReadFromTheCaseAndGivenBackByIdNameAndPosition() throws Exception {
        Decision d = decide("""
                case: {level: A, step: A.1}
                meeting: {held: 2026-11-20, outcome: measures-needed}
                """);
        assertThat(d.level().id()).isEqualTo("B");
        assertThat(d.level().name()).isEqualTo("Nivå B");
        assertThat(d.level().recommended()).isEqualTo(2); // the position, for existing consumers
        assertThat(d.codes()).containsExactly("go-to-level", "evaluate");
        assertThat(d.findings("go-to-level")).singleElement().satisfies(f -> assertThat(f.levelId()).hasValue("B"));
        assertThat(d.findings("evaluate")).singleElement().satisfies(f -> assertThat(f.due()).hasValue(LocalDate.of(2026, 12, 4)));
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(d.toJson());
        assertThat(json.at("/level/recommended").asInt()).isEqualTo(2);
        assertThat(json.at("/level/id").asText()).isEqualTo("B");
        assertThat(json.at("/level/name").asText()).isEqualTo("Nivå B");
        assertThat(json.at("/findings/0/level").asInt()).isEqualTo(2);
        assertThat(json.at("/findings/0/levelId").asText()).isEqualTo("B");
        assertThat(d.toText(java.util.Locale.forLanguageTag("nb"))).contains("Anbefalt nivå: B", "Nivå: B")
                .doesNotContain("B – Nivå B"); // the name restates the id: not printed twice (issue 26 item 5)
    }

    @Test
    void theOutcomeDecidesAndWithoutOneNeitherBranchIsChosen() {
        assertThat(decide("case: {level: A, step: A.1}\nmeeting: {outcome: no-measures-needed}").codes())
                .containsExactly("close-case");
        Decision undecided = decide("case: {level: A, step: A.1}");
        assertThat(undecided.codes()).doesNotContain("go-to-level", "close-case");
        assertThat(undecided.level().id()).isEqualTo("A"); // the current level stands
    }

    @Test
    void aChangeOfLevelComparesInTheGuidesOrder() {
        assertThat(decide("case: {level: B}\nmeeting: {outcome: change-level, level: C}").codes()).contains("go-to-level");
        assertThat(decide("case: {level: B}\nmeeting: {outcome: change-level, level: A}").codes()).doesNotContain("go-to-level");
        assertThat(decide("case: {level: B}\nmeeting: {outcome: continue}").codes()).doesNotContain("go-to-level");
    }

    @Test
    void deadlinesRunFromTheMeetingTheReferralOrTheNextMeetingAndAMissingAnchorIsANote() {
        Decision d = decide("""
                case: {level: B, referred: 2026-11-10}
                meeting: {held: 2026-11-17, next: 2026-12-15}
                """);
        assertThat(d.findings("follow-up-referral")).singleElement().satisfies(f -> assertThat(f.due()).hasValue(LocalDate.of(2026, 11, 24)));
        assertThat(d.findings("prepare-meeting")).singleElement().satisfies(f -> assertThat(f.due()).hasValue(LocalDate.of(2026, 12, 15)));
        assertThat(d.notes()).isEmpty();

        Decision noReferral = decide("case: {level: B}");
        assertThat(noReferral.findings("follow-up-referral")).singleElement().satisfies(f -> assertThat(f.due()).hasValue(AS_OF.plusWeeks(2)));
        assertThat(noReferral.notes()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Note.Kind.DUE_FROM_AS_OF);
            assertThat(n.field()).hasValue("case.referred");
            assertThat(n.text()).contains("datoen saken ble henvist");
        });
    }

    @Test
    void consentIsReadPerKind() {
        assertThat(decide("consent: {guardians: given, stafettlogg: {guardians: given, written: true}}").codes()).containsExactly("stafettlogg-ok");
        assertThat(decide("consent: {guardians: given, written: true}").codes()).isEmpty(); // cooperation is another kind
        assertThat(decide("consent: {stafettlogg: {guardians: given}}").codes()).isEmpty(); // not in writing
    }

    @Test
    void anUnknownLevelOrStepIsALocatedErrorNamingTheGuidesIds() {
        assertThatThrownBy(() -> decide("case: {level: D}")).isInstanceOfSatisfying(CaseException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.message()).isEqualTo("unknown level 'D' for case.level");
                    assertThat(p.hint()).isEqualTo("the guide's levels are 0, A, B, C");
                    assertThat(p.line()).isEqualTo(1);
                }));
        assertThatThrownBy(() -> decide("case: {step: a.1}")).isInstanceOfSatisfying(CaseException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(p -> assertThat(p.hint()).contains("A.1")));
    }

    @Test
    void aNumberIsTheLevelsPlaceSoNorgesRulesKeepTheirMeaning() {
        assertThat(decide("case: {level: 2}").level().id()).isEqualTo("B");
    }

    @Test
    void theGuideSaysWhereALevelOrADateIsWronglyUsed() {
        String bad = GUIDE.replace("when: {case.level: B}", "when: {case.level: D}")
                .replace("when: {meeting.next: {present: true}}", "when: {meeting.next: {daysSince: {gte: 1}}}");
        assertThatThrownBy(() -> Guides.parse(bad, Path.of("bokstav.yaml"))).isInstanceOfSatisfying(GuideException.class, e ->
                assertThat(e.problems()).extracting(Problem::message).contains(
                        "unknown level 'D' for case.level",
                        "meeting.next may lie after asOf, so it has no days or years since it"));
        String badLevels = GUIDE.replace("- {id: B, name: Nivå B}", "- {id: A, name: Nivå B}");
        assertThatThrownBy(() -> Guides.parse(badLevels, Path.of("bokstav.yaml"))).isInstanceOf(GuideException.class)
                .hasMessageContaining("level id 'A' is used twice");
    }

    @Test
    void verifyEncodesTheNewFacts() {
        String guide = GUIDE + """
                invariants:
                  - id: raise-only-on-a-decision
                    description: Nivå C bare når et møte har besluttet å endre nivå.
                    onlyWhen: {findings: {code: go-to-level}, when: {any: [{meeting.outcome: change-level}, {meeting.outcome: measures-needed}]}}
                  - id: stafettlogg-in-writing
                    description: Stafettloggen bare med skriftlig samtykke.
                    onlyWhen: {findings: {code: stafettlogg-ok}, when: {consent.stafettlogg.written: true}}
                """;
        assertThat(Verifier.verify(Guides.parse(guide, Path.of("bokstav.yaml"))).clean()).isTrue();
        String broken = guide.replace("when: {meeting.outcome: change-level, meeting.level: {gt: B}}", "when: {meeting.level: {gt: B}}");
        var report = Verifier.verify(Guides.parse(broken, Path.of("bokstav.yaml")));
        assertThat(report.clean()).isFalse();
        var ce = report.invariants().stream().filter(i -> i.counterExample().isPresent()).findFirst().orElseThrow().counterExample().orElseThrow();
        assertThat(ce.aCase().meeting().level()).hasValue("C");
        assertThat(ce.aCase().meeting().outcome()).isNotEqualTo(java.util.Optional.of(Meeting.Outcome.CHANGE_LEVEL));
        assertThat(List.of(ce.aCase())).isNotEmpty();
    }

    @Test
    void aRuleNamesTheDocumentItQuotesInTheDecisionAndTheHandbook() throws Exception {
        Guide g = Guides.parse("""
                guide: {id: dok, title: Dok, version: "1"}
                codes: {consider-report: Vurder melding}
                rules:
                  - id: national
                    when: {always: true}
                    then: [{code: consider-report, text: "Vurder melding til barnevernet."}]
                    source: {document: "Bufdir, Veileder for opplysningsplikten", section: "Kapittel 3", text: "Vurder melding.", law: [barnevernsloven § 13-2]}
                """, Path.of("dok.yaml"));
        Decision d = g.compile().evaluate(Case.on(AS_OF));
        assertThat(d.findings().get(0).source().document()).hasValue("Bufdir, Veileder for opplysningsplikten");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(d.toJson()).at("/findings/0/source/document").asText())
                .isEqualTo("Bufdir, Veileder for opplysningsplikten");
        assertThat(d.toText(java.util.Locale.forLanguageTag("nb"))).contains("Kilde: Bufdir, Veileder for opplysningsplikten, Kapittel 3");
        assertThat(no.veiviser.handbook.Handbook.html(g)).contains("Bufdir, Veileder for opplysningsplikten · Kapittel 3");
    }

    @Test
    void norgesConsentConceptAnswersPerKind() {
        Guide g = Guides.parse("""
                guide: {id: slag, title: Slag, version: "1", extends: norge}
                codes:
                  start-stafettlogg:
                    label: Opprett stafettlogg
                    effects: {contacts: [services], shares: true, consent: [stafettlogg], for: minor, phase: forward}
                rules:
                  - id: stafettlogg
                    when: {concept: consent-complete, kind: stafettlogg}
                    then: [{code: start-stafettlogg, text: "Stafettloggen kan opprettes."}]
                    source: {section: Stafettlogg, text: "Samtykke til stafettlogg."}
                """, Path.of("slag.yaml"));
        CompiledGuide c = g.compile();
        java.util.function.Function<String, List<String>> codes = yaml -> c.evaluate(Cases.parse(yaml, "c.yaml", g, AS_OF)).codes();
        assertThat(codes.apply("child: {age: 10}\nconsent: {stafettlogg: {guardians: given}}")).contains("start-stafettlogg");
        assertThat(codes.apply("child: {age: 10}\nconsent: {guardians: given}")).doesNotContain("start-stafettlogg");
        assertThat(codes.apply("child: {age: 15}\nconsent: {stafettlogg: {guardians: given}}")).doesNotContain("start-stafettlogg");
        assertThat(codes.apply("child: {age: 16}\nconsent: {stafettlogg: {youth: given}}")).contains("start-stafettlogg");
        assertThat(c.explain(Cases.parse("child: {age: 10}", "c.yaml", g, AS_OF)).rule("stafettlogg").conditions().get(0).condition())
                .isEqualTo("concept consent-complete (stafettlogg)");
    }

    @Test
    void theHandbookNamesTheLevelsAsTheGuideDoes() {
        String html = no.veiviser.handbook.Handbook.html(BOKSTAV.guide());
        assertThat(html).contains("Nivå B</span>", "Nivå A</span>").doesNotContain("Nivå 2</span>")
                .doesNotContain("Nivå B</span> Nivå B"); // a name that restates the level is not printed twice (issue 26 item 5)
        assertThat(html).contains(">nivå B</a>"); // the finding's level links to it by its id
    }
}
