package no.veiviser.internal.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.veiviser.GuideException;
import no.veiviser.Problem;
import no.veiviser.internal.yaml.Hints;
import no.veiviser.internal.yaml.Location;
import no.veiviser.internal.yaml.NodeReader;
import no.veiviser.internal.yaml.Problems;

/**
 * Loads a guide file and the guides it extends, merges them (a guide may add rules, override a base
 * rule by id with {@code override: true}, or {@code disable} one), then validates the result. Every
 * problem in every file is reported together in one {@link GuideException}.
 */
public final class GuideLoader {
    /** Where bundled guides are on the class path: {@code veiviser/guides/<id>/guide.yaml}. */
    public static final String BUNDLED = "veiviser/guides/";

    /** A guide and the warnings found while loading it. */
    public record Loaded(GuideModel model, List<Problem> warnings) {}

    /** A place a guide file can be read from, and where the guides it extends are looked for. */
    public interface Source {
        String displayName();

        NodeReader.Result read();

        /** The guide {@code id} that this one extends; next to this file first, then among the bundled guides. */
        Optional<Source> resolve(String id);

        /**
         * Why {@code id} is not resolved although a file for it is where it is looked for (a symbolic link out of the
         * folder of guides, or one that leads nowhere), as a message naming that file; empty when nothing is refused.
         * Checked before {@link #resolve}: a refused file is an error, never silently replaced by a bundled guide.
         */
        default Optional<String> refusal(String id) {
            return Optional.empty();
        }
    }

    private GuideLoader() {}

    public static Loaded load(Source source) {
        Problems problems = new Problems();
        GuideModel merged = loadChain(source, new ArrayList<>(), problems);
        if (merged == null) {
            throw new GuideException(problems.sorted());
        }
        // Validate even when parsing found problems, so that every problem is reported in one go.
        GuideModel validated = new GuideValidator(problems).validate(merged);
        if (!problems.hasErrors()) {
            CompileBudget.check(validated, problems); // before anything is compiled
        }
        if (problems.hasErrors()) {
            throw new GuideException(problems.sorted());
        }
        return new Loaded(validated, problems.sorted());
    }

    private static GuideModel loadChain(Source source, List<String> chain, Problems problems) {
        NodeReader.Result read = source.read();
        problems.addAll(read.problems());
        if (read.root() == null) {
            return null;
        }
        GuideFile file = new GuideParser(problems).parse(read.root(), source.displayName());
        if (file == null) {
            return null;
        }
        if (chain.contains(file.id())) {
            problems.error(file.extendsAt(), "guide '" + file.id() + "' extends itself through " + String.join(" -> ", chain)
                    + " -> " + file.id(), "remove the cycle: a guide can extend the national base, not be extended by it");
            return null;
        }
        chain.add(file.id());
        GuideModel base = null;
        if (file.extendsId().isPresent()) {
            String baseId = file.extendsId().get();
            if (chain.contains(baseId)) {
                problems.error(file.extendsAt(), "guide '" + file.id() + "' extends '" + baseId + "', which is a cycle: "
                        + String.join(" -> ", chain) + " -> " + baseId, "remove the cycle in 'extends'");
                return null;
            }
            Optional<String> refused = source.refusal(baseId);
            if (refused.isPresent()) {
                problems.error(file.extendsAt(), refused.get(), "put the guide '" + baseId + "' itself in the folder of guides "
                        + "(a copy, not a link), or remove the link to use the bundled '" + baseId + "'");
                return null;
            }
            Optional<Source> baseSource = source.resolve(baseId);
            if (baseSource.isEmpty()) {
                problems.error(file.extendsAt(), "cannot find the guide '" + baseId + "' that this guide extends",
                        "looked for " + baseId + ".yaml and " + baseId + "/guide.yaml next to this file, ../" + baseId
                                + "/guide.yaml, and the bundled guides" + (bundledIds().isEmpty() ? "" : " (" + String.join(", ", bundledIds()) + ")"));
                return null;
            }
            base = loadChain(baseSource.get(), chain, problems);
            if (base == null) {
                return null;
            }
        }
        return merge(base, file, problems);
    }

