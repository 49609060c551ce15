package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.veiviser.lint.Lint;
import no.veiviser.lint.LintWarning;
import no.veiviser.verify.Verifier;
import no.veiviser.verify.VerifyReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 26 item 2: a municipality changes one clause of an inherited concept, or adds an exception to it, without
 * copying the concept. The case of the issue: norge's cooperation-consent-needed presumes consent at level 1 or higher
 * when the case names no services; a guide whose level 1 is work inside one's own service needs it from level 2.
 */
class RefineConceptTest {
    static final String HEAD = """
            guide: {id: planted, title: Planted, version: "1", extends: norge}
            concepts:
              - id: cooperation-consent-needed
                description: Nivå 1 er arbeid i egen tjeneste; samtykke trengs fra nivå 2 når saken ikke sier hvilke tjenester som er med.
            """;

    /** The base's fourth clause, as norge writes it, replaced by the same clause from level 2. */
    static final String REPLACE = HEAD + """
                refine:
                  replace:
                    - clause: {all: [{case.services: {empty: true}}, {case.level: {gte: 1}}]}
                      with: {all: [{case.services: {empty: true}}, {case.level: {gte: 2}}]}
            """;

    static final String LEVEL_1 = "asOf: 2026-11-24\nchild: {age: 9}\nconcern: {signals: [wellbeing-concern]}\nreporter: {service: school}\n"
            + "case: {level: 1}\n";

    static Decision decide(Guide guide, String caseYaml) {
        return guide.compile().evaluate(Cases.parse(caseYaml, "case.yaml", guide, null));
    }

    @Test
    void replacingOneClauseChangesOnlyWhatItSays() {
        Guide norge = Guides.bundled("norge");
        Guide refined = Guides.parse(REPLACE, Path.of("planted.yaml"));
        // norge presumes consent at level 1 with no services named; the refined concept does not
        assertThat(decide(norge, LEVEL_1).codes()).contains("consent-required");
        assertThat(decide(refined, LEVEL_1).codes()).doesNotContain("consent-required");
        // at level 2 both do, and with another service named at level 1 both do (the other clauses are norge's)
        assertThat(decide(refined, LEVEL_1.replace("level: 1", "level: 2")).codes()).contains("consent-required");
        assertThat(decide(refined, LEVEL_1.replace("level: 1}", "level: 1, services: [helsestasjon]}")).codes()).contains("consent-required");
    }

    @Test
    void addingAClauseAndAnExceptionRefineTheBaseConcept() {
        Guide added = Guides.parse(HEAD + """
                refine:
                  add:
                    - case.guardiansInvolved: true
                  unless: {reporter.service: helsestasjon}
            """, Path.of("planted.yaml"));
        String level0 = "asOf: 2026-11-24\nchild: {age: 9}\nconcern: {signals: [wellbeing-concern]}\nreporter: {service: school}\n";
        assertThat(decide(Guides.bundled("norge"), level0 + "case: {guardiansInvolved: true}\n").codes()).doesNotContain("consent-required");
        assertThat(decide(added, level0 + "case: {guardiansInvolved: true}\n").codes()).contains("consent-required");
        // the exception: the health centre's own work never needs it here, whatever the clauses say
        assertThat(decide(added, level0.replace("service: school", "service: helsestasjon") + "case: {level: 2, services: [school]}\n").codes())
                .doesNotContain("consent-required");
    }

    /** verify encodes the refined concept exactly: an invariant true only of the refinement is proved for it, refuted for norge's. */
    @Test
    void verifyProvesWhatOnlyTheRefinedConceptMakesTrue() {
        String invariant = """
                invariants:
                  - id: planted.no-consent-at-level-1-in-own-service
                    description: Plantet.
                    onlyWhen:
                      findings: {code: consent-required}
                      when: {any: [{case.services: {empty: false}}, {case.level: {gte: 2}}, {childWelfare.measureActive: true}]}
                """;
        VerifyReport refined = Verifier.verify(Guides.parse(REPLACE + invariant, Path.of("planted.yaml")));
        assertThat(refined.violations()).extracting(VerifyReport.Result::id).doesNotContain("planted.no-consent-at-level-1-in-own-service");
        assertThat(refined.clean()).as("%s", refined.violations()).isTrue();
        Guide whole = Guides.parse("guide: {id: planted, title: Planted, version: \"1\", extends: norge}\n" + invariant, Path.of("planted.yaml"));
        VerifyReport.Result violated = Verifier.verify(whole).violations().stream()
                .filter(r -> r.id().equals("planted.no-consent-at-level-1-in-own-service")).findFirst().orElseThrow();
        Case pasted = Cases.parse(violated.counterExample().orElseThrow().yaml(), "pasted.yaml", whole, null);
        assertThat(pasted.work().level()).hasValue("1");
    }

