package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {
    static final Path DIR = Path.of("src", "test", "resources", "diff");
    static final String BASE = DIR.resolve("base/guide.yaml").toString();
    static final String CONSENT_16 = DIR.resolve("consent-16/guide.yaml").toString();
    static final String CASES = DIR.resolve("cases").toString();

    @Test
    void theHelpSaysFromHowManyCasesTheProofIsUsed() {
        assertThat(DiffCommand.PROVE_FROM_TEXT).isEqualTo(String.format(java.util.Locale.ROOT, "%,d", no.veiviser.impact.ImpactDiff.PROVE_FROM));
    }

    @Test
    void noChangeExitsZero(@TempDir Path dir) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("copy")).resolve("guide.yaml");
        Files.copy(Path.of(BASE), copy);
        Cli.Result r = Cli.run("diff", "--lang", "en", "--base", BASE, "--changed", copy.toString(), "--cases", CASES).noStackTrace();
        assertThat(r.exit()).isEqualTo(0);
        assertThat(r.out()).contains("No changes to rules or parameters.").contains("changed: 0 of 4 cases (0.00%)");
    }

    @Test
    void theSameFileTwiceIsRefused() {
        // "--base nittedal" in a folder holding ./nittedal/ resolved to the changed file itself and said "No changes".
        Cli.Result r = Cli.run("diff", "--lang", "en", "--base", DIR.resolve("base").toString(), "--changed", BASE, "--cases", CASES).noStackTrace();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("veiviser: --base and --changed are the same file (" + BASE + ")\n")
                .contains("hint: give the guide as it was before the change");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void namesTheTwoGuidesItCompares() {
        Cli.Result r = Cli.run("diff", "--lang", "en", "--base", BASE, "--changed", CONSENT_16).noStackTrace();
        assertThat(r.err()).isEqualTo("base:    " + BASE + " (diff-test 1)\nchanged: " + CONSENT_16 + " (diff-test 2-consent-16)\n");
        Cli.Result bundled = Cli.run("diff", "--lang", "en", "--base", "bundled:norge", "--changed", "../guides/norge").noStackTrace();
        assertThat(bundled.exit()).as(bundled.err()).isEqualTo(0);
        assertThat(bundled.err()).startsWith("base:    bundled guide norge (norge ")
                .contains("changed: " + Path.of("../guides/norge/guide.yaml") + " (norge ");
    }

    @Test
    void changedDecisionsExitOneWithGroupsAndExamples() {
        Cli.Result r = Cli.run("diff", "--lang", "en", "--base", BASE, "--changed", CONSENT_16, "--cases", CASES).noStackTrace();
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("~ parameter youth-consent-age: years: 15 -> years: 16")
                .contains("changed: 1 of 4 cases (25.00%)")
                .containsPattern("code removed\\s+youth-consent\\s+1\\s+25.00%")
                .contains("age-15.yaml: asOf 2026-11-24, age 15");
    }

    @Test
    void jsonAndMarkdown() {
        Cli.Result json = Cli.run("diff", "--lang", "en", "--base", BASE, "--changed", CONSENT_16, "--jsonl", DIR.resolve("cases.jsonl").toString(),
                "--format", "json").noStackTrace();
        assertThat(json.exit()).isEqualTo(1);
        assertThat(json.out()).startsWith("{").contains("\"changedCases\" : 1").contains("\"kind\" : \"code-removed\"");
        Cli.Result md = Cli.run("diff", "--lang", "en", "--base", BASE, "--changed", CONSENT_16, "--scenarios", DIR.resolve("scenarios").toString(),
                "--format", "md").noStackTrace();
        assertThat(md.exit()).isEqualTo(1);
        assertThat(md.out()).contains("## Impact of diff-test 1 → diff-test 2-consent-16").contains("| code removed | `youth-consent` | 1 | 50.00% |");
    }

    @Test
    void generatedPopulationIsTheSameOnOneAndTwoThreads() {
        Cli.Result one = Cli.run("diff", "--lang", "en", "--base", BASE, "--changed", CONSENT_16, "--generate", "2000", "--seed", "5", "--threads", "1");
        Cli.Result two = Cli.run("diff", "--lang", "en", "--base", BASE, "--changed", CONSENT_16, "--generate", "2000", "--seed", "5", "--threads", "2");
        assertThat(one.exit()).isEqualTo(1);
        assertThat(one.out()).contains("on 2000 generated cases (seed 5)").isEqualTo(two.out());
    }

    @Test
    void withoutCasesOnlyTheGuideDiff() {
        Cli.Result r = Cli.run("diff", "--lang", "en", "--base", BASE, "--changed", CONSENT_16, "--format", "json").noStackTrace();
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("\"parameter\" : \"youth-consent-age\"").doesNotContain("changedCases");
    }

    @Test
    void badInputExitsTwoWithoutAStackTrace() {
        Cli.Result missing = Cli.run("diff", "--lang", "en", "--base", BASE, "--changed", "nope/guide.yaml", "--cases", CASES).noStackTrace();
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot find the changed guide 'nope/guide.yaml'");
        Cli.Result two = Cli.run("diff", "--lang", "en", "--base", BASE, "--changed", CONSENT_16, "--cases", CASES, "--generate", "10").noStackTrace();
        assertThat(two.exit()).isEqualTo(2);
        assertThat(two.err()).contains("give one source of cases");
        Cli.Result seed = Cli.run("diff", "--lang", "en", "--base", BASE, "--changed", CONSENT_16, "--seed", "3").noStackTrace();
        assertThat(seed.exit()).isEqualTo(2);
        Cli.Result rev = Cli.run("diff", "--lang", "en", "--base", "no-such-revision-xyz", "--changed", CONSENT_16).noStackTrace();
        assertThat(rev.exit()).isEqualTo(2);
        assertThat(rev.err()).contains("'no-such-revision-xyz' is not a guide file");
        Cli.Result usage = Cli.run("diff", "--lang", "en", "--changed", CONSENT_16).noStackTrace();
        assertThat(usage.exit()).isEqualTo(2);
    }

    @Test
    void aCaseTheGuideRejectsIsBadInput(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("bad.jsonl"), "{\"asOf\": \"2026-11-24\", \"concern\": {\"signals\": [\"no-such-signal\"]}}\n");
        Cli.Result r = Cli.run("diff", "--lang", "en", "--base", BASE, "--changed", CONSENT_16, "--jsonl", dir.resolve("bad.jsonl").toString()).noStackTrace();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("bad.jsonl:1:").contains("no-such-signal");
    }

    @Test
    void baseFromAGitRevision(@TempDir Path repo) throws Exception {
        assumeTrue(git(repo, "init", "-q"), "git is not installed");
        Path guides = Files.createDirectories(repo.resolve("guides/diff-test"));
        Path file = guides.resolve("guide.yaml");
        Files.copy(Path.of(BASE), file);
        assumeTrue(git(repo, "add", ".") && git(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "base"));
        Files.copy(Path.of(CONSENT_16), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Cli.Result r = Cli.run("diff", "--lang", "en", "--base", "HEAD", "--changed", file.toString(), "--cases", CASES).noStackTrace();
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("~ parameter youth-consent-age: years: 15 -> years: 16").contains("changed: 1 of 4 cases");
        Cli.Result bad = Cli.run("diff", "--lang", "en", "--base", "HEAD~5", "--changed", file.toString()).noStackTrace();
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("is not a guide file, a bundled guide or a git revision");
    }

    private static boolean git(Path dir, String... args) throws Exception {
        try {
            List<String> command = new java.util.ArrayList<>(List.of("git"));
            command.addAll(List.of(args));
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    @Test
    void exactListsTheClassesWithWitnessesAndTheirSharesAndExitsOne() {
        Cli.Result r = Cli.run("diff", "--exact", "--lang", "en", "--base", BASE, "--changed", CONSENT_16).noStackTrace();
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        // consent age 15 -> 16: exactly the 15-year-olds lose youth-consent
        assertThat(r.out()).contains("code removed  youth-consent")
                .contains("class 1: child.age = 15")
                .contains("      child:\n        age: 15")
                .contains("Proved: every case of a class has its difference, and every case with a difference lies in one of its classes");
        Cli.Result shares = Cli.run("diff", "--exact", "--lang", "en", "--base", BASE, "--changed", CONSENT_16, "--cases", CASES).noStackTrace();
        assertThat(shares.exit()).isEqualTo(1);
        assertThat(shares.out()).contains("share of 4 cases").containsPattern("code removed  youth-consent  1 \\(25.0000%\\)");
        Cli.Result json = Cli.run("diff", "--exact", "--base", BASE, "--changed", CONSENT_16, "--format", "json").noStackTrace();
        assertThat(json.out()).contains("\"exact\" : true").contains("\"kind\" : \"code-removed\"").contains("\"witness\" : ");
    }

    @Test
    void fromAHundredThousandCasesTheProofSparesTheCasesItSettlesAndTheReportIsTheSame() {
        String[] args = {"diff", "--lang", "en", "--base", BASE, "--changed", CONSENT_16, "--generate", "100000", "--examples", "1"};
        Cli.Result proved = Cli.run(args).noStackTrace();
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--evaluate-all";
        Cli.Result evaluated = Cli.run(all).noStackTrace();
        assertThat(proved.exit()).as(proved.err()).isEqualTo(1);
        assertThat(evaluated.exit()).as(evaluated.err()).isEqualTo(1);
        assertThat(proved.out()).contains("code removed    youth-consent").isEqualTo(evaluated.out());
        // the consent age changes only whether a code is given: every case is settled by the proof
        assertThat(proved.err()).contains("diff: 100,000 of 100,000 cases settled by the proof (diff --exact) without evaluating them");
        assertThat(evaluated.err()).doesNotContain("settled");
    }

    @Test
    void whenTheProofCannotCompareTheGuidesEveryCaseIsEvaluatedAndStandardErrorSaysSo(@TempDir Path dir) throws IOException {
        // due counted from concern.since in one version and from the assessment in the other: --exact refuses it
        Path copy = Files.createDirectories(dir.resolve("copy")).resolve("guide.yaml");
        String text = Files.readString(Path.of(BASE));
        Files.writeString(copy, text.replace("due: {after: involve-within, from: concern.since}", "due: same-day"));
        assertThat(Files.readString(copy)).isNotEqualTo(text);
        Cli.Result r = Cli.run("diff", "--lang", "en", "--base", BASE, "--changed", copy.toString(), "--generate", "100000").noStackTrace();
        assertThat(r.exit()).as(r.err()).isEqualTo(1);
        assertThat(r.out()).containsPattern("due date moved\\s+involve-guardians");
        assertThat(r.err()).contains("diff: the proof cannot compare these guides exactly; every case is evaluated")
                .doesNotContain("settled");
    }

    @Test
    void exactProvesThatNothingChangesAndExitsZero(@TempDir Path dir) throws IOException {
        Path copy = Files.createDirectories(dir.resolve("copy")).resolve("guide.yaml");
        Files.writeString(copy, Files.readString(Path.of(BASE)).replace("Ungdommen samtykker selv.}", "Ungdommen samtykker nå selv.}"));
        Cli.Result r = Cli.run("diff", "--exact", "--lang", "en", "--base", BASE, "--changed", copy.toString()).noStackTrace();
        assertThat(r.exit()).as(r.err()).isEqualTo(0);
        assertThat(r.out()).contains("Proved: no case gets another decision");
    }
}
