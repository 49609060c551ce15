package no.veiviser.internal.engine;

import java.util.regex.Pattern;

/**
 * The only way text reaches generated DRL. Literals are codes that validation has already checked
 * against a catalogue; this is the second line of defence: anything but a plain code is refused here,
 * so no quote, brace or keyword can ever close the literal and become code.
 */
final class DrlText {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9ÆØÅæøå][A-Za-z0-9ÆØÅæøå._-]{0,79}");

    private DrlText() {}

    static String quote(String code) {
        if (!SAFE.matcher(code).matches()) {
            throw new IllegalStateException("refusing to write an unchecked literal into a rule");
        }
        return "\"" + code + "\"";
    }

    /** Codes joined by ',' in one literal (each checked as {@link #quote} does; none gives ""). */
    static String quoteAll(java.util.List<String> codes) {
        codes.forEach(DrlText::quote);
        return "\"" + String.join(",", codes) + "\"";
    }
}
