package no.veiviser;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
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
     * The guide's decisions for many cases, in the order given, evaluating many cases per Drools execution:
     * the way to evaluate a population (an impact diff, a test run, a registry extract). Each decision equals
     * {@link #evaluate} of its case. Thread-safe.
     *
     * @param cases the cases
     * @return one decision per case, in the same order
     * @throws CaseException when a case uses a signal, service or step code the guide does not know: the one
     *         {@code evaluate} would throw for the first such case in the list
     */
    public List<Decision> evaluateAll(List<Case> cases) {
        Evaluator.Outcome[] outcomes = evaluator.evaluateEach(List.copyOf(cases));
        Decision[] decisions = new Decision[outcomes.length];
        for (int i = 0; i < outcomes.length; i++) {
            if (outcomes[i].rejected() != null) {
                throw outcomes[i].rejected();
            }
            decisions[i] = outcomes[i].decision();
        }
        return List.of(decisions);
    }

    /**
     * The decisions for a stream of cases, in encounter order, evaluated lazily a batch at a time (so a stream of
     * millions never holds more than one batch). Each decision equals {@link #evaluate} of its case.
     *
     * @param cases the cases; consumed as the result is
     * @return the decisions, in the same order
     * @throws CaseException (when the result is consumed) for the first case the guide rejects
     */
    public Stream<Decision> evaluateAll(Stream<Case> cases) {
        Iterator<Case> in = cases.iterator();
        Iterator<List<Decision>> batches = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return in.hasNext();
            }

            @Override
            public List<Decision> next() {
                List<Case> batch = new ArrayList<>(STREAM_BATCH);
                while (batch.size() < STREAM_BATCH && in.hasNext()) {
                    batch.add(in.next());
                }
                return evaluateAll(batch);
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(batches, Spliterator.ORDERED), false)
                .flatMap(List::stream).onClose(cases::close);
    }

    /** Cases taken from a stream per {@link #evaluateAll(List)}. */
    private static final int STREAM_BATCH = 1024;

    /** The engine behind this guide, for tests in this package. */
    Evaluator evaluator() {
        return evaluator;
    }

    /**
     * Every case's outcome in a batch, a rejected case included, for the features in other packages (through
     * {@link no.veiviser.internal.Access}); not API.
     */
    Evaluator.Outcome[] evaluateEach(List<Case> cases) {
        return evaluator.evaluateEach(cases);
    }

    /** Every case's summary in a batch, for {@code veiviser diff} (through {@link no.veiviser.internal.Access}); not API. */
    Evaluator.Summarized[] summarizeEach(List<Case> cases) {
        return evaluator.summarizeEach(cases);
    }

    /** Why the guide rejects a case (empty: it does not), as {@code evaluate} would; for {@code veiviser diff}. */
    List<Problem> problems(Case aCase) {
        return evaluator.problems(aCase);
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
     * Kept out of the signatures so that users who do not need Drools never see it. A bundled guide starts on
     * the rule base prebuilt at build time and, after many evaluations, moves to one compiled from the same DRL
     * (the same rules, faster to run): this returns the one in use when called.
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
