package no.veiviser;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Something the guide says to do (or not do) in this case. {@code code} is stable and meant for
 * programs; {@code text} is the guide's own Norwegian wording, for the employee.
 *
 * @param who    the people or services the finding names (for example who must consent)
 * @param level  the position of the level a {@code go-to-level} finding points to
 * @param levelId that level's id as the guide writes it ("2", "B")
 * @param overdue whether the due date lies before the decision's {@code asOf}
 * @param asSoonAsPossible whether the guide says "så snart som mulig": due now ({@code due} is {@code asOf}), with no
 *                date after which it is overdue
 */
public record Finding(String code, String rule, String text, Optional<LocalDate> due, boolean overdue, Optional<String> responsible,
                      List<String> who, OptionalInt level, Optional<String> levelId, List<String> tools, Optional<String> step, Source source,
                      List<Given> sources, boolean asSoonAsPossible) {
    /**
     * One rule that gave this finding, and where that rule comes from. A decision has one finding per code: when two
     * rules give a code with the same meaning (due date, level, whom it concerns), the finding lists both here, and
     * speaks (rule, text, responsible, tools, step, source) in the words of the most specific guide's rule: a
     * municipality's own rule before a rule of the guide it extends.
     *
     * @param rule        the rule's id
     * @param text        that rule's wording of the finding
     * @param responsible who that rule says is responsible, if it says
     * @param source      the rule's source
     */
    public record Given(String rule, String text, Optional<String> responsible, Source source) {}

    /**
     * A finding given by one rule: {@code sources} is that rule alone.
     *
     * @param code the finding code
     * @param rule the rule that emitted it
     * @param text the guide's own wording
     * @param due when it must be done, if the guide says
     * @param overdue whether the due date lies before the decision's {@code asOf}
     * @param responsible who is responsible, if the guide says
     * @param who the people or services the finding names
     * @param level the position of the level a {@code go-to-level} finding points to
     * @param levelId that level's id as the guide writes it
     * @param tools the tools to use
     * @param step the step it belongs to
     * @param source where it comes from
     */
    public Finding(String code, String rule, String text, Optional<LocalDate> due, boolean overdue, Optional<String> responsible,
                   List<String> who, OptionalInt level, Optional<String> levelId, List<String> tools, Optional<String> step, Source source) {
        this(code, rule, text, due, overdue, responsible, who, level, levelId, tools, step, source,
                List.of(new Given(rule, text, responsible, source)), false);
    }

    /**
     * A finding with a due date, or none, that is not "as soon as possible".
     *
     * @param code the finding code
     * @param rule the rule that emitted it
     * @param text the guide's own wording
     * @param due when it must be done, if the guide says
     * @param overdue whether the due date lies before the decision's {@code asOf}
     * @param responsible who is responsible, if the guide says
     * @param who the people or services the finding names
     * @param level the position of the level a {@code go-to-level} finding points to
     * @param levelId that level's id as the guide writes it
     * @param tools the tools to use
     * @param step the step it belongs to
     * @param source where it comes from
     * @param sources every rule that gave it
     */
    public Finding(String code, String rule, String text, Optional<LocalDate> due, boolean overdue, Optional<String> responsible,
                   List<String> who, OptionalInt level, Optional<String> levelId, List<String> tools, Optional<String> step, Source source,
                   List<Given> sources) {
        this(code, rule, text, due, overdue, responsible, who, level, levelId, tools, step, source, sources, false);
    }

    /**
     * Whether another finding means the same: the same code, due date (and "as soon as possible" or not), level and people.
     *
     * @param other another finding of the decision
     * @return true when the two are one finding given by two rules
     */
    public boolean sameMeaning(Finding other) {
        return code.equals(other.code) && due.equals(other.due) && asSoonAsPossible == other.asSoonAsPossible && level.equals(other.level)
                && who.equals(other.who);
    }

    /**
     * This finding, also given by the rules of {@code other} (same code and meaning).
     *
     * @param other a finding with the same meaning
     * @return this finding, in its own words, with the other's sources added after its own
     */
    public Finding alsoFrom(Finding other) {
        List<Given> all = new java.util.ArrayList<>(sources);
        other.sources.stream().filter(g -> !all.contains(g)).forEach(all::add);
        return new Finding(code, rule, text, due, overdue, responsible, who, level, levelId, tools, step, source, all, asSoonAsPossible);
    }

    /**
     * Copies the lists.
     *
     * @param code the finding code, stable, for programs
     * @param rule the rule that emitted it
     * @param text the guide's own wording, for the employee
     * @param due when it must be done, if the guide says
     * @param overdue whether the due date lies before the decision's {@code asOf}
     * @param responsible who is responsible, if the guide says
     * @param who the people or services the finding names (for example who must consent)
     * @param level the position of the level a {@code go-to-level} finding points to
     * @param levelId that level's id as the guide writes it
     * @param tools the tools to use
     * @param step the step it belongs to
     * @param source where it comes from (the rule whose words it carries)
     * @param sources every rule that gave it, with its source, the rule whose words it carries first
     * @param asSoonAsPossible whether it is due "as soon as possible" (due is asOf, never overdue)
     * @throws IllegalArgumentException when an "as soon as possible" finding has no due date or is overdue
     */
    public Finding {
        if (asSoonAsPossible && (due.isEmpty() || overdue)) {
            throw new IllegalArgumentException("an as-soon-as-possible finding is due now and never overdue");
        }
        who = List.copyOf(who);
        tools = List.copyOf(tools);
        sources = List.copyOf(sources);
    }
}
