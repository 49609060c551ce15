/**
 * JUnit 5 support: {@link no.veiviser.junit.ScenarioTests} turns every scenario of a guide into a dynamic test, with
 * a failure shown as facts and an optional minimum rule coverage, so that a build fails when a scenario fails or a
 * rule has no scenario.
 */
package no.veiviser.junit;
