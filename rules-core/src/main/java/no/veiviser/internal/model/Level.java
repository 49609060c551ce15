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

    /** "Nivå 2", "level B", "Trinn 1": a word for a level and the level's id, at the start of its name. */
    private static final java.util.regex.Pattern RESTATED = java.util.regex.Pattern.compile(
            "(?iu)^\\s*(?:nivå|nivaa|niva|level|trinn)\\s+(\\S+?)(?:\\s*:\\s+|\\s+[–—-]\\s+|\\.\\s+|\\s*$)");

    /**
     * What a level's name says beyond its id, for text that prints both ("Nivå 2: …"): a guide that names its levels as
     * levels ("Nivå 2", or "Nivå 2: Samarbeid") would otherwise read "Nivå 2: Nivå 2". The name itself stays as the guide
     * writes it (in the decision's JSON and the criteria).
     *
     * @param id   the level's id as the guide writes it
     * @param name its name
     * @return the name without a leading "Nivå {id}" (and what separates it from the rest); empty when nothing is left
     */
    public static String nameBeyondId(String id, String name) {
        java.util.regex.Matcher m = RESTATED.matcher(name);
        if (m.find() && m.group(1).equalsIgnoreCase(id)) {
            return name.substring(m.end()).strip();
        }
        return name.strip().equalsIgnoreCase(id) ? "" : name;
    }
}
