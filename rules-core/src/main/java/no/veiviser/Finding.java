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
 */
public record Finding(String code, String rule, String text, Optional<LocalDate> due, boolean overdue, Optional<String> responsible,
                      List<String> who, OptionalInt level, Optional<String> levelId, List<String> tools, Optional<String> step, Source source) {
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
     * @param source where it comes from
     */
    public Finding {
        who = List.copyOf(who);
        tools = List.copyOf(tools);
    }
}
