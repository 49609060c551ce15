package no.veiviser.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import no.veiviser.CaseException;
import no.veiviser.Guide;
import no.veiviser.internal.Access;
import no.veiviser.internal.yaml.Location;
import no.veiviser.internal.yaml.NodeReader;
import no.veiviser.internal.yaml.Problems;

/** Reads scenario files for a guide, checking codes, rules and case fields against it. */
public final class Scenarios {
    private Scenarios() {}

    /**
     * Every scenario in {@code paths}: files, or folders whose {@code *.yaml} files are read in name order.
     *
     * @param guide the guide whose codes, rules and fields the scenarios may name
     * @param paths scenario files or folders
     * @return the scenarios
     * @throws no.veiviser.CaseException with every problem in every file, each at file:line:column
     */
    public static List<Scenario> read(Guide guide, List<Path> paths) {
        Problems problems = new Problems();
        List<Scenario> out = new ArrayList<>();
        for (Path file : files(paths, problems)) {
            NodeReader.Result read = NodeReader.read(file, file.toString(), NodeReader.Limits.GUIDE);
            problems.addAll(read.problems());
            if (read.root() != null) {
                ScenarioReader reader = new ScenarioReader(Access.model(guide));
                out.addAll(reader.read(read.root(), file.toString()));
                problems.addAll(reader.problems().sorted());
            }
        }
        if (problems.hasErrors()) {
            throw new CaseException(problems.sorted());
        }
        return out;
    }

    /** The scenario files {@code paths} name, folders expanded; a missing path is a problem. */
    static List<Path> files(List<Path> paths, Problems problems) {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().forEach(files::add);
                } catch (IOException e) {
                    problems.error(Location.unknown(p.toString()), "cannot list the folder: " + e.getMessage(), null);
                }
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                problems.error(Location.unknown(p.toString()), "no such file or folder", "check the path");
            }
        }
        return files;
    }
}
