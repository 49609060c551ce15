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
    /** Lint's id for a value stated by hand; here an error unless the guide acknowledges it. */
    static final String STATED_VALUE = "W011";
    private final Problems problems;

    GuideValidator(Problems problems) {
        this.problems = problems;
    }

    GuideModel validate(GuideModel guide) {
        ConceptResolver resolver = new ConceptResolver(guide);
        ConditionParser conditions = new ConditionParser(problems, guide, resolver);
        resolver.parser = conditions;
        List<Concept> concepts = new ArrayList<>();
        for (Concept concept : guide.concepts()) {
            concepts.add(concept.withWhen(resolver.resolve(concept.id(), concept.at())));
        }
        for (var e : guide.tags().entrySet()) {
            if (!guide.codes().containsKey(e.getKey())) {
                problems.error(guide.at(), "tags given to unknown code '" + e.getKey() + "'",
                        Hints.didYouMean(e.getKey(), guide.codes().keySet()) + " (or declare it under 'codes:')");
            }
        }
        Set<String> stepIds = new LinkedHashSet<>(guide.steps().stream().map(Step::id).toList());
        Set<String> toolIds = new LinkedHashSet<>(guide.tools().stream().map(Tool::id).toList());
        Set<String> who = guide.whoValues();

        for (Step step : guide.steps()) {
            if (step.level() > guide.lastLevel()) {
                problems.error(step.at(), "step '" + step.id() + "' is at a level the guide does not have (place " + step.level() + ")",
                        "its levels are " + String.join(", ", guide.levelIds()));
            }
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
                    problems.error(f.at(), "a 'go-to-level' finding needs 'level:'", "write one of the guide's levels: "
                            + (guide.levels().isEmpty() ? "0-3" : String.join(", ", guide.levelIds())));
                }
                f.level().filter(l -> l > guide.lastLevel()).ifPresent(l -> problems.error(f.at(),
                        "the guide has no level at place " + l, "its levels are " + String.join(", ", guide.levelIds())));
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
                for (ParamText.Ref ref : ParamText.refs(f.text())) {
                    Parameter p = guide.parameters().get(ref.parameter());
                    if (p == null) {
                        problems.error(f.textAt(), "unknown parameter '" + ref.parameter() + "' in the text of '" + f.code() + "'",
                                Hints.didYouMean(ref.parameter(), guide.parameters().keySet()));
                    } else if (!ref.form().isEmpty() && !ParamText.FORMS.contains(ref.form())) {
                        problems.error(f.textAt(), "unknown form '" + ref.form() + "' in {" + ref.parameter() + ":" + ref.form() + "}",
                                "write {" + ref.parameter() + "} (\"" + ParamText.written(4, p.unit(), "") + "\"), {" + ref.parameter()
                                        + ":words} (\"" + ParamText.written(4, p.unit(), "words") + "\") or {" + ref.parameter() + ":number} (\"4\")");
                    } else {
                        covered(p, rule);
                    }
                }
            }
            statedByHand(guide, rule, when);
            if (when != null) {
                for (String name : when.parameters()) {
                    covered(guide.parameters().get(name), rule);
                }
            }
            // validate says what lint says as W001 and W007, unless the guide acknowledged it (lint lists it as acknowledged)
            if (acknowledged(guide, "W001", rule.id())) {
                // the author has looked at it
            } else if (rule.source().isEmpty() || rule.source().get().section().isBlank()) {
                problems.warning(rule.at(), "rule '" + rule.id() + "' cites no section of the guide",
                        "add source: {section: ..., text: ...} so a reader can check it");
            } else if (rule.source().get().quote().isBlank()) {
                problems.warning(rule.at(), "rule '" + rule.id() + "' quotes no text from its section", "add source.text with the 1-3 sentences it encodes");
            }
            rule.deviation().filter(d -> !acknowledged(guide, "W007", rule.id())).ifPresent(d -> problems.warning(d.at(),
                    "rule '" + rule.id() + "' departs from " + d.law() + ": " + d.note(),
                    "the rule encodes the guide as written; check the guide against the law, or acknowledge W007 for it with a reason"));
            rules.add(rule.withWhen(when));
        }
        List<RuleException> exceptions = new ArrayList<>();
        for (RuleException e : guide.exceptions()) {
            Condition when = conditions.parse(e.whenNode());
            if (when != null) {
                for (String name : when.parameters()) {
                    covered(guide.parameters().get(name), Optional.empty(), "exception '" + e.id() + "'", e.at());
                }
            }
            exceptions.add(e.withWhen(when));
        }
        Effects.requireFor(guide, problems);
        EffectsText.check(guide, problems);
        Set<String> tags = guide.allTags(); // 'who' resolved
        List<Invariant> invariants = new ArrayList<>();
        for (Invariant invariant : guide.invariants()) {
            for (Invariant.Selector sel : invariant.selectors()) {
                sel.code().ifPresent(c -> known(c, guide.codes().keySet(), "finding code", sel.at()));
                sel.tag().filter(t -> !tags.contains(t)).ifPresent(t -> problems.error(sel.at(), "unknown tag '" + t + "'",
                        "no code carries it: tag a code under 'codes:' ({label: ..., tags: [" + t + "]})"
                                + (tags.isEmpty() ? "" : Hints.closest(t, tags) != null ? ", or did you mean '" + Hints.closest(t, tags) + "'?"
                                        : ", or use one of: " + String.join(", ", tags))));
                sel.who().ifPresent(w -> known(w, who, "role or service in 'who'", sel.at()));
            }
            if (invariant instanceof Invariant.OnlyWhen only) {
                Condition condition = conditions.parse(only.conditionNode());
                if (condition != null) {
                    for (String name : condition.parameters()) {
                        covered(guide.parameters().get(name), Optional.empty(), "invariant '" + only.id() + "'", only.at());
                    }
                }
                invariant = only.withCondition(condition);
            }
            if (invariant instanceof Invariant.NeverWithheld never) {
                Condition unless = never.unlessNode() == null ? null : conditions.parse(never.unlessNode());
                if (unless != null) {
                    for (String name : unless.parameters()) {
                        covered(guide.parameters().get(name), Optional.empty(), "invariant '" + never.id() + "'", never.at());
                    }
                }
                invariant = never.withUnless(unless);
            }
            invariants.add(invariant);
        }
        GuideModel validated = guide.withLogic(rules, concepts, exceptions, invariants);
        ExceptionGraph.of(validated, problems); // unknown targets and cycles
        return validated;
    }

    /** Parses each concept once, when first used, and reports a concept that uses itself. */
    private final class ConceptResolver implements ConditionParser.Concepts {
        private final java.util.Map<String, Concept> byId = new java.util.LinkedHashMap<>();
        private final java.util.Map<String, Condition> parsed = new java.util.HashMap<>();
        private final java.util.LinkedHashSet<String> visiting = new java.util.LinkedHashSet<>();
        ConditionParser parser;

        ConceptResolver(GuideModel guide) {
            guide.concepts().forEach(c -> byId.put(c.id(), c));
        }

        @Override
        public Condition resolve(String id, Location at) {
            return resolve(id, at, "cooperation");
        }

        /** Each concept once per kind of consent it is read for (the key is {@code id} or {@code id#kind}). */
        @Override
        public Condition resolve(String id, Location at, String kind) {
            Concept concept = byId.get(id);
            if (concept == null) {
                problems.error(at, "unknown concept '" + id + "'", byId.isEmpty() ? "declare it under 'concepts:'"
                        : Hints.didYouMean(id, byId.keySet()) + " (or declare it under 'concepts:')");
                return null;
            }
            String key = kind.equals("cooperation") ? id : id + "#" + kind;
            if (parsed.containsKey(key)) {
                return parsed.get(key);
            }
            if (visiting.contains(key)) {
                List<String> path = new ArrayList<>(visiting);
                path = path.subList(path.indexOf(key), path.size());
                problems.error(at, "concept '" + id + "' uses itself: " + String.join(" -> ", path) + " -> " + id,
                        "a concept cannot depend on itself; remove one use in the cycle");
                parsed.put(key, null);
                return null;
            }
            visiting.add(key);
            Condition when = parser.parseForKind(concept.whenNode(), kind);
            visiting.remove(key);
            if (!parsed.containsKey(key)) {
                parsed.put(key, when);
            }
            return parsed.get(key);
        }
    }

    /** A parameter a rule uses must have a value from the first day the rule applies. */
    /**
     * Lint W011 as an error: a finding text of this guide's own rule states, by hand, a value one of the guide's
     * parameters has (or will have, from a dated value), so a change of it would leave the text saying the old one.
     * An {@code acknowledge: [{id: W011, subject: <rule>, reason: ...}]} entry says the number means something else.
     */
    private void statedByHand(GuideModel guide, Rule rule, Condition when) {
        if (!rule.origin().equals(guide.id()) || guide.acknowledge().stream().anyMatch(a -> a.origin().equals(guide.id())
                && a.id().equals(STATED_VALUE) && a.subject().map(rule.id()::equals).orElse(true))) {
            return;
        }
        Set<String> uses = new LinkedHashSet<>(when == null ? Set.of() : when.parameters());
        rule.then().forEach(f -> {
            if (f.due().orElse(null) instanceof Due.After after) {
                uses.add(after.parameter());
            }
        });
        for (FindingTemplate f : rule.then()) {
            for (ParamText.StatedValue s : ParamText.statedValues(f.text(), guide.parameters().values(), uses)) {
                problems.error(f.textAt(), "the text of '" + f.code() + "' (rule " + rule.id() + ") states \"" + s.words()
                        + "\", a value of parameter " + String.join(" or ", s.parameters().stream().map(n -> "'" + n + "'").toList())
                        + ", by hand (" + STATED_VALUE + ")", "write " + s.placeholder() + " instead, so a change of the parameter, or a"
                        + " dated value, changes the text too; if the number means something else, acknowledge " + STATED_VALUE
                        + " for rule '" + rule.id() + "' with a reason");
            }
        }
    }

    private void covered(Parameter p, Rule rule) {
        covered(p, rule.effectiveFrom(), "rule '" + rule.id() + "'", rule.at());
    }

    private void covered(Parameter p, Optional<LocalDate> from, String user, Location at) {
        if (p == null) {
            return;
        }
        Optional<LocalDate> first = p.firstDate();
        if (first.isEmpty()) {
            return;
        }
        if (from.isEmpty() || from.get().isBefore(first.get())) {
            problems.error(at, "parameter '" + p.name() + "' has no value before " + first.get() + ", but " + user
                    + " uses it " + from.map(d -> "from " + d).orElse("on every date"),
                    "give the parameter's first value no 'from'" + (user.startsWith("rule") ? ", or give the rule effective: {from: " + first.get() + "}" : ""));
        }
    }

    private void known(String value, Set<String> allowed, String what, Location at) {
        if (!allowed.contains(value)) {
            problems.error(at, "unknown " + what + " '" + value + "'",
                    allowed.isEmpty() ? "the guide declares none" : Hints.didYouMean(value, new TreeSet<>(allowed)));
        }
    }

    /** Whether the guide acknowledges warning {@code id} for {@code subject} (or for everything). */
    private static boolean acknowledged(GuideModel guide, String id, String subject) {
        return guide.acknowledge().stream().anyMatch(a -> a.id().equals(id) && a.subject().map(subject::equals).orElse(true));
    }
}
