package no.veiviser.scenario;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import no.veiviser.CompiledGuide;
import no.veiviser.Decision;
import no.veiviser.Explanation;
import no.veiviser.Finding;

/**
 * Runs scenarios against a compiled guide: each scenario's decision is compared with what it expects, and
 * every difference is reported as facts. Across all scenarios it measures rule coverage (rules no scenario
 * fired) and condition coverage (conditions no scenario saw both true and false).
 */
public final class ScenarioRunner {
    private ScenarioRunner() {}

    /**
     * Runs every scenario against {@code guide}.
     *
     * @param guide the compiled guide
     * @param scenarios the scenarios
     * @return every result and the coverage
     */
    public static ScenarioReport run(CompiledGuide guide, List<Scenario> scenarios) {
        long start = System.nanoTime();
        List<String> ruleIds = guide.guide().ruleIds();
        Map<String, Boolean> fired = new LinkedHashMap<>();
        ruleIds.forEach(id -> fired.put(id, false));
        Map<String, int[]> seen = new LinkedHashMap<>(); // condition -> {times true, times false}
        List<ScenarioResult> results = new ArrayList<>();
        for (Scenario s : scenarios) {
            Explanation e = guide.explain(s.aCase());
            results.add(check(s, e));
            for (Explanation.RuleCheck r : e.rules()) {
                if (r.fired()) {
                    fired.put(r.rule(), true);
                }
                for (int i = 0; i < r.conditions().size(); i++) {
                    Explanation.ConditionCheck c = r.conditions().get(i);
                    if (c.leaf()) {
                        int[] counts = seen.computeIfAbsent(r.rule() + " #" + i + ": " + c.condition() + " (" + c.at() + ")", k -> new int[2]);
                        counts[c.holds() ? 0 : 1]++;
                    }
                }
            }
        }
        List<String> neverFired = fired.entrySet().stream().filter(x -> !x.getValue()).map(Map.Entry::getKey).toList();
        List<String> oneWay = seen.entrySet().stream().filter(x -> x.getValue()[0] == 0 || x.getValue()[1] == 0)
                .map(x -> x.getKey().replaceFirst(" #\\d+: ", ": ") + (x.getValue()[0] == 0 ? " — never true" : " — never false"))
                .toList();
        return new ScenarioReport(guide.guide().id(), guide.guide().version(), results,
                new ScenarioReport.Coverage(ruleIds.size(), neverFired, seen.size(), oneWay), Duration.ofNanos(System.nanoTime() - start));
    }

    /** One scenario against its explanation. */
    static ScenarioResult check(Scenario s, Explanation e) {
        Decision d = e.decision();
        List<ScenarioResult.Mismatch> mismatches = new ArrayList<>();
        Scenario.Expectation x = s.expect();
        if (x.level().isPresent() && x.level().getAsInt() != d.level().recommended()) {
            mismatches.add(new ScenarioResult.Mismatch("level", "level " + x.level().getAsInt(),
                    "level " + d.level().id() + (d.level().because().isEmpty() ? "" : " (set by " + String.join(", ", d.level().because()) + ")"),
                    Optional.empty(), Optional.empty()));
        }
        for (Scenario.ExpectedFinding f : x.includes()) {
            if (d.findings().stream().anyMatch(f::matches)) {
                continue;
            }
            List<Finding> sameCode = d.findings(f.code());
            if (!sameCode.isEmpty()) {
                mismatches.add(new ScenarioResult.Mismatch("finding", f.toString(),
                        sameCode.stream().map(ScenarioRunner::describe).collect(Collectors.joining("; ")), Optional.empty(), Optional.empty()));
                continue;
            }
            Optional<Explanation.RuleCheck> emitter = e.rules().stream()
                    .filter(r -> r.codes().contains(f.code()) && f.rule().map(r.rule()::equals).orElse(true)).findFirst();
            mismatches.add(new ScenarioResult.Mismatch("finding", "includes " + f, "no " + f.code() + " in " + d.codes(),
                    emitter.map(Explanation.RuleCheck::rule), emitter.map(ScenarioRunner::whyNot)));
        }
        for (String code : x.excludes()) {
            List<Finding> present = d.findings(code);
            if (!present.isEmpty()) {
                mismatches.add(new ScenarioResult.Mismatch("finding", "no " + code, code + " from rule " + present.get(0).rule(),
                        Optional.of(present.get(0).rule()), Optional.empty()));
            }
        }
        if (x.exactly().isPresent()) {
            TreeSet<String> expected = new TreeSet<>(x.exactly().get());
            TreeSet<String> actual = new TreeSet<>(d.codes());
            if (!expected.equals(actual)) {
                List<String> more = actual.stream().filter(c -> !expected.contains(c)).toList();
                List<String> less = expected.stream().filter(c -> !actual.contains(c)).toList();
                mismatches.add(new ScenarioResult.Mismatch("exactly", "exactly " + expected, actual
                        + (more.isEmpty() ? "" : "; not expected: " + more.stream().map(c -> c + " from rule " + d.findings(c).get(0).rule())
                        .collect(Collectors.joining(", "))) + (less.isEmpty() ? "" : "; missing: " + less),
                        more.stream().map(c -> d.findings(c).get(0).rule()).findFirst(), Optional.empty()));
            }
        }
        for (Scenario.Only only : x.only()) {
            List<Finding> other = d.findings().stream().filter(only::picks).filter(f -> !only.codes().contains(f.code())).toList();
            if (!other.isEmpty()) {
                mismatches.add(new ScenarioResult.Mismatch("only", only.toString(), other.stream()
                        .map(f -> f.code() + " from rule " + f.rule()).collect(Collectors.joining(", ")),
                        Optional.of(other.get(0).rule()), Optional.empty()));
            }
        }
        if (x.consent().isPresent()) {
            TreeSet<String> expected = new TreeSet<>(x.consent().get());
            TreeSet<String> actual = d.findings("consent-required").stream().flatMap(f -> f.who().stream())
                    .collect(Collectors.toCollection(TreeSet::new));
            if (!expected.equals(actual)) {
                mismatches.add(new ScenarioResult.Mismatch("consent", "consent from " + expected, "consent from " + actual,
                        d.findings("consent-required").stream().map(Finding::rule).findFirst(), Optional.empty()));
            }
        }
        return new ScenarioResult(s, mismatches, d);
    }

    private static String whyNot(Explanation.RuleCheck r) {
        if (!r.inForce()) {
            return "the rule is not in force on the case's asOf date";
        }
        if (r.withheldBy().isPresent()) {
            return "every condition held, but the exception " + r.withheldBy().get() + " withheld the rule";
        }
        if (!r.missing().isEmpty()) {
            return "not decided: the case does not give " + String.join(", ", r.missing());
        }
        return r.firstFalse().map(c -> c.condition() + " (actual: " + c.actual() + ") at " + c.at())
                .orElse("every condition held");
    }

    static String describe(Finding f) {
        StringBuilder s = new StringBuilder(f.code());
        f.due().ifPresent(d -> s.append(" due ").append(d));
        f.responsible().ifPresent(r -> s.append(" responsible '").append(r).append('\''));
        s.append(" from rule ").append(f.sources().stream().map(Finding.Given::rule).collect(Collectors.joining(", ")));
        if (!f.who().isEmpty()) {
            s.append(" who ").append(f.who());
        }
        return s.toString();
    }
}
