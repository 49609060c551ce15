package no.veiviser.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.veiviser.CaseException;
import no.veiviser.Guide;
import no.veiviser.Guides;
import no.veiviser.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scenario can check the whole decision (issue 26 item 7): {@code exactly} lists every code, so a new finding (say one
 * the base guide starts to give) fails the scenario instead of passing unnoticed; {@code only} says that among the
 * findings a selector picks there is no code but the given ones.
 */
class ExactlyTest {
    static final Guide NORGE = Guides.bundled("norge");

    static final String CASE = "{asOf: 2026-11-24, child: {age: 10, setting: school}, "
            + "concern: {since: 2026-11-01, signals: [wellbeing-concern]}, case: {level: 1}}";

    @TempDir
    Path tmp;

    private ScenarioResult run(String expect) throws Exception {
        Path file = Files.writeString(tmp.resolve("s.yaml"), "scenarios:\n  - name: a worry at level 1\n    case: " + CASE
                + "\n    expect:\n" + expect.indent(6));
        ScenarioReport report = ScenarioRunner.run(NORGE.compile(), Scenarios.read(NORGE, List.of(file)));
        return report.results().get(0);
    }

    @Test
    void exactlyTheDecisionsCodesPasses() throws Exception {
        assertThat(run("exactly: [consent-required, child-right-to-be-heard]").passed()).isTrue();
    }

    @Test
    void aFindingNotListedFailsAndSaysWhichRuleGaveIt() throws Exception {
        ScenarioResult r = run("exactly: [consent-required]");
        assertThat(r.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.expected()).isEqualTo("exactly [consent-required]");
            assertThat(m.butWas()).startsWith("[child-right-to-be-heard, consent-required]; not expected: child-right-to-be-heard from rule norge.");
            assertThat(m.rule()).hasValueSatisfying(rule -> assertThat(rule).startsWith("norge."));
        });
        assertThat(run("exactly: [consent-required, child-right-to-be-heard, involve-guardians]").mismatches())
                .singleElement().satisfies(m -> assertThat(m.butWas()).endsWith("; missing: [involve-guardians]"));
        assertThat(run("exactly: []").passed()).isFalse();
    }

    @Test
    void onlyLooksAtTheFindingsItsSelectorPicks() throws Exception {
        assertThat(run("only: [{among: {effect: {contacts: [guardians]}}, codes: [consent-required]}]").passed()).isTrue();
        ScenarioResult r = run("only: [{among: {effect: {contacts: [guardians]}}, codes: [involve-guardians]}]");
        assertThat(r.mismatches()).singleElement().satisfies(m -> {
            assertThat(m.expected()).startsWith("among ").endsWith(" only [involve-guardians]");
            assertThat(m.butWas()).startsWith("consent-required from rule norge.");
        });
    }

    @Test
    void aScenarioThatContradictsItselfOrNamesAnUnknownTagIsALocatedError() throws Exception {
        assertThatThrownBy(() -> run("includes: [involve-guardians]\nexactly: [consent-required]\nexcludes: [consent-required]"))
                .isInstanceOfSatisfying(CaseException.class, e -> assertThat(e.problems()).extracting(Problem::message).containsExactly(
                        "'includes' expects involve-guardians, which 'exactly' leaves out",
                        "'exactly' expects consent-required, which 'excludes' rules out"));
        assertThatThrownBy(() -> run("only: [{among: {tag: tells-guardian}, codes: []}]"))
                .isInstanceOfSatisfying(CaseException.class, e -> assertThat(e.problems()).extracting(Problem::message)
                        .containsExactly("unknown tag 'tells-guardian'"));
    }
}
