package no.veiviser.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import no.veiviser.Guide;
import no.veiviser.Guides;
import no.veiviser.scenario.ScenarioReport;
import no.veiviser.scenario.ScenarioRunner;
import no.veiviser.scenario.Scenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code veiviser test <guide | scenario dir>...}: runs scenarios, prints expected vs actual and coverage. */
@Command(name = "test", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Runs scenarios: for each case, does the guide say what the scenario expects?",
            "%nA target is a guide folder (its scenarios/ are run), a guide file, a scenarios folder or file (run "
                + "against the guide its files name with 'guide: <id>', found beside them or bundled, else the guide.yaml "
                + "in the folder above), or a guide id: ./guides/<id>/ if there is one, "
                + "otherwise the bundled guide with its bundled scenarios.",
            "%nPrints passes on one line each, failures in full (expected, but was, the rule that would emit a "
                + "missing finding and its first false condition), a summary, and coverage: rules no scenario fired and "
                + "conditions not seen both true and false.",
            "%nExit 0 all pass, 1 any failure (or coverage below --fail-under-coverage), 2 bad input."},
        footerHeading = "%nExamples:%n",
        footer = {"  veiviser test nittedal",
            "  veiviser test guides/nittedal guides/norge",
            "  veiviser test guides/nittedal --report junit --output target/scenarios.xml",
            "  veiviser test guides/nittedal --fail-under-coverage 100"})
