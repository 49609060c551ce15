package no.veiviser.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** A copy of the bundled guide folders (norge, nittedal, ovre-eiker, with scenarios) in a temporary folder, for a server to edit. */
final class WorkbenchFixture {
    private WorkbenchFixture() {}

    /** The repository's guides/ folder, found from the module directory the tests run in. */
    static Path guidesFolder() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("guides/index.txt"))) {
                return p.resolve("guides");
            }
        }
        throw new IllegalStateException("no guides/ folder above " + here);
    }

    /** Copies {@code ids} (folders of guides/) into {@code dir}: guide.yaml and scenarios/*.yaml only. */
    static Path copyGuides(Path dir, List<String> ids) {
        try {
            for (String id : ids) {
                Path from = guidesFolder().resolve(id);
                Path to = Files.createDirectories(dir.resolve(id));
                Files.copy(from.resolve("guide.yaml"), to.resolve("guide.yaml"));
                if (Files.isDirectory(from.resolve("scenarios"))) {
                    Path sc = Files.createDirectories(to.resolve("scenarios"));
                    try (Stream<Path> s = Files.list(from.resolve("scenarios"))) {
                        for (Path f : s.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                            Files.copy(f, sc.resolve(f.getFileName()));
                        }
                    }
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // left behind in the temporary folder
        }
    }
}
