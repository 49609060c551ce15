package no.veiviser.internal.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import no.veiviser.internal.yaml.Hints;
import no.veiviser.internal.yaml.Location;
import no.veiviser.internal.yaml.Node;
import no.veiviser.internal.yaml.Problems;

/**
 * Resolves a concept written with {@code refine:} against the base guide's concept of the same id: the base's
 * top-level clauses ({@code any:} or {@code all:}) with one replaced, added or removed, and the exceptions
 * ({@code unless:}) as {@code all: [<clauses>, {not: <exception>}]}. The result is an ordinary condition tree, so
 * the engine, explain, the handbook and verify read a refined concept exactly as one written whole.
 */
final class ConceptRefinements {
    private ConceptRefinements() {}

    /** {@code own} with each refining concept resolved; one that cannot be resolved is reported and left out. */
    static List<Concept> resolve(List<Concept> own, Map<String, Concept> base, Problems problems) {
        List<Concept> out = new ArrayList<>();
        for (Concept c : own) {
            if (c.refinement().isEmpty()) {
                out.add(c);
                continue;
            }
            Concept b = base.get(c.id());
            if (b == null) {
                problems.error(c.at(), "concept '" + c.id() + "' refines a concept the base guide does not have",
                        base.isEmpty() ? "write when: to declare a concept of this guide"
                                : Hints.didYouMean(c.id(), base.keySet()) + ", or write when: to declare a new concept");
                continue;
            }
            Concept resolved = refine(c, b, problems);
            if (resolved != null) {
                out.add(resolved);
            }
        }
        return out;
    }

    private static Concept refine(Concept c, Concept b, Problems problems) {
        Concept.Refinement r = c.refinement().get();
        String combinator;
        List<Node> clauses;
        List<Node> unless = new ArrayList<>();
        if (b.refinement().isPresent()) { // refined again: its clauses after the first refinement
            combinator = b.refinement().get().combinator();
            clauses = new ArrayList<>(b.refinement().get().clauses());
            unless.addAll(b.refinement().get().unless());
        } else if (b.whenNode() instanceof Node.MapNode m && m.entries().size() == 1 && (m.has("any") || m.has("all"))
                && m.entries().values().iterator().next().value() instanceof Node.ListNode list) {
            combinator = m.has("any") ? "any" : "all";
            clauses = new ArrayList<>(list.items());
        } else if (b.whenNode() instanceof Node.ListNode list) {
            combinator = "all";
            clauses = new ArrayList<>(list.items());
        } else {
            combinator = "";
            clauses = new ArrayList<>(List.of(b.whenNode()));
        }
        if (combinator.isEmpty() && !(r.replace().isEmpty() && r.add().isEmpty() && r.remove().isEmpty())) {
            problems.error(r.at(), "concept '" + c.id() + "' of " + b.origin() + " is one condition, not any: or all: of clauses",
                    "refine it with unless:, or replace it whole with when: and override: true");
            return null;
        }
        boolean ok = true;
        for (Concept.Refinement.Replace x : r.replace()) {
            int i = indexOf(clauses, x.clause());
            if (i < 0) {
                ok = noSuchClause(c, b, x.clause(), clauses, problems);
            } else {
                clauses.set(i, x.with());
            }
        }
        for (Node x : r.remove()) {
            int i = indexOf(clauses, x);
            if (i < 0) {
                ok = noSuchClause(c, b, x, clauses, problems);
            } else {
                clauses.remove(i);
            }
        }
        clauses.addAll(r.add());
        if (clauses.isEmpty()) {
            problems.error(r.at(), "refining concept '" + c.id() + "' leaves it no clause", "keep at least one clause, or disable the rules that use it");
            ok = false;
        }
        if (!ok) {
            return null;
        }
        unless.addAll(r.unless());
        Node when = combinator.isEmpty() ? clauses.get(0) : map(r.at(), combinator, new Node.ListNode(r.at(), clauses));
        if (!unless.isEmpty()) {
            Node exception = unless.size() == 1 ? unless.get(0) : map(r.at(), "any", new Node.ListNode(r.at(), unless));
            when = map(r.at(), "all", new Node.ListNode(r.at(), List.of(when, map(r.at(), "not", exception))));
        }
        Concept.Refinement resolved = new Concept.Refinement(r.replace(), r.add(), r.remove(), unless, r.at(), b.origin(), combinator, clauses);
        Concept own = new Concept(c.id(), c.description().isBlank() ? b.description() : c.description(), when, null,
                c.source().isPresent() ? c.source() : b.source(), true, c.origin(), c.at(), java.util.Optional.of(resolved));
        return own;
    }

    private static boolean noSuchClause(Concept c, Concept b, Node written, List<Node> clauses, Problems problems) {
        problems.error(written.at(), "no clause of concept '" + c.id() + "' in " + b.origin() + " is written like this",
                "copy the clause as " + b.origin() + " writes it; its clauses are at "
                        + clauses.stream().map(n -> "line " + n.at().line()).collect(Collectors.joining(", ")) + " of " + b.at().file());
        return false;
    }

    private static Node.MapNode map(Location at, String key, Node value) {
        Map<String, Node.Entry> entries = new LinkedHashMap<>();
        entries.put(key, new Node.Entry(key, at, value));
        return new Node.MapNode(at, entries);
    }

    private static int indexOf(List<Node> clauses, Node written) {
        for (int i = 0; i < clauses.size(); i++) {
            if (same(clauses.get(i), written)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether two conditions are written alike, wherever they are written (keys in any order, as YAML reads them). */
    static boolean same(Node a, Node b) {
        if (a instanceof Node.ScalarNode x && b instanceof Node.ScalarNode y) {
            return x.text().equals(y.text()) && x.isNull() == y.isNull();
        }
        if (a instanceof Node.ListNode x && b instanceof Node.ListNode y) {
            if (x.items().size() != y.items().size()) {
                return false;
            }
            for (int i = 0; i < x.items().size(); i++) {
                if (!same(x.items().get(i), y.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Node.MapNode x && b instanceof Node.MapNode y) {
            return x.entries().keySet().equals(y.entries().keySet())
                    && x.entries().keySet().stream().allMatch(k -> same(x.get(k), y.get(k)));
        }
        return false;
    }
}
