/**
 * Not API: the workbench behind {@code veiviser serve} (its JSON API, page and guide folder). It may change
 * without notice; embed the library packages instead.
 */
package no.veiviser.workbench;
