package no.veiviser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Enum constants as the kebab-case codes of the case contract ({@code NOT_ASKED} is "not-asked"). */
final class Codes {
    private Codes() {}

    /**
     * The code of {@code e}. Each enum keeps its constants' codes in a field made with this when the constant is made:
     * a case's codes are read on every evaluation, and a field is the cheapest way to read them.
     */
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

    /**
     * {@code codes} without repeats, in their order, as an immutable list; the list itself when it is immutable and has
     * none (a generated or read case's lists are made once and passed on, not copied again). A loop, not a stream: the
     * lists are short, and a population diff makes a million of them.
     */
    static List<String> distinct(List<String> codes) {
        List<String> copy = List.copyOf(codes);
        for (int i = 1; i < copy.size(); i++) {
            if (copy.subList(0, i).contains(copy.get(i))) {
                List<String> out = new ArrayList<>(copy.size());
                for (String code : copy) {
                    if (!out.contains(code)) {
                        out.add(code);
                    }
                }
                return List.copyOf(out);
            }
        }
        return copy;
    }
}
