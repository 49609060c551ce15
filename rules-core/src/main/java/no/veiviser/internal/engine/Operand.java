package no.veiviser.internal.engine;

/** The right-hand side of a comparison: a number written in the guide, or a parameter reference. */
public sealed interface Operand {
    int value(Params params);

    String describe(Params params);

    record Literal(int value) implements Operand {
        @Override
        public int value(Params params) {
            return value;
        }

        @Override
        public String describe(Params params) {
            return Integer.toString(value);
        }
    }

    /** {@code factor} converts units, for example 7 when a parameter in weeks is compared with days. */
    record ParamRef(String name, int factor) implements Operand {
        @Override
        public int value(Params params) {
            return params.get(name) * factor;
        }

        @Override
        public String describe(Params params) {
            return value(params) + " (" + name + ")";
        }
    }
}
