package no.veiviser.examples.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.veiviser.Guide;
import no.veiviser.Guides;

/**
 * The bundled Nittedal guide cut down to the rules {@link HandWrittenNittedal} mirrors (consent, meldeplikt,
 * the acute path, involving guardians, reporting): a guide file that extends the bundled {@code nittedal} and
 * disables every other rule. The benchmark compares the rule engine on this guide with the hand-written
 * evaluator, so both do the same work; the rules keep the bundled guide's wording and conditions.
 */
public final class NittedalSlice {
    private NittedalSlice() {}

    /** Loads the slice: the bundled Nittedal guide with only the rules in {@link HandWrittenNittedal#RULES}. */
    public static Guide load() {
        List<String> others = Guides.bundled("nittedal").ruleIds().stream()
                .filter(id -> !HandWrittenNittedal.RULES.contains(id)).toList();
        StringBuilder yaml = new StringBuilder()
                .append("guide:\n  id: nittedal-slice\n  title: Nittedal, the consent, meldeplikt and acute rules only\n")
                .append("  version: \"bench\"\n  extends: nittedal\n");
        if (!others.isEmpty()) {
            yaml.append("disable:\n");
            others.forEach(id -> yaml.append("  - ").append(id).append('\n'));
        }
        try {
            Path dir = Files.createTempDirectory("veiviser-bench-");
            Path file = dir.resolve("guide.yaml");
            try {
                Files.writeString(file, yaml, StandardCharsets.UTF_8);
                return Guides.load(file);
            } finally {
                Files.deleteIfExists(file);
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
