package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import no.veiviser.handbook.Handbook;
import no.veiviser.lint.Lint;
import no.veiviser.lint.LintWarning;
import org.junit.jupiter.api.Test;

/**
 * Parameter placeholders in finding texts (issue 29 item 1): a text written from its parameter says the value in
 * force on the case's date, in words where it asks for words; the source quote stays verbatim; an unknown parameter
 * or form is an error at the text, and so is a value written by hand (W011) unless the guide acknowledges it.
 */
class ParameterTextsTest {
    static final Path BASE = Path.of("src/test/resources/valid/base.yaml");

    /** The test base with the involve rule's text and parameter replaced. */
    static Guide guide(String text, String parameter) throws Exception {
        String yaml = Files.readString(BASE)
                .replace("        text: Involver foresatte.\n", "        text: " + text + "\n")
                .replace("  involve-within:\n    unit: weeks\n    value: 4\n", parameter);
        return Guides.parse(yaml, BASE);
    }

    static Finding involve(Guide g, String asOf) {
        Case c = Cases.parse("{\"asOf\": \"" + asOf + "\", \"concern\": {\"since\": \"" + asOf + "\", \"signals\": [\"wellbeing-concern\"]},"
                + " \"case\": {\"guardiansInvolved\": false}}", "case.json", g, LocalDate.parse(asOf));
        return g.compile().evaluate(c).findings().stream().filter(f -> f.code().equals("involve-guardians")).findFirst().orElseThrow();
    }

    @Test
    void a_text_says_the_value_in_force_on_the_cases_date_in_the_form_it_asks_for() throws Exception {
        Guide g = guide("Involver foresatte helst innen {involve-within:words} ({involve-within}, {involve-within:number}).",
                "  involve-within:\n    unit: weeks\n    values:\n      - value: 4\n      - from: 2027-01-01\n        value: 3\n");
        assertThat(involve(g, "2026-11-24").text()).isEqualTo("Involver foresatte helst innen fire uker (4 uker, 4).");
        Finding later = involve(g, "2027-02-01");
        assertThat(later.text()).isEqualTo("Involver foresatte helst innen tre uker (3 uker, 3).");
        assertThat(later.due()).contains(LocalDate.parse("2027-02-22"));
        assertThat(g.compile().evaluate(Cases.parse("{\"asOf\": \"2027-02-01\", \"concern\": {\"signals\": [\"wellbeing-concern\"]},"
                + " \"case\": {\"guardiansInvolved\": false}}", "c.json", g, LocalDate.parse("2027-02-01"))).toJson())
                .contains("helst innen tre uker").doesNotContain("{involve-within");
    }

    @Test
    void changing_the_parameter_changes_the_text_and_the_handbook_and_the_quote_stays_verbatim() throws Exception {
        Guide g = guide("Involver foresatte helst innen {involve-within:words}.", "  involve-within:\n    unit: weeks\n    value: 1\n");
        assertThat(involve(g, "2026-11-24").text()).isEqualTo("Involver foresatte helst innen en uke.");
        String html = Handbook.html(g);
        assertThat(html).contains("Involver foresatte helst innen en uke.").contains("Foresatte involveres innen fire uker.")
                .doesNotContain("{involve-within");
    }

    @Test
    void numbers_in_words_follow_the_nouns_gender_and_stop_at_twenty() throws Exception {
        Guide g = guide("Fulgt opp i {involve-within:words}.", "  involve-within:\n    unit: years\n    value: 1\n");
        assertThat(involve(g, "2026-11-24").text()).isEqualTo("Fulgt opp i ett år.");
        g = guide("Fulgt opp i {involve-within:words}.", "  involve-within:\n    unit: months\n    value: 24\n");
        assertThat(involve(g, "2026-11-24").text()).isEqualTo("Fulgt opp i 24 måneder.");
    }

