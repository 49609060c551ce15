package no.veiviser.examples.scale;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes N scenarios for the bundled Nittedal guide into {@code <dir>/scenarios/generated.yaml}, next to a copy of
 * the guides, to measure {@code veiviser test} at scale:
 *
 * <pre>
 * java -cp examples/target/classes no.veiviser.examples.scale.GenerateScenarios /tmp/scale 1000 guides
 * /usr/bin/time -v ./veiviser test /tmp/scale/nittedal
 * </pre>
 *
 * Each scenario's expectation follows from the guide's text, so all of them pass: suspected violence or abuse never
 * involves the guardians; the four meldeplikt signals give the duty to report; consent follows the ages.
 */
public final class GenerateScenarios {
    static final List<String> TRIGGERS = List.of("mistreatment-at-home", "serious-neglect", "persistent-serious-behaviour-problems",
            "human-trafficking-risk");
    static final List<String> ACUTE = List.of("violence-suspected", "sexual-abuse-suspected");

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int n = Integer.parseInt(args[1]);
        Path guides = Path.of(args.length > 2 ? args[2] : "guides");
        for (String id : List.of("norge", "nittedal")) {
            Files.createDirectories(dir.resolve(id).resolve("scenarios"));
            Files.copy(guides.resolve(id).resolve("guide.yaml"), dir.resolve(id).resolve("guide.yaml"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        SplittableRandom random = new SplittableRandom(42);
        try (Writer out = Files.newBufferedWriter(dir.resolve("nittedal/scenarios/generated.yaml"), StandardCharsets.UTF_8)) {
            out.write("scenarios:\n");
            for (int i = 0; i < n; i++) {
                int age = random.nextInt(0, 19);
                int level = random.nextInt(1, 4);
                String signal = switch (random.nextInt(3)) {
                    case 0 -> ACUTE.get(random.nextInt(ACUTE.size()));
                    case 1 -> TRIGGERS.get(random.nextInt(TRIGGERS.size()));
                    default -> "wellbeing-concern";
                };
                String consent = age < 15 ? "[guardians]" : age < 16 ? "[guardians, youth]" : "[youth]";
                out.write("  - name: generated case " + i + " (age " + age + ", level " + level + ", " + signal + ")\n");
                out.write("    case: {asOf: 2026-11-24, child: {age: " + age + "}, concern: {signals: [" + signal + "]}, case: {level: "
                        + level + "}}\n");
                out.write("    expect:\n      consent: " + consent + "\n");
                if (ACUTE.contains(signal)) {
                    out.write("      includes: [contact-child-welfare-or-police-same-day, do-not-notify-guardians]\n");
                    out.write("      excludes: [involve-guardians, inform-guardians-of-report]\n");
                } else if (TRIGGERS.contains(signal)) {
                    out.write("      includes: [duty-to-report, inform-guardians-of-report, report-in-writing-by-post]\n");
                } else {
                    out.write("      includes: [involve-guardians]\n      excludes: [duty-to-report]\n");
                }
            }
        }
    }
}
