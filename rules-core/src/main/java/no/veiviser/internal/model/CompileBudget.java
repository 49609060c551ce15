package no.veiviser.internal.model;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import no.veiviser.internal.engine.Condition;
import no.veiviser.internal.yaml.Problems;

/**
 * Bounds the work of compiling a guide, checked after validation and before anything is compiled, so that every
 * guide within the reader's size limits compiles in bounded time and memory, without a {@code StackOverflowError}:
 *
 * <ul>
 *   <li>a condition (concepts expanded) has at most {@value #MAX_TERMS} terms: a leaf is one term, a list test
 *       ({@code in}, {@code containsAny} ...) one per value. Drools parses each condition as one expression, and its
 *       parser recurses per term;</li>
 *   <li>conditions, concepts expanded, nest at most {@value #MAX_DEPTH} deep;</li>
 *   <li>the guide compiles to at most {@value #MAX_DROOLS_RULES} Drools rules: a rule becomes one Drools rule per
 *       period between the dates at which the parameters it uses change value.</li>
 * </ul>
 */
public final class CompileBudget {
    public static final int MAX_TERMS = 500;
    public static final int MAX_DEPTH = 100;
    public static final int MAX_DROOLS_RULES = 2_000;

    private final Map<String, Long> conceptTerms = new HashMap<>();

    private CompileBudget() {}

    /** Adds a located error for every condition over the limits, and one for the guide if it needs too many Drools rules. */
    public static void check(GuideModel guide, Problems problems) {
        CompileBudget budget = new CompileBudget();
        boolean conditionsOk = true;
        for (Rule r : guide.rules()) {
            conditionsOk &= budget.checkCondition(r.when(), "rule '" + r.id() + "'", problems);
        }
        for (RuleException e : guide.exceptions()) {
            conditionsOk &= budget.checkCondition(e.when(), "exception '" + e.id() + "'", problems);
        }
        for (Concept c : guide.concepts()) {
            conditionsOk &= budget.checkCondition(c.when(), "concept '" + c.id() + "'", problems);
        }
        if (!conditionsOk) {
            return; // counting periods expands the conditions
        }
        long total = 0;
        Rule widest = null;
        long widestPeriods = 0;
        for (Rule r : guide.rules()) {
            long periods = periods(r, guide);
            total += periods;
            if (periods > widestPeriods) {
                widestPeriods = periods;
                widest = r;
            }
        }
        total += guide.exceptions().stream().filter(e -> e.when() != null).mapToLong(e -> 1 + changeDates(e.when(), null, null, guide)).sum();
        if (total > MAX_DROOLS_RULES && widest != null) {
            blame(guide, total, widest, widestPeriods, problems);
        }
    }

    /**
     * Puts the error where the rules were added: in the file being loaded (the last of its chain), not in a base guide
     * whose rules only grew because this file gave their parameters more dated values. In that file, the rule that
     * needs the most, or (when its own rules need fewer than the base's rules through its parameters) the parameter
     * whose dated values make the most Drools rules.
     */
    private static void blame(GuideModel guide, long total, Rule widest, long widestPeriods, Problems problems) {
        String top = guide.files().isEmpty() ? widest.at().file() : guide.files().get(guide.files().size() - 1);
        String head = "the guide would compile to " + total + " Drools rules; the limit is " + MAX_DROOLS_RULES;
        String hint = "give parameters fewer dated values, or let fewer rules use the parameters that change often";
        Rule own = null;
        long ownPeriods = 0;
        long ownTotal = 0;
        for (Rule r : guide.rules()) {
            if (r.at().file().equals(top)) {
                long periods = periods(r, guide);
                ownTotal += periods;
                if (periods > ownPeriods) {
                    own = r;
                    ownPeriods = periods;
                }
            }
        }
        Parameter param = null;
        long paramRules = 0;
        for (Parameter p : guide.parameters().values()) {
            if (p.at() != null && p.at().file().equals(top) && !p.changeDates().isEmpty()) {
                long n = guide.rules().stream().filter(r -> r.when() != null && r.when().parameters().contains(p.name()))
                        .mapToLong(r -> periods(r, guide)).sum();
                if (n > paramRules) {
                    param = p;
                    paramRules = n;
                }
            }
        }
        if (param != null && paramRules > ownTotal) {
            problems.error(param.at(), head + " (the rules that use parameter '" + param.name() + "' need " + paramRules
                    + ", one for each period between changes of the parameters they use; this file gives it "
                    + param.values().size() + " values)", hint);
        } else if (own != null) {
            problems.error(own.at(), head + " (this rule alone needs " + ownPeriods + ", one for each period between changes of its parameters "
                    + String.join(", ", parameters(own)) + ")", hint);
        } else {
            problems.error(widest.at(), head + " (this rule alone needs " + widestPeriods + ", one for each period between changes of its parameters "
                    + String.join(", ", parameters(widest)) + ")", hint);
        }
    }

