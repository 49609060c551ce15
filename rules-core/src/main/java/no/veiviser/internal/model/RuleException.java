package no.veiviser.internal.model;

import java.util.List;
import java.util.Optional;
import no.veiviser.internal.engine.Condition;
import no.veiviser.internal.yaml.Location;
import no.veiviser.internal.yaml.Node;

/**
 * An exception in Catala's sense ({@code exceptions:}; not a Java exception): when its condition holds, the
 * rules it {@code withholds} give no findings, and the decision's trace says which exception withheld them.
 * Stated once, where the guide states it ("Unntaket er dersom vi har mistanke om ... vold"), instead of a
 * copy in every rule's condition. An exception may itself be withheld by another exception; the graph of
 * who withholds whom must be acyclic. A guide that extends another may replace one with {@code override: true}.
 */
public record RuleException(String id, String description, Node whenNode, Condition when, List<Target> withholds,
                            Optional<Citation> source, boolean override, String origin, Location at) {
    public RuleException {
        withholds = List.copyOf(withholds);
    }

    public RuleException withWhen(Condition condition) {
        return new RuleException(id, description, whenNode, condition, withholds, source, override, origin, at);
    }
}
