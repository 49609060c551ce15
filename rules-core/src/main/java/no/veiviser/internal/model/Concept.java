package no.veiviser.internal.model;

import java.util.Optional;
import no.veiviser.internal.engine.Condition;
import no.veiviser.internal.yaml.Location;
import no.veiviser.internal.yaml.Node;

/**
 * A named, derived condition of a guide ({@code concepts:}): "the child is a minor", "suspected violence".
 * Rules, exceptions, invariants and other concepts refer to it by id ({@code concept: minor}); a guide that
 * extends another may replace it with {@code override: true} (a municipality may widen "suspected violence").
 * {@code when} is the parsed condition (null until the merged guide is validated).
 */
public record Concept(String id, String description, Node whenNode, Condition when, Optional<Citation> source,
                      boolean override, String origin, Location at) {

    public Concept withWhen(Condition condition) {
        return new Concept(id, description, whenNode, condition, source, override, origin, at);
    }
}
