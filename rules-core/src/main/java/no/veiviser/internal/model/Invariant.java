package no.veiviser.internal.model;

import java.util.List;
import java.util.Optional;
import no.veiviser.internal.engine.Condition;
import no.veiviser.internal.yaml.Location;
import no.veiviser.internal.yaml.Node;

/**
 * A property every decision of a guide must have ({@code invariants:}), inherited by the guides that extend
 * it, and proved for every possible case by {@code veiviser verify}. Findings are picked by {@link Selector}s.
 */
public sealed interface Invariant {
    String id();

    String description();

    Optional<Citation> source();

    String origin();

    Location at();

    /** Every selector the invariant uses, for validation. */
    List<Selector> selectors();

    /**
     * Findings that pick a code, a code carrying a tag, or findings whose effects match, optionally only those whose
     * {@code who} names someone (a {@code consent-missing} for the guardians).
     */
    record Selector(Optional<String> code, Optional<String> tag, Optional<String> who, Optional<EffectMatch> effect, Location at) {
        /** A selector as invariants write it (scenarios' {@code only:} reads the same), problems to {@code fields}. */
        public static Optional<Selector> read(Node node, no.veiviser.internal.yaml.Fields fields) {
            return GuideParser.selector(node, fields);
        }

        @Override
        public String toString() {
            String what = code.map(c -> c).orElseGet(() -> tag.map(t -> "tag " + t).orElseGet(() -> effect.map(Object::toString).orElse("?")));
            return who.map(w -> what + " (who: " + w + ")").orElse(what);
        }
    }

    /** No two of the selected findings in one decision (a finding matching two selectors counts for both). */
    record NeverTogether(String id, String description, List<Selector> findings, Optional<Citation> source,
                         String origin, Location at) implements Invariant {
        public NeverTogether {
            findings = List.copyOf(findings);
        }

        public List<Selector> selectors() { return findings; }
    }

    /** A decision with a finding selected by {@code when} also has one selected by {@code then}. */
    record Requires(String id, String description, Selector when, Selector then, Optional<Citation> source,
                    String origin, Location at) implements Invariant {
        public List<Selector> selectors() { return List.of(when, then); }
    }

    /**
     * The selected findings appear only when {@code condition} holds (is true, not unknown): e.g. findings
     * about guardians only for a minor.
     */
    record OnlyWhen(String id, String description, Selector findings, Node conditionNode, Condition condition,
                    Optional<Citation> source, String origin, Location at) implements Invariant {
        public List<Selector> selectors() { return List.of(findings); }

        public OnlyWhen withCondition(Condition parsed) {
            return new OnlyWhen(id, description, findings, conditionNode, parsed, source, origin, at);
        }
    }

    /**
     * No exception and no other rule ever takes away a selected finding: whenever a rule that gives it applies (its
     * condition is true and it is in force), the decision has a finding of that code, unless {@code unless} holds. What
     * "no national exception withholds a duty to report or an acute contact" is proved with.
     */
    record NeverWithheld(String id, String description, Selector findings, Node unlessNode, Condition unless,
                         Optional<Citation> source, String origin, Location at) implements Invariant {
        public List<Selector> selectors() { return List.of(findings); }

        public NeverWithheld withUnless(Condition parsed) {
            return new NeverWithheld(id, description, findings, unlessNode, parsed, source, origin, at);
        }
    }

    /**
     * One finding per code: no decision has two findings of one code that differ in level, in whom they name
     * ({@code who}) or in whether they have a due date. Rules giving a code with one meaning are merged into one
     * finding; two meanings of one code in one decision are a contradiction to resolve in the guide.
     */
    record OneMeaningPerCode(String id, String description, Optional<Citation> source, String origin, Location at)
            implements Invariant {
        public List<Selector> selectors() { return List.of(); }
    }

    /**
     * The recommended level is never below the case's current level, unless the decision has a finding
     * selected by {@code unless} (a step down, closing).
     */
    record LevelFloor(String id, String description, List<Selector> unless, Optional<Citation> source,
                      String origin, Location at) implements Invariant {
        public LevelFloor {
            unless = List.copyOf(unless);
        }

        public List<Selector> selectors() { return unless; }
    }
}