    static GuideModel merge(GuideModel base, GuideFile file, Problems problems) {
        Map<String, Parameter> parameters = new LinkedHashMap<>(base == null ? Map.of() : base.parameters());
        parameters.putAll(file.parameters());
        Map<Integer, Level> levels = new java.util.TreeMap<>();
        (base == null ? List.<Level>of() : base.levels()).forEach(l -> levels.put(l.level(), l));
        for (Level l : file.levels()) {
            if (levels.containsKey(l.level()) && levels.get(l.level()).at().file().equals(file.file())) {
                problems.error(l.at(), "level " + l.level() + " is described twice", null);
            }
            levels.put(l.level(), l);
        }
        int expected = 0;
        boolean named = levels.values().stream().anyMatch(l -> !l.id().equals(String.valueOf(l.level())));
        for (Level l : named ? levels.values() : List.<Level>of()) { // a numbered guide may describe some levels only
            if (l.level() != expected++) {
                problems.error(l.at(), "level " + l.id() + " is at place " + l.level() + ", but no level is at place " + (expected - 1),
                        "list the levels in order from the first (place 0), with no gaps");
                break;
            }
        }
        java.util.Set<String> levelIds = new java.util.HashSet<>();
        for (Level l : levels.values()) {
            if (!levelIds.add(l.id())) {
                problems.error(l.at(), "two levels have the id '" + l.id() + "'", "give each level its own id");
            }
        }
        Map<String, Step> steps = byId(base == null ? List.of() : base.steps(), file.steps(), Step::id, Step::at, "step", file.file(), problems);
        Map<String, Tool> tools = byId(base == null ? List.of() : base.tools(), file.tools(), Tool::id, Tool::at, "tool", file.file(), problems);
        Map<String, String> codes = new LinkedHashMap<>(base == null ? Map.of() : base.codes());
        file.codes().forEach((code, label) -> codes.put(code, label != null ? label : codes.getOrDefault(code, code)));
        // English labels: the base's, unless this file labels the code anew (then its own English label, or none).
        Map<String, String> codeLabelsEn = new LinkedHashMap<>(base == null ? Map.of() : base.codeLabelsEn());
        file.codes().forEach((code, label) -> {
            if (label != null) {
                codeLabelsEn.remove(code);
            }
        });
        codeLabelsEn.putAll(file.codeLabelsEn());
        Map<String, String> signals = union(base == null ? Map.of() : base.signals(), file.signals());
        Map<String, String> services = union(base == null ? Map.of() : base.services(), file.services());

        Map<String, Rule> rules = new LinkedHashMap<>();
        Map<String, Rule> baseRules = new LinkedHashMap<>();
        if (base != null) {
            base.rules().forEach(r -> baseRules.put(r.id(), r));
            rules.putAll(baseRules);
        }
        for (GuideFile.Disable d : file.disable()) {
            if (rules.remove(d.rule()) == null) {
                problems.error(d.at(), "cannot disable '" + d.rule() + "': the base guide has no such rule",
                        base == null ? "this guide extends no other guide" : Hints.didYouMean(d.rule(), baseRules.keySet()));
            }
        }
        overridable(rules, baseRules.keySet(), file.rules(), Rule::id, Rule::at, Rule::override, "rule", problems);
        Map<String, Concept> concepts = new LinkedHashMap<>();
        (base == null ? List.<Concept>of() : base.concepts()).forEach(c -> concepts.put(c.id(), c));
        // a refining concept is resolved against the base's first, and then replaces it like an override
        overridable(concepts, Set.copyOf(concepts.keySet()), ConceptRefinements.resolve(file.concepts(), Map.copyOf(concepts), problems),
                Concept::id, Concept::at, Concept::override, "concept", problems);
        Map<String, RuleException> exceptions = new LinkedHashMap<>();
        (base == null ? List.<RuleException>of() : base.exceptions()).forEach(e -> exceptions.put(e.id(), e));
        overridable(exceptions, Set.copyOf(exceptions.keySet()), file.exceptions(), RuleException::id, RuleException::at,
                RuleException::override, "exception", problems);
        Map<String, Invariant> invariants = new LinkedHashMap<>();
        (base == null ? List.<Invariant>of() : base.invariants()).forEach(i -> invariants.put(i.id(), i));
        for (Invariant i : file.invariants()) {
            Invariant previous = invariants.putIfAbsent(i.id(), i);
            if (previous != null) {
                problems.error(i.at(), "duplicate invariant id '" + i.id() + "' (first at " + previous.at() + ")",
                        "an invariant cannot be replaced or weakened by a guide that extends it; give a new one its own id");
            }
        }
        Map<String, List<String>> tags = new LinkedHashMap<>(base == null ? Map.of() : base.tags());
        file.tags().forEach((code, own) -> {
            java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(tags.getOrDefault(code, List.of()));
            all.addAll(own);
            tags.put(code, List.copyOf(all));
        });
        Map<String, Effects> effects = new LinkedHashMap<>(base == null ? Map.of() : base.effects());
        file.effects().forEach((code, own) -> {
            boolean inherited = effects.containsKey(code);
            if (inherited && !file.effectOverrides().contains(code)) {
                problems.error(own.at(), "code '" + code + "' has its effects from " + base.id() + "; refining them is never silent",
                        "write override: true beside effects: to replace the base guide's declaration of '" + code + "'");
            } else {
                effects.put(code, own);
            }
        });
        file.effectOverrides().stream().filter(code -> !file.effects().containsKey(code) || base == null || !base.effects().containsKey(code))
                .forEach(code -> problems.error(file.at(), "code '" + code + "' has override: true but replaces no effects of a base guide",
                        "override: true refines the effects of a code the base guide declares; remove it"));
        List<String> files = new ArrayList<>(base == null ? List.of() : base.files());
        files.add(file.file());
        return new GuideModel(file.id(), file.title(), file.municipality(), file.version(), file.extendsId(),
                file.sourceTitle(), file.sourceUrl(), file.retrieved(), parameters, List.copyOf(levels.values()),
                List.copyOf(steps.values()), List.copyOf(tools.values()), codes, signals, services,
                List.copyOf(rules.values()), files, file.at(), acknowledgements(base, file), tags,
                List.copyOf(concepts.values()), List.copyOf(exceptions.values()), List.copyOf(invariants.values()), codeLabelsEn, effects,
                outcomes(base, file, problems));
    }

