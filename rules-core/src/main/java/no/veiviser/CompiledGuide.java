package no.veiviser;

import no.veiviser.internal.engine.Evaluator;

/**
 * A guide compiled to a Drools rule base, ready to evaluate cases. Thread-safe: build one per guide and
 * share it between all threads. Evaluation is deterministic: the same case gives an equal decision.
 */
public final class CompiledGuide {
    private final Guide guide;
    private final Evaluator evaluator;

    CompiledGuide(Guide guide, Evaluator evaluator) {
        this.guide = guide;
        this.evaluator = evaluator;
    }

    /** @return the guide this was compiled from */
    public Guide guide() {
        return guide;
    }

    /**
     * The guide's decision for {@code aCase}. Thread-safe.
     *
     * @param aCase the case
     * @return the decision
     * @throws CaseException when the case uses a signal, service or step code the guide does not know
     */
    public Decision evaluate(Case aCase) {
        return evaluator.evaluate(aCase);
    }

    /**
     * The decision and, for every rule, why it fired or not, condition by condition.
     *
     * @param aCase the case
     * @return the explanation
     * @throws CaseException when the case uses a code the guide does not know
     */
    public Explanation explain(Case aCase) {
        return evaluator.explain(aCase);
    }

    /** @return the generated DRL, for those who want to see what Drools runs */
    public String drl() {
        return evaluator.drl();
    }

    /**
     * The Drools {@code org.kie.api.KieBase} behind this guide, for those who want to use Drools directly.
     * Kept out of the signatures so that users who do not need Drools never see it.
     *
     * @param <T> the type asked for
     * @param type {@code org.kie.api.KieBase.class}
     * @return the rule base
     * @throws IllegalArgumentException when {@code type} is not a type the rule base has
     */
    public <T> T unwrap(Class<T> type) {
        if (type.isInstance(evaluator.kieBase())) {
            return type.cast(evaluator.kieBase());
        }
        throw new IllegalArgumentException("a compiled guide wraps a KieBase, not a " + type.getName());
    }
}
