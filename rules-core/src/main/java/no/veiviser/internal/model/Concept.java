package no.veiviser.internal.model;

import java.util.List;
import java.util.Optional;
import no.veiviser.internal.engine.Condition;
import no.veiviser.internal.yaml.Location;
import no.veiviser.internal.yaml.Node;

/**
 * A named, derived condition of a guide ({@code concepts:}): "the child is a minor", "suspected violence".
 * Rules, exceptions, invariants and other concepts refer to it by id ({@code concept: minor}); a guide that
 * extends another may replace it with {@code override: true} (a municipality may widen "suspected violence"), or
 * refine it with {@code refine:} (replace, add or remove one clause, or add an exception), without copying it.
 * {@code when} is the parsed condition (null until the merged guide is validated).
 *
 * @param refinement how this concept refines the base guide's concept of the same id, if it does
 */
public record Concept(String id, String description, Node whenNode, Condition when, Optional<Citation> source,
                      boolean override, String origin, Location at, Optional<Refinement> refinement) {

    public Concept(String id, String description, Node whenNode, Condition when, Optional<Citation> source,
                   boolean override, String origin, Location at) {
        this(id, description, whenNode, when, source, override, origin, at, Optional.empty());
    }

    public Concept withWhen(Condition condition) {
        return new Concept(id, description, whenNode, condition, source, override, origin, at, refinement);
    }

    public Concept withRefinement(Node merged, Refinement resolved) {
        return new Concept(id, description, merged, null, source, true, origin, at, Optional.of(resolved));
    }

    /**
     * A concept written as changes to the base guide's concept ({@code refine:}). As read: the clauses to replace
     * ({@code clause} written as the base writes it, {@code with} its replacement), to add and to remove, and the
     * exception ({@code unless}). Once merged ({@link GuideLoader}): {@code base} names the guide whose concept it
     * refines, {@code combinator} is {@code any} or {@code all} of that concept's top level, and {@code clauses} are the
     * clauses after the changes, so that a guide extending this one can refine it again.
     */
    public record Refinement(List<Replace> replace, List<Node> add, List<Node> remove, List<Node> unless, Location at,
                             String base, String combinator, List<Node> clauses) {
        public Refinement {
            replace = List.copyOf(replace);
            add = List.copyOf(add);
            remove = List.copyOf(remove);
            unless = List.copyOf(unless);
            clauses = List.copyOf(clauses);
        }

        /** One clause of the base concept ({@code clause}, as the base writes it) and what replaces it. */
        public record Replace(Node clause, Node with) {}

        /** What it changes, for validate, lint and the handbook: "erstatter 1 ledd, legger til 1 ledd, unntak". */
        public String summary(boolean nb) {
            List<String> parts = new java.util.ArrayList<>();
            if (!replace.isEmpty()) {
                parts.add(nb ? "erstatter " + clauses(replace.size(), true) : "replaces " + clauses(replace.size(), false));
            }
            if (!add.isEmpty()) {
                parts.add(nb ? "legger til " + clauses(add.size(), true) : "adds " + clauses(add.size(), false));
            }
            if (!remove.isEmpty()) {
                parts.add(nb ? "fjerner " + clauses(remove.size(), true) : "removes " + clauses(remove.size(), false));
            }
            if (!unless.isEmpty()) {
                parts.add(nb ? "gjelder ikke når unntaket holder" : "does not hold when its exception holds");
            }
            return String.join(", ", parts);
        }

        private static String clauses(int n, boolean nb) {
            return n + (nb ? " ledd" : n == 1 ? " clause" : " clauses");
        }
    }
}
