package no.veiviser.internal.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import no.veiviser.internal.engine.Condition;
import no.veiviser.internal.yaml.Hints;
import no.veiviser.internal.yaml.Location;
import no.veiviser.internal.yaml.Problems;

/**
 * Checks a merged guide for meaning, not form: conditions against the case vocabulary and catalogues,
 * finding codes, steps, tools and roles that exist, parameters that exist, fit and have a value for
 * every date a rule uses them.
 */
final class GuideValidator {
    private final Problems problems;

    GuideValidator(Problems problems) {
        this.problems = problems;
    }

    GuideModel validate(GuideModel guide) {
        ConditionParser conditions = new ConditionParser(problems, guide);
        Set<String> stepIds = new LinkedHashSet<>(guide.steps().stream().map(Step::id).toList());
        Set<String> toolIds = new LinkedHashSet<>(guide.tools().stream().map(Tool::id).toList());
        Set<String> who = guide.whoValues();

        for (Step step : guide.steps()) {
            for (String tool : step.tools()) {
                known(tool, toolIds, "tool", step.at());
            }
        }
        List<Rule> rules = new ArrayList<>();
        for (Rule rule : guide.rules()) {
            Condition when = rule.whenNode() == null ? new Condition.Always(rule.at()) : conditions.parse(rule.whenNode());
            rule.step().ifPresent(s -> known(s, stepIds, "step", rule.at()));
            for (FindingTemplate f : rule.then()) {
                if (!guide.codes().containsKey(f.code())) {
                    problems.error(f.at(), "unknown finding code '" + f.code() + "'",
                            Hints.didYouMean(f.code(), guide.codes().keySet()) + " (or declare it under 'codes:')");
                }
                f.step().ifPresent(s -> known(s, stepIds, "step", f.at()));
                f.tools().forEach(t -> known(t, toolIds, "tool", f.at()));
                f.who().forEach(w -> known(w, who, "role or service in 'who'", f.at()));
                if (f.code().equals("go-to-level") && f.level().isEmpty()) {
                    problems.error(f.at(), "a 'go-to-level' finding needs 'level: 0-3'", null);
                }
                if (f.due().orElse(null) instanceof Due.After after) {
                    Parameter p = guide.parameters().get(after.parameter());
                    if (p == null) {
                        problems.error(f.at(), "unknown parameter '" + after.parameter() + "' in 'due'",
                                Hints.didYouMean(after.parameter(), guide.parameters().keySet()));
                    } else if (!p.unit().isDuration()) {
                        problems.error(f.at(), "parameter '" + p.name() + "' is in " + p.unit().code() + "; 'due' needs days, weeks, months or years", null);
                    } else {
                        covered(p, rule);
                    }
                }
            }
            if (when != null) {
                for (String name : when.parameters()) {
                    covered(guide.parameters().get(name), rule);
                }
            }
            if (rule.source().isEmpty() || rule.source().get().section().isBlank()) {
                problems.warning(rule.at(), "rule '" + rule.id() + "' cites no section of the guide",
                        "add source: {section: ..., text: ...} so a reader can check it");
            } else if (rule.source().get().quote().isBlank()) {
                problems.warning(rule.at(), "rule '" + rule.id() + "' quotes no text from its section", "add source.text with the 1-3 sentences it encodes");
            }
            rule.deviation().ifPresent(d -> problems.warning(d.at(), "rule '" + rule.id() + "' departs from " + d.law() + ": " + d.note(),
                    "the rule encodes the guide as written; check the guide against the law"));
            rules.add(rule.withWhen(when));
        }
        return new GuideModel(guide.id(), guide.title(), guide.municipality(), guide.version(), guide.extendsId(),
                guide.sourceTitle(), guide.sourceUrl(), guide.retrieved(), guide.parameters(), guide.levels(), guide.steps(),
                guide.tools(), guide.codes(), guide.signals(), guide.services(), rules, guide.files(), guide.at(), guide.acknowledge());
    }

    /** A parameter a rule uses must have a value from the first day the rule applies. */
    private void covered(Parameter p, Rule rule) {
        if (p == null) {
            return;
        }
        Optional<LocalDate> first = p.firstDate();
        if (first.isEmpty()) {
            return;
        }
        if (rule.effectiveFrom().isEmpty() || rule.effectiveFrom().get().isBefore(first.get())) {
            problems.error(rule.at(), "parameter '" + p.name() + "' has no value before " + first.get() + ", but rule '"
                    + rule.id() + "' uses it " + rule.effectiveFrom().map(d -> "from " + d).orElse("on every date"),
                    "give the parameter's first value no 'from', or give the rule effective: {from: " + first.get() + "}");
        }
    }

    private void known(String value, Set<String> allowed, String what, Location at) {
        if (!allowed.contains(value)) {
            problems.error(at, "unknown " + what + " '" + value + "'",
                    allowed.isEmpty() ? "the guide declares none" : Hints.didYouMean(value, new TreeSet<>(allowed)));
        }
    }
}
