package no.veiviser.internal.model;

import no.veiviser.internal.yaml.Location;

/**
 * What an exception withholds: one rule by id, another exception, or findings: those of every rule carrying a label
 * (a rule's own {@code labels:} stand for all its findings, a code's tags for the findings of that code), those
 * whose code's effects match, or those of one code (whichever rule gives it). Rules and exceptions are withheld whole; a label or an effect withholds the matching
 * findings of a rule and keeps its others.
 */
public record Target(Kind kind, String id, EffectMatch effect, Location at) {
    public enum Kind {
        RULE, LABEL, EXCEPTION, EFFECT, CODE;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    static Target effect(EffectMatch match, Location at) {
        return new Target(Kind.EFFECT, match.toString(), match, at);
    }

    /** Whether it withholds findings (by a label, an effect or their code) rather than a whole rule or exception. */
    public boolean findings() {
        return kind == Kind.LABEL || kind == Kind.EFFECT || kind == Kind.CODE;
    }

    @Override
    public String toString() {
        return kind == Kind.EFFECT ? id : kind.key() + " " + id;
    }
}
