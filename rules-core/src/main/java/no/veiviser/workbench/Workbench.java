package no.veiviser.workbench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import no.veiviser.Guide;
import no.veiviser.GuideException;
import no.veiviser.Guides;
import no.veiviser.Problem;
import no.veiviser.internal.AtomicFiles;
import no.veiviser.scenario.Scenario;
import no.veiviser.scenario.ScenarioResult;
import no.veiviser.server.GoLive;
import no.veiviser.server.GoLiveGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The guides a workbench serves, by id: guide folders given at start (each with a {@code guide.yaml} and perhaps a
 * {@code scenarios/} folder, or a folder of such folders), or the bundled guides when none is given. Lookups only ever
 * go through the map of loaded ids, so a request's guide id never reaches the file system. A save writes the guide's
 * own file (temporary file, then an atomic move) and reloads every guide, since others may extend the saved one; the
 * new set replaces the old in one step, so a request sees either the old guides or the new ones.
 */
public final class Workbench {
    private static final Logger LOG = LoggerFactory.getLogger(Workbench.class);

    /** How one guide is loaded and put live (or not): {@link #loadGuide} through the go-live gate; tests may replace it. */
    @FunctionalInterface
    interface Loader {
        GuideEntry load(String fallbackId, Optional<Path> file, Optional<String> bundledId);
    }

    private final List<Path> files;
    private final List<String> bundled;
    private final Loader goLive;
    private volatile Map<String, GuideEntry> guides;

    private Workbench(List<Path> files, List<String> bundled, Loader goLive) {
        this.files = List.copyOf(files);
        this.bundled = List.copyOf(bundled);
        this.goLive = goLive;
        this.guides = loadAll();
        log(guides, java.util.Set.of());
    }

    /**
     * The guides in {@code folders}: a guide file, a folder with a {@code guide.yaml}, or a folder of such folders.
     * No folders: the bundled guides, read-only.
     *
     * @throws IllegalArgumentException naming a folder that holds no guide
     */
    public static Workbench open(List<Path> folders) {
        return open(folders, Workbench::loadGuide);
    }

