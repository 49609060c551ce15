package no.veiviser.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import no.veiviser.Guide;
import no.veiviser.verify.Verifier;
import no.veiviser.verify.VerifyFormat;
import no.veiviser.verify.VerifyReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veiviser verify <guide>...}: proves each guide's invariants for every possible case, with a SAT solver. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Proves a guide's invariants for every possible case, not a sample of cases.",
            "%nThe guide's decision is encoded as a boolean formula over finitely many classes of cases (every condition "
                + "compares a fact with constants the guide names) and a SAT solver looks for a case that breaks each "
                + "invariant. None: the invariant holds for every case. One: it is shown as a case file with the fewest "
                + "facts, ready to paste into a scenario, with the findings that break the invariant.",
            "%nAlso lists rules that can never fire, rules always withheld by an exception, and concepts never true.",
            "%nExit 0 every invariant proved, 1 a violation, 2 bad input (or a guide verify cannot encode exactly)."},
        footerHeading = "%nExamples:%n",
        footer = {"  veiviser verify norge", "  veiviser verify guides/nittedal guides/ovre-eiker --format json"})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<guide>", description = "Guide folders or files, or ids of bundled guides.")
    List<String> guides;

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output format (default: ${DEFAULT-VALUE}).")
    String format;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw new CliException("unknown format '" + format + "'", "use --format text or --format json");
        }
        List<Guide> loaded = new ArrayList<>();
        for (String g : guides) {
            loaded.add(Inputs.guide(g)); // every guide loads before any is verified: bad input is reported first
        }
        PrintWriter out = spec.commandLine().getOut();
        List<VerifyReport> reports = new ArrayList<>();
        for (Guide g : loaded) {
            VerifyReport r = Verifier.verify(g);
            reports.add(r);
            if (format.equals("text")) {
                out.print(VerifyFormat.text(r));
                out.flush();
            }
        }
        if (format.equals("json")) {
            out.print(VerifyFormat.json(reports));
        }
        out.flush();
        return reports.stream().allMatch(VerifyReport::clean) ? Main.EXIT_OK : Main.EXIT_FINDINGS;
    }
}
