package no.veiviser.internal.model;

import java.util.List;
import java.util.Optional;
import no.veiviser.internal.yaml.Location;

/**
 * One finding a rule emits when it fires, as the guide file states it. Its {@code text} may hold parameter
 * placeholders ({@link ParamText}), resolved when a decision or the handbook shows it; {@code textAt} is where the
 * text stands in the file.
 */
public record FindingTemplate(String code, String text, Optional<Due> due, Optional<String> responsible,
                              List<String> who, Optional<Integer> level, List<String> tools, Optional<String> step,
                              Location at, Location textAt) {
    public FindingTemplate {
        who = List.copyOf(who);
        tools = List.copyOf(tools);
    }
}
