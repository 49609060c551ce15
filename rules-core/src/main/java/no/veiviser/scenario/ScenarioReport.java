package no.veiviser.scenario;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The results of running scenarios against one guide, with rule and condition coverage. */
public record ScenarioReport(String guide, String version, List<ScenarioResult> results, Coverage coverage, Duration elapsed) {

    /**
     * Rule coverage: which rules no scenario fired, and which conditions (by rule, as written) no scenario saw
     * both true and false.
     */
    public record Coverage(int rules, List<String> rulesNeverFired, int conditions, List<String> conditionsNotBothWays) {
        /**
         * Copies the lists.
         *
         * @param rules the number of rules
         * @param rulesNeverFired the rules no scenario fired
         * @param conditions the number of conditions
         * @param conditionsNotBothWays the conditions no scenario saw both true and false
         */
        public Coverage {
            rulesNeverFired = List.copyOf(rulesNeverFired);
            conditionsNotBothWays = List.copyOf(conditionsNotBothWays);
        }

        /** @return the share of rules fired by at least one scenario, in percent */
        public double rulePercent() {
            return rules == 0 ? 100.0 : 100.0 * (rules - rulesNeverFired.size()) / rules;
        }

        /** @return the share of conditions seen both true and false, in percent */
        public double conditionPercent() {
            return conditions == 0 ? 100.0 : 100.0 * (conditions - conditionsNotBothWays.size()) / conditions;
        }
    }

    /**
     * Copies {@code results}.
     *
     * @param guide the guide's id
     * @param version its version
     * @param results every scenario's result, in order
     * @param coverage rule and condition coverage
     * @param elapsed the run time
     */
    public ScenarioReport {
        results = List.copyOf(results);
    }

    /** @return the number of scenarios that failed */
    public long failures() {
        return results.stream().filter(r -> !r.passed()).count();
    }

    /** @return whether every scenario passed */
    public boolean passed() {
        return failures() == 0;
    }

    /** @return passes as one line each, failures in full, then a summary and the coverage, in English */
    public String toText() {
        return toText(Locale.ENGLISH);
    }

    /**
     * The report as text for people. What a failure says about the case (expected, but was) stays English.
     *
     * @param locale {@code nb} (Norwegian bokmål) or English
     * @return passes as one line each, failures in full, then a summary and the coverage
     */
    public String toText(Locale locale) {
        return ScenarioReportFormat.text(this, locale);
    }

    /** @return the report as JSON */
    public String toJson() {
        return ScenarioReportFormat.json(this);
    }

    /** @return JUnit XML, for CI servers */
    public String toJUnitXml() {
        return ScenarioReportFormat.junit(this);
    }

    /** @return Markdown, for a pull request */
    public String toMarkdown() {
        return toMarkdown(Locale.ENGLISH);
    }

    /**
     * @param locale {@code nb} (Norwegian bokmål) or English
     * @return the report as Markdown, in that language
     */
    public String toMarkdown(Locale locale) {
        return ScenarioReportFormat.markdown(this, locale);
    }
}
