/**
 * The core API of Veiviser: load a guide ({@link no.veiviser.Guides}), compile it once ({@link no.veiviser.Guide#compile()}),
 * read or build a {@link no.veiviser.Case} ({@link no.veiviser.Cases}) and evaluate it to a {@link no.veiviser.Decision}
 * ({@link no.veiviser.CompiledGuide}), or see why with an {@link no.veiviser.Explanation}. Bad input is reported as a
 * {@link no.veiviser.GuideException} or {@link no.veiviser.CaseException} carrying every {@link no.veiviser.Problem} at
 * once. Nothing from Drools appears here. Features built on this API live beside it: {@code no.veiviser.scenario},
 * {@code no.veiviser.impact}, {@code no.veiviser.lint}, {@code no.veiviser.handbook}, {@code no.veiviser.junit},
 * {@code no.veiviser.json} and {@code no.veiviser.server}. Not API, and left out of the published Javadoc: {@code no.veiviser.internal} and its
 * subpackages, and the tools' own packages {@code no.veiviser.cli} and {@code no.veiviser.workbench}.
 */
package no.veiviser;