    static Workbench open(List<Path> folders, Loader goLive) {
        if (folders.isEmpty()) {
            return new Workbench(List.of(), Guides.bundledIds(), goLive);
        }
        List<Path> files = new ArrayList<>();
        for (Path f : folders) {
            Path p = f.toAbsolutePath().normalize();
            if (Files.isRegularFile(p)) {
                files.add(p);
            } else if (Files.isRegularFile(p.resolve("guide.yaml"))) {
                files.add(p.resolve("guide.yaml"));
            } else if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    List<Path> inside = s.map(d -> d.resolve("guide.yaml")).filter(Files::isRegularFile).sorted().toList();
                    if (inside.isEmpty()) {
                        throw new IllegalArgumentException(f + " holds no guide.yaml, nor folders with one");
                    }
                    files.addAll(inside);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            } else {
                throw new IllegalArgumentException("no such guide file or folder: " + f);
            }
        }
        return new Workbench(files.stream().distinct().toList(), List.of(), goLive);
    }

    /** Every guide, live or not, in the order they were given. */
    public List<GuideEntry> all() {
        return List.copyOf(guides.values());
    }

    /** The guide with this id; any other string (a path, say) is simply not found. */
    public Optional<GuideEntry> get(String id) {
        return Optional.ofNullable(guides.get(id));
    }

    /**
     * A guide whose new version did not go live at a reload: the running version stays and answers requests.
     *
     * @param id the guide
     * @param file its file
     * @param running the version that stays live
     * @param problems why the new version was refused
     */
    public record Refused(String id, String file, String running, List<Problem> problems) {
        public Refused {
            problems = List.copyOf(problems);
        }
    }

    /**
     * Reads every guide again from disk and swaps the whole set at once. A guide that was live and whose new version
     * does not go live (a file cut short while it is being written, say) keeps its running version, and so does a live
     * guide that extends one whose new version was refused (it would otherwise run on a base that is not served).
     *
     * @return the guides whose new version was refused, with why; empty when every guide that was live still is
     */
    public synchronized List<Refused> reload() {
        Map<String, GuideEntry> before = guides;
        Map<String, GuideEntry> out = new LinkedHashMap<>(loadAll());
        Map<String, Refused> refused = new LinkedHashMap<>();
        out.forEach((id, e) -> {
            GuideEntry was = before.get(id);
            if (!e.live() && was != null && was.live()) {
                refused.put(id, new Refused(id, fileOf(was), was.guide().map(Guide::version).orElse(""), e.problems()));
            }
        });
        for (boolean more = true; more; ) {
            more = false;
            for (GuideEntry e : out.values()) {
                String base = e.guide().flatMap(Guide::extendsId).orElse(null);
                GuideEntry was = before.get(e.id());
                if (e.live() && base != null && refused.containsKey(base) && !refused.containsKey(e.id()) && was != null && was.live()) {
                    refused.put(e.id(), new Refused(e.id(), fileOf(was), was.guide().map(Guide::version).orElse(""), List.of(Problem.error(
                            fileOf(e), 0, 0, "guide '" + e.id() + "' extends '" + base
                                    + "', whose new version was refused", "fix '" + base + "', then reload"))));
                    more = true;
                }
            }
        }
        refused.keySet().forEach(id -> out.put(id, before.get(id)));
        guides = java.util.Collections.unmodifiableMap(out);
        refused.values().forEach(r -> LOG.warn("guide {}: the new version was refused, version {} stays live: {}", r.id(), r.running(),
                first(r.problems())));
        log(guides, refused.keySet());
        return List.copyOf(refused.values());
    }

    /** What a save did. */
    public sealed interface SaveResult {
        record Saved(GuideEntry entry) implements SaveResult {}

        /** Someone saved the file since {@code ifMatch} was read: nothing was written. */
        record Conflict(String currentEtag) implements SaveResult {}

        /** The text is not a valid guide: nothing was written. */
        record Invalid(List<Problem> problems) implements SaveResult {}

        record NotEditable(String why) implements SaveResult {}
    }

    /**
     * Saves {@code text} as guide {@code id}'s file if its current ETag is {@code ifMatch} and the text is a valid guide
     * with the same id. Serialised, so two saves of the same version cannot both win.
     */
    public synchronized SaveResult save(String id, String text, String ifMatch) {
        GuideEntry entry = guides.get(id);
        if (entry == null || entry.file().isEmpty()) {
            return new SaveResult.NotEditable("guide '" + id + "' is bundled with veiviser and cannot be saved");
        }
        Path file = entry.file().get();
        byte[] current;
        try {
            current = Files.readAllBytes(file);
        } catch (IOException e) {
            return new SaveResult.NotEditable("cannot read the guide file: " + e.getMessage());
        }
        if (!etag(current).equals(ifMatch)) {
            return new SaveResult.Conflict(etag(current));
        }
        try {
            Guide parsed = Guides.parse(text, file);
            if (!parsed.id().equals(id)) {
                return new SaveResult.Invalid(List.of(Problem.error(file.toString(), 0, 0,
                        "the guide's id is '" + parsed.id() + "', but this is the file of guide '" + id + "'",
                        "keep guide.id: " + id + " (a new guide needs its own folder)")));
            }
            GoLive gate = GoLiveGate.check(parsed, List.of(file.resolveSibling(GoLiveGate.SCENARIOS)));
            if (!gate.accepted()) {
                return new SaveResult.Invalid(gate.problems());
            }
        } catch (GuideException e) {
            return new SaveResult.Invalid(e.problems().stream().filter(Problem::isError).toList());
        }
        try {
            AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new SaveResult.NotEditable("cannot write the guide file: " + e.getMessage());
        }
        Map<String, GuideEntry> before = guides;
        Map<String, GuideEntry> after = loadAll();
        // Guides that extend this one are checked with it: if one of them no longer goes live, the save is undone.
        List<Problem> broken = new ArrayList<>();
        after.forEach((other, e) -> {
            GuideEntry was = before.get(other);
            if (!e.live() && was != null && was.live()) {
                broken.add(Problem.error(e.file().map(Path::toString).orElse(other), 0, 0,
                        "guide '" + other + "' would no longer go live with this change", null));
                broken.addAll(e.problems());
            }
        });
        if (!broken.isEmpty()) {
            try {
                AtomicFiles.write(file, current);
            } catch (IOException e) {
                LOG.error("guide {}: could not restore the file after a refused save: {}", id, e.getMessage());
            }
            guides = loadAll();
            log(guides, java.util.Set.of());
            return new SaveResult.Invalid(broken);
        }
        LOG.info("guide {} saved to {}", id, file);
        guides = after;
        log(guides, java.util.Set.of());
        return new SaveResult.Saved(after.get(id));
    }

    /** The scenario files beside a guide ({@code scenarios/*.yaml}), by name in name order; empty for a bundled guide. */
    public List<Path> scenarioFiles(String id) {
        GuideEntry entry = guides.get(id);
        if (entry == null || entry.file().isEmpty()) {
            return List.of();
        }
        Path folder = entry.file().get().resolveSibling(GoLiveGate.SCENARIOS);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".yaml") && Files.isRegularFile(f)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Saves a scenario file of guide {@code id} (one {@link #scenarioFiles} lists, by its name) if its ETag is still
     * {@code ifMatch} and its scenarios are read without problems, through the atomic write; then reloads. The file may
     * expect what only a changed guide gives (the adviser is bringing the two into line): the served guide stays live
     * until its new text is saved, and the answer's entry says whether its scenarios pass.
     */
    public synchronized SaveResult saveScenarioFile(String id, String name, String text, String ifMatch) {
        Optional<Path> file = scenarioFiles(id).stream().filter(f -> f.getFileName().toString().equals(name)).findFirst();
        GuideEntry entry = guides.get(id);
        if (file.isEmpty() || entry == null || entry.guide().isEmpty()) {
            return new SaveResult.NotEditable("guide '" + id + "' has no scenario file '" + name + "' that can be saved here");
        }
        try {
            byte[] current = Files.readAllBytes(file.get());
            if (!etag(current).equals(ifMatch)) {
                return new SaveResult.Conflict(etag(current));
            }
            readAs(entry.guide().get(), file.get(), text);
            AtomicFiles.writeString(file.get(), text);
        } catch (no.veiviser.CaseException e) {
            return new SaveResult.Invalid(e.problems());
        } catch (IOException e) {
            return new SaveResult.NotEditable("cannot write " + name + ": " + e.getMessage());
        }
        LOG.info("guide {}: scenario file {} saved", id, name);
        reload();
        return new SaveResult.Saved(guides.get(id));
    }

    /** The file in a guide's {@code scenarios/} folder that "Lagre som scenario" writes to. */
    public static final String SAVED_SCENARIOS = "arbeidsbenk.yaml";

    /**
     * Adds a scenario ({@code name}, {@code case}, {@code expect}, as a scenario file writes them) to the guide's
     * {@link #SAVED_SCENARIOS} file, through the atomic write, if it is read and passes with the guide as served; then
     * reloads, so the scenario runs with the others. A name already in the file is refused: nothing is overwritten.
     */
    public synchronized SaveResult saveScenario(String id, com.fasterxml.jackson.databind.node.ObjectNode scenario) {
        GuideEntry entry = guides.get(id);
        if (entry == null || entry.file().isEmpty() || entry.compiled().isEmpty()) {
            return new SaveResult.NotEditable("guide '" + id + "' is bundled with veiviser or not live: its scenarios cannot be saved here");
        }
        Path file = entry.file().get().resolveSibling(GoLiveGate.SCENARIOS).resolve(SAVED_SCENARIOS);
        com.fasterxml.jackson.dataformat.yaml.YAMLMapper yaml = new com.fasterxml.jackson.dataformat.yaml.YAMLMapper()
                .disable(com.fasterxml.jackson.dataformat.yaml.YAMLGenerator.Feature.WRITE_DOC_START_MARKER);
        try {
            com.fasterxml.jackson.databind.node.ObjectNode all = Files.isRegularFile(file)
                    ? (com.fasterxml.jackson.databind.node.ObjectNode) yaml.readTree(file.toFile()) : yaml.createObjectNode();
            com.fasterxml.jackson.databind.node.ArrayNode list = all.has("scenarios")
                    ? (com.fasterxml.jackson.databind.node.ArrayNode) all.get("scenarios") : all.putArray("scenarios");
            String name = scenario.path("name").asText("");
            for (com.fasterxml.jackson.databind.JsonNode x : list) {
                if (x.path("name").asText().equals(name)) {
                    return new SaveResult.Invalid(List.of(Problem.error(file.toString(), 0, 0, "a scenario named '" + name
                            + "' is already in this file", "give the scenario another name")));
                }
            }
            list.add(scenario);
            String text = "# Scenarios saved from the workbench (veiviser serve --edit): kept like any other scenario file.\n"
                    + yaml.writeValueAsString(all);
            List<Scenario> read = readAs(entry.guide().orElseThrow(), file, text);
            no.veiviser.scenario.ScenarioReport report = no.veiviser.scenario.ScenarioRunner.run(entry.compiled().get(), read);
            if (!report.passed()) {
                return new SaveResult.Invalid(List.of(Problem.error(file.toString(), 0, 0, "the scenario does not pass with the guide as served",
                        report.toText())));
            }
            AtomicFiles.writeString(file, text);
        } catch (no.veiviser.CaseException e) {
            return new SaveResult.Invalid(e.problems());
        } catch (IOException | ClassCastException e) {
            return new SaveResult.NotEditable("cannot write " + file.getFileName() + ": " + e.getMessage());
        }
        LOG.info("guide {}: a scenario saved to {}", id, file);
        reload();
        return new SaveResult.Saved(guides.get(id));
    }

    /**
     * The scenarios {@code text} would hold as the file {@code target}: read through a temporary file beside it (the
     * scenarios' folder), so nothing is written where it is not yet checked; problems name {@code target}.
     */
    private static List<Scenario> readAs(Guide guide, Path target, String text) throws IOException {
        Path candidate = Files.createTempFile(target.getParent(), ".veiviser-check-", ".tmp");
        try {
            Files.writeString(candidate, text, StandardCharsets.UTF_8);
            return no.veiviser.scenario.Scenarios.read(guide, List.of(candidate));
        } catch (no.veiviser.CaseException e) {
            throw new no.veiviser.CaseException(e.problems().stream().map(p -> p.file().equals(candidate.toString())
                    ? Problem.error(target.toString(), p.line(), p.column(), p.message(), p.hint()) : p).toList());
        } finally {
            Files.deleteIfExists(candidate);
        }
    }

    private Map<String, GuideEntry> loadAll() {
        Map<String, GuideEntry> out = new LinkedHashMap<>();
        for (Path f : files) {
            String fallback = f.getParent() == null ? f.toString() : f.getParent().getFileName().toString();
            GuideEntry e = goLive.load(fallback, Optional.of(f), Optional.empty());
            out.putIfAbsent(e.id(), e);
        }
        for (String id : bundled) {
            GuideEntry e = goLive.load(id, Optional.empty(), Optional.of(id));
            out.putIfAbsent(e.id(), e);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static String fileOf(GuideEntry e) {
        return e.file().map(Path::toString).orElse("guides/" + e.id() + "/guide.yaml");
    }

    private static void log(Map<String, GuideEntry> guides, java.util.Set<String> kept) {
        for (GuideEntry e : guides.values()) {
            if (kept.contains(e.id())) {
                continue; // said above
            }
            if (e.live()) {
                LOG.info("guide {} {} is live", e.id(), e.guide().map(Guide::version).orElse(""));
            } else {
                LOG.warn("guide {} is not served: {} problem(s), the first: {}", e.id(), e.problems().size(), first(e.problems()));
            }
        }
    }

    /** The first error's message (a failed guide may have warnings too, sorted before it), else the first problem's. */
    static String first(List<Problem> problems) {
        return problems.stream().filter(Problem::isError).findFirst().or(() -> problems.stream().findFirst())
                .map(Problem::message).orElse("");
    }

    /**
     * A guide file goes live through {@link GoLiveGate}: it loads, compiles and passes every scenario beside it. The file
     * is read once; its ETag is of exactly the bytes checked.
     */
    static GuideEntry loadGuide(String fallbackId, Optional<Path> file, Optional<String> bundledId) {
        String etag = "";
        Guide guide;
        try {
            if (file.isPresent()) {
                byte[] bytes = Files.readAllBytes(file.get());
                etag = etag(bytes);
                guide = Guides.parse(new String(bytes, StandardCharsets.UTF_8), file.get());
            } else {
                guide = Guides.bundled(bundledId.orElseThrow());
            }
        } catch (GuideException e) {
            return failed(fallbackId, file, etag, e.problems());
        } catch (IOException e) {
            return failed(fallbackId, file, etag, List.of(Problem.error(file.map(Path::toString).orElse(""), 0, 0,
                    "cannot read the guide file: " + e.getMessage(), null)));
        }
        if (file.isEmpty()) {
            // Bundled guides: their scenarios are checked by veiviser's own build; here they only need to compile.
            try {
                return served(new GuideEntry(guide.id(), file, Optional.empty(), Optional.of(guide), Optional.of(guide.compile()), List.of(),
                        guide.warnings(), etag));
            } catch (GuideException e) {
                return failed(guide.id(), file, etag, e.problems());
            }
        }
        Path folder = file.get().resolveSibling(GoLiveGate.SCENARIOS);
        GoLive gate = GoLiveGate.check(guide, List.of(folder));
        if (!gate.accepted()) {
            return failed(guide.id(), file, etag, gate.problems());
        }
        List<Scenario> scenarios = gate.report().results().stream().map(ScenarioResult::scenario).toList();
        return served(new GuideEntry(guide.id(), file, Optional.of(folder), Optional.of(guide), gate.guide(), scenarios, guide.warnings(), etag));
    }

    /**
     * A guide the workbench serves, its DRL compiled in the background if it runs on prebuilt rules: the server keeps it
     * for long, and each edit of it that leaves its rules as they were (a text, a parameter the rules do not test)
     * compiles to the same DRL and so starts on that faster rule base instead of the prebuilt one.
     */
    private static GuideEntry served(GuideEntry entry) {
        entry.compiled().ifPresent(g -> no.veiviser.internal.Access.evaluator(g).recompileInBackground());
        return entry;
    }

    private static GuideEntry failed(String id, Optional<Path> file, String etag, List<Problem> problems) {
        return new GuideEntry(id, file, Optional.empty(), Optional.empty(), Optional.empty(), List.of(), problems, etag);
    }

    /** A strong ETag: the quoted SHA-256 of the bytes. */
    static String etag(byte[] bytes) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
