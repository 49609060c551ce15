package no.veiviser.internal.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import no.veiviser.Decision;
import no.veiviser.Finding;

/**
 * What {@code veiviser diff} compares of a decision, and nothing more: the recommended level and, per finding code
 * (sorted by code: the order of a decision's findings is not compared), the earliest due date of its findings (null: none has one) and everyone
 * they name (sorted, each once). {@link Evaluator#summarizeEach} computes it without building the decision (no texts,
 * trace, notes or withheld list); it always equals {@link #of(Decision)} of the decision {@code evaluate} gives.
 *
 * @param level the recommended level
 * @param codes per code, sorted by code, its earliest due date and whom it names
 */
public record Summary(int level, List<Code> codes) {
    /** One code of a decision: its earliest due date (null: none) and everyone its findings name, sorted. */
    public record Code(String code, LocalDate due, List<String> who) {
        // Written out: a diff compares two summaries per case, and the record's generated equals was 9 % of an impact run.
        @Override
        public boolean equals(Object o) {
            return o instanceof Code c && code.equals(c.code) && Objects.equals(due, c.due) && who.equals(c.who);
        }

        @Override
        public int hashCode() {
            return (code.hashCode() * 31 + Objects.hashCode(due)) * 31 + who.hashCode();
        }
    }

    /** The summary of a decision, as {@link Evaluator#summarizeEach} gives it. */
    public static Summary of(Decision d) {
        Builder b = new Builder();
        for (Finding f : d.findings()) {
            b.add(f.code(), f.due().orElse(null), f.who());
        }
        return b.build(d.level().recommended());
    }

    /**
     * Collects findings one by one, kept sorted by code as they come (a handful per case: lists, not maps). A diff
     * builds one per case and guide, so this is in its inner loop (issue 27): no sorting or copying at the end.
     */
    static final class Builder {
        private final List<String> codes = new ArrayList<>(8);
        private final List<LocalDate> dues = new ArrayList<>(8);
        private final List<List<String>> who = new ArrayList<>(8);

        void add(String code, LocalDate due, List<String> names) {
            int i = firstNotBefore(codes, code);
            if (i == codes.size() || !codes.get(i).equals(code)) {
                codes.add(i, code);
                dues.add(i, due);
                who.add(i, List.of());
            } else {
                LocalDate earlier = dues.get(i);
                if (due != null && (earlier == null || due.isBefore(earlier))) {
                    dues.set(i, due);
                }
            }
            for (int k = 0; k < names.size(); k++) {
                addName(i, names.get(k));
            }
        }

        /** Adds {@code name} to the code's sorted names unless it is there. */
        private void addName(int code, String name) {
            List<String> w = who.get(code);
            int at = firstNotBefore(w, name);
            if (at < w.size() && w.get(at).equals(name)) {
                return;
            }
            if (w.isEmpty()) {
                w = new ArrayList<>(2);
                who.set(code, w);
            }
            w.add(at, name);
        }

        /** Where {@code key} is or belongs in {@code sorted}: the first place whose value does not come before it. */
        private static int firstNotBefore(List<String> sorted, String key) {
            int i = 0;
            while (i < sorted.size() && sorted.get(i).compareTo(key) < 0) {
                i++;
            }
            return i;
        }

        Summary build(int level) {
            List<Code> out = new ArrayList<>(codes.size());
            for (int i = 0; i < codes.size(); i++) {
                out.add(new Code(codes.get(i), dues.get(i), List.copyOf(who.get(i))));
            }
            return new Summary(level, out);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Summary s && s.level == level && s.codes.equals(codes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(level, codes);
    }
}
