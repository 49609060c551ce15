package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExplainCommandTest {

    @Test
    void aWithheldRuleNamesItsExceptionAndAnUndecidedOneTheFactItNeeds() {
        String c = Cli.file("cases/case-mistreatment-no-age.yaml");
        Cli.Result withheld = Cli.run("explain", "--lang", "en", "--guide", "nittedal", "--rule", "nittedal.report.inform-guardians", c).noStackTrace();
        assertThat(withheld.exit()).isZero();
        assertThat(withheld.out()).contains("\nWITHHELD  nittedal.report.inform-guardians  (by the exception "
                + "norge.suspected-violence.guardians-not-told)\n");

        Cli.Result undecided = Cli.run("explain", "--lang", "en", "--guide", "nittedal", "--rule", "norge.consent.guardians", c).noStackTrace();
        assertThat(undecided.out()).contains("\nnot decided  norge.consent.guardians  (the case does not give child.age)\n")
                .contains("\n  ? all of\n    ✓ case.level >= 1  (actual: 1)\n    ? concept guardians-must-consent\n"
                        + "      ? child.age < 16 (youth-consent-alone-age)  (actual: (not given))\n");
    }

    @Test
    void inNorwegianTheCaseValuesAreNorwegianWords() {
        String c = Cli.file("cases/case-values-to-label.yaml");
        Cli.Result r = Cli.run("explain", "--guide", "nittedal", "--lang", "nb", "--rule", "nittedal.stafettlogg.holder-school", c).noStackTrace();
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Veileder nittedal 2026.1, saken vurdert 2026-11-24\nAnbefalt nivå: 3 (regel: nittedal.level2.on-to-3)\n")
                .contains("\nslo ikke til  nittedal.stafettlogg.holder-school\n")
                .contains("\n  ✗ alle disse\n    ✓ case.level >= 1  (i saken: 2)\n    ✗ child.setting == skole  (i saken: barnehage)\n"
                        + "    ✓ ikke\n      ✗ begrepet child-welfare-holds-baton\n")
                .contains("  gir: stafettholder\n  kilde: nittedal, Stafettloggen\n")
                .doesNotContain(": kindergarten)", "== school", "actual");
        String consent = Cli.run("explain", "--guide", "nittedal", "--lang", "nb", "--rule", "nittedal.level2.missing-consent", c)
                .noStackTrace().out();
        assertThat(consent).contains("\nSLO TIL  nittedal.level2.missing-consent\n")
                .contains("\n    ✓ begrepet guardians-must-consent\n")
                .contains("\n    ✓ consent.guardians in [nektet, trukket tilbake]  (i saken: nektet)\n");
        // in English the conditions keep the codes the case file uses
        assertThat(Cli.run("explain", "--guide", "nittedal", "--lang", "en", "--rule", "nittedal.stafettlogg.holder-school", c).noStackTrace().out())
                .contains("\n    ✗ child.setting == school  (actual: kindergarten)\n");
    }

    @Test
    void everyRuleConditionByCondition() {
        Cli.Result r = Cli.run("explain", "--lang", "en", "--guide", Cli.GUIDE, Cli.CASE).noStackTrace();

        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("""
                Guide cli-test 2026.1, case assessed on 2026-11-24
                Recommended level: 1 (rule: involve-guardians)
                Rules fired: 1 of 3 (involve-guardians)

                FIRED  involve-guardians
                  Ved bekymring uten mistanke om vold skal foresatte involveres.
                  ✓ all of
                    ✓ concern.signals contains none of [violence-suspected]  (actual: [worried-teacher])
                    ✓ any of
                      ✗ consent.guardians == given  (actual: not-asked)
                      ✓ case.services is empty  (actual: [])
                  emits: involve-guardians, go-to-level
                  source: cli-test, Nivå 1: Undring og bekymring; barnevernsloven § 13-1
                    «Foresatte skal som hovedregel involveres tidlig.»

                not fired  violence
                  Mistanke om vold meldes til barnevernet samme dag.
                  ✗ concern.signals contains violence-suspected  (actual: [worried-teacher])
                  emits: report-child-welfare, go-to-level
                  source: cli-test, Nivå 3: Melding til barnevernet
                    «Ved mistanke om vold skal foresatte ikke varsles før barnevernet er kontaktet.»

                not fired  future-rule  (not in force on 2026-11-24)
                  En regel som først gjelder fra 2030.
                  ✓ always
                  emits: involve-guardians
                  source: cli-test, Nivå 0
                    «Gjelder fra 2030.»
                """);
    }

    @Test
    void datesAreShownAsTheCaseGaveThem() {
        Cli.Result r = Cli.runWithStdin("asOf: 2026-11-24\nconcern: {since: 2026-10-01}\n",
                "explain", "--lang", "en", "--guide", Cli.file("guides/cli-dates/guide.yaml"), "-").noStackTrace();

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("    ✓ concern.since is given  (actual: 2026-10-01)\n")
                .contains("(actual: 2026-10-01 (54 days before asOf))\n");
    }

    @Test
    void oneRule() {
        Cli.Result r = Cli.run("explain", "--lang", "en", "--guide", Cli.GUIDE, "--rule", "violence", Cli.file("cases/case-violence.json"))
                .noStackTrace();

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Recommended level: 3 (rule: violence)")
                .contains("FIRED  violence\n")
                .contains("  ✓ concern.signals contains violence-suspected  (actual: [violence-suspected])\n")
                .doesNotContain("involve-guardians  ").doesNotContain("future-rule");
    }

    @Test
    void aRuleNotYetInForce() {
        Cli.Result r = Cli.run("explain", "--lang", "en", "-g", Cli.GUIDE, "-r", "future-rule", "--as-of", "2030-01-01", Cli.CASE);

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("FIRED  future-rule\n").doesNotContain("not in force");
    }

    @Test
    void unknownRuleGetsASuggestion() {
        Cli.Result r = Cli.run("explain", "--lang", "en", "--guide", Cli.GUIDE, "--rule", "violense", Cli.CASE).noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("veiviser: guide 'cli-test' has no rule 'violense'\n  hint: did you mean 'violence'?\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void caseFromStandardInput() {
        Cli.Result r = Cli.runWithStdin(Cli.read("cases/case.yaml"), "explain", "--lang", "en", "--guide", Cli.GUIDE, "-", "--rule", "involve-guardians")
                .noStackTrace();

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("FIRED  involve-guardians\n");
    }

    @Test
    void brokenCase() {
        String file = Cli.file("cases/case-broken.yaml");
        Cli.Result r = Cli.run("explain", "--lang", "en", "--guide", Cli.GUIDE, file).noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith(file + ":4:13: unknown signal 'worried-teachr'\n");
    }

    @Test
    void brokenGuide() {
        Cli.Result r = Cli.run("explain", "--lang", "en", "--guide", Cli.BROKEN_GUIDE, Cli.CASE).noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(Cli.BROKEN_GUIDE + ":11:40: unknown signal 'worried-teachr'");
    }

    @Test
    void missingCaseFile() {
        Cli.Result r = Cli.run("explain", "--lang", "en", "--guide", Cli.GUIDE, "missing.yaml").noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("veiviser: cannot find the case file 'missing.yaml'");
    }

    @Test
    void unknownGuideId() {
        Cli.Result r = Cli.run("explain", "--lang", "en", "--guide", "no-such-guide", Cli.CASE).noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("veiviser: no bundled guide 'no-such-guide'");
    }

    @Test
    void help() {
        Cli.Result r = Cli.run("explain", "--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Usage: veiviser explain").contains("--rule");
    }
}
