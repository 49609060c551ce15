package no.veiviser.internal.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import no.veiviser.internal.yaml.Hints;
import no.veiviser.internal.yaml.Location;
import no.veiviser.internal.yaml.Problems;

/**
 * Who withholds whom in a guide. Nodes are numbered: the rules first ({@code 0 .. rules-1}, in guide order),
 * then the exceptions. An exception withholds the rules and exceptions its {@code withholds} names; a rule
 * with {@code exceptionTo} withholds its targets when it fires. A label or an effect withholds findings, not
 * nodes: the findings of a rule that carry the label (the rule's own {@code labels:}, the tags of their code) or
 * whose effects match, the rule's other findings staying. The graph of nodes must be acyclic: {@link #order()}
 * lists every node after all that withhold it, which is the order a decision is resolved in; findings are
 * filtered once every node is resolved.
 */
public final class ExceptionGraph {
    private final int rules;
    private final int[][] withheldBy;
    private final int[][][] findingWithheldBy;
    private final int[] order;

    private ExceptionGraph(int rules, int[][] withheldBy, int[][][] findingWithheldBy, int[] order) {
        this.rules = rules;
        this.withheldBy = withheldBy;
        this.findingWithheldBy = findingWithheldBy;
        this.order = order;
    }

    /**
     * The graph of a merged guide; unknown targets and cycles are located problems. A label is unknown when no rule
     * carries it and no code has it as a tag; only the guide's own exceptions are held to that (see below).
     */
    public static ExceptionGraph of(GuideModel guide, Problems problems) {
        List<Rule> rules = guide.rules();
        List<RuleException> exceptions = guide.exceptions();
        int n = rules.size() + exceptions.size();
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            ruleIndex.put(rules.get(i).id(), i);
        }
        Map<String, Integer> exceptionIndex = new LinkedHashMap<>();
        for (int i = 0; i < exceptions.size(); i++) {
            exceptionIndex.put(exceptions.get(i).id(), rules.size() + i);
        }
        Set<String> knownLabels = new TreeSet<>();
        for (Rule rule : rules) {
            knownLabels.addAll(guide.labelsOf(rule));
        }
        guide.tags().values().forEach(knownLabels::addAll);
        guide.effects().values().forEach(e -> knownLabels.addAll(e.derivedTags()));
        List<Set<Integer>> edges = new ArrayList<>(); // withheldBy, as sets while building
        for (int i = 0; i < n; i++) {
            edges.add(new LinkedHashSet<>());
        }
        List<List<Set<Integer>>> findingEdges = new ArrayList<>();
        for (Rule rule : rules) {
            List<Set<Integer>> perFinding = new ArrayList<>();
            rule.then().forEach(t -> perFinding.add(new LinkedHashSet<>()));
            findingEdges.add(perFinding);
        }
        Findings findings = null; // each finding's labels and effects, once, when a target picks findings
        for (int i = 0; i < n; i++) {
            List<Target> targets = i < rules.size() ? rules.get(i).exceptionTo() : exceptions.get(i - rules.size()).withholds();
            String origin = i < rules.size() ? rules.get(i).origin() : exceptions.get(i - rules.size()).origin();
            // A label only the base guide's rules carried may be left without rules when this guide disables them:
            // that is no mistake of the base exception's. Labels this guide's own exceptions name must exist.
            Set<String> labels = origin.equals(guide.id()) ? knownLabels : null;
            for (Target t : targets) {
                if (t.findings()) {
                    if (t.kind() == Target.Kind.CODE && !guide.codes().containsKey(t.id())) {
                        problems.error(t.at(), "unknown finding code '" + t.id() + "'", Hints.didYouMean(t.id(), guide.codes().keySet()));
                    }
                    if (t.kind() == Target.Kind.LABEL && labels != null && !labels.contains(t.id())) {
                        problems.error(t.at(), "no rule carries the label '" + t.id() + "'",
                                labels.isEmpty() ? "give rules 'labels:', or tag codes under 'codes:'"
                                        : Hints.didYouMean(t.id(), labels, "labels in this guide: " + String.join(", ", labels)));
                    }
                    if (findings == null) {
                        findings = new Findings(guide);
                    }
                    findings.withheldBy(t, i, findingEdges);
                    continue;
                }
                for (int target : resolve(t, ruleIndex, exceptionIndex, labels != null, problems)) {
                    edges.get(target).add(i);
                }
            }
        }
        int[][] withheldBy = new int[n][];
        for (int i = 0; i < n; i++) {
            withheldBy[i] = edges.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        int[][][] findingWithheldBy = new int[rules.size()][][];
        for (int r = 0; r < rules.size(); r++) {
            findingWithheldBy[r] = findingEdges.get(r).stream().map(set -> set.stream().mapToInt(Integer::intValue).toArray())
                    .toArray(int[][]::new);
        }
        return new ExceptionGraph(rules.size(), withheldBy, findingWithheldBy, order(guide, withheldBy, problems));
    }

    /**
     * Every rule's findings' labels and effects, worked out once: each target that picks findings is matched against
     * all of them (Nittedal: about 250 findings), and a guide is compiled for each text the workbench checks.
     */
    private static final class Findings {
        private final List<List<FindingTemplate>> templates = new ArrayList<>();
        private final List<List<Set<String>>> labels = new ArrayList<>();
        private final List<List<Effects>> effects = new ArrayList<>();

        Findings(GuideModel guide) {
            for (Rule rule : guide.rules()) {
                templates.add(rule.then());
                labels.add(rule.then().stream().map(t -> guide.labelsOf(rule, t)).toList());
                effects.add(rule.then().stream().map(t -> guide.effectsOf(t.code(), t.who())).toList());
            }
        }

