package no.veiviser.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import no.veiviser.Guide;
import no.veiviser.Guides;
import no.veiviser.InputException;
import no.veiviser.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veiviser validate <guide.yaml>...}: loads, checks and compiles guide files. */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Checks guide files.",
            "%nLoads each guide file with the guide it extends, checks it and compiles its rules. Prints 'OK' and "
                + "any warnings for a valid guide; every problem of an invalid one as 'file:line:column: message' "
                + "with a hint, on standard error.",
            "%nExit 0 if every guide is valid (warnings allowed), 2 if any has problems."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<guide.yaml>",
            description = "Guide files, folders holding a guide.yaml, or guide ids (./guides/<id>/ if there is one, else the bundled guide).")
    List<String> files;

    @Mixin
    LanguageOption language;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean debug = Main.debug(spec);
        int failed = 0;
        for (String file : files) {
            try {
                Path onDisk = Path.of(file);
                if (!Files.exists(onDisk) && !file.contains("/") && Files.isDirectory(Path.of("guides", file))) {
                    onDisk = Path.of("guides", file); // an id, as test and verify take it
                }
                boolean bundled = !Files.exists(onDisk) && Guides.bundledIds().contains(file);
                if (!Files.exists(onDisk) && !bundled) {
                    Inputs.guide(file); // says what is missing: a file, or which bundled guide was meant
                }
                Object guideFile = bundled ? "bundled:" + file : Inputs.guideFile(onDisk);
                Guide guide = bundled ? Guides.bundled(file) : Guides.load((Path) guideFile);
                guide.compile(); // what evaluate will do; a guide that does not compile is not valid
                int rules = guide.ruleIds().size();
                out.println("OK " + guideFile + ": " + guide.id() + " " + guide.version() + ", " + rules
                        + (rules == 1 ? language.pick(" regel", " rule") : language.pick(" regler", " rules")));
                for (Problem warning : guide.warnings()) {
                    out.println(warning);
                }
                // a base concept this guide replaces or refines is no problem, but a reader of the base must know
                for (no.veiviser.lint.LintWarning w : no.veiviser.lint.Lint.check(guide)) {
                    if (w.id().equals(no.veiviser.lint.Lint.CONCEPT_REFINED)) {
                        Problem p = w.problem();
                        out.println(p.file() + ":" + p.line() + ":" + p.column() + ": " + language.pick("merk: ", "note: ") + p.message());
                    }
                }
            } catch (InputException e) {
                failed++;
                if (debug) {
                    e.printStackTrace(err);
                }
                for (Problem p : e.problems()) {
                    err.println(p);
                }
                long errors = e.problems().stream().filter(Problem::isError).count();
                err.println(language.pick("FEILET ", "FAILED ") + file + ": " + errors
                        + (errors == 1 ? language.pick(" feil", " error") : language.pick(" feil", " errors")));
            } catch (CliException e) {
                failed++;
                if (debug) {
                    e.printStackTrace(err);
                }
                err.println("veiviser: " + e.getMessage());
                if (!e.hint().isEmpty()) {
                    err.println("  hint: " + e.hint());
                }
            }
            out.flush();
            err.flush();
        }
        if (files.size() > 1 && failed > 0) {
            err.println("veiviser: " + failed + language.pick(" av ", " of ") + files.size()
                    + language.pick(" veilederfiler har problemer", " guide files have problems"));
            err.flush();
        }
        return failed == 0 ? Main.EXIT_OK : Main.EXIT_BAD_INPUT;
    }
}
