package no.veiviser.internal.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import no.veiviser.internal.model.GuideModel;
import no.veiviser.internal.model.Parameter;
import no.veiviser.internal.model.Rule;
import no.veiviser.internal.model.RuleException;
import java.nio.charset.StandardCharsets;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Writes a validated guide as DRL and builds the Drools rule base.
 *
 * <p>The DRL is written only by this class: rule names are generated ({@code r<index>_<period>}), the
 * one pattern is on {@link Facts}, constraints come from {@link Condition#drl} (vocabulary properties,
 * operators, integers and checked codes), and every consequence is {@code $f.fire(<index>)}. A guide
 * rule whose parameters change value over time becomes one Drools rule per period, each guarded by the
 * asOf dates of that period, so that every constraint compares with a constant.
 */
public final class RuleCompiler {
    private RuleCompiler() {}

    /**
     * {@code timeline} holds the guide's parameter values for every period. Drools rule {@code r<i>_<p>} fires
     * when node {@code i} is true: the guide's rules are nodes {@code 0 .. rules-1}, its exceptions follow
     * (see {@link no.veiviser.internal.model.ExceptionGraph}). Which fired rules an exception withholds is
     * resolved after Drools, by the {@link Evaluator}.
     */
    public static String drl(GuideModel guide, ParamTimeline timeline) {
        StringBuilder drl = new StringBuilder(4096);
        drl.append("package veiviser.generated;\n\nimport ").append(Facts.class.getName()).append(";\n\n");
        List<Rule> rules = guide.rules();
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            node(drl, i, rule.when(), rule.effectiveFrom().orElse(null), rule.effectiveTo().orElse(null), guide, timeline);
        }
        List<RuleException> exceptions = guide.exceptions();
        for (int e = 0; e < exceptions.size(); e++) {
            node(drl, rules.size() + e, exceptions.get(e).when(), null, null, guide, timeline);
        }
        return drl.toString();
    }

    private static void node(StringBuilder drl, int index, Condition when, LocalDate effectiveFrom, LocalDate effectiveTo,
                             GuideModel guide, ParamTimeline timeline) {
        List<LocalDate> bounds = periodBounds(when, effectiveFrom, effectiveTo, guide);
        int periods = effectiveTo != null ? bounds.size() - 1 : bounds.size();
        for (int p = 0; p < periods; p++) {
            LocalDate from = bounds.get(p);
            LocalDate to = p + 1 < bounds.size() ? bounds.get(p + 1) : null;
            Params params = from == null ? timeline.on(Integer.MIN_VALUE) : timeline.on(from);
            List<String> constraints = new ArrayList<>();
            if (from != null) {
                constraints.add("asOfDay >= " + from.toEpochDay());
            }
            if (to != null) {
                constraints.add("asOfDay < " + to.toEpochDay());
            }
            if (!(when instanceof Condition.Always)) {
                constraints.add(when.drl(params));
            }
            drl.append("rule \"r").append(index).append('_').append(p).append("\"\nwhen\n    $f : Facts(")
                    .append(String.join(", ", constraints)).append(")\nthen\n    $f.fire(").append(index).append(");\nend\n\n");
        }
    }

    /**
     * The dates that split a node into periods: its effective from (or null for "always"), every date at
     * which one of its parameters changes inside its effective span, and its effective to (exclusive).
     */
    static List<LocalDate> periodBounds(Condition when, LocalDate from, LocalDate to, GuideModel guide) {
        TreeSet<LocalDate> changes = new TreeSet<>();
        for (String name : when.parameters()) {
            Parameter p = guide.parameters().get(name);
            for (LocalDate d : p.changeDates()) {
                if ((from == null || d.isAfter(from)) && (to == null || d.isBefore(to))) {
                    changes.add(d);
                }
            }
        }
        List<LocalDate> bounds = new ArrayList<>();
        bounds.add(from);
        bounds.addAll(changes);
        if (to != null) {
            bounds.add(to);
        }
        return bounds;
    }

    public static KieBase build(String drl) {
        // Our class loader, not the thread's context loader: Facts must resolve wherever the library is embedded.
        KnowledgeBuilderConfiguration conf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, Facts.class.getClassLoader());
        KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(conf);
        builder.add(ResourceFactory.newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8)), ResourceType.DRL);
        if (builder.hasErrors()) {
            // Generated DRL that does not compile is our bug, never the guide author's.
            throw new IllegalStateException("internal error: generated rules do not compile: " + builder.getErrors());
        }
        InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(
                KieServices.get().newKieBaseConfiguration(null, Facts.class.getClassLoader()));
        kieBase.addPackages(builder.getKnowledgePackages());
        return kieBase;
    }
}
