package no.veiviser.impact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import no.veiviser.Case;
import no.veiviser.CaseWork;
import no.veiviser.CaseException;
import no.veiviser.Child;
import no.veiviser.CompiledGuide;
import no.veiviser.Concern;
import no.veiviser.Guides;
import no.veiviser.internal.Access;
import no.veiviser.internal.engine.Evaluator;
import org.junit.jupiter.api.Test;

/** Known changes on the small diff guide, with the exact counts they must give. */
class ImpactDiffTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 24);
    private static final CompiledGuide BASE = Guides.load(DiffFixtures.BASE).compile();

    private static ImpactReport onCases(UnaryOperator<String> edit) {
        return ImpactDiff.run(BASE, DiffFixtures.changed(edit).compile(), CaseSource.directory(DiffFixtures.CASES, TODAY), 2);
    }

    private static ImpactReport.Group group(ImpactReport r, ImpactReport.Kind kind, String what) {
        return r.groups().stream().filter(g -> g.kind() == kind && g.what().equals(what)).findFirst().orElseThrow(
                () -> new AssertionError("no group " + kind + " " + what + " in\n" + r.summary()));
    }

    /** The report of a diff that changed some cases, as the plain diff of every case gives it. */
    private static void assertSameReport(ImpactReport actual, ImpactReport plain) {
        assertThat(actual.cases()).isEqualTo(plain.cases());
        assertThat(actual.changedCases()).isEqualTo(plain.changedCases()).isPositive();
        assertThat(actual.groups()).isEqualTo(plain.groups());
    }

    @Test
    void aBaselineFilledByTheFirstDiffGivesLaterDiffsTheSameReports() {
        Population population = Population.generate(5_000, 3);
        ImpactDiff.Baseline kept = ImpactDiff.Baseline.of(BASE, population);
        for (UnaryOperator<String> edit : List.of(DiffFixtures.CONSENT_16, DiffFixtures.SIX_WEEKS, DiffFixtures.CONSENT_16)) {
            CompiledGuide changed = DiffFixtures.changed(edit).compile();
            ImpactReport plain = ImpactDiff.run(BASE, changed, population, 2);
            ImpactReport withBaseline = ImpactDiff.between(BASE, changed).threads(2).baseline(kept).run(population);
            assertThat(kept.complete()).isTrue();
            assertSameReport(withBaseline, plain);
        }
        // a baseline is of one compiled guide and one source of cases
        assertThatThrownBy(() -> ImpactDiff.between(Guides.load(DiffFixtures.BASE).compile(), BASE).baseline(kept))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ImpactDiff.between(BASE, BASE).baseline(kept).run(Population.generate(5_000, 4)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBaselineOfAPopulationServesItsFirstCasesAndOnlyTheCasesItHolds() {
        Population whole = Population.generate(5_000, 3);
        ImpactDiff.Baseline kept = ImpactDiff.Baseline.of(BASE, whole);
        ImpactDiff.between(BASE, BASE).threads(2).baseline(kept).run(whole);
        assertThat(kept.complete()).isTrue();
        // the first 2,000 cases of the same seed are the baseline's first 2,000
        Population first = Population.generate(2_000, 3);
        CompiledGuide sixWeeks = DiffFixtures.changed(DiffFixtures.SIX_WEEKS).compile();
        assertSameReport(ImpactDiff.between(BASE, sixWeeks).threads(2).baseline(kept).run(first), ImpactDiff.run(BASE, sixWeeks, first, 2));
        // a guide without one of the base guide's signals is given other generated cases than the base guide alone (both
        // sides are): the kept outcomes are not theirs, and the report is the plain diff's
        CompiledGuide narrower = DiffFixtures.changed(t -> DiffFixtures.CONSENT_16.apply(
                DiffFixtures.replace(t, "  wellbeing-concern: Bekymring for trivsel\n", ""))).compile();
        assertThat(whole.casesKey(BASE.guide(), narrower.guide())).isNotEqualTo(whole.casesKey(BASE.guide(), BASE.guide()));
        assertSameReport(ImpactDiff.between(BASE, narrower).threads(2).baseline(kept).run(whole), ImpactDiff.run(BASE, narrower, whole, 2));
        // more cases, or another seed, are not within it
        assertThatThrownBy(() -> ImpactDiff.between(BASE, BASE).baseline(kept).run(Population.generate(5_001, 3)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBaselineKeepsWhatProvedDiffsEvaluateAndTheirReportsStayTheSame() {
        Population population = Population.generate(5_000, 3);
        ImpactDiff.Baseline kept = ImpactDiff.Baseline.of(BASE, population);
        for (UnaryOperator<String> edit : List.of(DiffFixtures.SIX_WEEKS, DiffFixtures.CONSENT_16, DiffFixtures.SIX_WEEKS)) {
            CompiledGuide changed = DiffFixtures.changed(edit).compile();
            ImpactReport plain = ImpactDiff.run(BASE, changed, population, 2);
            ImpactDiff proved = ImpactDiff.between(BASE, changed).threads(2).baseline(kept);
            assertThat(proved.proveFirst()).isEqualTo(ImpactDiff.Proof.USED);
            ImpactReport r = proved.run(population);
            assertThat(proved.proved()).isPositive();
            assertSameReport(r, plain);
        }
        assertThat(kept.complete()).as("the proofs spared some cases the base guide's outcome").isFalse();
        ImpactDiff.between(BASE, DiffFixtures.changed(DiffFixtures.SIX_WEEKS).compile()).threads(2).baseline(kept).run(population);
        assertThat(kept.complete()).as("a run without a proof evaluates the rest").isTrue();
    }

    @Test
    void aGuideThatFiresAlikeIsSummarizedFromTheBaseGuidesFiredRulesExactlyAsByItsOwnRules() {
        CompiledGuide sixWeeks = DiffFixtures.changed(DiffFixtures.SIX_WEEKS).compile();
        assertThat(Access.evaluator(BASE).firesAlike(Access.evaluator(sixWeeks))).isTrue();
        assertThat(Access.evaluator(BASE).firesAlike(Access.evaluator(DiffFixtures.changed(DiffFixtures.CONSENT_16).compile()))).isFalse();
        java.util.function.LongFunction<Case> generated = Population.generate(20_000, 5).casesFor(BASE.guide());
        List<Case> cases = java.util.stream.LongStream.range(0, 20_000).mapToObj(generated).toList();
        Evaluator.Summarized[] base = Access.summarizeEach(BASE, cases);
        Evaluator.Summarized[] own = Access.summarizeEach(sixWeeks, cases);
        java.util.BitSet[] fired = java.util.Arrays.stream(base).map(Evaluator.Summarized::fired).toArray(java.util.BitSet[]::new);
        assertThat(fired).as("the base accepts every generated case").doesNotContainNull();
        assertThat(Evaluator.sameProblems(Access.model(BASE.guide()), Access.model(sixWeeks.guide()))).isTrue();
        Evaluator.Summarized[] fromBase = Access.evaluator(sixWeeks).summarizeEachFired(cases, fired, false);
        Evaluator.Summarized[] fromBaseAccepted = Access.evaluator(sixWeeks).summarizeEachFired(cases, fired, true);
        int moved = 0;
        for (int i = 0; i < cases.size(); i++) {
            assertThat(fromBase[i].summary()).as("case %d", i).isEqualTo(own[i].summary());
            assertThat(fromBase[i].fired()).isEqualTo(own[i].fired());
            assertThat(fromBaseAccepted[i].summary()).as("case %d, accepted", i).isEqualTo(own[i].summary());
            moved += own[i].summary().equals(base[i].summary()) ? 0 : 1;
        }
        assertThat(moved).as("cases whose due date the six weeks move").isPositive();
    }

    @Test
    void aCaseThatFiresNoRuleAnEditTouchesKeepsTheBaseSummaryAndTheOthersAreWorkedOutAgain() {
        java.util.function.LongFunction<Case> generated = Population.generate(20_000, 7).casesFor(BASE.guide());
        List<Case> cases = java.util.stream.LongStream.range(0, 20_000).mapToObj(generated).toList();
        Evaluator.Summarized[] base = Access.summarizeEach(BASE, cases);
        java.util.Map<UnaryOperator<String>, String> touches = new java.util.LinkedHashMap<>();
        touches.put(DiffFixtures.SIX_WEEKS, "involve-guardians"); // a due date's parameter
        touches.put(DiffFixtures.VIOLENCE_LEVEL_2, "violence");   // a finding's level
        touches.forEach((edit, rule) -> {
            CompiledGuide changed = DiffFixtures.changed(edit).compile();
            java.util.BitSet otherwise = Access.evaluator(changed).rulesSummarizedOtherwise(Access.evaluator(BASE));
            List<no.veiviser.internal.model.Rule> rules = Access.model(BASE.guide()).rules();
            assertThat(otherwise.stream().mapToObj(i -> rules.get(i).id()).toList()).containsExactly(rule);
            Evaluator.Summarized[] own = Access.summarizeEach(changed, cases);
            int kept = 0;
            int differ = 0;
            for (int i = 0; i < cases.size(); i++) {
                if (!base[i].fired().intersects(otherwise)) {
                    assertThat(own[i].summary()).as("case %d fires no rule the edit touches", i).isEqualTo(base[i].summary());
                    kept++;
                } else if (!own[i].summary().equals(base[i].summary())) {
                    differ++;
                }
            }
            assertThat(kept).as("cases that keep the base's summary").isPositive();
            assertThat(differ).as("cases the edit changes, all among those that fire " + rule).isPositive();
            // every case, touched or not, has the changed guide's own summary from the findings the base gave
            for (int i = 0; i < cases.size(); i++) {
                Evaluator.Summarized fromGiven = Access.evaluator(changed).summarizeGiven(cases.get(i), base[i]);
                assertThat(fromGiven.summary()).as("case %d from the base's findings", i).isEqualTo(own[i].summary());
                assertThat(fromGiven.given()).isEqualTo(own[i].given());
            }
            ImpactReport r = ImpactDiff.between(BASE, changed).threads(2).run(CaseSource.of(cases));
            assertThat(r.cases()).isEqualTo(cases.size());
            assertThat(r.changedCases()).as("changed cases, as each guide's own rules decide them").isEqualTo(differ);
        });
        CompiledGuide retitled = DiffFixtures.changed(t -> DiffFixtures.replace(t, "Snakk med foresatte om bekymringen.", "Snakk med de foresatte.")).compile();
        assertThat(Access.evaluator(retitled).rulesSummarizedOtherwise(Access.evaluator(BASE))).as("a text only").isEqualTo(new java.util.BitSet());
        // a dated value splits time into other parameter periods: firing alike, but not compared period by period
        CompiledGuide dated = DiffFixtures.changed(t -> DiffFixtures.replace(t, "    value: 4\n", "    values: [{value: 4}, {from: 2030-01-01, value: 6}]\n")).compile();
        assertThat(Access.evaluator(dated).firesAlike(Access.evaluator(BASE))).isTrue();
        assertThat(Access.evaluator(dated).rulesSummarizedOtherwise(Access.evaluator(BASE))).as("other periods").isNull();
    }

    @Test
    void noChangeGivesAnEmptyReport() {
        ImpactReport r = ImpactDiff.run(BASE, Guides.load(DiffFixtures.BASE).compile(), CaseSource.directory(DiffFixtures.CASES, TODAY), 1);
        assertThat(r.cases()).isEqualTo(4);
        assertThat(r.hasChanges()).isFalse();
        assertThat(r.groups()).isEmpty();
        assertThat(r.summary()).contains("changed: 0 of 4 cases (0.00%)");
    }

    @Test
    void raisingTheConsentAgeRemovesTheCodeForThe15YearOldOnly() {
        ImpactReport r = onCases(DiffFixtures.CONSENT_16);
        assertThat(r.changedCases()).isEqualTo(1);
        assertThat(r.groups()).hasSize(1);
        ImpactReport.Group g = group(r, ImpactReport.Kind.CODE_REMOVED, "youth-consent");
        assertThat(g.count()).isEqualTo(1);
        assertThat(g.examples()).singleElement().satisfies(e -> {
            assertThat(e.index()).isEqualTo(1);
            assertThat(e.label()).endsWith("age-15.yaml");
            assertThat(e.facts()).contains("age 15");
        });
        assertThat(r.percent(g.count())).isEqualTo(25.0);
    }

    @Test
    void aLongerDeadlineMovesTheDueDate() {
        ImpactReport r = onCases(DiffFixtures.SIX_WEEKS);
        assertThat(r.changedCases()).isEqualTo(3);
        assertThat(group(r, ImpactReport.Kind.DUE_MOVED, "involve-guardians +14 days").count()).isEqualTo(3);
        assertThat(r.groups()).hasSize(1);
    }

    @Test
    void aLowerLevelIsALevelChange() {
        ImpactReport r = onCases(DiffFixtures.VIOLENCE_LEVEL_2);
        assertThat(r.changedCases()).isEqualTo(1);
        assertThat(group(r, ImpactReport.Kind.LEVEL_CHANGED, "level 3 -> 2").count()).isEqualTo(1);
        assertThat(r.groups()).hasSize(1);
    }

    @Test
    void aRemovedRuleRemovesItsCodesAndLevel() {
        ImpactReport r = onCases(DiffFixtures.NO_INVOLVE);
        assertThat(r.changedCases()).isEqualTo(3);
        assertThat(r.groups()).extracting(ImpactReport.Group::kind, ImpactReport.Group::what, ImpactReport.Group::count)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ImpactReport.Kind.LEVEL_CHANGED, "level 1 -> 0", 3L),
                        org.assertj.core.groups.Tuple.tuple(ImpactReport.Kind.CODE_REMOVED, "go-to-level", 3L),
                        org.assertj.core.groups.Tuple.tuple(ImpactReport.Kind.CODE_REMOVED, "involve-guardians", 3L));
        assertThat(r.toMarkdown()).contains("| code removed | `involve-guardians` | 3 | 75.00% |");
        assertThat(r.toJson()).contains("\"kind\" : \"code-removed\"").contains("\"changedCases\" : 3");
        assertThat(r.toText()).contains("- rule involve-guardians (removed or disabled)").contains("changed: 3 of 4 cases (75.00%)");
    }

    @Test
    void jsonLinesAndScenariosAreCaseSourcesToo() {
        CompiledGuide changed = DiffFixtures.changed(DiffFixtures.CONSENT_16).compile();
        ImpactReport lines = ImpactDiff.run(BASE, changed, CaseSource.jsonLines(DiffFixtures.JSONL, TODAY), 2);
        assertThat(lines.cases()).isEqualTo(4);
        assertThat(group(lines, ImpactReport.Kind.CODE_REMOVED, "youth-consent").examples())
                .singleElement().satisfies(e -> assertThat(e.label()).endsWith("cases.jsonl:3"));
        ImpactReport scenarios = ImpactDiff.run(BASE, changed, CaseSource.scenarios(List.of(DiffFixtures.SCENARIOS)), 1);
        assertThat(scenarios.cases()).isEqualTo(2);
        assertThat(group(scenarios, ImpactReport.Kind.CODE_REMOVED, "youth-consent").examples())
                .singleElement().satisfies(e -> assertThat(e.label()).contains("a 15-year-old consents on their own"));
    }

    @Test
    void aBadLineIsReportedAtItsLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("bad.jsonl");
        java.nio.file.Files.writeString(file, "{\"asOf\": \"2026-11-24\"}\n{\"asOf\": \"2026-11-24\", \"child\": {\"agee\": 3}}\n");
        assertThatThrownBy(() -> ImpactDiff.run(BASE, BASE, CaseSource.jsonLines(file, TODAY), 2))
                .isInstanceOf(CaseException.class)
                .satisfies(e -> assertThat(((CaseException) e).problems().get(0).toString()).startsWith(file + ":2:"));
    }

    @Test
    void aCaseOnlyTheChangedGuideAcceptsIsCountedAsRejectedByTheBase() {
        CompiledGuide changed = DiffFixtures.changed(t -> DiffFixtures.replace(t, "  violence-suspected: Mistanke om vold\n",
                "  violence-suspected: Mistanke om vold\n  bullying: Mobbing\n")).compile();
        Case known = Case.on(TODAY).withChild(Child.aged(10)).withConcern(Concern.of("wellbeing-concern"));
        Case newSignal = Case.on(TODAY).withChild(Child.aged(10)).withConcern(Concern.of("bullying"));
        ImpactReport r = ImpactDiff.run(BASE, changed, CaseSource.of(List.of(known, newSignal)), 1);
        assertThat(r.cases()).isEqualTo(2);
        assertThat(r.changedCases()).isEqualTo(1);
        assertThat(r.groups()).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(ImpactReport.Kind.REJECTED);
            assertThat(g.what()).isEqualTo("by base guide: concern.signals: unknown signal 'bullying'");
            assertThat(g.examples()).singleElement().satisfies(e -> assertThat(e.label()).isEqualTo("case #1"));
        });
        assertThatThrownBy(() -> ImpactDiff.run(BASE, BASE, CaseSource.of(List.of(newSignal)), 1))
                .isInstanceOf(CaseException.class)
                // the value is in problems(), never in the message (issue 16: applications log exception messages)
                .satisfies(e -> assertThat(((CaseException) e).problems().toString()).contains("bullying"))
                .message().doesNotContain("bullying");
    }

    @Test
    void aCaseTheChangedGuideNoLongerAcceptsIsCountedAsRejectedThoughBothFireAlike() {
        CompiledGuide changed = DiffFixtures.changed(t -> DiffFixtures.replace(t, "  school: Skole\n", "  gym: Idrettslag\n")).compile();
        assertThat(Access.evaluator(changed).firesAlike(Access.evaluator(BASE))).as("no rule names the service").isTrue();
        Case atSchool = Case.on(TODAY).withChild(Child.aged(10)).withConcern(Concern.of("wellbeing-concern"))
                .withWork(CaseWork.atLevel("1").withServices("school"));
        Case elsewhere = Case.on(TODAY).withChild(Child.aged(10)).withConcern(Concern.of("wellbeing-concern"));
        ImpactReport r = ImpactDiff.run(BASE, changed, CaseSource.of(List.of(elsewhere, atSchool)), 1);
        assertThat(r.changedCases()).isEqualTo(1);
        assertThat(r.groups()).singleElement().satisfies(g -> {
            assertThat(g.kind()).isEqualTo(ImpactReport.Kind.REJECTED);
            assertThat(g.what()).startsWith("by changed guide: case.services");
        });
    }

    @Test
    void guidesWithTheSameCataloguesFindTheSameProblemsSoADiffChecksEachCaseOnce() {
        CompiledGuide sixWeeks = DiffFixtures.changed(DiffFixtures.SIX_WEEKS).compile();
        assertThat(Evaluator.sameProblems(Access.model(BASE.guide()), Access.model(sixWeeks.guide()))).isTrue();
        List<Case> bad = List.of(Case.on(TODAY).withChild(Child.aged(10)).withConcern(Concern.of("wellbeing-concern", "bullying")),
                Case.on(TODAY).withWork(CaseWork.atLevel("7").withServices("school", "gym")),
                Case.on(TODAY).withConcern(Concern.of("violence-suspected").withSince(TODAY.plusDays(1))));
        for (Case c : bad) {
            assertThat(Access.problems(sixWeeks, c)).isNotEmpty().isEqualTo(Access.problems(BASE, c));
        }
        // any other catalogue, and each case is checked by both guides
        for (UnaryOperator<String> other : List.<UnaryOperator<String>>of(
                t -> DiffFixtures.replace(t, "  violence-suspected: Mistanke om vold\n", "  violence-suspected: Mistanke om vold\n  bullying: Mobbing\n"),
                t -> DiffFixtures.replace(t, "  school: Skole\n", "  school: Skole\n  gym: Idrettslag\n"))) {
            CompiledGuide changed = DiffFixtures.changed(other).compile();
            assertThat(Evaluator.sameProblems(Access.model(BASE.guide()), Access.model(changed.guide()))).isFalse();
            assertThat(bad.stream().anyMatch(c -> !Access.problems(changed, c).equals(Access.problems(BASE, c)))).isTrue();
        }
    }

    @Test
    void examplesAreTheLowestNumberedCases() {
        CompiledGuide changed = DiffFixtures.changed(DiffFixtures.SIX_WEEKS).compile();
        ImpactReport r = ImpactDiff.between(BASE, changed).threads(3).examples(2).run(Population.generate(3000, 7));
        for (ImpactReport.Group g : r.groups()) {
            assertThat(g.examples()).hasSizeLessThanOrEqualTo(2);
            assertThat(g.examples()).isSortedAccordingTo(java.util.Comparator.comparingLong(ImpactReport.Example::index));
        }
        assertThat(r.changedCases()).isPositive();
    }
}
