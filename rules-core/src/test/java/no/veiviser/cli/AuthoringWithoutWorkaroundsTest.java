package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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
}
