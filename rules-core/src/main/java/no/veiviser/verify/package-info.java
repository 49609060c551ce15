/**
 * {@code veiviser verify}: proves a guide's invariants for every possible case with a SAT solver (Sat4j), and
 * finds the counter-example with the fewest facts when one does not hold. {@link no.veiviser.verify.Verifier} is
 * the entry point; {@link no.veiviser.verify.VerifyReport} what it finds.
 */
package no.veiviser.verify;
