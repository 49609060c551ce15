package no.veiviser;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a guide names, with the labels people read: its levels, steps, tools, finding codes, signals and services,
 * and for each rule the step and level it belongs to. Forms and pages build on it, so they never show raw codes alone.
 * Maps keep the guide's order (base guide first).
 */
public record Catalogue(List<Level> levels, List<Step> steps, List<Tool> tools, Map<String, String> codes,
                        Map<String, String> signals, Map<String, String> services, List<RuleRef> rules) {

    /**
     * A level of the guide.
     *
     * @param level its number (0-3)
     * @param name its name
     * @param criteria when a case belongs at this level
     */
    public record Level(int level, String name, String criteria) {}

    /**
     * A step of a level.
     *
     * @param id its id
     * @param level the level it belongs to
     * @param title its title
     */
    public record Step(String id, int level, String title) {}

    /**
     * A tool (form, meeting, plan) the guide names.
     *
     * @param id its id
     * @param title its title
     */
    public record Tool(String id, String title) {}

    /**
     * A rule, where it belongs in the guide: its own {@code step} if it names one, and the level of that step or
     * the one its go-to-level finding points to (empty for rules that belong to no level, such as acute rules).
     */
    public record RuleRef(String id, String description, Optional<String> step, OptionalInt level, List<String> codes) {
        /**
         * Copies {@code codes}.
         *
         * @param id the rule's id
         * @param description its description (may be empty)
         * @param step the step it belongs to
         * @param level the level it belongs to
         * @param codes the codes it emits
         */
        public RuleRef {
            codes = List.copyOf(codes);
        }
    }

    /**
     * Copies every list and map, keeping their order.
     *
     * @param levels the levels
     * @param steps the steps
     * @param tools the tools
     * @param codes finding code to label
     * @param signals signal code to label
     * @param services service code to label
     * @param rules every rule, in guide order
     */
    public Catalogue {
        levels = List.copyOf(levels);
        steps = List.copyOf(steps);
        tools = List.copyOf(tools);
        codes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(codes));
        signals = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(signals));
        services = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(services));
        rules = List.copyOf(rules);
    }

    static Catalogue of(no.veiviser.internal.model.GuideModel m) {
        Map<String, Integer> stepLevel = new java.util.HashMap<>();
        m.steps().forEach(s -> stepLevel.put(s.id(), s.level()));
        List<RuleRef> rules = m.rules().stream().map(r -> {
            Optional<String> step = r.step().or(() -> r.then().stream().flatMap(t -> t.step().stream()).findFirst());
            OptionalInt level = step.filter(stepLevel::containsKey).map(s -> OptionalInt.of(stepLevel.get(s)))
                    .orElseGet(() -> r.then().stream().flatMap(t -> t.level().stream()).mapToInt(Integer::intValue).findFirst());
            return new RuleRef(r.id(), r.description() == null ? "" : r.description().strip(), step, level,
                    r.then().stream().map(no.veiviser.internal.model.FindingTemplate::code).distinct().toList());
        }).toList();
        return new Catalogue(
                m.levels().stream().map(l -> new Level(l.level(), l.name(), l.criteria() == null ? "" : l.criteria().strip())).toList(),
                m.steps().stream().map(s -> new Step(s.id(), s.level(), s.title())).toList(),
                m.tools().stream().map(t -> new Tool(t.id(), t.title())).toList(),
                m.codes(), m.signals(), m.services(), rules);
    }
}
