package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import no.veiviser.scenario.Scenario;
import no.veiviser.scenario.ScenarioRunner;
import no.veiviser.scenario.Scenarios;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The mutation fuzzer of issue 16, as a test: guides, cases and scenarios from the repository, mutated at random
 * (lines cut, doubled, swapped or dropped, characters changed, absurd values and control characters put in), are
 * read, and accepted ones compiled, evaluated or run. Each input must end as accepted or as an {@link InputException}
 * whose every problem names its file: never another exception, a {@code StackOverflowError} or a hang.
 *
 * <p>{@code -Dveiviser.fuzz.count=N} sets the number of inputs (default {@value #DEFAULT_COUNT}); the seed is printed
 * and can be fixed with {@code -Dveiviser.fuzz.seed=S}.
 */
class MutationFuzzTest {
    static final int DEFAULT_COUNT = 2_000;
    static final String[] INSERTS = {
        "{", "}", "[", "]", ": ", "- ", "\"", "'", "&a ", "*a", "!!java.lang.Object ", "~", "null", "", "\t", "\u001b[2J",
        "\u0000", "99999999999999999999", "-1", "+999999999-12-31", "2026-02-30", "1e400", "NaN", "{param: youth-age}",
        "any: [", "not: ", "containsAny: [x]", "ÆØÅ", "\uD83D\uDE00", "\r", "#", "<<: {a: 1}", "? ", "|", ">",
    };

    @TempDir
    Path tmp;

    record Tally(int[] counts) {
        Tally() {
            this(new int[4]);
        }
        void accepted() { counts[0]++; }
        void located() { counts[1]++; }
        void unlocated() { counts[2]++; }
        void crash() { counts[3]++; }
    }

    @Test
    void mutatedInputsAreAcceptedOrRefusedWithLocatedProblemsNeverCrash() throws Exception {
        int count = Integer.getInteger("veiviser.fuzz.count", DEFAULT_COUNT);
        long seed = Long.getLong("veiviser.fuzz.seed", System.nanoTime());
        Random random = new Random(seed);
        List<String> guides = List.of(Files.readString(Path.of("src/test/resources/cli/guides/cli-test/guide.yaml")),
                Files.readString(Path.of("../guides/norge/guide.yaml")));
        List<String> cases = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/cli/cases"))) {
            for (Path p : s.sorted().toList()) {
                cases.add(Files.readString(p));
            }
        }
        List<String> scenarios = List.of(Files.readString(Path.of("../guides/norge/scenarios/participation-and-consent.yaml")));
        Guide norge = Guides.bundled("norge");
        CompiledGuide compiledNorge = norge.compile();
        Guide cliGuide = Guides.load(Path.of("src/test/resources/cli/guides/cli-test/guide.yaml"));
        CompiledGuide compiledCli = cliGuide.compile();
        Tally tally = new Tally();
        List<String> crashes = new ArrayList<>();
        int compiled = 0;
        for (int i = 0; i < count; i++) {
            int kind = i % 10; // 3 in 10 guides, 5 cases, 2 scenarios
            String input;
            Path file;
            try {
                if (kind < 3) {
                    input = mutate(guides.get(random.nextInt(guides.size())), random);
                    file = tmp.resolve("g" + (i % 50)).resolve("guide.yaml");
                    Guide g = Guides.parse(input, file);
                    tally.accepted();
                    if (compiled < count / 100 + 2) { // compiling is costly: a sample of the accepted guides
                        compiled++;
                        CompiledGuide cg = g.compile();
                        cg.evaluate(Case.on(LocalDate.of(2026, 11, 24)).withChild(Child.aged(random.nextInt(19))));
                    }
                } else if (kind < 8) {
                    input = mutate(cases.get(random.nextInt(cases.size())), random);
                    boolean cli = random.nextBoolean();
                    Case c = Cases.read(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), "case.yaml",
                            cli ? cliGuide : norge, LocalDate.of(2026, 11, 24));
                    tally.accepted();
                    (cli ? compiledCli : compiledNorge).evaluate(c).toJson();
                } else {
                    input = mutate(scenarios.get(random.nextInt(scenarios.size())), random);
                    file = tmp.resolve("scenario-" + (i % 50) + ".yaml");
                    Files.writeString(file, input);
                    List<Scenario> read = Scenarios.read(norge, List.of(file));
                    tally.accepted();
                    ScenarioRunner.run(compiledNorge, read);
                }
            } catch (InputException e) {
                if (!e.problems().isEmpty() && e.problems().stream().allMatch(p -> !p.file().isEmpty())) {
                    tally.located();
                } else {
                    tally.unlocated();
                    crashes.add("input " + i + ": problems without a file: " + e.problems());
                }
            } catch (RuntimeException | StackOverflowError | IOException e) {
                tally.crash();
                crashes.add("input " + i + " (" + (kind < 3 ? "guide" : kind < 8 ? "case" : "scenario") + "): " + e);
            }
        }
        int[] n = tally.counts();
        System.out.printf(Locale.ROOT, "fuzz (seed %d): %d inputs: %d accepted, %d refused with located problems, %d unlocated, %d crashes%n",
                seed, count, n[0], n[1], n[2], n[3]);
        assertThat(crashes).as("seed " + seed).isEmpty();
        assertThat(n[0] + n[1]).isEqualTo(count);
        assertThat(n[1]).as("mutations that are refused").isPositive();
    }

    /** One to three random edits at line or character level. */
    static String mutate(String text, Random r) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int edits = 1 + r.nextInt(3);
        for (int e = 0; e < edits && !lines.isEmpty(); e++) {
            int at = r.nextInt(lines.size());
            String line = lines.get(at);
            switch (r.nextInt(9)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, line);
                case 2 -> lines.set(at, lines.set(r.nextInt(lines.size()), line));
                case 3 -> lines.subList(at, lines.size()).clear(); // cut short at a line boundary
                case 4 -> {
                    int c = line.isEmpty() ? 0 : r.nextInt(line.length());
                    lines.set(at, line.substring(0, c) + INSERTS[r.nextInt(INSERTS.length)] + line.substring(c));
                }
                case 5 -> {
                    if (!line.isEmpty()) {
                        int c = r.nextInt(line.length());
                        lines.set(at, line.substring(0, c) + (char) (r.nextInt(95) + 32) + line.substring(c + 1));
                    }
                }
                case 6 -> lines.set(at, line.replaceAll("\\d+", String.valueOf(r.nextInt(3) == 0 ? Integer.MAX_VALUE : r.nextInt(200) - 50)));
                case 7 -> lines.set(at, line.replaceAll("\\d{4}-\\d{2}-\\d{2}", r.nextBoolean() ? "+999999999-12-31" : "1899-12-31"));
                default -> lines.set(at, " ".repeat(r.nextInt(6)) + line.strip());
            }
        }
        return String.join("\n", lines);
    }
}
