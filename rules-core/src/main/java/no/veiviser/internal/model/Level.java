package no.veiviser.internal.model;

import no.veiviser.internal.yaml.Location;

/** A level 0-3 with its name and criteria as the guide words them. */
public record Level(int level, String name, String criteria, Location at) {}
