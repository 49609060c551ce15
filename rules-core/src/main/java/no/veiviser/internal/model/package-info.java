/**
 * Not API: may change without notice. The guide model (rules, parameters, levels, steps, tools) and the loader,
 * parser and validator that build it from guide files, merged with the guides they extend.
 */
package no.veiviser.internal.model;