    @Test
    void an_unknown_parameter_or_form_is_an_error_at_the_text() {
        assertThatThrownBy(() -> guide("Innen {involve-withn:words}.", "  involve-within:\n    unit: weeks\n    value: 4\n"))
                .isInstanceOf(GuideException.class)
                .satisfies(e -> assertThat(((GuideException) e).problems()).anySatisfy(p -> {
                    assertThat(p.message()).isEqualTo("unknown parameter 'involve-withn' in the text of 'involve-guardians'");
                    assertThat(p.hint()).contains("did you mean 'involve-within'?");
                    assertThat(p.line()).isEqualTo(49);
                }));
        assertThatThrownBy(() -> guide("Innen {involve-within:ord}.", "  involve-within:\n    unit: weeks\n    value: 4\n"))
                .isInstanceOf(GuideException.class)
                .satisfies(e -> assertThat(((GuideException) e).problems()).anySatisfy(p -> {
                    assertThat(p.message()).isEqualTo("unknown form 'ord' in {involve-within:ord}");
                    assertThat(p.hint()).contains("{involve-within:words} (\"fire uker\")");
                }));
    }

    @Test
    void a_value_written_by_hand_is_an_error_at_the_text_unless_the_guide_acknowledges_it() throws Exception {
        String fourWeeks = "  involve-within:\n    unit: weeks\n    value: 4\n";
        assertThatThrownBy(() -> guide("Involver foresatte helst innen fire uker, og senest innen 4 ukers tid.", fourWeeks))
                .isInstanceOf(GuideException.class)
                .satisfies(e -> assertThat(((GuideException) e).problems()).allSatisfy(p -> assertThat(p.line()).isEqualTo(49))
                        .extracting(p -> p.message() + " | " + p.hint()).containsExactly(
                        "the text of 'involve-guardians' (rule base.involve) states \"fire uker\", a value of parameter 'involve-within', by hand (W011)"
                                + " | write {involve-within:words} instead, so a change of the parameter, or a dated value, changes the text too;"
                                + " if the number means something else, acknowledge W011 for rule 'base.involve' with a reason",
                        "the text of 'involve-guardians' (rule base.involve) states \"4 ukers\", a value of parameter 'involve-within', by hand (W011)"
                                + " | write {involve-within:number} instead, so a change of the parameter, or a dated value, changes the text too;"
                                + " if the number means something else, acknowledge W011 for rule 'base.involve' with a reason"));
        // a dated value is a value too: on its first day the text stating it (or the one before it) by hand is wrong
        assertThatThrownBy(() -> guide("Involver foresatte helst innen tre uker.",
                "  involve-within:\n    unit: weeks\n    values:\n      - value: 4\n      - from: 2027-01-01\n        value: 3\n"))
                .isInstanceOf(GuideException.class).hasMessageContaining("states \"tre uker\"");
        // written from the parameter, another number of weeks beside it is no stated value
        assertThat(Lint.check(guide("Involver foresatte helst innen {involve-within:words}; fem uker er for sent.", fourWeeks)))
                .extracting(LintWarning::id).doesNotContain(Lint.STATED_VALUE, Lint.UNUSED_PARAMETER);
        // acknowledged with a reason, the guide loads and lint shows it as acknowledged
        Guide acknowledged = guide("Involver foresatte helst innen fire uker.", fourWeeks
                + "acknowledge:\n  - id: W011\n    rule: base.involve\n    reason: Fire uker er her veilederens eget råd, ikke fristen.\n");
        assertThat(Lint.check(acknowledged)).filteredOn(w -> w.id().equals(Lint.STATED_VALUE))
                .extracting(LintWarning::acknowledged).containsExactly(true);
    }

    @Test
    void nittedals_four_weeks_are_written_from_the_parameter() {
        Guide g = Guides.bundled("nittedal");
        assertThat(Lint.check(g)).filteredOn(w -> w.id().equals(Lint.STATED_VALUE))
                .noneMatch(w -> w.subject().equals("nittedal.level1.involve-guardians"));
        assertThat(Handbook.html(g)).contains("helst innen fire uker fra bekymringen oppstod");
    }
}
