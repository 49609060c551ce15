/**
 * The guide as a static HTML handbook for the people who work by it: {@link no.veiviser.handbook.Handbook} renders
 * levels, steps, tools, every rule in plain Norwegian with the guide's own words and the law, and the dated
 * parameters, as one page with inline CSS and no JavaScript. The Mustache templates are class-path resources under
 * {@code veiviser/docs/}.
 */
package no.veiviser.handbook;
