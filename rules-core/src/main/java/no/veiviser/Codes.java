package no.veiviser;

import java.util.Locale;

/** Enum constants as the kebab-case codes of the case contract ({@code NOT_ASKED} is "not-asked"). */
final class Codes {
    private Codes() {}

    static String of(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> E parse(Class<E> type, String code) {
        for (E e : type.getEnumConstants()) {
            if (of(e).equals(code)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " code '" + code + "'");
    }
}
