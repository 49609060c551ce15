package no.veiviser.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import no.veiviser.Guide;
import no.veiviser.lint.Lint;
import no.veiviser.lint.LintWarning;
import no.veiviser.scenario.Scenario;
import no.veiviser.scenario.Scenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veiviser lint <guide>}: warnings that are not errors, each with an id the guide can acknowledge. */
@Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Points out what a reviewer of a guide file would: warnings that are not errors.",
            "%nW001 a rule without a source section or quote; W002 a parameter no rule uses; W003 a finding code no rule "
                + "emits; W004 a rule no scenario fires; W005 a municipal guide that contradicts its base (a parameter, or "
                + "other ages for the same finding); W006 a statement of outdated law; W007 a rule marked 'deviation:'; "
                + "W008 an 'acknowledge:' entry that matches no warning; W009 a placeholder 'veiviser init' wrote; W010 a code's "
                + "text names the guardians, consent or child welfare its effects do not declare, acknowledged with a reason; "
                + "W011 a finding text that states a parameter's value by hand instead of the parameter ({name:words}); W012 "
                + "a concept that replaces or refines the base guide's (shown, with how, as acknowledged).",
            "%nA guide accepts a warning with 'acknowledge: [W005]' or 'acknowledge: [{id: W005, rule: <id>, reason: ...}]'; "
                + "acknowledged warnings are counted, and listed with --show-acknowledged.",
            "%nExit 0 no warnings (or all acknowledged), 1 warnings, 2 bad input."},
        footerHeading = "%nExamples:%n",
        footer = {"  veiviser lint guides/nittedal", "  veiviser lint guides/nittedal/guide.yaml --scenarios guides/nittedal/scenarios"})
final class LintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<guide>", description = "A guide folder or file, or the id of a bundled guide.")
    String guide;

    @Option(names = "--scenarios", paramLabel = "<dir or file>",
            description = "Scenarios for W004 (default: the scenarios/ folder next to the guide file; without one, W004 is not checked).")
    Path scenarios;

    @Option(names = "--show-acknowledged", description = "Also list the warnings the guide acknowledges.")
    boolean showAcknowledged;

    @Mixin
    LanguageOption language;

    @Override
    public Integer call() {
        Guide g = Inputs.guide(guide);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path dir = scenarios;
        if (dir == null) {
            Path guideFile = Path.of(g.files().get(g.files().size() - 1));
            Path beside = guideFile.resolveSibling("scenarios");
            if (Files.isRegularFile(guideFile) && Files.isDirectory(beside)) {
                dir = beside;
            }
        }
        List<Scenario> read = null;
        if (dir != null) {
            read = Scenarios.read(g, List.of(Inputs.existingPath(dir, "scenarios folder or file")));
        } else {
            err.println(language.pick("merk: ingen scenarios-mappe ved siden av veilederen; W004 (regler uten scenario) ble ikke sjekket",
                    "note: no scenarios folder next to the guide; W004 (rules without a scenario) was not checked"));
        }
        List<LintWarning> warnings = Lint.check(g, read);
        long open = warnings.stream().filter(w -> !w.acknowledged()).count();
        long acknowledged = warnings.size() - open;
        for (LintWarning w : warnings) {
            // a base concept replaced or refined (W012) is always shown: a reader of the base must know, though it is no defect
            if (!w.acknowledged() || showAcknowledged || w.id().equals(Lint.CONCEPT_REFINED)) {
                out.println(w);
            }
        }
        out.println(g.id() + ": " + open + (open == 1 ? language.pick(" advarsel", " warning") : language.pick(" advarsler", " warnings"))
                + (acknowledged > 0 ? ", " + acknowledged + language.pick(" godtatt", " acknowledged") : ""));
        out.flush();
        err.flush();
        return open == 0 ? Main.EXIT_OK : Main.EXIT_FINDINGS;
    }
}
