package no.veiviser.internal.model;

import java.util.List;
import java.util.Optional;
import no.veiviser.internal.yaml.Location;

/** One finding a rule emits when it fires, as the guide file states it. */
public record FindingTemplate(String code, String text, Optional<Due> due, Optional<String> responsible,
                              List<String> who, Optional<Integer> level, List<String> tools, Optional<String> step,
                              Location at) {
    public FindingTemplate {
        who = List.copyOf(who);
        tools = List.copyOf(tools);
    }
}
