package no.veiviser.internal.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import no.veiviser.internal.engine.Field;
import no.veiviser.internal.yaml.Fields;
import no.veiviser.internal.yaml.Hints;
import no.veiviser.internal.yaml.Location;
import no.veiviser.internal.yaml.Node;
import no.veiviser.internal.yaml.Problems;

/**
 * Reads the structure of one guide file. Conditions are kept as written: they are checked after the
 * file is merged with the guide it extends, when every catalogue and parameter is known.
 */
final class GuideParser {
    static final List<String> TOP = List.of("guide", "parameters", "levels", "steps", "tools", "codes", "signals",
            "services", "meetingOutcomes", "rules", "disable", "acknowledge", "concepts", "exceptions", "invariants");
    static final List<String> MEETING_OUTCOME = List.of("label", "means");
    static final List<String> HEADER = List.of("id", "title", "municipality", "version", "extends", "source", "description");
    static final List<String> SOURCE = List.of("title", "url", "retrieved");
    static final List<String> PARAMETER = List.of("unit", "description", "reference", "value", "values");
    static final List<String> DATED = List.of("from", "value");
    static final List<String> LEVEL = List.of("level", "id", "name", "criteria");
    /** The most levels a guide may have (positions 0-9). */
    static final int MAX_LEVELS = 10;
    static final List<String> STEP = List.of("id", "level", "title", "situation", "action", "how", "responsible", "tools");
    static final List<String> TOOL = List.of("id", "number", "title", "kind");
    static final List<String> RULE = List.of("id", "description", "when", "then", "source", "effective", "step", "override", "deviation",
            "labels", "exceptionTo");
    static final List<String> CODE = List.of("label", "tags", "effects", "override");
    static final List<String> LABEL = List.of("nb", "en");
    static final List<String> CONCEPT = List.of("id", "description", "when", "refine", "source", "override");
    static final List<String> REFINE = List.of("replace", "add", "remove", "unless");
    static final List<String> REFINE_REPLACE = List.of("clause", "with");
    static final List<String> EXCEPTION = List.of("id", "description", "when", "withholds", "source", "override");
    static final List<String> INVARIANT_KINDS = List.of("neverTogether", "requires", "onlyWhen", "levelFloor", "neverWithheld",
            "oneMeaningPerCode");
    static final List<String> INVARIANT = List.of("id", "description", "source", "neverTogether", "requires", "onlyWhen", "levelFloor",
            "neverWithheld", "oneMeaningPerCode");
    static final List<String> SELECTOR = List.of("code", "tag", "who", "effect", "unless");
    static final List<String> DEVIATION = List.of("law", "note");
    static final List<String> FINDING = List.of("code", "text", "due", "responsible", "who", "level", "tools", "step");
    static final List<String> CITATION = List.of("section", "text", "law", "document");
    static final List<String> EFFECTIVE = List.of("from", "to");
    static final List<String> DUE = List.of("after", "from");
    static final List<String> DISABLE = List.of("rule", "reason");
    static final List<String> ACKNOWLEDGE = List.of("id", "rule", "reason");
    static final java.util.regex.Pattern WARNING_ID = java.util.regex.Pattern.compile("W[0-9]{3}");

    private final Problems problems;
    private final Fields fields;

    GuideParser(Problems problems) {
        this.problems = problems;
        this.fields = new Fields(problems);
    }

    GuideFile parse(Node root, String file) {
        Node.MapNode top = fields.map(root, "a guide file");
        if (top == null) {
            return null;
        }
        fields.onlyKeys(top, "a guide file", TOP);
        Node.MapNode header = top.has("guide") ? fields.map(top.get("guide"), "'guide'") : null;
        if (header == null) {
            if (!top.has("guide")) {
                problems.error(top.at(), "a guide file needs a 'guide:' section with its id, title and version", null);
            }
            return null;
        }
        fields.onlyKeys(header, "'guide'", HEADER);
        fields.require(header, "id", "'guide'");
        fields.require(header, "title", "'guide'");
        fields.require(header, "version", "'guide'");
        String id = fields.id(header, "id").orElse("?");
        Map<String, List<String>> tags = new LinkedHashMap<>();
        Map<String, String> englishLabels = new LinkedHashMap<>();
        Map<String, Effects> effects = new LinkedHashMap<>();
        Set<String> effectOverrides = new java.util.LinkedHashSet<>();
        Optional<String> extendsId = fields.id(header, "extends");
        Location extendsAt = header.has("extends") ? header.get("extends").at() : header.at();
        Optional<String> sourceTitle = Optional.empty();
        Optional<String> sourceUrl = Optional.empty();
        Optional<LocalDate> retrieved = Optional.empty();
        if (header.has("source")) {
            Node.MapNode source = fields.map(header.get("source"), "'source'");
            if (source != null) {
                fields.onlyKeys(source, "'guide.source'", SOURCE);
                sourceTitle = fields.text(source, "title");
                sourceUrl = fields.text(source, "url");
                retrieved = source.has("retrieved") ? fields.date(source.get("retrieved"), "'retrieved'") : Optional.empty();
            }
        }
        return new GuideFile(id, fields.text(header, "title").orElse(""), fields.text(header, "municipality"),
                fields.text(header, "version").orElse(""), extendsId, extendsAt, sourceTitle, sourceUrl, retrieved,
                parameters(top.get("parameters"), id), levels(top.get("levels")), steps(top.get("steps")), tools(top.get("tools")),
                codes(top.get("codes"), tags, englishLabels, effects, effectOverrides), catalogue(top.get("signals"), "signal"),
                catalogue(top.get("services"), "service"), rules(top.get("rules"), id), disable(top.get("disable")),
                acknowledge(top.get("acknowledge"), id), tags, concepts(top.get("concepts"), id),
                exceptions(top.get("exceptions"), id), invariants(top.get("invariants"), id), file, top.at(), englishLabels, effects, effectOverrides,
                meetingOutcomes(top.get("meetingOutcomes"), id));
    }

