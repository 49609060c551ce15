package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import no.veiviser.Cases;
import no.veiviser.CompiledGuide;
import no.veiviser.Decision;
import no.veiviser.Guides;
import no.veiviser.handbook.Handbook;
import no.veiviser.internal.model.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smaller things a coordinator met encoding a third municipality's guide (issue 26): each as the author met it.
 */
class AuthoringWithoutWorkaroundsTest {
    static final Locale NB = Locale.forLanguageTag("nb");

    /** A guide that names its levels as levels: "Nivå 1", and one "Nivå 2: Samarbeid". */
    static final String LEVELS_AS_LEVELS = """
            guide: {id: niva, title: Nivå, version: "1"}
            levels:
              - {level: 0, name: Nivå 0}
              - {level: 1, name: Nivå 1}
              - {level: 2, name: "Nivå 2: Samarbeid med en annen tjeneste"}
              - {level: 3, name: Koordinert innsats}
            codes: {go-to-level: Gå til nivå}
            rules:
              - id: up
                when: {case.level: 1}
                then: [{code: go-to-level, level: 2, text: Gå til nivå 2.}]
                source: {section: Nivå 1, text: Gå til nivå 2.}
            """;

    @Test
    void aLevelNamedAsALevelIsNotPrintedTwice() {
        CompiledGuide g = Guides.parse(LEVELS_AS_LEVELS, Path.of("niva.yaml")).compile();
        Decision d = g.evaluate(Cases.parse("asOf: 2026-11-24\ncase: {level: 1}", "case.yaml", g.guide(), null));
        assertThat(d.level().name()).isEqualTo("Nivå 2: Samarbeid med en annen tjeneste"); // the JSON keeps the guide's name
        assertThat(d.toText(NB)).contains("Anbefalt nivå: 2 – Samarbeid med en annen tjeneste (regel: up)");
        Decision stays = g.evaluate(Cases.parse("asOf: 2026-11-24\ncase: {level: 0}", "case.yaml", g.guide(), null));
        assertThat(stays.toText(NB)).contains("Anbefalt nivå: 0\n").doesNotContain("Nivå 0");

        String html = Handbook.html(g.guide());
        assertThat(html).contains(">Nivå 1</a>", ">Nivå 2: Samarbeid med en annen tjeneste</a>", ">Nivå 3: Koordinert innsats</a>")
                .doesNotContain("Nivå 1: Nivå 1", "Nivå 2: Nivå 2", "Nivå 0</span> Nivå 0");
    }

    @Test
    void onlyALeadingLevelWordWithTheSameIdIsLeftOut() {
        assertThat(Level.nameBeyondId("2", "Nivå 2")).isEmpty();
        assertThat(Level.nameBeyondId("B", "nivå b – Samarbeid")).isEqualTo("Samarbeid");
        assertThat(Level.nameBeyondId("1", "Level 1: Own service")).isEqualTo("Own service");
        assertThat(Level.nameBeyondId("B", "B")).isEmpty();
        assertThat(Level.nameBeyondId("2", "Nivå 3 i fylkets modell")).isEqualTo("Nivå 3 i fylkets modell");
        assertThat(Level.nameBeyondId("1", "Nivå 1-tiltak i skolen")).isEqualTo("Nivå 1-tiltak i skolen");
        assertThat(Level.nameBeyondId("A", "Tiltak i egen tjeneste")).isEqualTo("Tiltak i egen tjeneste");
    }

    static final String NAMING = """
            guide: norge
            bases:
              pupil: {asOf: 2026-11-24, child: {age: 10, setting: school}, concern: {since: 2026-11-01, signals: [wellbeing-concern]}, case: {level: 1}}
            scenarios:
              - name: a worry at level 1 asks for consent and the child's voice
                extend: pupil
                case: {}
                expect: {exactly: [consent-required, child-right-to-be-heard]}
              - name: with the base's age taken away, nothing that depends on the age is said
                extend: pupil
                case: {child: {age: null}}
                expect: {exactly: []}
            """;

    @Test
    void aScenarioFileNamesItsGuide(@TempDir Path tmp) throws Exception {
        Path loose = Files.writeString(Files.createDirectories(tmp.resolve("mine")).resolve("s.yaml"), NAMING);
        Cli.Result bundled = Cli.run("test", loose.toString()).noStackTrace();
        assertThat(bundled.exit()).as(bundled.out() + bundled.err()).isZero();
        assertThat(bundled.out()).contains("norge 2026.1: 2 scenarioer, 2 bestått");

        // a guide folder of that name beside the scenarios' folder is the guide
        Cli.Result init = Cli.run("init", "--dir", tmp.toString(), "lillevik").noStackTrace();
        assertThat(init.exit()).as(init.err()).isZero();
        Path own = Files.writeString(tmp.resolve("mine/own.yaml"), "guide: lillevik\n" + Files.readString(tmp.resolve("lillevik/scenarios/lillevik.yaml")));
        Files.delete(loose);
        Cli.Result beside = Cli.run("test", own.toString()).noStackTrace();
        assertThat(beside.exit()).as(beside.out() + beside.err()).isZero();
        assertThat(beside.out()).contains("lillevik 0.1: 2 scenarioer, 2 bestått");

        Files.writeString(own, "guide: nowhere\n" + NAMING.substring(NAMING.indexOf("bases:")));
        Cli.Result unknown = Cli.run("test", own.toString());
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("name the guide 'nowhere', which is neither beside them nor bundled");
    }

