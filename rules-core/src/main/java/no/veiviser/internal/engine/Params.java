package no.veiviser.internal.engine;

import java.util.Map;

/** Parameter values in force on one date (or one period), by parameter name. */
public record Params(Map<String, Integer> values) {
    public Params {
        values = Map.copyOf(values);
    }

    public int get(String name) {
        Integer v = values.get(name);
        if (v == null) {
            throw new IllegalStateException("no value for parameter " + name);
        }
        return v;
    }
}
