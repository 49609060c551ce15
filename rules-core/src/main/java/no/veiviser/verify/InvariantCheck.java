package no.veiviser.verify;

import java.util.List;
import no.veiviser.Case;
import no.veiviser.Decision;
import no.veiviser.Finding;
import no.veiviser.internal.engine.Facts;
import no.veiviser.internal.engine.ParamTimeline;
import no.veiviser.internal.engine.Truth;
import no.veiviser.internal.model.GuideModel;
import no.veiviser.internal.model.Invariant;

/**
 * Checks one invariant on one evaluated decision, independently of the SAT encoding: what confirms every
 * counter-example {@link Verifier} prints, and what the property tests check generated cases with.
 */
public final class InvariantCheck {
    private final GuideModel guide;
    private final ParamTimeline timeline;

    /**
     * A check for the invariants of one guide.
     *
     * @param guide the merged guide the decisions come from (for the tags of its codes and its parameters)
     */
    public InvariantCheck(GuideModel guide) {
        this.guide = guide;
        this.timeline = new ParamTimeline(guide.parameters());
    }

    /**
     * Whether a selector picks a finding: by code, a tag or its effects, and by who when it names one.
     *
     * @param s the selector
     * @param f the finding
     * @return true when the selector picks the finding
     */
    public boolean matches(Invariant.Selector s, Finding f) {
        return guide.selects(s, f.code(), f.who());
    }

    private boolean present(Invariant.Selector s, Decision d) {
        return d.findings().stream().anyMatch(f -> matches(s, f));
    }

    /**
     * Whether a decision violates an invariant.
     *
     * @param invariant the invariant
     * @param c         the case
     * @param decision  the guide's decision for {@code c}
     * @return true when the decision breaks the invariant
     */
    public boolean violated(Invariant invariant, Case c, Decision decision) {
        if (invariant instanceof Invariant.NeverTogether never) {
            return never.findings().stream().filter(s -> present(s, decision)).count() >= 2;
        }
        if (invariant instanceof Invariant.Requires requires) {
            return present(requires.when(), decision) && !present(requires.then(), decision);
        }
        if (invariant instanceof Invariant.OnlyWhen only) {
            return present(only.findings(), decision)
                    && only.condition().eval(new Facts(c, guide::levelPosition), timeline.on(c.asOf())) != Truth.TRUE;
        }
        if (invariant instanceof Invariant.OneMeaningPerCode) {
            return !conflicting(decision).isEmpty();
        }
        if (invariant instanceof Invariant.NeverWithheld never) {
            Facts facts = new Facts(c, guide::levelPosition);
            var params = timeline.on(c.asOf());
            if (never.unless() != null && never.unless().eval(facts, params) == Truth.TRUE) {
                return false;
            }
            for (var rule : guide.rules()) {
                if (!rule.effectiveOn(c.asOf()) || rule.when().eval(facts, params) != Truth.TRUE) {
                    continue;
                }
                for (var t : rule.then()) {
                    if (guide.selects(never.findings(), t.code(), t.who())
                            && decision.findings().stream().noneMatch(f -> f.code().equals(t.code()))) {
                        return true;
                    }
                }
            }
            return false;
        }
        if (invariant instanceof Invariant.LevelFloor floor) {
            Integer current = c.work().level().map(guide::levelPosition).orElse(null);
            return current != null && decision.level().recommended() < current
                    && floor.unless().stream().noneMatch(s -> present(s, decision));
        }
        throw new IllegalStateException("internal error: unknown invariant kind " + invariant.getClass().getSimpleName());
    }

    /** Whether two findings of one code mean the same: the same level, people, and due date or none (what verify encodes). */
    static boolean sameMeaning(java.util.Optional<Integer> levelA, List<String> whoA, boolean dueA,
                               java.util.Optional<Integer> levelB, List<String> whoB, boolean dueB) {
        return levelA.equals(levelB) && new java.util.HashSet<>(whoA).equals(new java.util.HashSet<>(whoB)) && dueA == dueB;
    }

    private static List<Finding> conflicting(Decision decision) {
        List<Finding> out = new java.util.ArrayList<>();
        List<Finding> fs = decision.findings();
        for (int i = 0; i < fs.size(); i++) {
            for (int j = i + 1; j < fs.size(); j++) {
                Finding a = fs.get(i);
                Finding b = fs.get(j);
                if (a.code().equals(b.code()) && !sameMeaning(level(a), a.who(), a.due().isPresent(), level(b), b.who(), b.due().isPresent())) {
                    if (!out.contains(a)) {
                        out.add(a);
                    }
                    if (!out.contains(b)) {
                        out.add(b);
                    }
                }
            }
        }
        return out;
    }

    private static java.util.Optional<Integer> level(Finding f) {
        return f.level().isPresent() ? java.util.Optional.of(f.level().getAsInt()) : java.util.Optional.empty();
    }

    /**
     * The findings of a decision that take part in a violation.
     *
     * @param invariant the invariant
     * @param decision  the decision
     * @return the findings the invariant's selectors pick, or for a level floor those that set the level
     */
    public List<Finding> offending(Invariant invariant, Decision decision) {
        if (invariant instanceof Invariant.LevelFloor) {
            return decision.findings().stream().filter(f -> f.level().isPresent()).toList();
        }
        if (invariant instanceof Invariant.OneMeaningPerCode) {
            return conflicting(decision);
        }
        return decision.findings().stream().filter(f -> invariant.selectors().stream().anyMatch(s -> matches(s, f))).toList();
    }
}