    /**
     * {@code meetingOutcomes: {fortsett: {label: Fortsett, means: continue}, ...}}: a guide's own outcomes of a meeting,
     * each with one of the five national meanings; the five stay valid beside them.
     */
    private Map<String, MeetingOutcome> meetingOutcomes(Node node, String origin) {
        Map<String, MeetingOutcome> out = new LinkedHashMap<>();
        Node.MapNode map = node == null ? null : fields.map(node, "'meetingOutcomes'");
        if (map == null) {
            return out;
        }
        Set<String> national = new java.util.LinkedHashSet<>();
        for (no.veiviser.Meeting.Outcome o : no.veiviser.Meeting.Outcome.values()) {
            national.add(o.code());
        }
        for (Node.Entry e : map.entries().values()) {
            Optional<String> id = fields.id(new Node.ScalarNode(e.keyAt(), Node.ScalarNode.Type.STRING, e.key()), "a meeting outcome");
            Node.MapNode m = fields.map(e.value(), "meeting outcome '" + e.key() + "'");
            if (id.isEmpty() || m == null) {
                continue;
            }
            if (national.contains(e.key())) {
                problems.error(e.keyAt(), "'" + e.key() + "' is one of the five national meeting outcomes, valid in every guide",
                        "declare only your own outcomes here, each with means: one of " + String.join(", ", national));
                continue;
            }
            fields.onlyKeys(m, "a meeting outcome", MEETING_OUTCOME);
            fields.require(m, "label", "a meeting outcome");
            fields.require(m, "means", "a meeting outcome");
            Optional<String> means = m.has("means") ? fields.code(m.get("means"), "national meaning of a meeting outcome", national) : Optional.empty();
            if (means.isPresent()) {
                no.veiviser.Meeting.Outcome meaning = java.util.Arrays.stream(no.veiviser.Meeting.Outcome.values())
                        .filter(o -> o.code().equals(means.get())).findFirst().orElseThrow();
                out.put(e.key(), new MeetingOutcome(e.key(), fields.text(m, "label").orElse(e.key()), meaning, origin, e.keyAt()));
            }
        }
        return out;
    }