        /** Records node {@code by} as withholding each finding {@code t} picks, except its own. */
        void withheldBy(Target t, int by, List<List<Set<Integer>>> findingEdges) {
            for (int r = 0; r < templates.size(); r++) {
                List<FindingTemplate> then = templates.get(r);
                for (int f = 0; f < then.size(); f++) {
                    boolean match = switch (t.kind()) {
                        case LABEL -> labels.get(r).get(f).contains(t.id());
                        case CODE -> then.get(f).code().equals(t.id());
                        default -> t.effect().matches(effects.get(r).get(f));
                    };
                    if (match && r != by) {
                        findingEdges.get(r).get(f).add(by);
                    }
                }
            }
        }
    }

    /** A whole rule or exception; {@code own}: named by this guide (not a base guide), where an unknown rule is a mistake. */
    private static List<Integer> resolve(Target t, Map<String, Integer> ruleIndex, Map<String, Integer> exceptionIndex,
                                         boolean own, Problems problems) {
        Map<String, Integer> index = t.kind() == Target.Kind.RULE ? ruleIndex : exceptionIndex;
        Integer i = index.get(t.id());
        if (i != null) {
            return List.of(i);
        }
        if (t.kind() == Target.Kind.RULE && !own) {
            return List.of(); // a base exception's rule that this guide disabled
        }
        problems.error(t.at(), "unknown " + t.kind().key() + " '" + t.id() + "'", Hints.didYouMean(t.id(), index.keySet()));
        return List.of();
    }

    /** Kahn's algorithm: withholders first. A node left over lies on a cycle, reported once per cycle. */
    private static int[] order(GuideModel guide, int[][] withheldBy, Problems problems) {
        int n = withheldBy.length;
        int[] pending = new int[n];
        List<List<Integer>> withholds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            withholds.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            pending[i] = withheldBy[i].length;
            for (int by : withheldBy[i]) {
                withholds.get(by).add(i);
            }
        }
        Deque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < n; i++) {
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
        int[] order = new int[n];
        int done = 0;
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order[done++] = i;
            for (int next : withholds.get(i)) {
                if (--pending[next] == 0) {
                    ready.add(next);
                }
            }
        }
        if (done < n) {
            Set<Integer> reported = new java.util.HashSet<>();
            for (int i = 0; i < n; i++) {
                if (pending[i] > 0 && !reported.contains(i)) {
                    List<Integer> cycle = cycleThrough(i, withheldBy, pending);
                    if (cycle.isEmpty()) {
                        continue; // withheld by a node on a cycle, not on one itself
                    }
                    reported.addAll(cycle);
                    List<String> names = new ArrayList<>();
                    cycle.forEach(c -> names.add(name(guide, c)));
                    names.add(name(guide, cycle.get(0)));
                    problems.error(at(guide, cycle.get(0)), "exceptions withhold each other in a cycle: " + String.join(" <- ", names),
                            "an exception cannot, through others, withhold itself; remove one link of the cycle");
                }
            }
            for (int i = 0; i < n; i++) {
                if (pending[i] > 0) {
                    order[done++] = i; // keep every node in the order; the guide is refused anyway
                }
            }
        }
        return order;
    }

    /** A cycle through node {@code start} following withheld-by edges among unresolved nodes, or empty. */
    private static List<Integer> cycleThrough(int start, int[][] withheldBy, int[] pending) {
        Deque<List<Integer>> paths = new ArrayDeque<>();
        paths.add(List.of(start));
        Set<Integer> seen = new java.util.HashSet<>();
        while (!paths.isEmpty()) {
            List<Integer> path = paths.poll();
            int last = path.get(path.size() - 1);
            for (int by : withheldBy[last]) {
                if (by == start) {
                    return path;
                }
                if (pending[by] > 0 && seen.add(by)) {
                    List<Integer> longer = new ArrayList<>(path);
                    longer.add(by);
                    paths.add(longer);
                }
            }
        }
        return List.of();
    }

    private static String name(GuideModel guide, int node) {
        int rules = guide.rules().size();
        return node < rules ? "rule " + guide.rules().get(node).id() : "exception " + guide.exceptions().get(node - rules).id();
    }

    private static Location at(GuideModel guide, int node) {
        int rules = guide.rules().size();
        return node < rules ? guide.rules().get(node).at() : guide.exceptions().get(node - rules).at();
    }

    /** The number of rules; nodes from here on are exceptions. */
    public int rules() {
        return rules;
    }

    public int size() {
        return withheldBy.length;
    }

    /**
     * The nodes that withhold finding {@code finding} (its index in {@code then}) of rule {@code rule} when they fire
     * or apply, by a label or an effect: the rule's other findings stay.
     */
    public int[] findingWithheldBy(int rule, int finding) {
        return findingWithheldBy[rule][finding];
    }

    /** The nodes that withhold {@code node} when they fire or apply. */
    public int[] withheldBy(int node) {
        return withheldBy[node];
    }

    /** Whether {@code other} numbers the same nodes and withholds each rule, finding and exception by the same nodes. */
    public boolean sameShape(ExceptionGraph other) {
        return rules == other.rules && java.util.Arrays.equals(order, other.order)
                && java.util.Arrays.deepEquals(withheldBy, other.withheldBy)
                && java.util.Arrays.deepEquals(findingWithheldBy, other.findingWithheldBy);
    }

    /** Every node, after all the nodes that withhold it. */
    public int[] order() {
        return order;
    }
}
