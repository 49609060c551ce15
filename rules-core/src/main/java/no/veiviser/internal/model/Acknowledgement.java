package no.veiviser.internal.model;

import java.util.Optional;
import no.veiviser.internal.yaml.Location;

/**
 * {@code acknowledge:} entry of a guide file: a lint warning id ({@code W005}) the authors have seen and accept,
 * optionally only for one rule (or parameter or code), and why. {@code origin} is the guide file's id.
 */
public record Acknowledgement(String id, Optional<String> subject, String reason, String origin, Location at) {}
