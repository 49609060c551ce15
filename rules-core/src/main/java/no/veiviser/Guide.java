package no.veiviser;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import no.veiviser.internal.Access;
import no.veiviser.internal.engine.Evaluator;
import no.veiviser.internal.model.GuideModel;
import no.veiviser.internal.model.Rule;
import no.veiviser.internal.yaml.Node;
import no.veiviser.internal.yaml.Problems;

/**
 * A loaded and validated guide, merged with the guides it extends. Immutable. {@link #compile()} it
 * once and share the result.
 */
public final class Guide {
    static {
        Access.register(new Access.Core() {
            @Override
            public GuideModel model(Guide guide) {
                return guide.model();
            }

            @Override
            public Evaluator.Outcome[] evaluateEach(CompiledGuide guide, List<Case> cases) {
                return guide.evaluateEach(cases);
            }

            @Override
            public Evaluator.Summarized[] summarizeEach(CompiledGuide guide, List<Case> cases) {
                return guide.summarizeEach(cases);
            }

            @Override
            public List<Problem> problems(CompiledGuide guide, Case aCase) {
                return guide.problems(aCase);
            }

            @Override
            public Evaluator evaluator(CompiledGuide guide) {
                return guide.evaluator();
            }

            @Override
            public String text(Decision decision, java.util.Locale locale, java.util.Map<String, String> services) {
                return DecisionFormat.text(decision, locale, services);
            }

            @Override
            public Case readCase(GuideModel guide, LocalDate defaultAsOf, Node root, Problems problems) {
                CaseReader reader = new CaseReader(guide, defaultAsOf);
                Case c = reader.read(root);
                problems.addAll(reader.problems().sorted());
                return c;
            }
        });
    }

    private final GuideModel model;
    private final List<Problem> warnings;

    Guide(GuideModel model, List<Problem> warnings) {
        this.model = model;
        this.warnings = List.copyOf(warnings);
    }

    /** @return the guide's id, for example {@code nittedal} */
    public String id() {
        return model.id();
    }

    /** @return the guide's title */
    public String title() {
        return model.title();
    }

    /** @return the guide's version, for example {@code 2026.1} */
    public String version() {
        return model.version();
    }

    /** @return the municipality the guide is for (empty for a national guide) */
    public Optional<String> municipality() {
        return model.municipality();
    }

    /** @return the id of the guide this one extends (for a municipality, usually the national base {@code norge}) */
    public Optional<String> extendsId() {
        return model.extendsId();
    }

    /** @return the rule ids in evaluation order: the base guide's first, then this guide's own */
    public List<String> ruleIds() {
        return model.rules().stream().map(Rule::id).toList();
    }

    /** @return the finding codes the guide declares, with their Norwegian labels */
    public java.util.Map<String, String> codes() {
        return model.codes();
    }

    /**
     * A finding code's label for people, in a language: for English the guide's English label where it gives one
     * ({@code label: {nb: ..., en: ...}}), otherwise (and for Norwegian) its bokmål label; the code itself when the
     * guide's catalogue does not name it.
     *
     * @param code a finding code
     * @param locale {@code nb} (Norwegian bokmål) or English
     * @return the label
     */
    public String codeLabel(String code, java.util.Locale locale) {
        return model.codeLabel(code, !no.veiviser.internal.Language.norwegian(locale));
    }

    /** @return the levels, steps, tools, codes, signals and services the guide names, with their labels */
    public Catalogue catalogue() {
        return Catalogue.of(model);
    }

    /** @return the files this guide was read from, base first */
    public List<String> files() {
        return model.files();
    }

    /** @return problems that do not stop the guide from being used (for example a rule that cites no section) */
    public List<Problem> warnings() {
        return warnings;
    }

    /**
     * Builds the Drools rule base. Takes a fraction of a second; do it once per guide and share the result.
     *
     * @return the compiled guide, safe to share between threads
     * @throws GuideException when the rules cannot be compiled
     */
    public CompiledGuide compile() {
        return new CompiledGuide(this, new Evaluator(model));
    }

    GuideModel model() {
        return model;
    }

    @Override
    public String toString() {
        return "Guide[" + id() + " " + version() + ", " + model.rules().size() + " rules]";
    }
}
