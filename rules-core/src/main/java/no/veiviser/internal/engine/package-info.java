/**
 * Not API: may change without notice. The condition language, its compilation to Drools DRL, the facts Drools runs
 * on, dated parameters, and the evaluator that turns a case into a decision or an explanation.
 */
package no.veiviser.internal.engine;