    @Test
    void lintValidateAndTheHandbookShowTheRefinementAndHow(@TempDir Path tmp) throws Exception {
        Guide refined = Guides.parse(REPLACE, Path.of("planted.yaml"));
        List<LintWarning> w012 = Lint.check(refined).stream().filter(w -> w.id().equals(Lint.CONCEPT_REFINED)).toList();
        assertThat(w012).singleElement().satisfies(w -> {
            assertThat(w.acknowledged()).isTrue();
            assertThat(w.problem().message()).isEqualTo("concept 'cooperation-consent-needed' refines norge's concept "
                    + "'cooperation-consent-needed': replaces 1 clause");
        });
        String html = no.veiviser.handbook.Handbook.html(refined);
        assertThat(html).contains("Forfiner begrepet med samme id i norge: erstatter 1 ledd.");

        Path dir = Files.createDirectories(tmp.resolve("planted"));
        Files.writeString(dir.resolve("guide.yaml"), REPLACE);
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int rc = no.veiviser.cli.Main.commandLine(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true),
                java.io.InputStream.nullInputStream(), java.time.Clock.systemUTC()).execute("validate", dir.resolve("guide.yaml").toString());
        assertThat(rc).as(err.toString()).isZero();
        assertThat(out.toString()).contains("concept 'cooperation-consent-needed' refines norge's concept");
        // lint lists it without --show-acknowledged, and it counts as no warning
        java.io.StringWriter lint = new java.io.StringWriter();
        int lintRc = no.veiviser.cli.Main.commandLine(new java.io.PrintWriter(lint, true), new java.io.PrintWriter(new java.io.StringWriter(), true),
                java.io.InputStream.nullInputStream(), java.time.Clock.systemUTC()).execute("lint", dir.resolve("guide.yaml").toString());
        assertThat(lintRc).isZero();
        assertThat(lint.toString()).contains("W012").contains("refines norge's concept 'cooperation-consent-needed': replaces 1 clause");

        // replacing it whole says so too
        Guide replaced = Guides.parse(HEAD + "    override: true\n    when: {case.level: {gte: 2}}\n", Path.of("planted.yaml"));
        assertThat(Lint.check(replaced)).filteredOn(w -> w.id().equals(Lint.CONCEPT_REFINED)).extracting(w -> w.problem().message())
                .containsExactly("concept 'cooperation-consent-needed' replaces norge's concept 'cooperation-consent-needed' whole");
    }

    @Test
    void aRefinementThatDoesNotFitTheBaseIsALocatedError() {
        assertThat(problems(HEAD + """
                refine:
                  replace:
                    - clause: {all: [{case.services: {empty: true}}, {case.level: {gte: 3}}]}
                      with: {case.level: {gte: 2}}
            """)).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(7);
            assertThat(p.message()).isEqualTo("no clause of concept 'cooperation-consent-needed' in norge is written like this");
            assertThat(p.hint()).startsWith("copy the clause as norge writes it; its clauses are at line ");
        });
        assertThat(problems("""
                guide: {id: planted, title: Planted, version: "1", extends: norge}
                concepts:
                  - id: cooperation-consent-neded
                    refine: {unless: {case.level: 0}}
                """)).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("concept 'cooperation-consent-neded' refines a concept the base guide does not have");
            assertThat(p.hint()).contains("cooperation-consent-needed");
        });
        assertThat(problems(HEAD + "    when: {case.level: 2}\n    refine: {unless: {case.level: 0}}\n"))
                .extracting(Problem::message).contains("a concept has both 'when' and 'refine'");
    }

    static List<Problem> problems(String yaml) {
        GuideException e = assertThrows(GuideException.class, () -> Guides.parse(yaml, Path.of("planted.yaml")));
        return e.problems().stream().filter(Problem::isError).toList();
    }
}