    /** The base's own meeting outcomes and the file's; an id the base already has is an error (outcomes are not overridden). */
    private static Map<String, MeetingOutcome> outcomes(GuideModel base, GuideFile file, Problems problems) {
        Map<String, MeetingOutcome> out = new LinkedHashMap<>(base == null ? Map.of() : base.meetingOutcomes());
        file.meetingOutcomes().forEach((id, o) -> {
            MeetingOutcome previous = out.putIfAbsent(id, o);
            if (previous != null) {
                problems.error(o.at(), "meeting outcome '" + id + "' is already declared by " + previous.origin() + " (" + previous.at() + ")",
                        "use that outcome, or give yours another id");
            }
        });
        return out;
    }

    /**
     * Adds a file's rules (or concepts, exceptions) to those of its base: a new id is added, a base id may be
     * replaced in place only with {@code override: true}, and an id twice in one file is an error.
     */
    private static <T> void overridable(Map<String, T> merged, Set<String> baseIds, List<T> own, java.util.function.Function<T, String> id,
                                        java.util.function.Function<T, Location> at, java.util.function.Predicate<T> override,
                                        String what, Problems problems) {
        Map<String, T> seen = new LinkedHashMap<>();
        for (T t : own) {
            String key = id.apply(t);
            T previous = seen.get(key);
            if (previous != null) {
                problems.error(at.apply(t), "duplicate " + what + " id '" + key + "' (first at line " + at.apply(previous).line() + ")",
                        "give each " + what + " its own id");
                continue;
            }
            seen.put(key, t);
            if (baseIds.contains(key) && !override.test(t)) {
                problems.error(at.apply(t), what + " '" + key + "' already exists in the base guide (" + at.apply(merged.get(key)) + ")",
                        "add 'override: true' to replace the base " + what + ", or choose another id");
            } else if (!baseIds.contains(key) && override.test(t)) {
                problems.error(at.apply(t), what + " '" + key + "' says override: true, but the base guide has no such " + what,
                        baseIds.isEmpty() ? "remove 'override'" : Hints.didYouMean(key, baseIds));
            }
            merged.put(key, t); // an override keeps the base entry's place in the order
        }
    }

    private static List<Acknowledgement> acknowledgements(GuideModel base, GuideFile file) {
        List<Acknowledgement> out = new ArrayList<>(base == null ? List.of() : base.acknowledge());
        out.addAll(file.acknowledge());
        return out;
    }

    private static <T> Map<String, T> byId(List<T> base, List<T> own, java.util.function.Function<T, String> id,
                                           java.util.function.Function<T, Location> at, String what, String file, Problems problems) {
        Map<String, T> out = new LinkedHashMap<>();
        base.forEach(t -> out.put(id.apply(t), t));
        Map<String, T> seen = new LinkedHashMap<>();
        for (T t : own) {
            if (seen.containsKey(id.apply(t))) {
                problems.error(at.apply(t), "duplicate " + what + " id '" + id.apply(t) + "' (first at line " + at.apply(seen.get(id.apply(t))).line() + ")", null);
                continue;
            }
            seen.put(id.apply(t), t);
            out.put(id.apply(t), t);
        }
        return out;
    }