final class TestCommand implements Callable<Integer> {
    enum Report { junit, json, md }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "<target>", description = "Guide folder or file, scenario folder or file, or guide id.")
    List<String> targets;

    @Option(names = "--report", paramLabel = "<format>", description = "Also write a report: junit (XML for CI servers), json, or md (Markdown).")
    Report report;

    @Option(names = "--output", paramLabel = "<file>", description = "Where --report writes (default: standard output, instead of the text report).")
    Path output;

    @Mixin
    LanguageOption language;

    @Option(names = "--fail-under-coverage", paramLabel = "<percent>",
            description = "Fail (exit 1) when any guide's rule coverage is below this percentage.")
    Double failUnder;

    @Override
    public Integer call() throws IOException {
        Map<String, List<Path>> byGuide = new LinkedHashMap<>();
        for (String target : targets) {
            Path[] resolved = resolveOnDisk(target);
            if (resolved == null) {
                byGuide.computeIfAbsent(BUNDLED + target, g -> new ArrayList<>()).add(bundledScenarios(target));
            } else if (resolved[0] == null) { // scenario files naming a bundled guide
                byGuide.computeIfAbsent(BUNDLED + resolved[2], g -> new ArrayList<>()).add(resolved[1]);
            } else {
                byGuide.computeIfAbsent(resolved[0].toString(), g -> new ArrayList<>()).add(resolved[1]);
            }
        }
        List<ScenarioReport> reports = new ArrayList<>();
        for (Map.Entry<String, List<Path>> e : byGuide.entrySet()) {
            Guide guide = e.getKey().startsWith(BUNDLED) ? Guides.bundled(e.getKey().substring(BUNDLED.length()))
                    : Guides.load(Path.of(e.getKey()));
            reports.add(ScenarioRunner.run(guide.compile(), Scenarios.read(guide, e.getValue())));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (report == null || output != null) {
            for (ScenarioReport r : reports) {
                out.print(r.toText(language.locale()));
            }
        }
        if (report != null) {
            String text = render(reports);
            if (output == null) {
                out.print(text);
            } else {
                try {
                    if (output.toAbsolutePath().getParent() != null) {
                        Files.createDirectories(output.toAbsolutePath().getParent());
                    }
                    no.veiviser.internal.AtomicFiles.writeString(output, text); // no 0-byte or half report on failure
                } catch (no.veiviser.internal.AtomicFiles.NotARegularFile e) {
                    throw new CliException("cannot write " + output + ": it is " + e.kind() + ", not a regular file; --output "
                            + "writes a regular file and never replaces a link, a device or a pipe",
                            "to send the report to a pipe or a device, leave out --output and redirect standard output");
                } catch (java.io.IOException e) {
                    throw new CliException("cannot write " + output + ": " + IoErrors.describe(e), "check the path and the free space");
                }
                out.println(language.pick("skrev rapporten (" + report + ") til ", "wrote " + report + " report to ") + output);
            }
        }
        out.flush();
        boolean failed = reports.stream().anyMatch(r -> !r.passed());
        List<String> belowCoverage = failUnder == null ? List.of() : reports.stream()
                .filter(r -> r.coverage().rulePercent() < failUnder)
                .map(r -> String.format(Locale.ROOT, "%s: rule coverage %.1f%% is below %.1f%%", r.guide(), r.coverage().rulePercent(), failUnder))
                .toList();
        belowCoverage.forEach(spec.commandLine().getErr()::println);
        spec.commandLine().getErr().flush();
        return failed || !belowCoverage.isEmpty() ? Main.EXIT_FINDINGS : Main.EXIT_OK;
    }

    private static final String BUNDLED = "bundled:";

    /** {guide file, scenarios path} for a target. */
    static Path[] resolve(String target) {
        Path[] onDisk = resolveOnDisk(target);
        if (onDisk == null) {
            throw notFound(target);
        }
        return onDisk;
    }

    /** {guide file, scenarios path} for a target on disk, or null for a bundled guide's id. */
    private static Path[] resolveOnDisk(String target) {
        Path path = Path.of(target);
        if (!Files.exists(path) && !target.contains("/") && Files.isDirectory(Path.of("guides", target))) {
            path = Path.of("guides", target);
        }
        if (Files.isDirectory(path) && Files.isRegularFile(path.resolve("guide.yaml"))) {
            return new Path[] {path.resolve("guide.yaml"), scenarios(path.resolve("scenarios"), target)};
        }
        if (Files.isRegularFile(path) && path.getFileName().toString().equals("guide.yaml")) {
            return new Path[] {path, scenarios(path.resolveSibling("scenarios"), target)};
        }
        if (Files.exists(path)) {
            Path folder = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
            String named = namedGuide(path);
            Path byId = named == null ? null : byId(named, folder);
            if (byId != null) {
                return new Path[] {byId, path};
            }
            Path guide = folder.toAbsolutePath().getParent() == null ? null : folder.toAbsolutePath().getParent().resolve("guide.yaml");
            if (guide != null && Files.isRegularFile(guide)) {
                return new Path[] {relative(guide), path}; // the reader says so if it is not the guide the file names
            }
            if (named != null && Guides.bundledIds().contains(named)) {
                return new Path[] {null, path, Path.of(named)};
            }
            if (named != null) {
                throw new CliException("the scenarios in '" + target + "' name the guide '" + named + "', which is neither beside them nor bundled",
                        "put the guide folder '" + named + "/' beside the scenarios' folder, or give the guide folder");
            }
            throw new CliException("cannot tell which guide the scenarios in '" + target + "' are for",
                    "write 'guide: <id>' at the top of the file, put them in <guide folder>/scenarios/, or give the guide folder");
        }
        if (Guides.bundledIds().contains(target)) {
            return null;
        }
        throw notFound(target);
    }

    /** {@code guide: nittedal} at the top of a scenario file (or the one guide the files of a folder name), or null. */
    static String namedGuide(Path path) {
        java.util.Set<String> named = new java.util.TreeSet<>();
        try (var files = Files.isDirectory(path) ? Files.list(path) : java.util.stream.Stream.of(path)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).toList()) {
                byte[] head;
                try (var in = Files.newInputStream(f)) {
                    head = in.readNBytes(64 * 1024); // the key is at the top; a huge file is the reader's to refuse
                }
                java.util.regex.Matcher m = NAMED.matcher(new String(head, StandardCharsets.UTF_8));
                if (m.find()) {
                    named.add(m.group(1));
                }
            }
        } catch (IOException e) {
            return null; // the reader says what is wrong with the file
        }
        if (named.size() > 1) {
            throw new CliException("the scenario files in '" + path + "' name different guides: " + String.join(", ", named),
                    "give each guide's scenarios on their own");
        }
        return named.isEmpty() ? null : named.iterator().next();
    }

    private static final java.util.regex.Pattern NAMED = java.util.regex.Pattern.compile("(?m)^guide:[ \\t]*[\"']?([a-z0-9æøå][a-z0-9æøå._-]*)[\"']?[ \\t]*(?:#.*)?$");

    /**
     * The guide folder a scenario file names by id, found on disk: the folder above the scenarios when it has that name,
     * a folder of that name beside the scenarios or beside their folder ({@code ../<id>/guide.yaml}), or
     * {@code ./guides/<id>}; null when there is none (the caller then tries the folder above, then the bundled guide).
     */
    private static Path byId(String id, Path folder) {
        Path abs = folder.toAbsolutePath();
        Path up = abs.getParent();
        List<Path> candidates = new ArrayList<>();
        if (up != null && up.getFileName() != null && up.getFileName().toString().equals(id)) {
            candidates.add(up.resolve("guide.yaml"));
        }
        candidates.add(abs.resolve(id).resolve("guide.yaml"));
        if (up != null) {
            candidates.add(up.resolve(id).resolve("guide.yaml"));
        }
        candidates.add(Path.of("guides", id, "guide.yaml"));
        return candidates.stream().filter(Files::isRegularFile).findFirst().map(TestCommand::relative).orElse(null);
    }

    private static CliException notFound(String target) {
        return new CliException("cannot find '" + target + "'", "give a guide folder, a guide file, a scenarios folder or file, "
                + "or a guide id (bundled: " + Guides.bundledIds().stream().collect(Collectors.joining(", ")) + ")");
    }

    /**
     * The scenarios that ship with a bundled guide, beside its guide.yaml on the class path: a folder in a jar
     * (read through the jar's file system) or, in a build, under target/classes. So {@code veiviser test nittedal}
     * works wherever it runs, as {@code evaluate --guide nittedal} does.
     */
    static Path bundledScenarios(String id) {
        URL guide = Guides.class.getClassLoader().getResource("veiviser/guides/" + id + "/guide.yaml");
        if (guide == null) {
            throw notFound(id);
        }
        try {
            URI uri = guide.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException alreadyOpen) {
                    // opened by an earlier target: Path.of finds it
                }
            }
            Path dir = Path.of(uri).resolveSibling("scenarios");
            return scenarios(dir, id);
        } catch (URISyntaxException | IOException e) {
            throw new CliException("cannot read the scenarios of the bundled guide '" + id + "': " + e.getMessage(), null,
                    Main.EXIT_INTERNAL_ERROR);
        }
    }

    private static Path scenarios(Path dir, String target) {
        if (!Files.isDirectory(dir)) {
            throw new CliException("the guide '" + target + "' has no scenarios folder (" + dir + ")", "write scenarios in " + dir + "/*.yaml");
        }
        return dir;
    }

    private static Path relative(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        return p.startsWith(cwd) ? cwd.relativize(p) : p;
    }

    private String render(List<ScenarioReport> reports) {
        if (reports.size() == 1) {
            ScenarioReport r = reports.get(0);
            return switch (report) {
                case junit -> r.toJUnitXml();
                case json -> r.toJson();
                case md -> r.toMarkdown(language.locale());
            };
        }
        return switch (report) {
            case junit -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n" + reports.stream()
                    .map(r -> r.toJUnitXml().replaceFirst("^<\\?xml[^>]*\\?>\\s*", "")).collect(Collectors.joining()) + "</testsuites>\n";
            case json -> reports.stream().map(ScenarioReport::toJson).collect(Collectors.joining(",\n", "[\n", "]\n"));
            case md -> reports.stream().map(r -> r.toMarkdown(language.locale())).collect(Collectors.joining("\n"));
        };
    }
}
