package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import no.veiviser.CompiledGuide;
import no.veiviser.Cases;
import no.veiviser.Decision;
import no.veiviser.Guide;
import no.veiviser.GuideException;
import no.veiviser.Guides;
import no.veiviser.handbook.Handbook;
import no.veiviser.verify.Verifier;
import no.veiviser.verify.VerifyReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ids may hold the Norwegian letters æ, ø and å (issue 26 item 4): "nivå-1", "fravær.evaluering". Every place an id
 * goes takes them: the generated rules, the decision and its JSON, explain, verify's counter-example, the handbook's
 * anchors and the command line. A space is still refused, with a hint that says how to write the id.
 */
class NorwegianLettersTest {
    static final String GUIDE = """
            guide: {id: lillevik, title: Lillevik, version: "1"}
            parameters:
              frist-for-møte: {unit: weeks, value: 2, reference: "Veileder s. 4"}
            levels:
              - {id: "0", name: Undring}
              - {id: nivå-1, name: Tiltak i egen tjeneste}
              - {id: Nivå-2, name: Samarbeid}
              - {id: "3", name: Koordinert innsats}
            steps:
              - {id: Nivå-2.møte, level: Nivå-2, title: Møte}
            signals:
              bekymring-for-fravær: Bekymring for fravær
            services:
              barneværn: Barnevernet (skrevet med æ)
            codes:
              kall-inn-til-møte: Kall inn til møte
            concepts:
              - id: fravær.evaluering
                when: {concern.signals: {contains: bekymring-for-fravær}}
            exceptions:
              - id: unntak.når-barnevernet-er-med
                when: {case.services: {contains: barneværn}}
                withholds: [{rule: lillevik.nivå-2.møte}]
            rules:
              - id: lillevik.nivå-2.møte
                when: {all: [{concept: fravær.evaluering}, {case.step: Nivå-2.møte}]}
                then: [{code: kall-inn-til-møte, text: "Kall inn til møte.", due: {after: frist-for-møte}}]
                source: {section: Nivå 2, text: "Kall inn til møte."}
            invariants:
              - id: aldri-møte-på-nivå-1
                description: Planted, to see a counter-example with the letters.
                onlyWhen: {findings: {code: kall-inn-til-møte}, when: {case.level: {gte: Nivå-2}}}
            """;

    static final String CASE = """
            asOf: 2026-11-24
            concern: {signals: [bekymring-for-fravær]}
            case: {step: Nivå-2.møte, level: nivå-1}
            """;

    @Test
    void idsWithÆØÅAreReadCompiledAndGivenBack() throws Exception {
        CompiledGuide g = Guides.parse(GUIDE, Path.of("lillevik.yaml")).compile();
        Decision d = g.evaluate(Cases.parse(CASE, "case.yaml", g.guide(), null));
        assertThat(d.codes()).containsExactly("kall-inn-til-møte");
        assertThat(d.findings("kall-inn-til-møte")).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("lillevik.nivå-2.møte");
            assertThat(f.due()).hasValue(LocalDate.of(2026, 12, 8));
        });
        assertThat(d.level().id()).isEqualTo("nivå-1");
        var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(d.toJson());
        assertThat(json.at("/findings/0/code").asText()).isEqualTo("kall-inn-til-møte");
        assertThat(json.at("/level/id").asText()).isEqualTo("nivå-1");

        Decision withheld = g.evaluate(Cases.parse(CASE.replace("level: nivå-1}", "level: nivå-1, services: [barneværn]}"),
                "case.yaml", g.guide(), null));
        assertThat(withheld.codes()).isEmpty();
        assertThat(withheld.withheld()).extracting(Decision.Withheld::by).containsExactly("unntak.når-barnevernet-er-med");
    }

    @Test
    void verifysCounterExampleWithTheLettersReadsBackAsTheSameCase() {
        Guide g = Guides.parse(GUIDE, Path.of("lillevik.yaml"));
        VerifyReport report = Verifier.verify(g);
        VerifyReport.CounterExample ce = report.violations().stream().filter(r -> r.id().equals("aldri-møte-på-nivå-1"))
                .findFirst().orElseThrow().counterExample().orElseThrow();
        assertThat(ce.yaml()).contains("bekymring-for-fravær", "Nivå-2.møte");
        assertThat(Cases.parse(ce.yaml(), "pasted.yaml", g, null)).isEqualTo(ce.aCase());
    }

    @Test
    void theHandbookKeepsTheLettersInItsAnchors() {
        String html = Handbook.html(Guides.parse(GUIDE, Path.of("lillevik.yaml")));
        assertThat(Handbook.anchor("rule", "lillevik.nivå-2.møte")).isEqualTo("rule-lillevik.nivå-2.møte");
        assertThat(html).contains("id=\"rule-lillevik.nivå-2.møte\"");
    }

    @Test
    void theCommandLineTakesThem(@TempDir Path tmp) throws Exception {
        Path guide = Files.writeString(tmp.resolve("guide.yaml"), GUIDE);
        Path aCase = Files.writeString(tmp.resolve("sak.yaml"), CASE);
        assertThat(Cli.run("validate", guide.toString()).noStackTrace().exit()).isZero();
        Cli.Result explain = Cli.run("explain", "--guide", guide.toString(), "--rule", "lillevik.nivå-2.møte", aCase.toString()).noStackTrace();
        assertThat(explain.exit()).as(explain.err()).isZero();
        assertThat(explain.out()).contains("SLO TIL  lillevik.nivå-2.møte", "bekymring-for-fravær");
        Cli.Result init = Cli.run("init", "--dir", tmp.toString(), "bø").noStackTrace();
        assertThat(init.exit()).as(init.err()).isZero();
        assertThat(Cli.run("validate", tmp.resolve("bø").toString()).noStackTrace().exit()).isZero();
    }

    @Test
    void aSpaceIsRefusedWithAHintThatSaysHowToWriteTheId() {
        assertThatThrownBy(() -> Guides.parse(GUIDE.replace("fravær.evaluering", "fravær evaluering"), Path.of("lillevik.yaml")))
                .isInstanceOfSatisfying(GuideException.class, e -> assertThat(e.problems()).anySatisfy(p -> {
                    assertThat(p.message()).isEqualTo("'id' 'fravær evaluering' is not a valid id");
                    assertThat(p.hint()).contains("æ, ø and å too", "no spaces");
                }));
        assertThatThrownBy(() -> Guides.parse(GUIDE.replace("{id: nivå-1,", "{id: nivå 1,").replace("level: nivå-1}", "level: 1}"),
                Path.of("lillevik.yaml"))).isInstanceOfSatisfying(GuideException.class, e -> assertThat(e.problems()).anySatisfy(p ->
                assertThat(p.hint()).contains("write 'Nivå-1' or '1.2', not 'Nivå 1'")));
    }
}