    private static Map<String, String> union(Map<String, String> base, Map<String, String> own) {
        Map<String, String> out = new LinkedHashMap<>(base);
        out.putAll(own);
        return out;
    }

    /** The ids of the guides bundled on the class path, from its index file. */
    public static List<String> bundledIds() {
        try (InputStream in = GuideLoader.class.getClassLoader().getResourceAsStream(BUNDLED + "index.txt")) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A guide file on disk. Extended guides are looked for next to it, then among the bundled ones. */
    public static Source file(Path path) {
        return new Source() {
            @Override
            public String displayName() {
                return path.toString();
            }

            @Override
            public NodeReader.Result read() {
                return NodeReader.read(path, path.toString(), NodeReader.Limits.GUIDE);
            }

            @Override
            public Optional<Source> resolve(String id) {
                Optional<Path> found = candidate(path, id);
                if (found.isPresent()) {
                    return refusedCandidate(path, id, found.get()).isPresent() ? Optional.empty() : Optional.of(file(relative(found.get())));
                }
                return bundled(id);
            }

            @Override
            public Optional<String> refusal(String id) {
                return candidate(path, id).flatMap(c -> refusedCandidate(path, id, c));
            }
        };
    }

    /**
     * The first of the places {@code id} is looked for next to {@code path} where there is a file, or a symbolic link
     * (one that leads nowhere included): {@code <id>.yaml} and {@code <id>/guide.yaml} beside it, {@code ../<id>/guide.yaml}.
     */
    private static Optional<Path> candidate(Path path, String id) {
        Path dir = path.toAbsolutePath().getParent();
        if (dir == null) {
            return Optional.empty();
        }
        List<Path> candidates = new ArrayList<>();
        candidates.add(dir.resolve(id + ".yaml"));
        candidates.add(dir.resolve(id).resolve("guide.yaml"));
        if (dir.getParent() != null) {
            candidates.add(dir.getParent().resolve(id).resolve("guide.yaml"));
        }
        return candidates.stream().filter(c -> Files.isRegularFile(c) || Files.isSymbolicLink(c)).findFirst();
    }

    /** Why the file found for {@code id} is not used: it leads out of the folder of guides, or nowhere. */
    private static Optional<String> refusedCandidate(Path path, String id, Path candidate) {
        Path dir = path.toAbsolutePath().getParent();
        Path folder = dir.getParent() == null ? dir : dir.getParent();
        if (!Files.exists(candidate)) {
            return Optional.of("the guide '" + id + "' that this guide extends is " + relative(candidate)
                    + ", a symbolic link that leads nowhere");
        }
        if (!Files.isRegularFile(candidate) || !inside(folder, candidate)) {
            return Optional.of("the guide '" + id + "' that this guide extends is " + relative(candidate) + ", which leads out of the "
                    + "folder of guides (" + relative(folder) + ") through a symbolic link; extends does not follow it there");
        }
        return Optional.empty();
    }

    /**
     * Whether {@code candidate}, symbolic links resolved, is inside {@code folder}: {@code extends} does not follow a
     * link out of the folder of guides (its errors would quote a file elsewhere on the machine).
     */
    private static boolean inside(Path folder, Path candidate) {
        try {
            return candidate.toRealPath().startsWith(folder.toRealPath());
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Path relative(Path p) {
        try {
            Path cwd = Path.of("").toAbsolutePath();
            return p.startsWith(cwd) ? cwd.relativize(p) : p;
        } catch (RuntimeException e) {
            return p;
        }
    }

    /** A guide bundled on the class path, shown in messages as {@code guides/<id>/guide.yaml}. */
    public static Optional<Source> bundled(String id) {
        if (!no.veiviser.internal.yaml.Fields.ID.matcher(id).matches()) {
            return Optional.empty();
        }
        String resource = BUNDLED + id + "/guide.yaml";
        if (GuideLoader.class.getClassLoader().getResource(resource) == null) {
            return Optional.empty();
        }
        String display = "guides/" + id + "/guide.yaml";
        return Optional.of(new Source() {
            @Override
            public String displayName() {
                return display;
            }

            @Override
            public NodeReader.Result read() {
                try (InputStream in = GuideLoader.class.getClassLoader().getResourceAsStream(resource)) {
                    return NodeReader.read(in, display, NodeReader.Limits.GUIDE);
                } catch (IOException e) {
                    Problems p = new Problems();
                    p.error(Location.unknown(display), "cannot read the bundled guide: " + e.getMessage(), null);
                    return new NodeReader.Result(null, p.sorted());
                }
            }

            @Override
            public Optional<Source> resolve(String other) {
                return bundled(other);
            }
        });
    }
}
