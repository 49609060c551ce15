package no.veiviser;

import java.util.Locale;

/** Enum constants as the kebab-case codes of the case contract ({@code NOT_ASKED} is "not-asked"). */
final class Codes {
    private Codes() {}

    /** Each enum type's codes by ordinal, made once: a case's codes are read on every evaluation. */
    private static final ClassValue<String[]> CODES = new ClassValue<>() {
        @Override
        protected String[] computeValue(Class<?> type) {
            Object[] constants = type.getEnumConstants();
            String[] codes = new String[constants.length];
            for (int i = 0; i < constants.length; i++) {
                codes[i] = ((Enum<?>) constants[i]).name().toLowerCase(Locale.ROOT).replace('_', '-');
            }
            return codes;
        }
    };

    static String of(Enum<?> e) {
        return CODES.get(e.getDeclaringClass())[e.ordinal()];
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
