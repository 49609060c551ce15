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
 * with {@code exceptionTo} withholds its targets when it fires. A label stands for every rule carrying it
 * (its own {@code labels:} and the tags of the codes it emits). The graph must be acyclic: {@link #order()}
 * lists every node after all that withhold it, which is the order a decision is resolved in.
 */
public final class ExceptionGraph {
    private final int rules;
    private final int[][] withheldBy;
    private final int[] order;

    private ExceptionGraph(int rules, int[][] withheldBy, int[] order) {
        this.rules = rules;
        this.withheldBy = withheldBy;
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
        Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < rules.size(); i++) {
            for (String label : guide.labelsOf(rules.get(i))) {
                byLabel.computeIfAbsent(label, k -> new ArrayList<>()).add(i);
            }
        }
        Set<String> knownLabels = new TreeSet<>(byLabel.keySet());
        guide.tags().values().forEach(knownLabels::addAll);
        List<Set<Integer>> edges = new ArrayList<>(); // withheldBy, as sets while building
        for (int i = 0; i < n; i++) {
            edges.add(new LinkedHashSet<>());
        }
        for (int i = 0; i < n; i++) {
            List<Target> targets = i < rules.size() ? rules.get(i).exceptionTo() : exceptions.get(i - rules.size()).withholds();
            String origin = i < rules.size() ? rules.get(i).origin() : exceptions.get(i - rules.size()).origin();
            // A label only the base guide's rules carried may be left without rules when this guide disables them:
            // that is no mistake of the base exception's. Labels this guide's own exceptions name must exist.
            Set<String> labels = origin.equals(guide.id()) ? knownLabels : null;
            for (Target t : targets) {
                for (int target : resolve(t, ruleIndex, exceptionIndex, byLabel, labels, problems)) {
                    edges.get(target).add(i);
                }
            }
        }
        int[][] withheldBy = new int[n][];
        for (int i = 0; i < n; i++) {
            withheldBy[i] = edges.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return new ExceptionGraph(rules.size(), withheldBy, order(guide, withheldBy, problems));
    }

    private static List<Integer> resolve(Target t, Map<String, Integer> ruleIndex, Map<String, Integer> exceptionIndex,
                                         Map<String, List<Integer>> byLabel, Set<String> knownLabels, Problems problems) {
        switch (t.kind()) {
            case RULE: {
                Integer i = ruleIndex.get(t.id());
                if (i == null && knownLabels == null) {
                    return List.of(); // a base exception's rule that this guide disabled
                }
                if (i == null) {
                    problems.error(t.at(), "unknown rule '" + t.id() + "'", Hints.didYouMean(t.id(), ruleIndex.keySet()));
                    return List.of();
                }
                return List.of(i);
            }
            case EXCEPTION: {
                Integer i = exceptionIndex.get(t.id());
                if (i == null) {
                    problems.error(t.at(), "unknown exception '" + t.id() + "'", Hints.didYouMean(t.id(), exceptionIndex.keySet()));
                    return List.of();
                }
                return List.of(i);
            }
            default: {
                if (knownLabels != null && !knownLabels.contains(t.id())) {
                    problems.error(t.at(), "no rule carries the label '" + t.id() + "'",
                            knownLabels.isEmpty() ? "give rules 'labels:', or tag codes under 'codes:'"
                                    : Hints.didYouMean(t.id(), knownLabels, "labels in this guide: " + String.join(", ", knownLabels)));
                }
                return byLabel.getOrDefault(t.id(), List.of());
            }
        }
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

    /** The nodes that withhold {@code node} when they fire or apply. */
    public int[] withheldBy(int node) {
        return withheldBy[node];
    }

    /** Every node, after all the nodes that withhold it. */
    public int[] order() {
        return order;
    }
}
