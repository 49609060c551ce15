package no.veiviser.internal;

import java.util.Locale;

/**
 * The two languages of output for people: Norwegian bokmål ({@code nb}, also {@code no} and {@code nn}) and English
 * (any other locale). Problem messages are English whatever the language (README says so).
 */
public final class Language {
    private Language() {}

    /** @return whether {@code locale} asks for Norwegian */
    public static boolean norwegian(Locale locale) {
        return no.veiviser.internal.engine.ValueLabels.norwegian(locale); // one definition
    }

    /** @return {@code nb} for a Norwegian locale, {@code en} otherwise */
    public static String pick(Locale locale, String nb, String en) {
        return norwegian(locale) ? nb : en;
    }
}
