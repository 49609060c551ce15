package no.veiviser.impact;

import static org.assertj.core.api.Assertions.assertThat;

import no.veiviser.Guide;
import no.veiviser.Guides;
import org.junit.jupiter.api.Test;

class GuideDiffTest {
    private final Guide base = Guides.load(DiffFixtures.BASE);

    @Test
    void aGuideAgainstItselfHasNoChanges() {
        GuideDiff d = GuideDiff.between(base, Guides.load(DiffFixtures.BASE));
        assertThat(d.isEmpty()).isTrue();
        assertThat(d.toText()).contains("No changes to rules or parameters.");
    }

    @Test
    void aParameterValueChangeIsAParameterChangeNotAConditionChange() {
        GuideDiff d = GuideDiff.between(base, DiffFixtures.changed(DiffFixtures.CONSENT_16));
        assertThat(d.rules()).isEmpty();
        assertThat(d.parameters()).containsExactly(
                new GuideDiff.ParameterChange("youth-consent-age", GuideDiff.Kind.CHANGED, "years: 15", "years: 16"));
        assertThat(d.toText()).contains("~ parameter youth-consent-age: years: 15 -> years: 16");
        assertThat(d.toJson()).contains("\"parameter\" : \"youth-consent-age\"").contains("\"after\" : \"years: 16\"");
    }

    @Test
    void datedValuesAreShownWithTheirDates() {
        GuideDiff d = GuideDiff.between(base, DiffFixtures.changed(t -> DiffFixtures.replace(t, "    value: 15",
                "    values: [{value: 15}, {from: 2027-01-01, value: 16}]")));
        assertThat(d.parameters()).singleElement()
                .satisfies(p -> assertThat(p.after()).isEqualTo("years: 15; from 2027-01-01: 16"));
    }

    @Test
    void removedAndAddedRules() {
        GuideDiff d = GuideDiff.between(base, DiffFixtures.changed(DiffFixtures.NO_INVOLVE));
        assertThat(d.rules()).containsExactly(new GuideDiff.RuleChange("involve-guardians", GuideDiff.Kind.REMOVED, java.util.List.of()));
        GuideDiff back = GuideDiff.between(DiffFixtures.changed(DiffFixtures.NO_INVOLVE), base);
        assertThat(back.rules()).containsExactly(new GuideDiff.RuleChange("involve-guardians", GuideDiff.Kind.ADDED, java.util.List.of()));
        assertThat(back.toText()).contains("+ rule involve-guardians (added)");
    }

    @Test
    void changedConditionsAndFindingsAreShownBeforeAndAfter() {
        Guide changed = DiffFixtures.changed(t -> DiffFixtures.replace(DiffFixtures.VIOLENCE_LEVEL_2.apply(t),
                "when: {child.age: {gte: {param: youth-consent-age}}}", "when: {child.age: {gt: {param: youth-consent-age}}}"));
        GuideDiff d = GuideDiff.between(base, changed);
        assertThat(d.rules()).extracting(GuideDiff.RuleChange::rule).containsExactly("youth-consent", "violence");
        GuideDiff.Field when = d.rules().get(0).fields().get(0);
        assertThat(when).isEqualTo(new GuideDiff.Field("when", "child.age >= {youth-consent-age}", "child.age > {youth-consent-age}"));
        GuideDiff.Field then = d.rules().get(1).fields().get(0);
        assertThat(then.name()).isEqualTo("then");
        assertThat(then.before()).contains("go-to-level level 3");
        assertThat(then.after()).contains("go-to-level level 2");
        assertThat(d.toText()).contains("~ rule violence: then");
    }
}
