package no.veiviser.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import no.veiviser.Guide;
import no.veiviser.handbook.Handbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veiviser docs <guide> --output DIR}: the guide as a static HTML handbook. */
@Command(name = "docs", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Writes the guide as a static HTML handbook: DIR/index.html.",
            "%nLevels, steps with their tools, every rule in plain Norwegian (--lang en: English) with the guide's own words and the law, "
                + "parameters with their dated values, and the finding codes. One page that reads on a phone, prints, "
                + "and needs no JavaScript.",
            "%nExit 0 written, 2 bad input."},
        footerHeading = "%nExamples:%n",
        footer = {"  veiviser docs guides/nittedal --output target/handbook/nittedal", "  veiviser docs norge --output handbook"})
final class DocsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "<guide>", description = "A guide folder or file, or the id of a bundled guide.")
    String guide;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "<dir>", description = "The folder to write index.html into (created if needed).")
    Path output;

    @Mixin
    LanguageOption language;

    @Override
    public Integer call() {
        Guide g = Inputs.guide(guide);
        Path index = Handbook.write(g, output, language.locale());
        PrintWriter out = spec.commandLine().getOut();
        out.println(language.pick("skrev håndboken for ", "wrote the handbook of ") + g.id() + " " + g.version()
                + language.pick(" til ", " to ") + index);
        out.flush();
        return Main.EXIT_OK;
    }
}
