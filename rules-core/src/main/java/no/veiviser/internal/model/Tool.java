package no.veiviser.internal.model;

import java.util.Optional;
import no.veiviser.internal.yaml.Location;

/** An entry of the guide's toolbox (Øvre Eiker numbers 1-13, Nittedal's verktøykasse). */
public record Tool(String id, Optional<Integer> number, String title, Optional<String> kind, Location at) {}
