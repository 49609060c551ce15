package no.veiviser.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.veiviser.Finding;

/** {@link VerifyReport} as text for people and as JSON for programs. */
public final class VerifyFormat {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private VerifyFormat() {}

    /**
     * The report for people: each invariant proved or VIOLATED, with the counter-example as a case to paste
     * into a scenario and the findings that break the invariant; then dead and always-withheld rules, concepts
     * never true, and the time.
     *
     * @param r the report
     * @return the text, one line per item, ending in a newline
     */
    public static String text(VerifyReport r) {
        StringBuilder out = new StringBuilder();
        long proved = r.invariants().stream().filter(VerifyReport.Result::proved).count();
        out.append(r.guide()).append(": ").append(r.invariants().size()).append(r.invariants().size() == 1 ? " invariant, " : " invariants, ")
                .append(proved).append(" proved for every case, ").append(r.invariants().size() - proved).append(" violated\n");
        for (VerifyReport.Result res : r.invariants()) {
            out.append(res.proved() ? "  proved    " : "  VIOLATED  ").append(res.id()).append(" (").append(res.kind())
                    .append(", from ").append(res.origin()).append(')');
            if (!res.description().isBlank()) {
                out.append(": ").append(res.description().strip().replaceAll("\\s+", " "));
            }
            out.append('\n');
            res.counterExample().ifPresent(ce -> {
                out.append("    counter-example with ").append(ce.facts()).append(ce.facts() == 1 ? " fact" : " facts")
                        .append(" (fewest possible), to paste into a scenario:\n");
                out.append("      case:\n");
                ce.yaml().lines().forEach(l -> out.append("        ").append(l).append('\n'));
                out.append("    the decision has:\n");
                for (Finding f : ce.offending()) {
                    out.append("      ").append(finding(f)).append('\n');
                }
                out.append("    recommended level: ").append(ce.decision().level().recommended()).append('\n');
            });
        }
        out.append("rules that can never fire: ").append(list(r.deadRules())).append('\n');
        out.append("rules always withheld by an exception: ").append(list(r.alwaysWithheld())).append('\n');
        out.append("concepts never true: ").append(list(r.neverTrueConcepts())).append('\n');
        out.append("codes given twice with different meanings (level, people, or a due date or none): ")
                .append(list(r.twoMeanings().stream().map(t -> t.code() + " (" + String.join(", ", t.rules()) + ")").toList())).append('\n');
        for (VerifyReport.TwoMeanings t : r.twoMeanings()) {
            out.append("  ").append(t.code()).append(", for example:\n");
            t.yaml().lines().forEach(l -> out.append("      ").append(l).append('\n'));
        }
        out.append("time: ").append(r.elapsed().toMillis()).append(" ms (").append(r.stats().variables()).append(" variables, ")
                .append(r.stats().asOfClasses()).append(r.stats().asOfClasses() == 1 ? " asOf period, " : " asOf periods, ")
                .append(r.stats().queries()).append(" solver queries");
        if (!r.stats().confirming().isZero()) {
            out.append("; ").append(r.stats().confirming().toMillis()).append(" ms of it waiting for the compiled rules to confirm the counter-examples");
        }
        out.append(")\n");
        return out.toString();
    }

    private static String finding(Finding f) {
        StringBuilder s = new StringBuilder(f.code()).append(" (rule ").append(f.rule());
        if (!f.who().isEmpty()) {
            s.append(", who: ").append(String.join(", ", f.who()));
        }
        f.level().ifPresent(l -> s.append(", level ").append(l));
        return s.append(')').toString();
    }

    private static String list(List<String> ids) {
        return ids.isEmpty() ? "none" : String.join(", ", ids);
    }

    /**
     * The reports of one run as JSON: {@code {"clean": ..., "guides": [...]}}.
     *
     * @param reports the reports, one per guide
     * @return the JSON text, ending in a newline
     */
    public static String json(List<VerifyReport> reports) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("clean", reports.stream().allMatch(VerifyReport::clean));
        List<Object> guides = new ArrayList<>();
        for (VerifyReport r : reports) {
            guides.add(map(r));
        }
        root.put("guides", guides);
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> map(VerifyReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("guide", r.guide());
        m.put("clean", r.clean());
        List<Object> invariants = new ArrayList<>();
        for (VerifyReport.Result res : r.invariants()) {
            Map<String, Object> i = new LinkedHashMap<>();
            i.put("id", res.id());
            i.put("kind", res.kind());
            i.put("origin", res.origin());
            i.put("proved", res.proved());
            res.counterExample().ifPresent(ce -> {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("facts", ce.facts());
                c.put("case", ce.yaml());
                List<Object> offending = new ArrayList<>();
                for (Finding f : ce.offending()) {
                    Map<String, Object> fm = new LinkedHashMap<>();
                    fm.put("code", f.code());
                    fm.put("rule", f.rule());
                    fm.put("who", f.who());
                    f.level().ifPresent(l -> fm.put("level", l));
                    offending.add(fm);
                }
                c.put("offending", offending);
                c.put("recommendedLevel", ce.decision().level().recommended());
                i.put("counterExample", c);
            });
            invariants.add(i);
        }
        m.put("invariants", invariants);
        m.put("deadRules", r.deadRules());
        m.put("alwaysWithheld", r.alwaysWithheld());
        m.put("neverTrueConcepts", r.neverTrueConcepts());
        List<Map<String, Object>> twice = new ArrayList<>();
        for (VerifyReport.TwoMeanings t : r.twoMeanings()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("code", t.code());
            x.put("rules", t.rules());
            x.put("case", t.yaml());
            twice.add(x);
        }
        m.put("twoMeanings", twice);
        m.put("elapsedMs", r.elapsed().toMillis());
        m.put("variables", r.stats().variables());
        m.put("asOfPeriods", r.stats().asOfClasses());
        m.put("queries", r.stats().queries());
        m.put("confirmingMs", r.stats().confirming().toMillis());
        return m;
    }
}
