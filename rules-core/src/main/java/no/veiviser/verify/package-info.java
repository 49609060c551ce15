/**
 * {@code veiviser verify}: proves a guide's invariants for every possible case with a SAT solver (Sat4j), and
 * finds the counter-example with the fewest facts when one does not hold. {@link no.veiviser.verify.Verifier} is
 * the entry point; {@link no.veiviser.verify.VerifyReport} what it finds. {@link no.veiviser.verify.ExactDiff}
 * ({@code veiviser diff --exact}) uses the same encoding for two versions of a guide and lists every class of cases
 * whose decision differs, in an {@link no.veiviser.verify.ExactDiffReport}.
 */
package no.veiviser.verify;