    @Test
    void theHandbookShowsWhatReplacesWhatAndWhichExceptionWithholdsWhich(@TempDir Path tmp) throws Exception {
        Files.writeString(Files.createDirectories(tmp.resolve("grunn")).resolve("guide.yaml"), """
                guide: {id: grunn, title: Grunn, version: "1"}
                codes: {talk: Snakk med barnet, tell: Fortell foresatte, close: Avslutt}
                signals: {wellbeing-concern: Trivsel, violence-suspected: Vold}
                concepts:
                  - {id: worry, when: {concern.signals: {empty: false}}}
                rules:
                  - id: grunn.talk
                    when: {concept: worry}
                    then: [{code: talk, text: Snakk med barnet.}, {code: tell, text: Fortell foresatte.}]
                    source: {section: Kap. 1, text: Snakk med barnet.}
                """);
        Path kid = Files.writeString(Files.createDirectories(tmp.resolve("kid")).resolve("guide.yaml"), """
                guide: {id: kid, title: Kid, version: "1", extends: grunn}
                concepts:
                  - {id: worry, override: true, when: {concern.signals: {contains: wellbeing-concern}}}
                exceptions:
                  - id: kid.no-telling-when-violence
                    when: {concern.signals: {contains: violence-suspected}}
                    withholds: [{code: tell}]
                rules:
                  - id: grunn.talk
                    override: true
                    when: {concept: worry}
                    then: [{code: talk, text: Snakk med barnet.}, {code: tell, text: Fortell foresatte.}]
                    source: {section: Kap. 1, text: Snakk med barnet.}
                  - id: kid.close
                    when: {case.closing: true}
                    then: [{code: close, text: Avslutt.}]
                    exceptionTo: [{rule: grunn.talk}]
                    source: {section: Kap. 2, text: Avslutt.}
                """);
        org.jsoup.nodes.Document d = org.jsoup.Jsoup.parse(Handbook.html(Guides.load(kid)));
        org.jsoup.nodes.Element talk = d.getElementById("rule-grunn.talk");
        assertThat(talk.select("p.replaces").text()).isEqualTo("Erstatter den med samme id i grunn.");
        assertThat(talk.select("p.withheld-by").text()).isEqualTo("Holdes tilbake av: regelen kid.close;");
        assertThat(talk.select("p.withheld-by a").attr("href")).isEqualTo("#rule-kid.close");
        assertThat(talk.select("ul.then > li").get(1).select("dd").last().text()).isEqualTo("unntaket kid.no-telling-when-violence;");
        assertThat(talk.select("ul.then > li").get(0).text()).doesNotContain("Holdes tilbake");
        assertThat(d.getElementById("rule-kid.close").select("p.exception-to").text())
                .isEqualTo("Når regelen slår til, holder den tilbake: regelen grunn.talk;");
        assertThat(d.getElementById("concept-worry").select("p.replaces").text()).isEqualTo("Erstatter den med samme id i grunn.");
        assertThat(d.getElementById("exception-kid.no-telling-when-violence").select("a").attr("href")).isEqualTo("#code-tell");
    }

    @Test
    void validateTakesAGuideByIdAsTheOtherCommandsDo() {
        Cli.Result r = Cli.run("validate", "norge").noStackTrace();
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("OK ").contains(": norge ");
        Cli.Result typo = Cli.run("validate", "norg");
        assertThat(typo.exit()).isEqualTo(2);
        assertThat(typo.err()).contains("no bundled guide 'norg'", "did you mean 'norge'?");
    }

    @Test
    void anAcknowledgedDeviationIsNotWarnedByValidate(@TempDir Path tmp) throws Exception {
        String guide = """
                guide: {id: avvik, title: Avvik, version: "1"}
                codes: {collect: Innhent opplysninger}
                rules:
                  - id: avvik.collect
                    when: {child.setting: school}
                    then: [{code: collect, text: Skolen kan innhente opplysninger fra barnehagen.}]
                    source: {section: Overgang, text: Skolen kan innhente opplysninger fra barnehagen.}
                    deviation: {law: barnehageloven § 2 a, note: Krever foresattes tillatelse siden 2021.}
                """;
        Path file = Files.writeString(tmp.resolve("guide.yaml"), guide);
        assertThat(Cli.run("validate", file.toString()).out()).contains("warning: rule 'avvik.collect' departs from");
        Files.writeString(file, guide + "acknowledge:\n  - {id: W007, rule: avvik.collect, reason: Skrevet slik veilederen står.}\n");
        Cli.Result r = Cli.run("validate", file.toString()).noStackTrace();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).doesNotContain("warning");
        assertThat(Cli.run("lint", file.toString()).out()).doesNotContain("W008"); // lint still counts it, acknowledged
    }

    @Test
    void lintsHelpAndTheAuthorsGuideListEveryWarning() throws Exception {
        List<String> ids = new ArrayList<>();
        for (java.lang.reflect.Field f : no.veiviser.lint.Lint.class.getFields()) {
            if (f.getType() == String.class && String.valueOf(f.get(null)).matches("W\\d{3}")) {
                ids.add((String) f.get(null));
            }
        }
        assertThat(ids).hasSizeGreaterThanOrEqualTo(10);
        String help = Cli.run("lint", "--help").out();
        String doc = Files.readString(ForfatterveiledningTest.DOC);
        String warnings = doc.substring(doc.indexOf("Advarslene:"));
        for (String id : ids) {
            assertThat(help).as("lint --help").containsPattern(id + "\\s");
            assertThat(warnings).as("forfatterveiledning, 'Advarslene'").containsPattern(id + "\\s");
        }
    }
}
