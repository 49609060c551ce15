package no.veiviser.guides;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import no.veiviser.Case;
import no.veiviser.Cases;
import no.veiviser.CompiledGuide;
import no.veiviser.Decision;
import no.veiviser.Guide;
import no.veiviser.Guides;
import no.veiviser.Meeting;
import no.veiviser.junit.ScenarioTests;
import no.veiviser.verify.Verifier;
import no.veiviser.verify.VerifyReport;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Lillevik, the invented municipality of issue 26 ({@code src/test/resources/lillevik/}): its scenarios pass, verify
 * proves the inherited invariants for it, and (issue 26 item 1) a counter-example verify prints for a violation that
 * needs a meeting's decision, pasted as a case file, is the same case and gets the finding that violates. Each new
 * construct of issue 26 is used once and proved here: its own meeting outcomes (item 3), a refined concept of norge
 * (item 2), a pregnancy with an "as soon as possible" deadline (item 6).
 */
class LillevikFixtureTest {
    static final Path FIXTURE = Path.of("src/test/resources/lillevik");

    @TestFactory
    Stream<DynamicNode> everyScenarioOfTheFixturePasses() {
        return ScenarioTests.forGuide(FIXTURE);
    }

    @Test
    void verifyProvesTheInheritedInvariantsForIt() {
        VerifyReport report = Verifier.verify(Guides.load(FIXTURE.resolve("guide.yaml")));
        assertThat(report.clean()).as("%s", report.violations()).isTrue();
    }

    /**
     * Planted: each finding of a meeting's decision "only when the meeting did not decide it", refuted only by a case
     * whose meeting decided it; the printed counter-example must carry the meeting (the printer once dropped it).
     */
    @Test
    void eachPastedCounterExampleReproducesItsViolation() throws IOException {
        String planted = Files.readString(FIXTURE.resolve("guide.yaml")) + """

                invariants:
                  - id: lillevik.plantet.tiltak
                    description: Plantet brudd.
                    onlyWhen: {findings: {code: go-to-level}, when: {any: [{meeting.outcome: {present: false}}, {not: {meeting.outcome: measures-needed}}]}}
                  - id: lillevik.plantet.avslutt
                    description: Plantet brudd.
                    onlyWhen: {findings: {code: close-case}, when: {any: [{meeting.outcome: {present: false}}, {not: {meeting.outcome: close}}]}}
                """;
        Guide guide = Guides.parse(planted, FIXTURE.resolve("guide.yaml"));
        CompiledGuide compiled = guide.compile();
        VerifyReport report = Verifier.verify(compiled);
        assertThat(report.violations()).extracting(VerifyReport.Result::id)
                .containsExactlyInAnyOrder("lillevik.plantet.tiltak", "lillevik.plantet.avslutt");
        for (VerifyReport.Result violated : report.violations()) {
            VerifyReport.CounterExample ce = violated.counterExample().orElseThrow();
            Case pasted = Cases.parse(ce.yaml(), "pasted.yaml", guide, null);
            assertThat(pasted).as("%s read back from%n%s", violated.id(), ce.yaml()).isEqualTo(ce.aCase());
            boolean tiltak = violated.id().endsWith("tiltak");
            assertThat(ce.yaml()).contains("meeting:");
            assertThat(pasted.meeting().outcome()).hasValue(tiltak ? Meeting.Outcome.MEASURES_NEEDED : Meeting.Outcome.CLOSE);
            if (tiltak) { // only Lillevik's own "andre tiltak" sends the case to level 2: the counter-example names it
                assertThat(ce.yaml()).contains("outcome: andre-tiltak");
            }
            assertThat(compiled.evaluate(pasted).codes()).as("the pasted case%n%s", ce.yaml()).contains(tiltak ? "go-to-level" : "close-case");
        }
    }

    static Decision decide(String caseYaml) {
        Guide g = Guides.load(FIXTURE.resolve("guide.yaml"));
        return g.compile().evaluate(Cases.parse(caseYaml, "case.yaml", g, null));
    }

    static final String ELEV = "asOf: 2026-11-24\nchild: {age: 10, setting: school}\nreporter: {service: school}\n";