    private Map<String, Parameter> parameters(Node node, String origin) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        if (node == null || fields.map(node, "'parameters'") == null) {
            return out;
        }
        for (Node.Entry e : ((Node.MapNode) node).entries().values()) {
            if (!Fields.ID.matcher(e.key()).matches()) {
                problems.error(e.keyAt(), "parameter name '" + Fields.shorten(e.key()) + "' is not a valid id",
                        "use lowercase letters (æ, ø and å too), digits and '-', '.' or '_'; no spaces");
                continue;
            }
            Node.MapNode p = fields.map(e.value(), "parameter '" + e.key() + "'");
            if (p == null) {
                continue;
            }
            fields.onlyKeys(p, "parameter '" + e.key() + "'", PARAMETER);
            fields.require(p, "unit", "parameter '" + e.key() + "'");
            Set<String> units = new java.util.LinkedHashSet<>();
            for (Unit u : Unit.values()) {
                units.add(u.code());
            }
            Optional<Unit> unit = p.has("unit") ? fields.code(p.get("unit"), "unit", units).map(u -> Unit.valueOf(u.toUpperCase(java.util.Locale.ROOT))) : Optional.empty();
            List<Parameter.Value> values = new ArrayList<>();
            if (p.has("value") == p.has("values")) {
                problems.error(p.at(), "parameter '" + e.key() + "' needs either 'value' or 'values' (a list of {from, value})", null);
            } else if (p.has("value")) {
                fields.integer(p.get("value"), "'value'", 0, 100_000).ifPresent(v -> values.add(new Parameter.Value(Optional.empty(), v, p.get("value").at())));
            } else {
                Node.ListNode list = fields.list(p.get("values"), "'values'");
                LocalDate previous = null;
                for (Node item : list == null ? List.<Node>of() : list.items()) {
                    Node.MapNode dated = fields.map(item, "a dated value");
                    if (dated == null) {
                        continue;
                    }
                    fields.onlyKeys(dated, "a dated value", DATED);
                    Optional<LocalDate> from = dated.has("from") ? fields.date(dated.get("from"), "'from'") : Optional.empty();
                    if (from.isEmpty() && !values.isEmpty()) {
                        problems.error(dated.at(), "only the first value may leave out 'from'", null);
                    }
                    if (from.isPresent() && previous != null && !from.get().isAfter(previous)) {
                        problems.error(dated.get("from").at(), "dated values must be in order; " + from.get() + " is not after " + previous, null);
                    }
                    previous = from.orElse(previous);
                    if (fields.require(dated, "value", "a dated value")) {
                        fields.integer(dated.get("value"), "'value'", 0, 100_000).ifPresent(v -> values.add(new Parameter.Value(from, v, dated.at())));
                    }
                }
                if (list != null && list.items().isEmpty()) {
                    problems.error(list.at(), "parameter '" + e.key() + "' has no values", null);
                }
            }
            if (unit.isPresent()) {
                out.put(e.key(), new Parameter(e.key(), unit.get(), fields.text(p, "description").orElse(""),
                        fields.text(p, "reference").orElse(""), values, origin, e.keyAt()));
            }
        }
        return out;
    }

    /**
     * {@code {level: 2, name: ...}} (the id is the number), or {@code {id: B, name: ...}} (the position is the place in
     * this list), or both ({@code {level: 2, id: B}}).
     */
    private List<Level> levels(Node node) {
        List<Level> out = new ArrayList<>();
        List<Node.MapNode> items = maps(node, "'levels'");
        for (int i = 0; i < items.size(); i++) {
            Node.MapNode m = items.get(i);
            fields.onlyKeys(m, "a level", LEVEL);
            if (!m.has("level") && !m.has("id")) {
                problems.error(m.at(), "a level needs 'id' (as the guide names it: 0, A, B ...) or 'level' (its place, 0-"
                        + (MAX_LEVELS - 1) + ")", "write for example {id: A, name: Nivå A}");
            }
            fields.require(m, "name", "a level");
            Optional<Integer> position = m.has("level") ? fields.integer(m.get("level"), "'level'", 0, MAX_LEVELS - 1) : Optional.of(i);
            Optional<String> id = m.has("id") ? fields.writtenId(m.get("id"), "level id") : position.map(String::valueOf);
            if (position.isPresent() && id.isPresent()) {
                if (out.stream().anyMatch(l -> l.id().equals(id.get()))) {
                    problems.error(m.get(m.has("id") ? "id" : "level").at(), "level id '" + id.get() + "' is used twice", null);
                }
                out.add(new Level(position.get(), id.get(), fields.text(m, "name").orElse(""), fields.text(m, "criteria").orElse(""), m.at()));
            }
        }
        fileLevels = out;
        return out;
    }

    /** This file's levels, for the levels its steps and findings name (a base guide's levels are numbers). */
    private List<Level> fileLevels = List.of();

    /** A level as a step or finding writes it: one of this file's level ids, or a position 0-9. */
    private Optional<Integer> levelRef(Node node) {
        if (node instanceof Node.ScalarNode s && !s.isNull()) {
            for (Level l : fileLevels) {
                if (l.id().equals(s.text())) {
                    return Optional.of(l.level());
                }
            }
            if (!s.text().matches("\\d{1,2}") && !fileLevels.isEmpty()) {
                problems.error(node.at(), "unknown level '" + Fields.shorten(s.text()) + "'",
                        Hints.didYouMean(s.text(), new java.util.LinkedHashSet<>(fileLevels.stream().map(Level::id).toList())));
                return Optional.empty();
            }
        }
        return fields.integer(node, "'level'", 0, MAX_LEVELS - 1);
    }

    private List<Step> steps(Node node) {
        List<Step> out = new ArrayList<>();
        for (Node.MapNode m : maps(node, "'steps'")) {
            fields.onlyKeys(m, "a step", STEP);
            fields.require(m, "id", "a step");
            fields.require(m, "level", "a step");
            fields.require(m, "title", "a step");
            Optional<String> id = fields.writtenId(m, "id");
            Optional<Integer> level = m.has("level") ? levelRef(m.get("level")) : Optional.empty();
            List<String> tools = m.has("tools") ? fields.listOf(m.get("tools"), "'tools'", n -> fields.id(n, "tool")) : List.of();
            if (id.isPresent() && level.isPresent()) {
                out.add(new Step(id.get(), level.get(), fields.text(m, "title").orElse(""), fields.text(m, "situation"),
                        fields.text(m, "action"), fields.text(m, "how"), fields.text(m, "responsible"), tools, m.at()));
            }
        }
        return out;
    }

    private List<Tool> tools(Node node) {
        List<Tool> out = new ArrayList<>();
        for (Node.MapNode m : maps(node, "'tools'")) {
            fields.onlyKeys(m, "a tool", TOOL);
            fields.require(m, "id", "a tool");
            fields.require(m, "title", "a tool");
            Optional<String> id = fields.id(m, "id");
            Optional<Integer> number = m.has("number") ? fields.integer(m.get("number"), "'number'", 1, 999) : Optional.empty();
            id.ifPresent(i -> out.add(new Tool(i, number, fields.text(m, "title").orElse(""), fields.text(m, "kind"), m.at())));
        }
        return out;
    }

    private Map<String, String> catalogue(Node node, String what) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        Node.MapNode m = fields.map(node, "the " + what + " catalogue");
        if (m == null) {
            return out;
        }
        for (Node.Entry e : m.entries().values()) {
            if (!Fields.ID.matcher(e.key()).matches()) {
                problems.error(e.keyAt(), what + " '" + Fields.shorten(e.key()) + "' is not a valid id",
                        "use lowercase letters (æ, ø and å too), digits and '-', '.' or '_'; no spaces");
                continue;
            }
            out.put(e.key(), fields.text(e.value(), what + " label").orElse(e.key()));
        }
        return out;
    }

    /**
     * The finding codes: {@code code: label}, or {@code code: {label: ..., tags: [...]}}, where a label is a text (bokmål)
     * or {@code {nb: ..., en: ...}} (English labels go into {@code english}). A code of the base guide may be given tags
     * only (its label stays the base guide's): its label here is null.
     */
    private Map<String, String> codes(Node node, Map<String, List<String>> tags, Map<String, String> english,
                                      Map<String, Effects> effects, Set<String> effectOverrides) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        Node.MapNode m = fields.map(node, "the code catalogue");
        if (m == null) {
            return out;
        }
        for (Node.Entry e : m.entries().values()) {
            if (!Fields.ID.matcher(e.key()).matches()) {
                problems.error(e.keyAt(), "code '" + Fields.shorten(e.key()) + "' is not a valid id",
                        "use lowercase letters (æ, ø and å too), digits and '-', '.' or '_'; no spaces");
                continue;
            }
            if (e.value() instanceof Node.MapNode entry) {
                fields.onlyKeys(entry, "code '" + e.key() + "'", CODE);
                out.put(e.key(), entry.get("label") instanceof Node.MapNode label ? label(label, e.key(), english)
                        : fields.text(entry, "label").orElse(null));
                if (entry.has("tags")) {
                    tags.put(e.key(), fields.listOf(entry.get("tags"), "'tags'", n -> fields.id(n, "a tag").filter(tag -> {
                        if (Effects.DERIVED_TAGS.containsKey(tag)) {
                            problems.error(n.at(), "the tag '" + tag + "' is derived from the code's effects, not given by hand",
                                    "declare it in 'effects:' (" + Effects.DERIVED_TAGS.get(tag) + ") and remove the tag");
                            return false;
                        }
                        return true;
                    })));
                }
                if (entry.has("effects")) {
                    Effects.read(entry.get("effects"), e.key(), fields).ifPresent(fx -> effects.put(e.key(), fx));
                }
                if (override(entry)) {
                    effectOverrides.add(e.key());
                }
            } else {
                out.put(e.key(), fields.text(e.value(), "code label").orElse(e.key()));
            }
        }
        return out;
    }

    /** {@code label: {nb: ..., en: ...}}: the bokmål label (required), and the English one into {@code english}. */
    private String label(Node.MapNode label, String code, Map<String, String> english) {
        fields.onlyKeys(label, "the label of code '" + code + "'", LABEL);
        fields.require(label, "nb", "the label of code '" + code + "'");
        fields.text(label, "en").ifPresent(en -> english.put(code, en));
        return fields.text(label, "nb").orElse(code);
    }

    /** {@code override: true}: the entry replaces the base guide's entry with the same id. */
    private boolean override(Node.MapNode m) {
        return m.has("override") && fields.bool(m.get("override"), "'override'").orElse(false);
    }

    private List<Concept> concepts(Node node, String origin) {
        List<Concept> out = new ArrayList<>();
        for (Node.MapNode m : maps(node, "'concepts'")) {
            fields.onlyKeys(m, "a concept", CONCEPT);
            fields.require(m, "id", "a concept");
            if (m.has("refine") && m.has("when")) {
                problems.error(m.entries().get("refine").keyAt(), "a concept has both 'when' and 'refine'",
                        "write 'refine' to change the base guide's concept clause by clause, or 'when' (with override: true) to replace it whole");
                continue;
            }
            if (!m.has("refine")) {
                fields.require(m, "when", "a concept");
            }
            boolean override = override(m);
            Optional<Concept.Refinement> refine = m.has("refine") ? refinement(m.get("refine")) : Optional.empty();
            fields.id(m, "id").ifPresent(id -> out.add(new Concept(id, fields.text(m, "description").orElse(""), m.get("when"), null,
                    citation(m, origin), override, origin, m.at(), refine)));
        }
        return out;
    }

    /**
     * {@code refine: {replace: [{clause: <the base's clause>, with: <condition>}], add: [<condition>], remove: [<the
     * base's clause>], unless: <condition>}}: what changes in the base guide's concept (resolved when merged).
     */
    private Optional<Concept.Refinement> refinement(Node node) {
        Node.MapNode r = fields.map(node, "'refine'");
        if (r == null) {
            return Optional.empty();
        }
        fields.onlyKeys(r, "'refine'", REFINE);
        if (r.entries().isEmpty()) {
            problems.error(r.at(), "'refine' changes nothing", "give replace, add, remove or unless");
            return Optional.empty();
        }
        List<Concept.Refinement.Replace> replace = new ArrayList<>();
        for (Node.MapNode x : maps(r.get("replace"), "'replace'")) {
            fields.onlyKeys(x, "a replaced clause", REFINE_REPLACE);
            if (fields.require(x, "clause", "a replaced clause") & fields.require(x, "with", "a replaced clause")) {
                replace.add(new Concept.Refinement.Replace(x.get("clause"), x.get("with")));
            }
        }
        List<Node> add = r.has("add") ? items(r.get("add"), "'add'") : List.of();
        List<Node> remove = r.has("remove") ? items(r.get("remove"), "'remove'") : List.of();
        List<Node> unless = r.has("unless") ? List.of(r.get("unless")) : List.of();
        return Optional.of(new Concept.Refinement(replace, add, remove, unless, r.at(), "", "", List.of()));
    }

    private List<Node> items(Node node, String what) {
        Node.ListNode list = fields.list(node, what);
        return list == null ? List.of() : list.items();
    }

    private List<RuleException> exceptions(Node node, String origin) {
        List<RuleException> out = new ArrayList<>();
        for (Node.MapNode m : maps(node, "'exceptions'")) {
            fields.onlyKeys(m, "an exception", EXCEPTION);
            fields.require(m, "id", "an exception");
            fields.require(m, "when", "an exception");
            fields.require(m, "withholds", "an exception");
            List<Target> withholds = m.has("withholds") ? targets(m.get("withholds"), "'withholds'") : List.of();
            if (m.get("withholds") instanceof Node.ListNode l && l.items().isEmpty()) {
                problems.error(l.at(), "an exception needs at least one rule, label or exception in 'withholds'", null);
            }
            boolean override = override(m);
            fields.id(m, "id").ifPresent(id -> out.add(new RuleException(id, fields.text(m, "description").orElse(""), m.get("when"),
                    null, withholds, citation(m, origin), override, origin, m.at())));
        }
        return out;
    }

    /** {@code [{rule: id}, {label: tells-guardians}, {exception: id}, {effect: {contacts: guardians}, unless: {phase: acute}}]}. */
    private List<Target> targets(Node node, String what) {
        return fields.listOf(node, what, item -> {
            Node.MapNode t = fields.map(item, "a rule, label or exception");
            if (t == null) {
                return Optional.empty();
            }
            if (t.has("effect")) {
                fields.onlyKeys(t, "an effect target", List.of("effect", "unless"));
                return EffectMatch.read(t, fields).map(match -> Target.effect(match, t.at()));
            }
            List<String> kinds = java.util.Arrays.stream(Target.Kind.values()).filter(k -> k != Target.Kind.EFFECT).map(Target.Kind::key).toList();
            fields.onlyKeys(t, "a rule, label or exception", kinds);
            if (t.entries().size() != 1) {
                problems.error(t.at(), "name one of rule, label, exception, code or effect", "write for example {effect: {contacts: guardians}}");
                return Optional.empty();
            }
            Node.Entry e = t.entries().values().iterator().next();
            if (!kinds.contains(e.key())) {
                return Optional.empty();
            }
            return fields.id(e.value(), e.key()).map(id -> new Target(Target.Kind.valueOf(e.key().toUpperCase(java.util.Locale.ROOT)), id, null, e.keyAt()));
        });
    }

    private List<Invariant> invariants(Node node, String origin) {
        List<Invariant> out = new ArrayList<>();
        for (Node.MapNode m : maps(node, "'invariants'")) {
            fields.onlyKeys(m, "an invariant", INVARIANT);
            fields.require(m, "id", "an invariant");
            List<String> kinds = INVARIANT_KINDS.stream().filter(m::has).toList();
            if (kinds.size() != 1) {
                problems.error(m.at(), kinds.isEmpty() ? "an invariant needs one of " + String.join(", ", INVARIANT_KINDS)
                        : "an invariant states one thing; this one has " + String.join(" and ", kinds), "split it into one invariant for each");
                continue;
            }
            Optional<String> id = fields.id(m, "id");
            String description = fields.text(m, "description").orElse("");
            Optional<Citation> source = citation(m, origin);
            Node body = m.get(kinds.get(0));
            Invariant invariant = switch (kinds.get(0)) {
                case "neverTogether" -> {
                    List<Invariant.Selector> selectors = fields.listOf(body, "'neverTogether'", this::selector);
                    if (body instanceof Node.ListNode l && l.items().size() < 2) {
                        problems.error(l.at(), "'neverTogether' needs at least two codes or tags", null);
                    }
                    yield new Invariant.NeverTogether(id.orElse("?"), description, selectors, source, origin, m.at());
                }
                case "requires" -> {
                    Node.MapNode r = fields.map(body, "'requires'");
                    if (r == null) {
                        yield null;
                    }
                    fields.onlyKeys(r, "'requires'", List.of("if", "then"));
                    Optional<Invariant.Selector> ifSel = fields.require(r, "if", "'requires'") ? selector(r.get("if")) : Optional.empty();
                    Optional<Invariant.Selector> thenSel = fields.require(r, "then", "'requires'") ? selector(r.get("then")) : Optional.empty();
                    yield ifSel.isPresent() && thenSel.isPresent()
                            ? new Invariant.Requires(id.orElse("?"), description, ifSel.get(), thenSel.get(), source, origin, m.at()) : null;
                }
                case "onlyWhen" -> {
                    Node.MapNode o = fields.map(body, "'onlyWhen'");
                    if (o == null) {
                        yield null;
                    }
                    fields.onlyKeys(o, "'onlyWhen'", List.of("findings", "when"));
                    Optional<Invariant.Selector> sel = fields.require(o, "findings", "'onlyWhen'") ? selector(o.get("findings")) : Optional.empty();
                    fields.require(o, "when", "'onlyWhen'");
                    yield sel.isPresent() && o.has("when")
                            ? new Invariant.OnlyWhen(id.orElse("?"), description, sel.get(), o.get("when"), null, source, origin, m.at()) : null;
                }
                case "oneMeaningPerCode" -> {
                    if (!fields.bool(body, "'oneMeaningPerCode'").orElse(false)) {
                        problems.error(body.at(), "'oneMeaningPerCode' is written 'oneMeaningPerCode: true'", null);
                        yield null;
                    }
                    yield new Invariant.OneMeaningPerCode(id.orElse("?"), description, source, origin, m.at());
                }
                case "neverWithheld" -> {
                    Node.MapNode o = fields.map(body, "'neverWithheld'");
                    if (o == null) {
                        yield null;
                    }
                    fields.onlyKeys(o, "'neverWithheld'", List.of("findings", "unless"));
                    Optional<Invariant.Selector> sel = fields.require(o, "findings", "'neverWithheld'") ? selector(o.get("findings")) : Optional.empty();
                    yield sel.map(s -> new Invariant.NeverWithheld(id.orElse("?"), description, s, o.get("unless"), null, source, origin, m.at()))
                            .orElse(null);
                }
                default -> {
                    Node.MapNode f = fields.map(body, "'levelFloor'");
                    if (f == null) {
                        yield null;
                    }
                    fields.onlyKeys(f, "'levelFloor'", List.of("unless"));
                    List<Invariant.Selector> unless = f.has("unless") ? fields.listOf(f.get("unless"), "'unless'", this::selector) : List.of();
                    yield new Invariant.LevelFloor(id.orElse("?"), description, unless, source, origin, m.at());
                }
            };
            if (invariant != null && id.isPresent()) {
                out.add(invariant);
            }
        }
        return out;
    }

    private Optional<Invariant.Selector> selector(Node node) {
        return selector(node, fields);
    }

    /**
     * {@code code-id}, {@code {code: id, who: guardians}}, {@code {tag: tells-guardians}} or {@code {effect: {...}}}: what
     * invariants and scenarios pick findings with. Problems go to {@code fields}; the names are checked against a guide
     * by the reader.
     *
     * @param node   the selector as written
     * @param fields where problems go
     * @return the selector, empty when it is not one
     */
    public static Optional<Invariant.Selector> selector(Node node, Fields fields) {
        Problems problems = fields.problems();
        if (node instanceof Node.ScalarNode) {
            return fields.id(node, "a finding code").map(c -> new Invariant.Selector(Optional.of(c), Optional.empty(), Optional.empty(), Optional.empty(), node.at()));
        }
        Node.MapNode m = fields.map(node, "a finding code or tag");
        if (m == null) {
            return Optional.empty();
        }
        fields.onlyKeys(m, "a finding selector", SELECTOR);
        if ((m.has("code") ? 1 : 0) + (m.has("tag") ? 1 : 0) + (m.has("effect") ? 1 : 0) != 1) {
            problems.error(m.at(), "name one of 'code', 'tag' or 'effect'",
                    "write for example {code: consent-missing, who: guardians}, {tag: tells-guardians} or {effect: {contacts: guardians}}");
            return Optional.empty();
        }
        if (m.has("unless") && !m.has("effect")) {
            problems.error(m.get("unless").at(), "'unless' belongs to an 'effect' selector", "write {effect: {...}, unless: {...}}");
            return Optional.empty();
        }
        if (m.has("effect")) {
            return EffectMatch.read(m, fields).map(match -> new Invariant.Selector(Optional.empty(), Optional.empty(),
                    fields.id(m, "who"), Optional.of(match), m.at()));
        }
        Optional<String> code = fields.id(m, "code");
        Optional<String> tag = fields.id(m, "tag");
        if (code.isEmpty() && tag.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Invariant.Selector(code, tag, fields.id(m, "who"), Optional.empty(), m.at()));
    }

    /** A {@code source:} of a concept, exception or invariant. */
    private Optional<Citation> citation(Node.MapNode m, String origin) {
        return citation(m, origin, "a source");
    }

    private Optional<Citation> citation(Node.MapNode m, String origin, String where) {
        if (!m.has("source")) {
            return Optional.empty();
        }
        Node.MapNode s = fields.map(m.get("source"), "'source'");
        if (s == null) {
            return Optional.empty();
        }
        fields.onlyKeys(s, where, CITATION);
        List<String> law = s.has("law") ? lawList(s.get("law")) : List.of();
        return Optional.of(new Citation(origin, fields.text(s, "section").orElse(""), fields.text(s, "text").orElse(""), law,
                fields.text(s, "document")));
    }

    private List<Rule> rules(Node node, String origin) {
        List<Rule> out = new ArrayList<>();
        for (Node.MapNode m : maps(node, "'rules'")) {
            fields.onlyKeys(m, "a rule", RULE);
            fields.require(m, "id", "a rule");
            fields.require(m, "then", "a rule");
            Optional<String> id = fields.id(m, "id");
            List<FindingTemplate> then = new ArrayList<>();
            for (Node.MapNode f : maps(m.get("then"), "'then'")) {
                finding(f).ifPresent(then::add);
            }
            if (m.get("then") instanceof Node.ListNode l && l.items().isEmpty()) {
                problems.error(l.at(), "a rule needs at least one finding in 'then'", null);
            }
            Optional<Citation> source = citation(m, origin, "a rule's source");
            Optional<LocalDate> from = Optional.empty();
            Optional<LocalDate> to = Optional.empty();
            if (m.has("effective")) {
                Node.MapNode eff = fields.map(m.get("effective"), "'effective'");
                if (eff != null) {
                    fields.onlyKeys(eff, "'effective'", EFFECTIVE);
                    from = eff.has("from") ? fields.date(eff.get("from"), "'from'") : Optional.empty();
                    to = eff.has("to") ? fields.date(eff.get("to"), "'to'") : Optional.empty();
                    if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
                        problems.error(eff.get("to").at(), "'to' (" + to.get() + ") must be after 'from' (" + from.get() + ")", null);
                    }
                }
            }
            boolean override = override(m);
            Optional<Rule.Deviation> deviation = Optional.empty();
            if (m.has("deviation")) {
                Node.MapNode d = fields.map(m.get("deviation"), "'deviation'");
                if (d != null) {
                    fields.onlyKeys(d, "'deviation'", DEVIATION);
                    fields.require(d, "law", "'deviation'");
                    fields.require(d, "note", "'deviation'");
                    deviation = Optional.of(new Rule.Deviation(fields.text(d, "law").orElse(""), fields.text(d, "note").orElse(""), d.at()));
                }
            }
            List<String> labels = m.has("labels") ? fields.listOf(m.get("labels"), "'labels'", n -> fields.id(n, "a label").filter(label -> {
                if (Effects.DERIVED_TAGS.containsKey(label)) {
                    problems.error(n.at(), "the label '" + label + "' is derived from the effects of the codes a rule gives, not given to a rule",
                            "declare it on each code that has this effect (" + Effects.DERIVED_TAGS.get(label) + ") and remove the label");
                    return false;
                }
                return true;
            })) : List.of();
            List<Target> exceptionTo = m.has("exceptionTo") ? targets(m.get("exceptionTo"), "'exceptionTo'") : List.of();
            if (id.isPresent()) {
                out.add(new Rule(id.get(), fields.text(m, "description").orElse(""), m.get("when"), null, then, source, from, to,
                        fields.writtenId(m, "step"), override, deviation, labels, exceptionTo, origin, m.at()));
            }
        }
        return out;
    }

    private List<String> lawList(Node node) {
        if (node instanceof Node.ScalarNode) {
            return fields.text(node, "'law'").map(List::of).orElse(List.of());
        }
        return fields.listOf(node, "'law'", n -> fields.text(n, "a law reference"));
    }

    private Optional<FindingTemplate> finding(Node.MapNode f) {
        fields.onlyKeys(f, "a finding", FINDING);
        fields.require(f, "code", "a finding");
        fields.require(f, "text", "a finding");
        Optional<String> code = fields.id(f, "code");
        Optional<Due> due = f.has("due") ? due(f.get("due")) : Optional.empty();
        List<String> who = f.has("who") ? fields.listOf(f.get("who"), "'who'", n -> fields.id(n, "who")) : List.of();
        Optional<Integer> level = f.has("level") ? levelRef(f.get("level")) : Optional.empty();
        List<String> tools = f.has("tools") ? fields.listOf(f.get("tools"), "'tools'", n -> fields.id(n, "tool")) : List.of();
        if (code.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new FindingTemplate(code.get(), fields.text(f, "text").orElse(""), due, fields.text(f, "responsible"),
                who, level, tools, fields.writtenId(f, "step"), f.at(), f.has("text") ? f.get("text").at() : f.at()));
    }

    /**
     * {@code same-day}, {@code as-soon-as-possible}, or {@code {after: <duration parameter>, from: concern.since}} (from
     * defaults to asOf).
     */
    private Optional<Due> due(Node node) {
        if (node instanceof Node.ScalarNode s) {
            if (s.text().equals("same-day")) {
                return Optional.of(new Due.SameDay());
            }
            if (s.text().equals("as-soon-as-possible")) {
                return Optional.of(new Due.AsSoonAsPossible());
            }
            problems.error(node.at(), "unknown due '" + Fields.shorten(s.text()) + "'",
                    "write 'same-day', 'as-soon-as-possible' (\"så snart som mulig\"), or {after: <parameter>, from: concern.since}");
            return Optional.empty();
        }
        Node.MapNode m = fields.map(node, "'due'");
        if (m == null) {
            return Optional.empty();
        }
        fields.onlyKeys(m, "'due'", DUE);
        if (!fields.require(m, "after", "'due'")) {
            return Optional.empty();
        }
        if (m.get("after") instanceof Node.ScalarNode a && !a.text().isEmpty() && Character.isDigit(a.text().charAt(0))) {
            // "after: 1 week" or "after: 14": durations live in parameters, so that they are dated and cited.
            problems.error(a.at(), "'after' must name a parameter, not a duration ('" + Fields.shorten(a.text()) + "')",
                    "declare the duration under 'parameters:' (for example within-a-week: {unit: weeks, value: 1, "
                            + "reference: ...}) and write after: within-a-week");
            return Optional.empty();
        }
        Optional<String> param = fields.id(m, "after");
        Field from = null;
        if (m.has("from")) {
            Optional<String> path = fields.text(m, "from");
            if (path.isPresent() && !path.get().equals("asOf")) {
                from = Field.byPath(path.get());
                if (from == null || from.type() != Field.Type.DATE) {
                    List<String> dates = new ArrayList<>(List.of("asOf"));
                    for (Field f : Field.values()) {
                        if (f.type() == Field.Type.DATE) {
                            dates.add(f.path());
                        }
                    }
                    problems.error(m.get("from").at(), "'" + Fields.shorten(path.get()) + "' is not a date field", Hints.didYouMean(path.get(), dates));
                    return Optional.empty();
                }
            }
        }
        Field fromField = from;
        return param.map(p -> new Due.After(fromField, p));
    }

    private List<GuideFile.Disable> disable(Node node) {
        List<GuideFile.Disable> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        Node.ListNode list = fields.list(node, "'disable'");
        if (list == null) {
            return out;
        }
        for (Node item : list.items()) {
            if (item instanceof Node.MapNode m) {
                fields.onlyKeys(m, "a disabled rule", DISABLE);
                fields.require(m, "rule", "a disabled rule");
                fields.id(m, "rule").ifPresent(r -> out.add(new GuideFile.Disable(r, fields.text(m, "reason").orElse(""), m.get("rule").at())));
            } else {
                fields.id(item, "a disabled rule").ifPresent(r -> out.add(new GuideFile.Disable(r, "", item.at())));
            }
        }
        return out;
    }

    /** {@code acknowledge: [W012, {id: W005, rule: some.rule, reason: ...}]}: lint warnings the authors accept. */
    private List<Acknowledgement> acknowledge(Node node, String origin) {
        List<Acknowledgement> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        Node.ListNode list = fields.list(node, "'acknowledge'");
        if (list == null) {
            return out;
        }
        for (Node item : list.items()) {
            Node idNode = item;
            Optional<String> subject = Optional.empty();
            String reason = "";
            if (item instanceof Node.MapNode m) {
                fields.onlyKeys(m, "an acknowledged warning", ACKNOWLEDGE);
                if (!fields.require(m, "id", "an acknowledged warning")) {
                    continue;
                }
                idNode = m.get("id");
                subject = fields.text(m, "rule");
                reason = fields.text(m, "reason").orElse("");
            }
            Optional<String> id = fields.text(idNode, "a warning id");
            if (id.isEmpty()) {
                continue;
            }
            if (!WARNING_ID.matcher(id.get()).matches()) {
                problems.error(idNode.at(), "'" + Fields.shorten(id.get()) + "' is not a lint warning id",
                        "write the id 'veiviser lint' prints, for example W005");
                continue;
            }
            out.add(new Acknowledgement(id.get(), subject, reason, origin, idNode.at()));
        }
        return out;
    }

    private List<Node.MapNode> maps(Node node, String what) {
        List<Node.MapNode> out = new ArrayList<>();
        if (node == null) {
            return out;
        }
        Node.ListNode list = fields.list(node, what);
        if (list == null) {
            return out;
        }
        for (Node item : list.items()) {
            Node.MapNode m = fields.map(item, "an entry of " + what);
            if (m != null) {
                out.add(m);
            }
        }
        return out;
    }
}
