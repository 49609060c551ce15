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
    public record Code(String code, LocalDate due, List<String> who) {}

    /** The summary of a decision, as {@link Evaluator#summarizeEach} gives it. */
    public static Summary of(Decision d) {
        Builder b = new Builder(d.level().recommended());
        for (Finding f : d.findings()) {
            b.add(f.code(), f.due().orElse(null), f.who());
        }
        return b.build();
    }

    /** The code, or null when the decision has no finding of it. */
    public Code get(String code) {
        for (Code c : codes) {
            if (c.code().equals(code)) {
                return c;
            }
        }
        return null;
    }

    /** Collects findings one by one (a handful per case: lists, not maps). */
    static final class Builder {
        private final int level;
        private final List<String> codes = new ArrayList<>(8);
        private final List<LocalDate> dues = new ArrayList<>(8);
        private final List<List<String>> who = new ArrayList<>(8);

        Builder(int level) {
            this.level = level;
        }

        void add(String code, LocalDate due, List<String> names) {
            int i = codes.indexOf(code);
            if (i < 0) {
                codes.add(code);
                dues.add(due);
                who.add(names.isEmpty() ? List.of() : new ArrayList<>(names));
                return;
            }
            LocalDate earlier = dues.get(i);
            if (due != null && (earlier == null || due.isBefore(earlier))) {
                dues.set(i, due);
            }
            for (String n : names) {
                List<String> w = who.get(i);
                if (!w.contains(n)) {
                    if (w.isEmpty()) {
                        w = new ArrayList<>(2);
                        who.set(i, w);
                    }
                    w.add(n);
                }
            }
        }

        Summary withLevel(int recommended) {
            Summary s = build();
            return new Summary(recommended, s.codes());
        }

        Summary build() {
            List<Code> out = new ArrayList<>(codes.size());
            for (int i = 0; i < codes.size(); i++) {
                List<String> w = who.get(i);
                if (w.size() > 1) {
                    w = new ArrayList<>(w);
                    w.sort(null);
                    w = new ArrayList<>(new java.util.LinkedHashSet<>(w));
                }
                out.add(new Code(codes.get(i), dues.get(i), List.copyOf(w)));
            }
            out.sort(java.util.Comparator.comparing(Code::code));
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
