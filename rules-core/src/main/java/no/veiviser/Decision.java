package no.veiviser;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * What a guide says for one case: the recommended level, the findings (in the guide's rule order), the
 * notes (what could not be decided, due dates counted from {@code asOf}, deviations from current law), the
 * trace of the rules that fired with the conditions that matched, and the rules that an exception withheld.
 * Immutable; the same case and guide always give an equal decision.
 */
public record Decision(GuideRef guide, LocalDate asOf, Level level, List<Finding> findings, List<Note> notes,
                       List<Trace> trace, List<Withheld> withheld) {

    /**
     * The guide that decided.
     *
     * @param id its id
     * @param version its version
     */
    public record GuideRef(String id, String version) {}

    /**
     * The recommended level and the rules that set it (empty when no rule did and the current level stands).
     *
     * @param recommended the recommended level's position in the guide's order (0 = the first level)
     * @param id the level's id as the guide writes it ("2", "B")
     * @param name the level's name in the guide ("Nivå B"), empty when the guide describes no such level
     * @param because the rules that set it
     */
    public record Level(int recommended, String id, String name, List<String> because) {
        /**
         * Copies {@code because}.
         *
         * @param recommended the recommended level's position
         * @param id the level's id
         * @param name the level's name
         * @param because the rules that set it
         */
        public Level {
            because = List.copyOf(because);
        }

        /**
         * A level whose id is its position, without a name (a guide whose levels are 0, 1, 2, 3).
         *
         * @param recommended the recommended level's position
         * @param because the rules that set it
         */
        public Level(int recommended, List<String> because) {
            this(recommended, String.valueOf(recommended), "", because);
        }
    }

    /** A rule that fired, and the conditions of it that held. */
    public record Trace(String rule, List<String> matched) {
        /**
         * Copies {@code matched}.
         *
         * @param rule the rule's id
         * @param matched its conditions that held, as text
         */
        public Trace {
            matched = List.copyOf(matched);
        }
    }

    /**
     * A rule (or exception) whose condition held, withheld by an exception ({@code by}: its id) that applied: whole, or
     * some of its findings (by their effects or a label), the rule's other findings staying in the decision.
     */
    public record Withheld(String rule, String by, List<String> codes) {
        /**
         * Copies {@code codes}.
         *
         * @param rule  the rule's (or exception's) id
         * @param by    the id of the exception (or rule) that withheld it
         * @param codes the codes of the findings withheld, when only some of the rule's findings were (by a label or an
         *              effect); empty when the whole rule was
         */
        public Withheld {
            codes = List.copyOf(codes);
        }

        /**
         * A whole rule or exception withheld.
         *
         * @param rule the rule's (or exception's) id
         * @param by   the id of the exception (or rule) that withheld it
         */
        public Withheld(String rule, String by) {
            this(rule, by, List.of());
        }
    }

    /**
     * Copies the lists.
     *
     * @param guide the guide that decided
     * @param asOf the date the case was assessed on
     * @param level the recommended level
     * @param findings what to do, in rule order
     * @param notes what could not be decided, and deviations
     * @param trace the rules that fired
     * @param withheld the rules an exception withheld
     */
    public Decision {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
        trace = List.copyOf(trace);
        withheld = List.copyOf(withheld);
    }

    /** @return the finding codes, in order, without repeats */
    public List<String> codes() {
        return findings.stream().map(Finding::code).distinct().toList();
    }

    /**
     * @param code a finding code
     * @return whether any finding has that code
     */
    public boolean has(String code) {
        return findings.stream().anyMatch(f -> f.code().equals(code));
    }

    /**
     * @param code a finding code
     * @return the findings with that code, in order
     */
    public List<Finding> findings(String code) {
        return findings.stream().filter(f -> f.code().equals(code)).toList();
    }

    /** @return the rules that fired, in guide order */
    public List<String> firedRules() {
        return trace.stream().map(Trace::rule).toList();
    }

    /**
     * The decision as JSON, in the shape the README documents (format version {@code "format"}).
     *
     * @return the JSON text
     */
    public String toJson() {
        return DecisionFormat.json(this);
    }

    /**
     * The decision as text for people.
     *
     * @param locale {@code nb} (Norwegian bokmål) or English
     * @return the text
     */
    public String toText(Locale locale) {
        return DecisionFormat.text(this, locale);
    }

    /**
     * The decision as text for people, each finding code with its label from the guide in the same language
     * ({@link Guide#codeLabel(String, Locale)}: English falls back to bokmål where the guide has no English label), the
     * services a finding names by the guide's labels for them, and its tools by their titles (issue 25 item 7).
     *
     * @param locale {@code nb} (Norwegian bokmål) or English
     * @param guide the guide that made the decision
     * @return the text
     */
    public String toText(Locale locale, Guide guide) {
        var model = no.veiviser.internal.Access.model(guide);
        java.util.Map<String, String> tools = new java.util.HashMap<>();
        // a tool by its title, with its number in the guide's toolbox where it has one ("10. Bekymringsmelding til barnevernet")
        model.tools().forEach(t -> tools.put(t.id(), t.number().map(n -> n + ". ").orElse("") + t.title()));
        return DecisionFormat.text(this, locale, model.services(), code -> guide.codeLabel(code, locale), tools);
    }
}
