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
 * @param level  the level a {@code go-to-level} finding points to
 * @param overdue whether the due date lies before the decision's {@code asOf}
 */
public record Finding(String code, String rule, String text, Optional<LocalDate> due, boolean overdue, Optional<String> responsible,
                      List<String> who, OptionalInt level, List<String> tools, Optional<String> step, Source source) {
    public Finding {
        who = List.copyOf(who);
        tools = List.copyOf(tools);
    }
}
