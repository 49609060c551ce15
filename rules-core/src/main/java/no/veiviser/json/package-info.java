/**
 * JSON for frameworks: {@link no.veiviser.json.VeiviserModule} makes any Jackson {@code ObjectMapper} write a
 * {@link no.veiviser.Decision} exactly as {@link no.veiviser.Decision#toJson()} does.
 */
package no.veiviser.json;
