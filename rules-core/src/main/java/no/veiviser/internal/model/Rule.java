package no.veiviser.internal.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import no.veiviser.internal.engine.Condition;
import no.veiviser.internal.yaml.Location;
import no.veiviser.internal.yaml.Node;

/**
 * A rule of a guide. {@code whenNode} is the condition as written; {@code when} is it parsed and checked
 * against the merged guide's catalogues (null until then). {@code origin} is the id of the guide file
 * the rule was written in. {@code labels} classify the rule for exceptions (besides the tags of the codes it
 * emits); {@code exceptionTo} names what this rule withholds when it fires (a rule as a Catala exception).
 */
public record Rule(String id, String description, Node whenNode, Condition when, List<FindingTemplate> then,
                   Optional<Citation> source, Optional<LocalDate> effectiveFrom, Optional<LocalDate> effectiveTo,
                   Optional<String> step, boolean override, Optional<Deviation> deviation, List<String> labels,
                   List<Target> exceptionTo, String origin, Location at) {

    /**
     * Where the guide's text departs from the law (an outdated provision, a different age): the rule encodes
     * the guide, and {@code veiviser validate} warns with this note so the difference stays visible.
     */
    public record Deviation(String law, String note, Location at) {}

    public Rule {
        then = List.copyOf(then);
        labels = List.copyOf(labels);
        exceptionTo = List.copyOf(exceptionTo);
    }

    public Rule withWhen(Condition condition) {
        return new Rule(id, description, whenNode, condition, then, source, effectiveFrom, effectiveTo, step, override, deviation, labels, exceptionTo, origin, at);
    }

    /**
     * Whether the rule applies on {@code date}: {@code from} inclusive, {@code to} exclusive. Asked per case for each
     * unfired rule a missing fact could leave undecided, so without lambdas (Optional.map was 10 % of the workbench's
     * impact view in a profile).
     */
    public boolean effectiveOn(LocalDate date) {
        return (effectiveFrom.isEmpty() || !date.isBefore(effectiveFrom.get())) && (effectiveTo.isEmpty() || date.isBefore(effectiveTo.get()));
    }
}
