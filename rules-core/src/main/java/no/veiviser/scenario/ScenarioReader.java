package no.veiviser.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import no.veiviser.Case;
import no.veiviser.internal.Access;
import no.veiviser.internal.model.GuideModel;
import no.veiviser.internal.model.Rule;
import no.veiviser.internal.yaml.Fields;
import no.veiviser.internal.yaml.Hints;
import no.veiviser.internal.yaml.Node;
import no.veiviser.internal.yaml.Problems;

/**
 * Reads a scenario file:
 *
 * <pre>
 * bases:                       # named cases that scenarios can extend
 *   school-child: {asOf: 2026-11-24, child: {age: 9, setting: school}}
 * scenarios:
 *   - name: suspected violence means contacting child welfare or the police the same day
 *     extend: school-child
 *     case: {concern: {signals: [violence-suspected]}}
 *     expect:
 *       level: 0
 *       includes: [contact-child-welfare-or-police-same-day, {code: act-immediately, rule: nittedal.acute.violence}]
 *       excludes: [involve-guardians]
 *       consent: []             # exactly who must consent (from consent-required findings)
 *       exactly: [...]          # the decision's codes, all of them
 *       only: [{among: {effect: {contacts: [guardians]}}, codes: [involve-guardians]}]   # among those, no other code
 * </pre>
 *
 * Codes, rules and case fields are checked against the guide, so a typo is a located error.
 */
final class ScenarioReader {
    static final List<String> TOP = List.of("guide", "bases", "scenarios");
    static final List<String> SCENARIO = List.of("name", "extend", "case", "expect");
    static final List<String> EXPECT = List.of("level", "includes", "excludes", "consent", "exactly", "only");
    static final List<String> ONLY = List.of("among", "codes");
    static final List<String> FINDING = List.of("code", "due", "responsible", "rule", "who");

    private final Problems problems = new Problems();
    private final Fields fields = new Fields(problems);
    private final GuideModel guide;
    private final Set<String> ruleIds = new LinkedHashSet<>();

    ScenarioReader(GuideModel guide) {
        this.guide = guide;
        guide.rules().stream().map(Rule::id).forEach(ruleIds::add);
    }

    Problems problems() {
        return problems;
    }

    List<Scenario> read(Node root, String file) {
        List<Scenario> out = new ArrayList<>();
        Node.MapNode top = fields.map(root, "a scenario file");
        if (top == null) {
            return out;
        }
        fields.onlyKeys(top, "a scenario file", TOP);
        top.entries().values().stream().filter(e -> e.key().equals("guide")).findFirst()
                .ifPresent(e -> fields.id(e.value(), "'guide'").filter(id -> !id.equals(guide.id()))
                        .ifPresent(id -> problems.error(e.value().at(), "this scenario file is for guide '" + id
                                + "', not '" + guide.id() + "'", "run it against its own guide")));
        Map<String, Node.MapNode> bases = new LinkedHashMap<>();
        if (top.has("bases")) {
            Node.MapNode b = fields.map(top.get("bases"), "'bases'");
            if (b != null) {
                for (Node.Entry e : b.entries().values()) {
                    Node.MapNode m = fields.map(e.value(), "base case '" + e.key() + "'");
                    if (m != null) {
                        bases.put(e.key(), m);
                    }
                }
            }
        }
        if (!top.has("scenarios")) {
            problems.error(top.at(), "a scenario file needs 'scenarios:', a list of scenarios", null);
            return out;
        }
        Node.ListNode list = fields.list(top.get("scenarios"), "'scenarios'");
        Set<String> names = new LinkedHashSet<>();
        for (Node item : list == null ? List.<Node>of() : list.items()) {
            Node.MapNode s = fields.map(item, "a scenario");
            if (s == null) {
                continue;
            }
            fields.onlyKeys(s, "a scenario", SCENARIO);
            boolean ok = fields.require(s, "name", "a scenario") & fields.require(s, "case", "a scenario") & fields.require(s, "expect", "a scenario");
            String name = fields.text(s, "name").orElse("");
            if (!name.isEmpty() && !names.add(name)) {
                problems.error(s.get("name").at(), "two scenarios are named '" + Fields.shorten(name) + "'", "give each scenario its own sentence");
            }
            Node.MapNode caseNode = s.has("case") ? fields.map(s.get("case"), "'case'") : null;
            if (s.has("extend")) {
                Optional<String> baseName = fields.text(s, "extend");
                if (baseName.isPresent()) {
                    Node.MapNode base = bases.get(baseName.get());
                    if (base == null) {
                        problems.error(s.get("extend").at(), "unknown base case '" + Fields.shorten(baseName.get()) + "'",
                                bases.isEmpty() ? "declare it under 'bases:'" : Hints.didYouMean(baseName.get(), bases.keySet()));
                    } else if (caseNode != null) {
                        caseNode = merge(base, caseNode);
                    }
                }
            }
            if (caseNode != null && !caseNode.has("asOf")) {
                problems.error(caseNode.at(), "the case needs 'asOf', so that the result never depends on today's date", null);
            }
            Case c = null;
            if (caseNode != null) {
                c = Access.readCase(guide, Fields.MAX_DATE, caseNode, problems); // not used: a missing asOf is an error above
            }
            Scenario.Expectation expect = s.has("expect") ? expectation(s.get("expect")) : null;
            if (ok && c != null && expect != null) {
                out.add(new Scenario(name, file, s.at().line(), c, expect));
            }
        }
        return out;
    }

