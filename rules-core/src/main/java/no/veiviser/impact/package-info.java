/**
 * What a change to a guide does: {@link no.veiviser.impact.GuideDiff} lists the rules and parameters that changed
 * between two versions of a guide; {@link no.veiviser.impact.ImpactDiff} evaluates the same cases (from a
 * {@link no.veiviser.impact.CaseSource}: scenarios, case files, JSON Lines, or a generated
 * {@link no.veiviser.impact.Population}) against both and groups the decisions that differ into an
 * {@link no.veiviser.impact.ImpactReport}, the same for any thread count.
 */
package no.veiviser.impact;
