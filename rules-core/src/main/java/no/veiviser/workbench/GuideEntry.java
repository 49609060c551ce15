package no.veiviser.workbench;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import no.veiviser.CompiledGuide;
import no.veiviser.Guide;
import no.veiviser.Problem;
import no.veiviser.scenario.Scenario;

/**
 * One guide the workbench serves, as it was loaded at start or at the last save or reload. {@code file} is empty for a
 * bundled guide (which cannot be edited). A guide that failed to go live has no compiled guide: {@code problems} say
 * why, and the page and {@code /health} show them.
 *
 * @param etag      the quoted SHA-256 of the file's bytes as loaded: saves must name it ({@code If-Match})
 * @param scenarios the guide's scenarios (from {@code scenarios/} beside the file), read with this guide
 */
public record GuideEntry(String id, Optional<Path> file, Optional<Path> scenarioFolder, Optional<Guide> guide,
                         Optional<CompiledGuide> compiled, List<Scenario> scenarios, List<Problem> problems, String etag) {

    public GuideEntry {
        scenarios = List.copyOf(scenarios);
        problems = List.copyOf(problems);
    }

    /** Whether the guide passed the go-live checks and answers requests. */
    public boolean live() {
        return compiled.isPresent();
    }

    public boolean editable() {
        return file.isPresent();
    }
}
