/**
 * Not API: may change without notice. Safe, located reading of YAML and JSON (size and depth limits, no anchors,
 * aliases or tags) into a tree whose every node knows its file, line and column, and the collection of problems
 * with did-you-mean hints.
 */
package no.veiviser.internal.yaml;
