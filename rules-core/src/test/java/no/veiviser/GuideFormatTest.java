package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guide format's merging, dated parameters and effective dates, on a small base guide and a town extending it. */
class GuideFormatTest {
    static final Guide TOWN = Guides.load(Path.of("src/test/resources/format/town/guide.yaml"));
    static final CompiledGuide COMPILED = TOWN.compile();

    static Case on(String date) {
        return Case.on(LocalDate.parse(date));
    }

    @Test
    void aTownGuideMergesTheBaseOverridesInPlaceDisablesAndAdds() {
        assertThat(TOWN.ruleIds()).containsExactly("base.a", "base.b", "town.level", "town.later");
        assertThat(TOWN.files()).containsExactly("src/test/resources/format/base/guide.yaml", "src/test/resources/format/town/guide.yaml");
        assertThat(TOWN.extendsId()).contains("base");
    }

    @Test
    void theOverridingRuleIsTheOneThatRuns() {
        Decision d = COMPILED.evaluate(on("2026-01-10").withConcern(Concern.of("s3")));
        assertThat(d.findings("b")).singleElement().satisfies(f -> {
            assertThat(f.text()).isEqualTo("Town B");
            assertThat(f.source()).isEqualTo(new Source("town", "Town § 2", List.of()));
        });
    }

    @Test
    void aDisabledRuleNeverFires() {
        assertThat(COMPILED.evaluate(on("2026-01-10").withConcern(Concern.of("s2"))).codes()).doesNotContain("c");
    }

    @Test
    void aDatedParameterChangesTheDecisionOnItsDate() {
        Case fifteen = on("2026-12-31").withChild(Child.bornOn(LocalDate.parse("2011-06-01")));
        // town.later gives "a" too, in the town's words: base.a is among the finding's sources.
        assertThat(COMPILED.evaluate(fifteen).findings("a")).flatExtracting(Finding::sources).extracting(Finding.Given::rule).contains("base.a");
        // From 2027-01-01 the consent age is 16; the same child (still 15) no longer qualifies.
        assertThat(COMPILED.evaluate(fifteen.withAsOf(LocalDate.parse("2027-01-01"))).findings("a"))
                .flatExtracting(Finding::sources).extracting(Finding.Given::rule).doesNotContain("base.a");
        assertThat(COMPILED.drl()).contains("asOfDay < 20819").contains("asOfDay >= 20819");
    }

    @Test
    void aRuleAppliesOnlyFromItsEffectiveDate() {
        assertThat(COMPILED.evaluate(on("2026-05-31")).firedRules()).doesNotContain("town.later");
        assertThat(COMPILED.evaluate(on("2026-06-01")).firedRules()).contains("town.later");
        Explanation.RuleCheck check = COMPILED.explain(on("2026-05-31")).rule("town.later");
        assertThat(check.inForce()).isFalse();
        assertThat(check.fired()).isFalse();
    }

    @Test
    void theHighestGoToLevelIsRecommendedAndTheRulesThatSetItAreNamed() {
        Decision none = COMPILED.evaluate(on("2026-01-10").withWork(CaseWork.atLevel(1)));
        assertThat(none.level()).isEqualTo(new Decision.Level(1, List.of()));
        Decision two = COMPILED.evaluate(on("2026-01-10").withWork(CaseWork.atLevel(1)).withConcern(Concern.of("s3")));
        assertThat(two.level()).isEqualTo(new Decision.Level(2, List.of("town.level")));
    }

    @Test
    void aDueDateRunsFromTheNamedDateOrFromAsOfWhenTheCaseDoesNotGiveIt() {
        Guide base = Guides.load(Path.of("src/test/resources/format/base/guide.yaml"));
        CompiledGuide compiled = base.compile();
        Case withSince = on("2026-03-10").withConcern(Concern.of("s1").withSince(LocalDate.parse("2026-03-01")));
        assertThat(compiled.evaluate(withSince).findings("b").get(0).due()).contains(LocalDate.parse("2026-03-29"));
        Case withoutSince = on("2026-03-10").withConcern(Concern.of("s1"));
        assertThat(compiled.evaluate(withoutSince).findings("b").get(0).due()).contains(LocalDate.parse("2026-04-07"));
    }

    @Test
    void countComparesTheNumberOfServicesWithAParameter() {
        CompiledGuide base = Guides.load(Path.of("src/test/resources/format/count.yaml")).compile();
        Case one = on("2026-01-10").withWork(CaseWork.atLevel(1).withServices("school"));
        assertThat(base.evaluate(one).firedRules()).doesNotContain("base.two-services");
        Decision two = base.evaluate(one.withWork(CaseWork.atLevel(1).withServices("school", "ppt")));
        assertThat(two.trace()).contains(new Decision.Trace("base.two-services", List.of("number of case.services >= 2 (many)")));
        assertThat(base.drl()).contains("caseServices.size() >= 2");
    }

    @Test
    void aCaseWithACodeTheGuideDoesNotKnowIsRefusedWithTheFieldPath() {
        assertThatThrownBy(() -> COMPILED.evaluate(on("2026-01-10").withConcern(Concern.of("s1", "s9"))))
                .isInstanceOf(CaseException.class)
                .satisfies(e -> assertThat(((CaseException) e).problems()).singleElement()
                        .satisfies(p -> {
                            assertThat(p.message()).isEqualTo("concern.signals[1]: unknown signal 's9'");
                            assertThat(p.hint()).isEqualTo("did you mean 's1'?");
                        }));
    }

    @Test
    void warningsNameRulesWithoutASource() {
        assertThat(TOWN.warnings()).singleElement().satisfies(w -> {
            assertThat(w.severity()).isEqualTo(Problem.Severity.WARNING);
            assertThat(w.message()).isEqualTo("rule 'town.later' cites no section of the guide");
            assertThat(w.line()).isEqualTo(15);
            assertThat(w.column()).isEqualTo(5);
        });
    }

    @Test
    void anUnknownBundledGuideGetsADidYouMeanHint() {
        assertThatThrownBy(() -> Guides.bundled("nitedal")).isInstanceOf(GuideException.class)
                .satisfies(e -> assertThat(((GuideException) e).problems().get(0).hint()).isEqualTo("did you mean 'nittedal'?"));
    }

    @Test
    void theGeneratedRulesHoldNoGuideText() {
        assertThat(COMPILED.drl()).doesNotContain("Town B", "quote", "town quote", "not in the town's guide")
                .contains("$f.fire(0);", "$f.fire(3);");
    }
}
