package no.veiviser.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import no.veiviser.Guide;
import no.veiviser.GuideException;
import no.veiviser.Guides;
import no.veiviser.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code veiviser guides}: the bundled guides. */
@Command(name = "guides", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Lists the bundled guides.",
            "%nFor each guide: its id (for --guide), version, number of rules (a municipal guide's count includes "
                + "the rules of the guide it extends), the guide it extends, and its title.",
            "%nExit 0; 2 if a bundled guide cannot be loaded."})
final class GuidesCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> ids = Guides.bundledIds();
        if (ids.isEmpty()) {
            out.println("No bundled guides in this build.");
            out.flush();
            return Main.EXIT_OK;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"ID", "VERSION", "RULES", "EXTENDS", "TITLE"});
        int exit = Main.EXIT_OK;
        for (String id : ids) {
            try {
                Guide g = Guides.bundled(id);
                rows.add(new String[] {g.id(), g.version(), String.valueOf(g.ruleIds().size()), g.extendsId().orElse("-"), g.title()});
            } catch (GuideException e) {
                rows.add(new String[] {id, "?", "?", "?", "(cannot be loaded, see below)"});
                for (Problem p : e.problems()) {
                    err.println(p);
                }
                exit = Main.EXIT_BAD_INPUT;
            }
        }
        Table.print(out, rows);
        out.flush();
        err.flush();
        return exit;
    }
}
