package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import no.veiviser.handbook.Handbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15: a finding code's label in two languages, {@code label: {nb, en}}, beside the plain (bokmål) label. */
class CodeLabelsTest {
    static final Locale NB = Locale.forLanguageTag("nb");
    static final Locale EN = Locale.ENGLISH;

    static final String GUIDE = """
            guide: {id: labels, title: Merkelapper, version: "1"}
            codes:
              involve: {label: {nb: Involver foresatte, en: Involve the guardians}, effects: {contacts: [guardians], shares: false, consent: [], for: minor, phase: ordinary}}
              report: {label: {nb: Meld til barnevernet}}
              plain: Vanlig merkelapp
            signals: {worry: Bekymring}
            rules:
              - id: r
                when: {concern.signals: worry}
                then:
                  - {code: involve, text: Snakk med foresatte.}
                  - {code: plain, text: Noe annet.}
                source: {section: "§ 1", text: "sitat"}
            """;

    @Test
    void bothLanguagesAndTheFallbackToBokmal() {
        Guide g = Guides.parse(GUIDE, Path.of("labels/guide.yaml"));
        assertThat(g.codes()).containsEntry("involve", "Involver foresatte").containsEntry("report", "Meld til barnevernet")
                .containsEntry("plain", "Vanlig merkelapp");
        assertThat(g.codeLabel("involve", NB)).isEqualTo("Involver foresatte");
        assertThat(g.codeLabel("involve", EN)).isEqualTo("Involve the guardians");
        assertThat(g.codeLabel("report", EN)).as("no en label: bokmål").isEqualTo("Meld til barnevernet");
        assertThat(g.codeLabel("plain", EN)).isEqualTo("Vanlig merkelapp");
        assertThat(g.codeLabel("unknown-code", EN)).isEqualTo("unknown-code");
    }

    @Test
    void theSchemaAcceptsBothFormsAndRequiresBokmal() throws IOException {
        var schema = SchemaTest.schema("guide.schema.json");
        assertThat(schema.validate(SchemaTest.YAML.readTree(GUIDE))).isEmpty();
        assertThat(schema.validate(SchemaTest.YAML.readTree(GUIDE.replace("{nb: Meld til barnevernet}", "{en: Report}")))).isNotEmpty();
        assertThat(schema.validate(SchemaTest.YAML.readTree(GUIDE.replace("{nb: Meld til barnevernet}", "{nb: Meld, de: Melden}")))).isNotEmpty();
    }

    @Test
    void aLabelWithoutBokmalOrWithAnotherLanguageIsALocatedError() {
        InputException e = assertThrows(InputException.class, () -> Guides.parse(GUIDE.replace(
                "report: {label: {nb: Meld til barnevernet}}", "report: {label: {en: Report, de: Melden}}"), Path.of("labels/guide.yaml")));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("the label of code 'report' needs 'nb'");
        });
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.line()).isEqualTo(4);
            assertThat(p.message()).contains("de");
        });
    }

    @Test
    void decisionTextAndHandbookChooseByLanguage() {
        Guide g = Guides.parse(GUIDE, Path.of("labels/guide.yaml"));
        Case c = Cases.parse("{\"asOf\": \"2026-11-24\", \"concern\": {\"signals\": [\"worry\"]}}", "case.json", g,
                java.time.LocalDate.of(2026, 11, 24));
        Decision d = g.compile().evaluate(c);
        assertThat(d.toText(NB, g)).contains(" 1. involve \u2014 Involver foresatte\n").contains(" 2. plain \u2014 Vanlig merkelapp\n");
        assertThat(d.toText(EN, g)).contains(" 1. involve \u2014 Involve the guardians\n").contains(" 2. plain \u2014 Vanlig merkelapp\n");
        assertThat(d.toText(EN)).as("without the guide: codes only, as before").contains(" 1. involve\n");

        var nb = org.jsoup.Jsoup.parse(Handbook.html(g, NB));
        var en = org.jsoup.Jsoup.parse(Handbook.html(g, EN));
        assertThat(nb.select("#code-involve + dd").text()).startsWith("Involver foresatte");
        assertThat(en.select("#code-involve + dd").text()).startsWith("Involve the guardians");
        assertThat(en.select("#code-report + dd").text()).startsWith("Meld til barnevernet");
    }

    @Test
    void aMunicipalGuideThatRelabelsACodeDropsTheBaseEnglishLabel(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("labels"));
        Files.writeString(dir.resolve("labels/guide.yaml"), GUIDE);
        Files.createDirectories(dir.resolve("kommune"));
        Path kommune = Files.writeString(dir.resolve("kommune/guide.yaml"), """
                guide: {id: kommune, title: Kommune, version: "1", extends: labels}
                codes:
                  involve: Snakk med foresatte først
                  report: {label: {nb: Meld straks, en: Report at once}}
                  plain: {tags: [municipal-own]}
                """);
        Guide g = Guides.load(kommune);
        assertThat(g.codeLabel("involve", EN)).as("relabelled in bokmål only: no stale English").isEqualTo("Snakk med foresatte først");
        assertThat(g.codeLabel("report", EN)).isEqualTo("Report at once");
        assertThat(g.codeLabel("plain", NB)).as("tags only: the base's label").isEqualTo("Vanlig merkelapp");
    }
}
