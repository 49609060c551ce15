package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.veiviser.Case;
import no.veiviser.Child;
import no.veiviser.CompiledGuide;
import no.veiviser.Concern;
import no.veiviser.Decision;
import no.veiviser.Guides;
import no.veiviser.json.VeiviserModule;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The README's examples cannot drift: every {@code veiviser} command it shows runs here in-process (through
 * {@link Main}, on the repository's files) with the result README implies, its decision JSON is a part of what
 * the command prints, and its Java snippet is the code below, run. A command README shows that this test does not
 * know fails the test, so a new example comes with its expected result. The help examples of {@code explain} and
 * {@code evaluate} that name repository files run too.
 */
class ReadmeExamplesTest {
    /** Tests run in rules-core/; README's paths are relative to the repository root. */
    static final Path ROOT = Path.of("..");
    static final Path README = ROOT.resolve("README.md");

    /** What each command README shows must do: its exit code, and text its output must hold. */
    private record Expect(int exit, String... outContains) {}

    private static final Map<String, Expect> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("veiviser evaluate --guide nittedal examples/cases/violence-suspected.yaml",
                new Expect(0, "contact-child-welfare-or-police-same-day"));
        COMMANDS.put("veiviser evaluate --guide nittedal --format json examples/cases/violence-suspected.yaml", new Expect(0, "\"format\""));
        COMMANDS.put("veiviser verify norge", new Expect(0));
        COMMANDS.put("veiviser diff --exact --base examples/diff/norge/guide.yaml --changed examples/diff/norge-consent-16/guide.yaml",
                new Expect(1, "consent-required", "child.age = 15; case.level ≥ 1", "Bevist: hver sak i en klasse har endringen"));
        COMMANDS.put("veiviser diff --exact --base examples/diff/norge/guide.yaml --changed examples/diff/norge-consent-16/guide.yaml --generate 10000",
                new Expect(1, "consent-required  425 (4.2500%)"));
        COMMANDS.put("veiviser verify guides/nittedal --format json", new Expect(0, "\"clean\" : true"));
        COMMANDS.put("veiviser init --extends norge lillevik", new Expect(0, "created "));
        COMMANDS.put("veiviser validate lillevik", new Expect(0, "OK "));
        COMMANDS.put("veiviser test lillevik", new Expect(0, "2 scenarioer, 2 bestått, 0 feilet"));
        // init's placeholders are still there: lint lists them (W009) until they are replaced.
        COMMANDS.put("veiviser lint lillevik", new Expect(1, "warning W009"));
        COMMANDS.put("veiviser docs lillevik --output handbook", new Expect(0));
        COMMANDS.put("veiviser test guides/nittedal", new Expect(0, "0 feilet", "regeldekning 100.0%"));
    }

    @Test
    void everyCommandReadmeShowsDoesWhatReadmeSays(@TempDir Path tmp) throws IOException {
        List<String> shown = shellCommands(Files.readString(README));
        assertThat(shown).as("commands in README").isNotEmpty();
        for (String command : shown) {
            Expect expect = COMMANDS.get(command);
            if (expect == null) {
                fail("README shows '" + command + "', which this test does not know: add it to COMMANDS with its expected result");
            }
            Cli.Result r = Cli.run(args(command, tmp)).noStackTrace();
            assertThat(r.exit()).as(command + "\n" + r.out() + r.err()).isEqualTo(expect.exit());
            for (String text : expect.outContains()) {
                assertThat(r.out()).as(command).contains(text);
            }
        }
        assertThat(COMMANDS.keySet()).as("commands this test knows that README no longer shows").isSubsetOf(shown);
    }

    @Test
    void theDecisionJsonReadmeShowsIsWhatEvaluatePrints() throws IOException {
        String readme = Files.readString(README);
        Matcher m = Pattern.compile("`veiviser ([^`]*)` prints[^`]*?:\\n\\n```json\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(m.find()).as("README introduces its decision JSON with the command that prints it").isTrue();
        String command = "veiviser " + m.group(1);
        Cli.Result r = Cli.run(args(command, ROOT)).noStackTrace();
        assertThat(r.exit()).as(r.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode shown = json.readTree(m.group(2));
        JsonNode actual = json.readTree(r.out());
        List<String> differences = new ArrayList<>();
        partOf(shown, actual, "$", differences);
        assertThat(differences).as("README's JSON against the output of " + command).isEmpty();
        // The claim README makes in words about this case.
        assertThat(actual.get("level").get("recommended").asInt()).isEqualTo(shown.get("level").get("recommended").asInt());
    }

    @Test
    void theJavaSnippetIsThisCodeAndPrintsWhatItsCommentSays() throws IOException {
        List<String> readmeLines = javaBlocks(Files.readString(README)).get(0).lines().toList();
        List<List<String>> here = between(Files.readAllLines(Path.of("src/test/java/no/veiviser/cli/ReadmeExamplesTest.java")),
                "// README snippet: begin", "// README snippet: end");
        assertThat(readmeLines.get(0)).as("README's first Java snippet is the quick start").startsWith("CompiledGuide nittedal");
        assertThat(here).as("README's quick start is the code in quickStart()").contains(readmeLines);

        Decision d = quickStart();
        String comment = readmeLines.get(readmeLines.size() - 1).replaceFirst("^.*// \\[", "").replaceFirst(", \\.\\.\\.\\]$", "");
        List<String> shownCodes = Arrays.asList(comment.split(", "));
        assertThat(d.codes()).as("the codes README's comment shows").startsWith(shownCodes.toArray(String[]::new));
    }

    @Test
    void everyJavaSnippetIsCodeInThisFileSoItCompiles() throws IOException {
        List<List<String>> here = between(Files.readAllLines(Path.of("src/test/java/no/veiviser/cli/ReadmeExamplesTest.java")),
                "// README snippet: begin", "// README snippet: end");
        List<String> blocks = javaBlocks(Files.readString(README));
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(3);
        for (String block : blocks) {
            assertThat(here).as("README's Java snippet\n" + block + "is code between README snippet markers in ReadmeExamplesTest")
                    .contains(block.lines().toList());
        }
    }

    /** README's other snippets, compiled here (run elsewhere: the guides module runs the scenarios; VeiviserModuleTest the module). */
    static final class Snippets {
        // README snippet: begin
        @TestFactory
        Stream<DynamicNode> scenarios() {
            return no.veiviser.junit.ScenarioTests.forGuide(Path.of("guides/nittedal"), 100);  // 100: require full rule coverage
        }
        // README snippet: end

        static ObjectMapper mapper() {
            // README snippet: begin
            ObjectMapper mapper = new ObjectMapper().registerModule(new VeiviserModule());   // or findAndRegisterModules()
            // README snippet: end
            return mapper;
        }
    }

    @Test
    void theCommandLinesOwnHelpExamplesThatNameRepositoryFilesRun() {
        for (String name : List.of("explain", "evaluate")) {
            CommandLine sub = Main.commandLine(new java.io.PrintWriter(new java.io.StringWriter()), new java.io.PrintWriter(new java.io.StringWriter()),
                    java.io.InputStream.nullInputStream(), Cli.CLOCK).getSubcommands().get(name);
            for (String line : sub.getCommandSpec().usageMessage().footer()) {
                String command = line.strip();
                if (!command.startsWith("veiviser ") || !command.contains("examples/")) {
                    continue;
                }
                Cli.Result r = Cli.run(args(command, ROOT)).noStackTrace();
                assertThat(r.exit()).as(command + "\n" + r.err()).isZero();
            }
        }
    }

    private static Decision quickStart() {
        // README snippet: begin
        CompiledGuide nittedal = Guides.bundled("nittedal").compile();      // once; thread-safe, share it
        Case c = Case.on(LocalDate.parse("2026-11-24"))
                .withChild(Child.aged(9))
                .withConcern(Concern.of("violence-suspected"));
        Decision d = nittedal.evaluate(c);                                  // microseconds
        d.codes();   // [child-right-to-be-heard, act-immediately, contact-child-welfare-or-police-same-day, do-not-notify-guardians, ...]
        // README snippet: end
        return d;
    }

    // ---- reading README --------------------------------------------------------------------------

    /**
     * The {@code veiviser} commands of README's {@code sh} blocks, in order, without comments, split at {@code &&};
     * then the concrete ones it writes inline.
     */
    static List<String> shellCommands(String readme) {
        List<String> out = new ArrayList<>();
        Matcher block = Pattern.compile("```sh\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (block.find()) {
            for (String line : block.group(1).split("\\n")) {
                for (String part : line.replaceFirst("\\s+#.*$", "").split("&&")) {
                    String command = part.strip().replaceFirst("^\\./veiviser ", "veiviser ");
                    if (command.startsWith("veiviser ")) {
                        out.add(command.replaceAll("\\s+", " "));
                    }
                }
            }
        }
        // Inline commands too, where they are concrete (no <placeholder>, [option], … or alternatives).
        Matcher inline = Pattern.compile("`(?:\\./)?(veiviser [^`<\\[…|]*)`").matcher(readme);
        while (inline.find()) {
            String command = inline.group(1).strip().replaceAll("\\s+", " ");
            if (command.split(" ").length >= 3 && !out.contains(command)) {
                out.add(command);
            }
        }
        return out;
    }

    static List<String> javaBlocks(String readme) {
        List<String> out = new ArrayList<>();
        Matcher block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        while (block.find()) {
            out.add(block.group(1));
        }
        return out;
    }

    /** Every run of lines between two marker comments, in order, each with its common indentation removed. */
    private static List<List<String>> between(List<String> lines, String begin, String end) {
        List<List<String>> out = new ArrayList<>();
        int from = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).strip().equals(begin)) {
                from = i + 1;
            } else if (lines.get(i).strip().equals(end) && from >= 0) {
                List<String> body = lines.subList(from, i);
                int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
                out.add(body.stream().map(l -> l.length() >= indent ? l.substring(indent) : l.strip()).toList());
                from = -1;
            }
        }
        assertThat(out).as(begin).isNotEmpty();
        return out;
    }

    /**
     * The command's arguments as run from the repository root: an argument naming a path that exists there is given as
     * {@code ../path}; the lillevik example runs in {@code tmp} (init gets {@code --dir tmp}).
     */
    private static String[] args(String command, Path tmp) {
        List<String> out = new ArrayList<>();
        String[] words = command.split(" ");
        for (int i = 1; i < words.length; i++) {
            String w = words[i];
            if (w.equals("lillevik") || w.equals("handbook")) {
                out.add(words[1].equals("init") && w.equals("lillevik") ? w : tmp.resolve(w).toString());
            } else if (i > 1 && !w.startsWith("-") && !w.contains(":") && Files.exists(ROOT.resolve(w)) && !Files.exists(Path.of(w))) {
                // the command's name (words[1]) is never a path, even where the root has a folder of that name (docs/)
                out.add(ROOT.resolve(w).toString());
            } else {
                out.add(w);
            }
        }
        if (words[1].equals("init")) {
            out.add(1, "--dir");
            out.add(2, tmp.toString());
        }
        return out.toArray(String[]::new);
    }

    /** Every field {@code shown} has, {@code actual} has with the same value; arrays: each shown element in some actual one, in order. */
    private static void partOf(JsonNode shown, JsonNode actual, String at, List<String> differences) {
        if (actual == null) {
            differences.add(at + ": README shows it, the output has no such field");
        } else if (shown.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = shown.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                partOf(e.getValue(), actual.get(e.getKey()), at + "." + e.getKey(), differences);
            }
        } else if (shown.isArray()) {
            int next = 0;
            for (JsonNode element : shown) {
                int found = -1;
                for (int i = next; i < actual.size() && found < 0; i++) {
                    List<String> none = new ArrayList<>();
                    partOf(element, actual.get(i), at, none);
                    if (none.isEmpty()) {
                        found = i;
                    }
                }
                if (found < 0) {
                    differences.add(at + ": README shows " + element + ", the output has no such element (after index " + next + ")");
                } else {
                    next = found + 1;
                }
            }
            if (shown.isEmpty() && !actual.isEmpty()) {
                differences.add(at + ": README shows [], the output " + actual);
            }
        } else if (!shown.equals(actual)) {
            differences.add(at + ": README shows " + shown + ", the output " + actual);
        }
    }
}