    /** Item 3: "avslutt" is Lillevik's own word for closing; norge's closing exception reads it by its meaning. */
    @Test
    void itsOwnMeetingOutcomeIsClosingForNorgesException() {
        Decision d = decide(ELEV + "concern: {since: 2026-11-02, signals: [concerning-absence]}\ncase: {level: 1, step: \"1.møte\"}\n"
                + "meeting: {held: 2026-11-20, outcome: avslutt}\n");
        assertThat(d.codes()).contains("close-case").doesNotContain("kontakt-bti-koordinator");
        assertThat(d.withheld()).anySatisfy(w -> {
            assertThat(w.rule()).isEqualTo("lillevik.nivå-1.kontakt-koordinator");
            assertThat(w.by()).isEqualTo("norge.closing.no-further-work");
        });
        Case c = Cases.parse(ELEV + "meeting: {outcome: avslutt}\n", "case.yaml", Guides.load(FIXTURE.resolve("guide.yaml")), null);
        assertThat(c.meeting().outcome()).hasValue(Meeting.Outcome.CLOSE);
        assertThat(c.meeting().guideOutcome()).hasValue("avslutt");
    }

    /** Item 2: norge presumes consent at level 1 with no services named; Lillevik's refined concept only from level 2. */
    @Test
    void itsRefinedConceptChangesOnlyTheClauseItReplaces() {
        String level1 = ELEV + "concern: {signals: [concerning-absence]}\ncase: {level: 1}\n";
        Guide norge = Guides.bundled("norge");
        assertThat(norge.compile().evaluate(Cases.parse(level1, "case.yaml", norge, null)).codes()).contains("consent-required");
        assertThat(decide(level1).codes()).doesNotContain("consent-required");
        assertThat(decide(level1.replace("level: 1", "level: 2")).codes()).contains("consent-required");
        assertThat(no.veiviser.lint.Lint.check(Guides.load(FIXTURE.resolve("guide.yaml"))))
                .filteredOn(w -> w.id().equals(no.veiviser.lint.Lint.CONCEPT_REFINED)).extracting(w -> w.problem().message())
                .containsExactly("concept 'cooperation-consent-needed' refines norge's concept 'cooperation-consent-needed': replaces 1 clause");
    }

    /** Item 3: the handbook lists the guide's own meeting outcomes in its words, each with the national outcome it means. */
    @Test
    void theHandbookListsItsOwnMeetingOutcomesAndWhatEachMeans() {
        String html = no.veiviser.handbook.Handbook.html(Guides.load(FIXTURE.resolve("guide.yaml")));
        assertThat(html).contains("<a href=\"#meeting-outcomes\">Møteutfall</a>")
                .contains("<dt id=\"outcome-andre-tiltak\"><code>andre-tiltak</code></dt>")
                .containsPattern("Andre tiltak, gå til nivå 2 <span class=\"used\">— betyr [^<]+\\(<code>measures-needed</code>\\)")
                .containsPattern("Avslutt <span class=\"used\">— betyr [^<]+\\(<code>close</code>\\)");
        assertThat(no.veiviser.handbook.Handbook.html(Guides.bundled("norge"))).doesNotContain("id=\"meeting-outcomes\"");
    }

    /** Item 6: a pregnancy, and "så snart som mulig": due now, never overdue, and said so. */
    @Test
    void aPregnancyGetsItsAdviceAsSoonAsPossible() {
        Decision d = decide("asOf: 2026-11-24\nconcern: {pregnancy: true, since: 2026-01-05}\nreporter: {service: helsestasjon}\n");
        no.veiviser.Finding f = d.findings("informer-om-jordmor").get(0);
        assertThat(f.asSoonAsPossible()).isTrue();
        assertThat(f.overdue()).isFalse();
        assertThat(d.toText(java.util.Locale.forLanguageTag("nb"))).contains("informer-om-jordmor").contains("(frist så snart som mulig)");
        assertThat(decide("asOf: 2026-11-24\nconcern: {signals: [wellbeing-concern]}\n").notes())
                .anySatisfy(n -> assertThat(n.field()).hasValue("concern.pregnancy"));
    }
}
