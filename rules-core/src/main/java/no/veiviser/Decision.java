package no.veiviser;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What a guide says for one case: the recommended level, the findings (in the guide's rule order) and
 * the trace of the rules that fired with the conditions that matched. Immutable; the same case and guide
 * always give an equal decision.
 */
public record Decision(GuideRef guide, LocalDate asOf, Level level, List<Finding> findings, List<Trace> trace) {

    public record GuideRef(String id, String version) {}

    /** The recommended level and the rules that set it (empty when no rule did and the current level stands). */
    public record Level(int recommended, List<String> because) {
        public Level {
            because = List.copyOf(because);
        }
    }

    /** A rule that fired, and the conditions of it that held. */
    public record Trace(String rule, List<String> matched) {
        public Trace {
            matched = List.copyOf(matched);
        }
    }

    public Decision {
        findings = List.copyOf(findings);
        trace = List.copyOf(trace);
    }

    /** The finding codes, in order, without repeats. */
    public List<String> codes() {
        return findings.stream().map(Finding::code).distinct().toList();
    }

    public boolean has(String code) {
        return findings.stream().anyMatch(f -> f.code().equals(code));
    }

    public List<Finding> findings(String code) {
        return findings.stream().filter(f -> f.code().equals(code)).toList();
    }

    /** The rules that fired, in guide order. */
    public List<String> firedRules() {
        return trace.stream().map(Trace::rule).toList();
    }

    /** The decision as JSON, in the shape the README documents. */
    public String toJson() {
        return DecisionFormat.json(this);
    }

    /** The decision as text for people: {@code nb} (Norwegian bokmål) or English headings. */
    public String toText(Locale locale) {
        return DecisionFormat.text(this, locale);
    }
}
