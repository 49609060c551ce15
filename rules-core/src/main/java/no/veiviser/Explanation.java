package no.veiviser;

import java.util.List;
import java.util.Optional;

/**
 * Why each rule of a guide fired or did not, condition by condition, for one case.
 */
public record Explanation(Decision decision, List<RuleCheck> rules) {

    /**
     * Copies {@code rules}.
     *
     * @param decision the decision
     * @param rules every rule's check, in guide order
     */
    public Explanation {
        rules = List.copyOf(rules);
    }

    /**
     * One rule: whether it fired, whether it was in force on the case's date, and its conditions.
     * {@code quote} is the text of the guide it encodes. {@code withheldBy} names the exception that withheld
     * it although its condition held; {@code missing} the case fields whose absence left it undecided.
     */
    public record RuleCheck(String rule, String description, boolean fired, boolean inForce, List<String> codes,
                            List<ConditionCheck> conditions, Source source, String quote, Optional<String> withheldBy,
                            List<String> missing) {
        /**
         * Copies the lists.
         *
         * @param rule the rule's id
         * @param description its description
         * @param fired whether it fired
         * @param inForce whether it was in force on the case's date
         * @param codes the codes it emits
         * @param conditions its condition tree, in tree order
         * @param source where in the guide it comes from
         * @param quote the guide text it encodes
         * @param withheldBy the exception that withheld it, if one did
         * @param missing the case fields whose absence left it undecided
         */
        public RuleCheck {
            codes = List.copyOf(codes);
            conditions = List.copyOf(conditions);
            missing = List.copyOf(missing);
        }

        /** @return the first leaf condition that was false, which is why the rule did not fire (empty if none) */
        public java.util.Optional<ConditionCheck> firstFalse() {
            return conditions.stream().filter(c -> c.leaf() && !c.holds()).findFirst();
        }
    }

    /**
     * A node of a rule's condition, in tree order: {@code depth} 0 is the whole condition. Leaves carry the
     * case's {@code actual} value, so a reader sees why they held or not; {@code unknown} is true where the
     * case lacks the value (then {@code holds} is false). A concept is one node, its condition below it.
     */
    public record ConditionCheck(int depth, String condition, boolean holds, boolean leaf, String actual, String at,
                                 boolean unknown) {}

    /**
     * @param id a rule id
     * @return the check of that rule
     * @throws IllegalArgumentException when the guide has no such rule
     */
    public RuleCheck rule(String id) {
        return rules.stream().filter(r -> r.rule().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no rule '" + id + "' in this guide"));
    }
}
