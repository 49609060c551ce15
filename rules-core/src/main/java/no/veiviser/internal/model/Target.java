package no.veiviser.internal.model;

import no.veiviser.internal.yaml.Location;

/**
 * What an exception withholds: one rule by id, every rule carrying a label (a rule carries its own
 * {@code labels:} and the tags of the codes it emits), or another exception.
 */
public record Target(Kind kind, String id, Location at) {
    public enum Kind {
        RULE, LABEL, EXCEPTION;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    @Override
    public String toString() {
        return kind.key() + " " + id;
    }
}
