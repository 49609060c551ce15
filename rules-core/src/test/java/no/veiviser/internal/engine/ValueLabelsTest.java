package no.veiviser.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ValueLabelsTest {
    static final Locale NB = Locale.forLanguageTag("nb");

    @Test
    void everyValueOfEveryFixedListHasANorwegianAndAnEnglishLabel() {
        for (Field f : Field.values()) {
            if (f.type() != Field.Type.ENUM) {
                continue;
            }
            assertThat(f.enumValues()).as(f.path()).isNotEmpty();
            for (String code : f.enumValues()) {
                String nb = ValueLabels.label(f, code, NB);
                String en = ValueLabels.label(f, code, Locale.ENGLISH);
                assertThat(nb).as(f.path() + " " + code + " in Norwegian").isNotBlank().doesNotContain("-").isNotEqualTo(en);
                assertThat(en).as(f.path() + " " + code + " in English").isNotBlank().doesNotContain("-");
            }
        }
    }

    @Test
    void aLabelIsTheWordForTheValueInTheReadersLanguage() {
        assertThat(ValueLabels.label(Field.CONSENT_GUARDIANS, "given", NB)).isEqualTo("gitt");
        assertThat(ValueLabels.label(Field.CONSENT_YOUTH, "not-asked", Locale.forLanguageTag("nn"))).isEqualTo("ikke bedt om");
        assertThat(ValueLabels.label(Field.CONSENT_YOUTH, "not-asked", Locale.ENGLISH)).isEqualTo("not asked for");
        assertThat(ValueLabels.label(Field.CHILD_SETTING, "kindergarten", NB)).isEqualTo("barnehage");
        assertThat(ValueLabels.label(Field.ADULT_SOCIAL_ASSISTANCE, "first-application", NB)).isEqualTo("en første søknad");
    }

    @Test
    void everyRoleAFindingNamesHasWordsAndAServiceCodeStaysTheGuides() {
        for (String role : no.veiviser.internal.model.GuideModel.ROLES) {
            assertThat(ValueLabels.role(role, NB)).as(role).isNotBlank().isNotEqualTo(role);
            assertThat(ValueLabels.role(role, Locale.ENGLISH)).as(role).isNotBlank();
        }
        assertThat(ValueLabels.role("guardians", NB)).isEqualTo("foresatte");
        assertThat(ValueLabels.role("child", NB)).isEqualTo("barnet");
        assertThat(ValueLabels.role("school", NB)).isEqualTo("school");
    }

    @Test
    void valuesOfCatalogueFieldsAndUnknownValuesStayAsTheyAre() {
        assertThat(ValueLabels.label(Field.STAFETTLOGG_HOLDER, "school", NB)).isEqualTo("school");
        assertThat(ValueLabels.label(Field.CHILD_SETTING, "nursery", NB)).isEqualTo("nursery");
        assertThat(ValueLabels.label(Field.CHILD_AGE, 7, NB)).isEqualTo("7");
    }

    @Test
    void aDescribedConditionGetsLabelsForEnumValuesOnly() {
        assertThat(ValueLabels.described("consent.guardians == given", NB)).isEqualTo("consent.guardians == gitt");
        assertThat(ValueLabels.described("child.setting != school", NB)).isEqualTo("child.setting != skole");
        assertThat(ValueLabels.described("consent.youth in [refused, withdrawn]", NB)).isEqualTo("consent.youth in [nektet, trukket tilbake]");
        assertThat(ValueLabels.described("stafettlogg.status not in [active]", Locale.ENGLISH)).isEqualTo("stafettlogg.status not in [in use]");
        assertThat(ValueLabels.described("not (consent.guardians == not-asked)", NB)).isEqualTo("not (consent.guardians == ikke bedt om)");
        // the same code in a catalogue field (the guide's services) is the guide's, not this table's
        assertThat(ValueLabels.described("stafettlogg.holder == school; reporter.service in [school]", NB))
                .isEqualTo("stafettlogg.holder == school; reporter.service in [school]");
        assertThat(ValueLabels.described("child.age >= 15 (youth-consent-age)", NB)).isEqualTo("child.age >= 15 (youth-consent-age)");
    }
}
