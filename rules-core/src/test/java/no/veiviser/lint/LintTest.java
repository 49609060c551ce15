package no.veiviser.lint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.veiviser.Guide;
import no.veiviser.GuideException;
import no.veiviser.Guides;
import no.veiviser.Problem;
import no.veiviser.scenario.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintTest {
    static final Path KOMMUNE = Path.of("src/test/resources/lint/lint-kommune");

    static List<LintWarning> lint() {
        Guide g = Guides.load(KOMMUNE.resolve("guide.yaml"));
        return Lint.check(g, Scenarios.read(g, List.of(KOMMUNE.resolve("scenarios"))));
    }

    static String line(LintWarning w) {
        return w.id() + " " + w.subject() + " @" + w.problem().line() + (w.acknowledged() ? " ack" : "");
    }

    @Test
    void everyKindOfWarningWithItsIdSubjectAndLine() {
        assertThat(lint()).extracting(LintTest::line).containsExactly(
                "W005 youth-consent-age @9",
                "W002 never-used @10",
                "W003 never-emitted @13",
                "W003 acknowledged-code @14 ack",
                "W001 kommune.no-source @17",
                "W004 kommune.no-source @17",
                "W005 kommune.adult-consent @23",
                "W004 kommune.kindergarten-to-school @30",
                "W006 kommune.kindergarten-to-school @30",
                "W006 kommune.kindergarten-to-school @30",
                "W007 kommune.kindergarten-to-school @36",
                "W008 W099 @40");
    }

    @Test
    void warningsAreLocatedAndCiteBothGuidesWhenTheyDisagree() {
        LintWarning w = lint().stream().filter(x -> x.subject().equals("kommune.adult-consent")).findFirst().orElseThrow();
        assertThat(w.problem().severity()).isEqualTo(Problem.Severity.WARNING);
        assertThat(w.problem().file()).endsWith("lint-kommune/guide.yaml");
        assertThat(w.problem().message()).contains("at least 17", "base.consent.youth", "lint-base/guide.yaml:18:5", "at least 15");
        assertThat(w.toString()).startsWith(w.problem().file() + ":23:5: warning W005: ").contains("\n  hint: ");
    }

    @Test
    void w005SaysInPlainWordsWhatDiffersFromWhichBaseRule() {
        String base = Path.of("src/test/resources/lint/lint-base/guide.yaml").toString();
        assertThat(lint()).filteredOn(w -> w.id().equals(Lint.CONTRADICTS_BASE)).extracting(w -> w.problem().message()).containsExactly(
                "parameter 'youth-consent-age' is 16 years here, but 15 years in the base guide 'lint-base' (" + base + ":8:3)",
                "rule 'kommune.adult-consent' gives 'consent-required' for youth at other ages than the base guide's rule "
                        + "'base.consent.youth' (" + base + ":18:5): this rule holds for a child aged at least 17; the base rule for a child aged "
                        + "at least 15 (parameter 'youth-consent-age')");
    }

    @Test
    void w005SaysTheAgesAsTheCaseMustBeThroughNotAndConcepts(@TempDir Path dir) throws Exception {
        Path base = Files.createDirectories(dir.resolve("lint-base"));
        Files.writeString(base.resolve("guide.yaml"), """
                guide: {id: lint-base, title: Grunnveileder, version: "1"}
                parameters:
                  youth-consent-age: {unit: years, value: 15, reference: Veileder om samtykke}
                codes:
                  consent-required: Samtykke kreves
                concepts:
                  - id: youth-must-consent
                    description: Ungdommen samtykker selv.
                    when: {child.age: {gte: {param: youth-consent-age}}}
                rules:
                  - id: base.guardians
                    description: Foresatte samtykker for barn under 15 år.
                    when: {not: {concept: youth-must-consent}}
                    then:
                      - {code: consent-required, text: Foresatte må samtykke., who: [guardians]}
                    source: {section: Samtykke, text: Foresatte samtykker.}
                """);
        Path kommune = Files.createDirectories(dir.resolve("kommune"));
        Files.writeString(kommune.resolve("guide.yaml"), """
                guide: {id: kommune, title: Kommunens veileder, version: "1", extends: lint-base}
                rules:
                  - id: kommune.guardians
                    description: Kommunen sier 16 år.
                    when: {any: [{child.age: {lt: 16}}, {child.age: {gte: 18}}]}
                    then:
                      - {code: consent-required, text: Foresatte må samtykke., who: [guardians]}
                    source: {section: Samtykke, text: Foresatte samtykker til barnet er 16.}
                """);
        assertThat(Lint.check(Guides.load(kommune.resolve("guide.yaml")))).filteredOn(w -> w.id().equals(Lint.CONTRADICTS_BASE))
                .extracting(w -> w.problem().message()).containsExactly("rule 'kommune.guardians' gives 'consent-required' for guardians "
                        + "at other ages than the base guide's rule 'base.guardians' (" + base.resolve("guide.yaml") + ":11:5): this rule "
                        + "holds for a child aged under 16, at least 18; the base rule for a child aged under 15 (parameter 'youth-consent-age')");
    }

    @Test
    void w005NamesEachDatedValueOfAParameterWithItsDate(@TempDir Path dir) throws Exception {
        Path copy = copyKommune(dir, "");
        Path file = copy.resolve("guide.yaml");
        Files.writeString(file, Files.readString(file).replace("youth-consent-age: {unit: years, value: 16,",
                "youth-consent-age: {unit: years, values: [{value: 1}, {from: 2027-01-01, value: 16}],"));
        assertThat(Lint.check(Guides.load(file))).filteredOn(w -> w.subject().equals("youth-consent-age")).extracting(w -> w.problem().message())
                .containsExactly("parameter 'youth-consent-age' is 1 year, 16 years from 2027-01-01 here, but 15 years in the base guide "
                        + "'lint-base' (" + dir.resolve("lint-base/guide.yaml") + ":8:3)");
    }

    @Test
    void outdatedLawIsFlaggedWithWhatHoldsNow() {
        assertThat(lint()).filteredOn(w -> w.id().equals(Lint.OUTDATED_LAW)).extracting(w -> w.problem().message() + " | " + w.problem().hint())
                .anySatisfy(s -> assertThat(s).contains("opplæringsloven § 15-1", "barnehageloven § 2 a"))
                .anySatisfy(s -> assertThat(s).contains("without the guardians' consent"));
    }

    @Test
    void opplaeringslovenChapter9AIsOutdatedHoweverItIsCitedButChapter12IsNot() {
        List<LintWarning> ws = Lint.check(Guides.load(Path.of("src/test/resources/lint/lint-outdated/guide.yaml")));
        assertThat(ws).filteredOn(w -> w.id().equals(Lint.OUTDATED_LAW)).extracting(LintTest::line)
                .containsExactly("W006 school.activity-duty @15", "W006 school.chapter @22", "W006 school.reverse @29");
        assertThat(ws).filteredOn(w -> w.id().equals(Lint.OUTDATED_LAW)).allSatisfy(w -> {
            assertThat(w.problem().message()).endsWith("cites opplæringsloven chapter 9 A (the 1998 act's chapter on the pupils' school environment)");
            assertThat(w.problem().hint()).contains("replaced the 1998 act on 1 August 2024", "is now its chapter 12");
        });
    }

    @Test
    void withoutScenariosW004IsNotChecked() {
        assertThat(Lint.check(Guides.load(KOMMUNE.resolve("guide.yaml")))).extracting(LintWarning::id).doesNotContain(Lint.RULE_WITHOUT_SCENARIO);
    }

    @Test
    void acknowledgingAnIdForAllSubjectsOrOneSubject(@TempDir Path dir) throws Exception {
        Path copy = copyKommune(dir, "acknowledge:\n  - {id: W005, reason: Kommunen har valgt 16 år.}\n  - {id: W004, rule: kommune.no-source}\n");
        Guide g = Guides.load(copy.resolve("guide.yaml"));
        List<LintWarning> ws = Lint.check(g, Scenarios.read(g, List.of(copy.resolve("scenarios"))));
        assertThat(ws).filteredOn(w -> w.id().equals("W005")).allMatch(LintWarning::acknowledged).hasSize(2);
        assertThat(ws).filteredOn(w -> w.id().equals("W004")).extracting(LintTest::line)
                .containsExactlyInAnyOrder("W004 kommune.no-source @17 ack", "W004 kommune.kindergarten-to-school @30");
        assertThat(ws).extracting(LintWarning::id).doesNotContain("W008");
    }

    @Test
    void anAcknowledgementMustBeAWarningId(@TempDir Path dir) throws Exception {
        Path copy = copyKommune(dir, "acknowledge: [W5, {reason: x}]\n");
        assertThatThrownBy(() -> Guides.load(copy.resolve("guide.yaml"))).isInstanceOf(GuideException.class)
                .extracting(e -> ((GuideException) e).problems().stream().map(Problem::toString).toList()).asList()
                .anySatisfy(p -> assertThat((String) p).contains(":38:15: 'W5' is not a lint warning id"))
                .anySatisfy(p -> assertThat((String) p).contains(":38:19: an acknowledged warning needs 'id'"));
    }

    @Test
    void theNationalBaseIsLintedAlone() {
        List<LintWarning> ws = Lint.check(Guides.bundled("norge"));
        assertThat(ws).extracting(LintWarning::id).doesNotContain(Lint.CONTRADICTS_BASE, Lint.RULE_WITHOUT_SCENARIO);
        assertThat(ws).allSatisfy(w -> assertThat(w.problem().file()).isEqualTo("guides/norge/guide.yaml"));
    }

    /** lint-base and lint-kommune copied to {@code dir}, with the kommune's 'acknowledge:' replaced. */
    static Path copyKommune(Path dir, String acknowledge) throws Exception {
        Path base = Files.createDirectories(dir.resolve("lint-base"));
        Files.copy(Path.of("src/test/resources/lint/lint-base/guide.yaml"), base.resolve("guide.yaml"));
        Path kommune = dir.resolve("lint-kommune");
        Files.createDirectories(kommune.resolve("scenarios"));
        String text = Files.readString(KOMMUNE.resolve("guide.yaml"));
        Files.writeString(kommune.resolve("guide.yaml"), text.substring(0, text.indexOf("acknowledge:")) + acknowledge);
        Files.copy(KOMMUNE.resolve("scenarios/basic.yaml"), kommune.resolve("scenarios/basic.yaml"));
        return kommune;
    }
}
