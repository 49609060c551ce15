/**
 * Lint for guide files: {@link no.veiviser.lint.Lint} returns the {@link no.veiviser.lint.LintWarning}s a reviewer
 * would point out (W001-W008: a rule that cites no section, an unused parameter, a code no rule emits, a rule no
 * scenario fires, a contradiction of the base guide, outdated law, a deliberate deviation, a stale acknowledgement).
 * Warnings are not errors; a guide file acknowledges them with {@code acknowledge:}.
 */
package no.veiviser.lint;