    /**
     * {@code base} with {@code own} laid over it, mapping by mapping; lists and values are replaced, and a key written
     * {@code null} (or {@code ~}) takes the base's fact away: {@code child: {age: null}} is a child of unknown age.
     */
    static Node.MapNode merge(Node.MapNode base, Node.MapNode own) {
        Map<String, Node.Entry> entries = new LinkedHashMap<>(base.entries());
        for (Node.Entry e : own.entries().values()) {
            Node.Entry b = entries.get(e.key());
            if (e.value() instanceof Node.ScalarNode s && s.isNull()) {
                entries.remove(e.key());
            } else if (b != null && b.value() instanceof Node.MapNode bm && e.value() instanceof Node.MapNode om) {
                entries.put(e.key(), new Node.Entry(e.key(), e.keyAt(), merge(bm, om)));
            } else {
                entries.put(e.key(), e);
            }
        }
        return new Node.MapNode(own.at(), entries);
    }

    private Scenario.Expectation expectation(Node node) {
        Node.MapNode m = fields.map(node, "'expect'");
        if (m == null) {
            return null;
        }
        fields.onlyKeys(m, "'expect'", EXPECT);
        if (m.entries().isEmpty()) {
            problems.error(m.at(), "'expect' says nothing to check", "give level, includes, excludes or consent");
        }
        OptionalInt level = OptionalInt.empty();
        if (m.has("level")) {
            Optional<String> written = fields.writtenId(m.get("level"), "'level'");
            Integer position = written.map(guide::levelPosition).orElse(null);
            if (position != null) {
                level = OptionalInt.of(position);
            } else if (written.isPresent()) {
                problems.error(m.get("level").at(), "unknown level '" + written.get() + "'",
                        "the guide's levels are " + String.join(", ", guide.levelIds()));
            }
        }
        List<Scenario.ExpectedFinding> includes = m.has("includes") ? fields.listOf(m.get("includes"), "'includes'", this::expected) : List.of();
        List<String> excludes = m.has("excludes") ? fields.listOf(m.get("excludes"), "'excludes'", n -> fields.code(n, "finding code", guide.codes().keySet())) : List.of();
        Optional<List<String>> consent = m.has("consent")
                ? Optional.of(fields.listOf(m.get("consent"), "'consent'", n -> fields.code(n, "who", whoValues()))) : Optional.empty();
        Optional<List<String>> exactly = m.has("exactly")
                ? Optional.of(fields.listOf(m.get("exactly"), "'exactly'", n -> fields.code(n, "finding code", guide.codes().keySet())))
                : Optional.empty();
        if (exactly.isPresent()) { // a scenario that contradicts itself could never pass: say so where it is written
            includes.stream().map(Scenario.ExpectedFinding::code).filter(c -> !exactly.get().contains(c)).distinct().forEach(c ->
                    problems.error(m.get("exactly").at(), "'includes' expects " + c + ", which 'exactly' leaves out", "add it to 'exactly'"));
            excludes.stream().filter(exactly.get()::contains).forEach(c ->
                    problems.error(m.get("exactly").at(), "'exactly' expects " + c + ", which 'excludes' rules out", "take it out of one of them"));
        }
        List<Scenario.Only> only = m.has("only") ? fields.listOf(m.get("only"), "'only'", this::only) : List.of();
        return new Scenario.Expectation(level, includes, excludes, consent, exactly, only);
    }

    /** {@code {among: <a selector, as invariants write it>, codes: [...]}}. */
    private Optional<Scenario.Only> only(Node node) {
        Node.MapNode m = fields.map(node, "an 'only' check");
        if (m == null) {
            return Optional.empty();
        }
        fields.onlyKeys(m, "an 'only' check", ONLY);
        if (!(fields.require(m, "among", "an 'only' check") & fields.require(m, "codes", "an 'only' check"))) {
            return Optional.empty();
        }
        Optional<no.veiviser.internal.model.Invariant.Selector> among = no.veiviser.internal.model.Invariant.Selector.read(m.get("among"), fields);
        among.flatMap(no.veiviser.internal.model.Invariant.Selector::tag).filter(t -> !guide.allTags().contains(t)).ifPresent(t ->
                problems.error(m.get("among").at(), "unknown tag '" + t + "'", "the guide's tags are " + String.join(", ", guide.allTags())));
        among.flatMap(no.veiviser.internal.model.Invariant.Selector::code).ifPresent(c -> fields.code(m.get("among"), "finding code", guide.codes().keySet()));
        List<String> codes = fields.listOf(m.get("codes"), "'codes'", n -> fields.code(n, "finding code", guide.codes().keySet()));
        return among.map(s -> new Scenario.Only(s.toString(), codes, f -> guide.selects(s, f.code(), f.who())));
    }

    private Optional<Scenario.ExpectedFinding> expected(Node node) {
        if (node instanceof Node.ScalarNode) {
            return fields.code(node, "finding code", guide.codes().keySet()).map(Scenario.ExpectedFinding::of);
        }
        Node.MapNode m = fields.map(node, "an expected finding");
        if (m == null) {
            return Optional.empty();
        }
        fields.onlyKeys(m, "an expected finding", FINDING);
        if (!fields.require(m, "code", "an expected finding")) {
            return Optional.empty();
        }
        Optional<String> code = fields.code(m.get("code"), "finding code", guide.codes().keySet());
        Optional<LocalDate> due = m.has("due") ? fields.date(m.get("due"), "'due'") : Optional.empty();
        Optional<String> rule = m.has("rule") ? fields.code(m.get("rule"), "rule", ruleIds) : Optional.empty();
        Optional<List<String>> who = m.has("who") ? Optional.of(fields.listOf(m.get("who"), "'who'", n -> fields.code(n, "who", whoValues()))) : Optional.empty();
        return code.map(c -> new Scenario.ExpectedFinding(c, due, fields.text(m, "responsible"), rule, who));
    }

    private Set<String> whoValues() {
        return guide.whoValues();
    }
}