    private static java.util.Collection<String> parameters(Rule r) {
        return r.when() == null ? List.of() : r.when().parameters();
    }

    private boolean checkCondition(Condition c, String what, Problems problems) {
        if (c == null) {
            return true;
        }
        long terms = terms(c, 0);
        if (terms < 0) {
            problems.error(c.at(), "the condition of " + what + " nests deeper than " + MAX_DEPTH + " levels (concepts counted)",
                    "split it into concepts that do not refer to each other so deeply");
            return false;
        }
        if (terms > MAX_TERMS) {
            problems.error(c.at(), "the condition of " + what + " has " + (terms >= Long.MAX_VALUE / 4 ? "too many" : String.valueOf(terms))
                    + " terms (concepts expanded, a list counted per value); the limit is " + MAX_TERMS,
                    "split it into several rules, or test a shorter list of codes");
            return false;
        }
        return true;
    }

    /** Terms of {@code c}, concepts expanded (memoised per concept, so shared concepts cost once); -1 when too deep. */
    private long terms(Condition c, int depth) {
        if (depth > MAX_DEPTH) {
            return -1;
        }
        if (c instanceof Condition.ConceptRef ref) {
            Long known = conceptTerms.get(ref.id());
            if (known != null) {
                return known;
            }
            long t = ref.body() == null ? 1 : terms(ref.body(), depth + 1);
            conceptTerms.put(ref.id(), t);
            return t;
        }
        List<Condition> parts = c instanceof Condition.All a ? a.parts()
                : c instanceof Condition.Any a ? a.parts()
                : c instanceof Condition.Not n ? List.of(n.part())
                : c instanceof Condition.IfMissing m ? List.of(m.part())
                : null;
        if (parts == null) {
            return c instanceof Condition.Member m ? Math.max(1, m.values().size())
                    : c instanceof Condition.SetTest s ? Math.max(1, s.codes().size()) : 1;
        }
        long sum = 0;
        for (Condition p : parts) {
            long t = terms(p, depth + 1);
            if (t < 0) {
                return -1;
            }
            sum = Math.min(Long.MAX_VALUE / 4, sum + t);
        }
        return sum;
    }

    private static long periods(Rule r, GuideModel guide) {
        LocalDate from = r.effectiveFrom().orElse(null);
        LocalDate to = r.effectiveTo().orElse(null);
        return 1 + changeDates(r.when(), from, to, guide);
    }

    private static long changeDates(Condition when, LocalDate from, LocalDate to, GuideModel guide) {
        if (when == null) {
            return 0;
        }
        TreeSet<LocalDate> changes = new TreeSet<>();
        for (String name : when.parameters()) {
            Parameter p = guide.parameters().get(name);
            if (p != null) {
                for (LocalDate d : p.changeDates()) {
                    if ((from == null || d.isAfter(from)) && (to == null || d.isBefore(to))) {
                        changes.add(d);
                    }
                }
            }
        }
        return changes.size();
    }
}
