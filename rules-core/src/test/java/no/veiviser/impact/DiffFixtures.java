package no.veiviser.impact;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import no.veiviser.Guide;
import no.veiviser.Guides;

/** The small guide of the diff tests and changed copies of it. */
final class DiffFixtures {
    static final Path DIR = Path.of("src", "test", "resources", "diff");
    static final Path BASE = DIR.resolve("base/guide.yaml");
    static final Path CASES = DIR.resolve("cases");
    static final Path JSONL = DIR.resolve("cases.jsonl");
    static final Path SCENARIOS = DIR.resolve("scenarios");

    static final UnaryOperator<String> CONSENT_16 = t -> replace(t, "    value: 15", "    value: 16");
    static final UnaryOperator<String> SIX_WEEKS = t -> replace(t, "    value: 4", "    value: 6");
    static final UnaryOperator<String> VIOLENCE_LEVEL_2 = t -> replace(t, "Gå til nivå 3, level: 3", "Gå til nivå 2, level: 2");
    static final UnaryOperator<String> NO_INVOLVE = t -> {
        int from = t.indexOf("  - id: involve-guardians");
        int to = t.indexOf("  - id: violence");
        return t.substring(0, from) + t.substring(to);
    };

    private DiffFixtures() {}

    static String replace(String text, String what, String with) {
        if (!text.contains(what)) {
            throw new IllegalArgumentException("no '" + what + "' in the guide");
        }
        return text.replace(what, with);
    }

    static String baseText() {
        try {
            return Files.readString(BASE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base guide with {@code edit} applied, written to {@code dir}/changed/guide.yaml. */
    static Path changedFile(Path dir, UnaryOperator<String> edit) {
        try {
            Path file = Files.createDirectories(dir.resolve("changed")).resolve("guide.yaml");
            Files.writeString(file, edit.apply(baseText()));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Guide changed(UnaryOperator<String> edit) {
        try {
            return Guides.load(changedFile(Files.createTempDirectory("veiviser-diff"), edit));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
