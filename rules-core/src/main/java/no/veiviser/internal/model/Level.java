package no.veiviser.internal.model;

import no.veiviser.internal.yaml.Location;

/**
 * A level of the guide: its position in the guide's order (0 = the first, what norge's rules and comparisons use),
 * its id as the guide writes it ({@code "2"}, {@code "B"}), and its name and criteria as the guide words them.
 */
public record Level(int level, String id, String name, String criteria, Location at) {
    /** A level whose id is its position ({@code 0, 1, 2, 3}). */
    public Level(int level, String name, String criteria, Location at) {
        this(level, String.valueOf(level), name, criteria, at);
    }
}
