package no.veiviser.internal.engine;

/**
 * Kleene's three truth values. A test on a value the case does not give is {@link #UNKNOWN}, and stays so
 * through {@code all}, {@code any} and {@code not} unless the other parts decide: a rule fires only on
 * {@link #TRUE}, and a rule left {@link #UNKNOWN} is named in the decision's notes with the fact it needs.
 */
public enum Truth {
    TRUE, FALSE, UNKNOWN;

    public static Truth of(boolean b) {
        return b ? TRUE : FALSE;
    }

    public Truth not() {
        return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
    }
}
