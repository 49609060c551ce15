package no.veiviser.internal.model;

import no.veiviser.internal.yaml.Location;

/**
 * What an exception withholds: one rule by id, another exception, or findings: those of every rule carrying a label
 * (a rule's own {@code labels:} stand for all its findings, a code's tags for the findings of that code), or those
 * whose code's effects match. Rules and exceptions are withheld whole; a label or an effect withholds the matching
 * findings of a rule and keeps its others.
 */
public record Target(Kind kind, String id, EffectMatch effect, Location at) {
    public enum Kind {
        RULE, LABEL, EXCEPTION, EFFECT;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static Target effect(EffectMatch match, Location at) {
        return new Target(Kind.EFFECT, match.toString(), match, at);
    }

    /** Whether it withholds findings (a label or an effect) rather than a whole rule or exception. */
    public boolean findings() {
        return kind == Kind.LABEL || kind == Kind.EFFECT;
    }

    @Override
    public String toString() {
        return kind == Kind.EFFECT ? id : kind.key() + " " + id;
    }
}
