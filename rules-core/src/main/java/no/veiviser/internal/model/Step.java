package no.veiviser.internal.model;

import java.util.List;
import java.util.Optional;
import no.veiviser.internal.yaml.Location;

/** A step of the guide (Øvre Eiker "1.4", Nittedal "nivå-1.samarbeid"), as the guide describes it. */
public record Step(String id, int level, String title, Optional<String> situation, Optional<String> action,
                   Optional<String> how, Optional<String> responsible, List<String> tools, Location at) {
    public Step {
        tools = List.copyOf(tools);
    }
}
