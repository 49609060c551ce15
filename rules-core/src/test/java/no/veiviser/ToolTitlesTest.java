package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Issue 25 item 7: the decision's text names a finding's tools by their titles (with the toolbox number where the guide
 * gives one), not by their internal ids; without the guide the ids stay, as before.
 */
class ToolTitlesTest {
    static final String GUIDE = """
            guide: {id: tools, title: Verktøy, version: "1"}
            codes:
              report: {label: Meld, effects: {contacts: [], shares: false, consent: [], for: anyone, phase: ordinary}}
            signals: {worry: Bekymring}
            tools:
              - {id: bekymringsmelding, number: 10, title: Bekymringsmelding til barnevernet, kind: skjema}
              - {id: referatmal, title: Referatmal, kind: verktøy}
            rules:
              - id: r
                when: {concern.signals: worry}
                then:
                  - {code: report, text: Skriv meldingen., tools: [bekymringsmelding, referatmal]}
                source: {section: "§ 1", text: "sitat"}
            """;

    @Test
    void theTextShowsEachToolByItsTitle() {
        Guide g = Guides.parse(GUIDE, Path.of("tools/guide.yaml"));
        Case c = Cases.parse("{\"asOf\": \"2026-11-24\", \"concern\": {\"signals\": [\"worry\"]}}", "case.json", g,
                java.time.LocalDate.of(2026, 11, 24));
        Decision d = g.compile().evaluate(c);
        assertThat(d.toText(Locale.forLanguageTag("nb"), g))
                .contains("    Verktøy: 10. Bekymringsmelding til barnevernet; Referatmal\n")
                .doesNotContain("bekymringsmelding,").doesNotContain("referatmal\n");
        assertThat(d.toText(Locale.ENGLISH, g)).contains("    Tools: 10. Bekymringsmelding til barnevernet; Referatmal\n");
    }
}
