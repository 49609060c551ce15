package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import no.veiviser.Guides;
import org.junit.jupiter.api.Test;

class EvaluateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static List<String> codes(JsonNode decision) {
        List<String> codes = new ArrayList<>();
        decision.get("findings").forEach(f -> codes.add(f.get("code").asText()));
        return codes;
    }

    @Test
    void textInNorwegianByDefault() {
        Cli.Result r = Cli.run("evaluate", "--guide", Cli.GUIDE, Cli.CASE).noStackTrace();

        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Veileder: cli-test 2026.1, vurdert 2026-11-24\nAnbefalt nivå: 1 (regel: involve-guardians)\n")
                .contains(" 1. involve-guardians \u2014 Involver foresatte  (frist 2026-10-29, forfalt)\n    Snakk med foresatte om bekymringen.\n")
                .contains("    Kilde: cli-test, Nivå 1: Undring og bekymring; barnevernsloven § 13-1 (regel involve-guardians)\n")
                .contains("Hvorfor:\n  involve-guardians: concern.signals contains none of [violence-suspected]; case.services is empty\n");
    }

    @Test
    void theReasonsShowTheCaseValuesAsWordsInTheReadersLanguage() {
        String c = Cli.file("cases/case-values-to-label.yaml");
        String nb = Cli.run("evaluate", "--guide", "nittedal", c).noStackTrace().out();
        assertThat(nb).contains("\n  nittedal.level2.missing-consent: case.level >= 1; concept guardians-must-consent; "
                        + "consent.guardians in [nektet, trukket tilbake]\n")
                .contains("\n  nittedal.stafettlogg.holder-kindergarten: case.level >= 1; child.setting == barnehage; not (concept child-welfare-holds-baton)\n")
                .contains("; stafettlogg.status == i bruk\n", "; concern.progress in [uendret, verre]\n")
                .doesNotContain("refused", "withdrawn", "== kindergarten", "== active", "unchanged");
        // who a finding is for: a role in words, a service by the guide's label for it
        assertThat(nb).contains("\n    Gjelder: barnet\n", "\n    Gjelder: foresatte\n", "\n    Gjelder: Barnehage\n")
                .doesNotContain("Gjelder: child", "Gjelder: guardians", "Gjelder: kindergarten");
        String en = Cli.run("evaluate", "--guide", "nittedal", "--lang", "en", c).noStackTrace().out();
        assertThat(en).contains("; consent.guardians in [refused, withdrawn]\n", "; stafettlogg.status == in use\n")
                .doesNotContain("nektet", "i bruk");
        assertThat(en).contains("\n    Who: the child\n", "\n    Who: guardians\n", "\n    Who: kindergarten\n");
    }

    @Test
    void textInEnglish() {
        Cli.Result r = Cli.run("evaluate", "--guide", Cli.GUIDE, "--lang", "en", Cli.CASE).noStackTrace();

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Guide: cli-test 2026.1, assessed 2026-11-24\nRecommended level: 1 (rule: involve-guardians)\n")
                .contains("(due 2026-10-29, overdue)").contains("Why:\n");
    }

    @Test
    void jsonFromAJsonCase() throws Exception {
        Cli.Result r = Cli.run("evaluate", "-g", Cli.GUIDE, "--format", "json", Cli.file("cases/case-violence.json")).noStackTrace();

        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        JsonNode d = json(r.out());
        assertThat(d.at("/guide/id").asText()).isEqualTo("cli-test");
        assertThat(d.at("/guide/version").asText()).isEqualTo("2026.1");
        assertThat(d.at("/asOf").asText()).isEqualTo("2026-11-24");
        assertThat(d.at("/level/recommended").asInt()).isEqualTo(3);
        assertThat(d.at("/level/because/0").asText()).isEqualTo("violence");
        assertThat(codes(d)).containsExactly("report-child-welfare", "go-to-level");
        assertThat(d.at("/findings/0/due").asText()).isEqualTo("2026-11-24");
        assertThat(d.at("/findings/0/source/section").asText()).isEqualTo("Nivå 3: Melding til barnevernet");
        assertThat(d.at("/trace/0/rule").asText()).isEqualTo("violence");
    }

    @Test
    void formatIsCaseInsensitive() throws Exception {
        Cli.Result r = Cli.run("evaluate", "-g", Cli.GUIDE, "-f", "JSON", Cli.CASE);

        assertThat(r.exit()).isZero();
        assertThat(json(r.out()).at("/level/recommended").asInt()).isEqualTo(1);
    }

    @Test
    void municipalGuideWithTheRulesOfTheGuideItExtends() throws Exception {
        Cli.Result r = Cli.run("evaluate", "--guide", Cli.file("guides/cli-kommune"), "--format", "json",
                Cli.file("cases/case-services.yaml")).noStackTrace();

        assertThat(r.exit()).isZero();
        JsonNode d = json(r.out());
        assertThat(d.at("/guide/id").asText()).isEqualTo("cli-kommune");
        assertThat(codes(d)).containsExactly("involve-guardians", "go-to-level", "use-stafettlogg");
        assertThat(d.at("/findings/2/source/guide").asText()).isEqualTo("cli-kommune");
        assertThat(d.at("/findings/0/source/guide").asText()).isEqualTo("cli-test");
    }

    @Test
    void caseFromStandardInput() throws Exception {
        Cli.Result r = Cli.runWithStdin(Cli.read("cases/case-violence.json"), "evaluate", "--guide", Cli.GUIDE, "--format", "json", "-")
                .noStackTrace();

        assertThat(r.exit()).isZero();
        JsonNode d = json(r.out());
        assertThat(d.at("/level/recommended").asInt()).isEqualTo(3);
        assertThat(codes(d)).containsExactly("report-child-welfare", "go-to-level");
    }

    @Test
    void brokenCaseFromStandardInputIsLocatedInStdin() {
        Cli.Result r = Cli.runWithStdin("asOf: 2026-11-24\nconcern:\n  signals: [worried-teachr]\n",
                "evaluate", "--guide", Cli.GUIDE, "-").noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("<stdin>:3:13: unknown signal 'worried-teachr'\n  hint: did you mean 'worried-teacher'?\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void aCaseWithoutAsOfIsAssessedToday() throws Exception {
        Cli.Result r = Cli.run("evaluate", "--guide", Cli.GUIDE, "--format", "json", Cli.file("cases/case-no-date.yaml"));

        assertThat(r.exit()).isZero();
        assertThat(json(r.out()).at("/asOf").asText()).isEqualTo("2026-11-24"); // the test clock's today
    }

    @Test
    void asOfOverridesTheCaseDate() throws Exception {
        Cli.Result r = Cli.run("evaluate", "--guide", Cli.GUIDE, "--format", "json", "--as-of", "2030-02-01", Cli.CASE);

        assertThat(r.exit()).isZero();
        JsonNode d = json(r.out());
        assertThat(d.at("/asOf").asText()).isEqualTo("2030-02-01");
        // future-rule is in force from 2030-01-01
        assertThat(d.at("/trace").findValuesAsText("rule")).containsExactly("involve-guardians", "future-rule");
    }

    @Test
    void asOfForACaseWithoutDate() throws Exception {
        Cli.Result r = Cli.run("evaluate", "--guide", Cli.GUIDE, "--format", "json", "--as-of", "2025-06-30",
                Cli.file("cases/case-no-date.yaml"));

        assertThat(r.exit()).isZero();
        assertThat(json(r.out()).at("/asOf").asText()).isEqualTo("2025-06-30");
    }

    @Test
    void asOfBeforeTheConcernAroseIsBadInput() {
        Cli.Result r = Cli.run("evaluate", "--guide", Cli.GUIDE, "--as-of", "2026-01-01", Cli.CASE).noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("veiviser: --as-of 2026-01-01 is before the case's concern.since 2026-10-01\n"
                + "  hint: assess the case on 2026-10-01 or later\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void asOfMustBeADate() {
        Cli.Result r = Cli.run("evaluate", "--guide", Cli.GUIDE, "--as-of", "24.11.2026", Cli.CASE).noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("'24.11.2026' is not a date; write YYYY-MM-DD").contains("Usage: veiviser evaluate");
    }

    @Test
    void brokenCaseListsTheProblemAtItsLineAndColumn() {
        String file = Cli.file("cases/case-broken.yaml");
        Cli.Result r = Cli.run("evaluate", "--guide", Cli.GUIDE, file).noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo(file + ":4:13: unknown signal 'worried-teachr'\n  hint: did you mean 'worried-teacher'?\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void brokenGuide() {
        Cli.Result r = Cli.run("evaluate", "--guide", Cli.BROKEN_GUIDE, Cli.CASE).noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(Cli.BROKEN_GUIDE + ":11:40: unknown signal 'worried-teachr'")
                .contains(Cli.BROKEN_GUIDE + ":13:9: unknown finding code 'involve-guardian'");
    }

    @Test
    void missingCaseFile() {
        Cli.Result r = Cli.run("evaluate", "--guide", Cli.GUIDE, "no-such-case.yaml").noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("veiviser: cannot find the case file 'no-such-case.yaml'\n  hint: ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void missingGuideFile() {
        Cli.Result r = Cli.run("evaluate", "--guide", "guides/no-such/guide.yaml", Cli.CASE).noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("veiviser: cannot find the guide file 'guides/no-such/guide.yaml'\n  hint: ");
    }

    @Test
    void unknownGuideId() {
        Cli.Result r = Cli.run("evaluate", "--guide", "no-such-guide", Cli.CASE).noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("veiviser: no bundled guide 'no-such-guide' and no guide file of that name\n  hint: ");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void misspelledBundledGuideIdGetsASuggestion() {
        List<String> ids = Guides.bundledIds();
        String id = ids.isEmpty() ? null : ids.get(ids.size() - 1);
        String typo = id == null ? "nittedl" : id.substring(0, id.length() - 1);
        Cli.Result r = Cli.run("evaluate", "--guide", typo, Cli.CASE).noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no bundled guide '" + typo + "'")
                .contains(id == null ? "there are no bundled guides" : "did you mean '" + id + "'?");
    }

    @Test
    void everyBundledGuideEvaluatesAnEmptyCase() throws Exception {
        for (String id : Guides.bundledIds()) {
            Cli.Result r = Cli.runWithStdin("asOf: 2026-11-24\n", "evaluate", "--guide", id, "--format", "json", "-").noStackTrace();

            assertThat(r.exit()).as(id + ": " + r.err()).isZero();
            JsonNode d = json(r.out());
            assertThat(d.at("/guide/id").asText()).isEqualTo(id);
            assertThat(d.at("/level/recommended").isInt()).isTrue();
        }
    }

    @Test
    void unknownFormat() {
        Cli.Result r = Cli.run("evaluate", "--guide", Cli.GUIDE, "--format", "xml", Cli.CASE).noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("veiviser: Invalid value for option '--format': expected one of [text, json]")
                .contains("Usage: veiviser evaluate");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownLanguage() {
        Cli.Result r = Cli.run("evaluate", "--guide", Cli.GUIDE, "--lang", "sv", Cli.CASE).noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Invalid value for option '--lang'");
    }

    @Test
    void guideIsRequired() {
        Cli.Result r = Cli.run("evaluate", Cli.CASE).noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required option: '--guide=<id|file>'");
    }

    @Test
    void caseIsRequired() {
        Cli.Result r = Cli.run("evaluate", "--guide", Cli.GUIDE).noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter: '<case>'");
    }

    @Test
    void help() {
        Cli.Result r = Cli.run("evaluate", "--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Usage: veiviser evaluate").contains("--format").contains("--as-of").contains("--lang");
        assertThat(r.err()).isEmpty();
    }
}
