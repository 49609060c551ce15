/**
 * Scenarios: "for this case, the guide must say this". {@link no.veiviser.scenario.Scenarios} reads scenario files,
 * checking codes, rules and case fields against the guide; {@link no.veiviser.scenario.ScenarioRunner} runs them
 * against a compiled guide and returns a {@link no.veiviser.scenario.ScenarioReport}: every mismatch as facts, rule and
 * condition coverage, and the report as text, JSON, JUnit XML or Markdown.
 */
package no.veiviser.scenario;
