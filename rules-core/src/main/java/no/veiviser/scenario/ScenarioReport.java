package no.veiviser.scenario;

import java.time.Duration;
import java.util.List;

/** The results of running scenarios against one guide, with rule and condition coverage. */
public record ScenarioReport(String guide, String version, List<ScenarioResult> results, Coverage coverage, Duration elapsed) {

    /**
     * Rule coverage: which rules no scenario fired, and which conditions (by rule, as written) no scenario saw
     * both true and false.
     */
    public record Coverage(int rules, List<String> rulesNeverFired, int conditions, List<String> conditionsNotBothWays) {
        public Coverage {
            rulesNeverFired = List.copyOf(rulesNeverFired);
            conditionsNotBothWays = List.copyOf(conditionsNotBothWays);
        }

        /** The share of rules fired by at least one scenario, in percent. */
        public double rulePercent() {
            return rules == 0 ? 100.0 : 100.0 * (rules - rulesNeverFired.size()) / rules;
        }

        /** The share of conditions seen both true and false, in percent. */
        public double conditionPercent() {
            return conditions == 0 ? 100.0 : 100.0 * (conditions - conditionsNotBothWays.size()) / conditions;
        }
    }

    public ScenarioReport {
        results = List.copyOf(results);
    }

    public long failures() {
        return results.stream().filter(r -> !r.passed()).count();
    }

    public boolean passed() {
        return failures() == 0;
    }

    /** Passes as one line each, failures in full, then a summary and the coverage. */
    public String toText() {
        return ScenarioReportFormat.text(this);
    }

    public String toJson() {
        return ScenarioReportFormat.json(this);
    }

    /** JUnit XML, for CI servers. */
    public String toJUnitXml() {
        return ScenarioReportFormat.junit(this);
    }

    /** Markdown, for a pull request. */
    public String toMarkdown() {
        return ScenarioReportFormat.markdown(this);
    }
}
