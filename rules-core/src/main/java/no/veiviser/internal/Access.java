package no.veiviser.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import no.veiviser.Case;
import no.veiviser.CompiledGuide;
import no.veiviser.Guide;
import no.veiviser.internal.engine.Evaluator;
import no.veiviser.internal.model.GuideModel;
import no.veiviser.internal.yaml.Node;
import no.veiviser.internal.yaml.Problems;

/**
 * The bridge from the feature packages ({@code no.veiviser.scenario}, {@code .impact}, {@code .lint},
 * {@code .handbook}) to what the core package keeps package-private, so that the core API need not be widened
 * for them (the JDK's "SharedSecrets" pattern). {@link Guide} registers the implementation in its static
 * initializer. Not API: may change without notice.
 */
public final class Access {
    /** What the core package gives the features. */
    public interface Core {
        /** The merged and validated model behind {@code guide}. */
        GuideModel model(Guide guide);

        /**
         * Reads a case from its located tree, checking codes against {@code guide}'s catalogues (none when null);
         * every problem found is added, sorted, to {@code problems}. Returns null when the case has errors.
         */
        Case readCase(GuideModel guide, LocalDate defaultAsOf, Node root, Problems problems);

        /**
         * The decision as {@code toText(locale)} writes it, but with the guide's labels for the services its findings
         * name (in Norwegian): the CLI knows the guide, a {@code Decision} does not.
         */
        String text(no.veiviser.Decision decision, java.util.Locale locale, java.util.Map<String, String> services);

        /** Every case's decision or rejection, many cases per Drools execution (see {@code CompiledGuide.evaluateAll}). */
        Evaluator.Outcome[] evaluateEach(CompiledGuide guide, List<Case> cases);

        /** Every case's summary (what a diff compares) or rejection, without building decisions. */
        Evaluator.Summarized[] summarizeEach(CompiledGuide guide, List<Case> cases);

        /** Why {@code guide} rejects the case (the problems {@code evaluate} would throw); empty when it does not. */
        List<no.veiviser.Problem> problems(CompiledGuide guide, Case aCase);

        /** The guide's evaluator. */
        Evaluator evaluator(CompiledGuide guide);
    }

    private static volatile Core core;

    private Access() {}

    /** Called once, by {@link Guide}'s static initializer. */
    public static void register(Core implementation) {
        Objects.requireNonNull(implementation, "implementation");
        synchronized (Access.class) {
            if (core != null) {
                throw new IllegalStateException("the core access is already registered");
            }
            core = implementation;
        }
    }

    /** The core's implementation; initialises {@link Guide} first if nothing has yet. */
    public static Core core() {
        Core c = core;
        if (c == null) {
            try {
                Class.forName(Guide.class.getName(), true, Guide.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException(e);
            }
            c = core;
            if (c == null) {
                throw new IllegalStateException("no.veiviser.Guide did not register the core access");
            }
        }
        return c;
    }

    /** Shorthand for {@code core().model(guide)}. */
    public static GuideModel model(Guide guide) {
        return core().model(guide);
    }

    /** Shorthand for {@code core().evaluateEach(...)}. */
    public static Evaluator.Outcome[] evaluateEach(CompiledGuide guide, List<Case> cases) {
        return core().evaluateEach(guide, cases);
    }

    /** Shorthand for {@code core().summarizeEach(...)}. */
    public static Evaluator.Summarized[] summarizeEach(CompiledGuide guide, List<Case> cases) {
        return core().summarizeEach(guide, cases);
    }

    /** Shorthand for {@code core().problems(...)}. */
    public static List<no.veiviser.Problem> problems(CompiledGuide guide, Case aCase) {
        return core().problems(guide, aCase);
    }

    /** Shorthand for {@code core().evaluator(...)}. */
    public static Evaluator evaluator(CompiledGuide guide) {
        return core().evaluator(guide);
    }

    /** Shorthand for {@code core().readCase(...)}. */
    public static Case readCase(GuideModel guide, LocalDate defaultAsOf, Node root, Problems problems) {
        return core().readCase(guide, defaultAsOf, root, problems);
    }
}
