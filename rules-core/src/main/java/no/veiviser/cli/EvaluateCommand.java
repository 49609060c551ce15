package no.veiviser.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import no.veiviser.Case;
import no.veiviser.Decision;
import no.veiviser.Guide;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code veiviser evaluate --guide <id or file> <case>}: the guide's decision for one case. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false,
        description = {"Prints the guide's decision for a case.",
            "%nThe decision is the recommended level, the findings (what to do, by when, who is responsible, and "
                + "the section of the guide each comes from) and the rules that fired, with the conditions that held.",
            "%nExit 0; 2 for bad input (an invalid guide or case, a missing file)."},
        footerHeading = "%nExamples:%n",
        footer = {"  veiviser evaluate --guide nittedal examples/cases/violence-suspected.yaml",
            "  veiviser evaluate --guide my/guide.yaml --format json case.yaml",
            "  veiviser evaluate --guide nittedal --as-of 2026-11-24 --lang en case.yaml",
            "  cat case.json | veiviser evaluate --guide nittedal -"})
final class EvaluateCommand implements Callable<Integer> {
    enum Format { text, json }

    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Mixin
    CaseInput input;

    @Option(names = {"-f", "--format"}, paramLabel = "<format>", defaultValue = "text",
            description = "text (for people) or json (the documented output contract). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Mixin
    LanguageOption language;

    @Override
    public Integer call() {
        Guide guide = input.loadGuide();
        Case aCase = input.readCase(guide, main);
        Decision decision = guide.compile().evaluate(aCase);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == Format.json ? decision.toJson() : decision.toText(language.locale(), guide));
        out.flush();
        return Main.EXIT_OK;
    }
}
