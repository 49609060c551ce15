package no.veiviser.impact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import no.veiviser.internal.Language;
import no.veiviser.Guide;
import no.veiviser.internal.Access;
import no.veiviser.internal.engine.Params;
import no.veiviser.internal.model.FindingTemplate;
import no.veiviser.internal.model.GuideModel;
import no.veiviser.internal.model.Parameter;
import no.veiviser.internal.model.Rule;

/**
 * What changed between two versions of a guide, both merged with what they extend: rules added, removed
 * (or disabled) and changed (condition, findings, description, source, effective dates), and parameters
 * added, removed or with other values or dates. Conditions are compared as written, with parameters by
 * name, so a changed parameter value shows once, as a parameter change.
 *
 * <pre>{@code
 * GuideDiff d = GuideDiff.between(Guides.load(before), Guides.load(after));
 * String changes = d.toText();
 * }</pre>
 */
public record GuideDiff(String baseId, String baseVersion, String changedId, String changedVersion,
                        List<RuleChange> rules, List<ParameterChange> parameters) {

    /** What happened to a rule or parameter. */
    public enum Kind {
        /** Only in the changed guide. */
        ADDED,
        /** Only in the base guide (or disabled). */
        REMOVED,
        /** In both, different. */
        CHANGED
    }

    /** One part of a rule that differs, with its text before and after ("" when absent). */
    public record Field(String name, String before, String after) {}

    /** A rule added, removed (disabled) or changed; {@code fields} lists what differs for a changed rule. */
    public record RuleChange(String rule, Kind kind, List<Field> fields) {
        /**
         * Copies {@code fields}.
         *
         * @param rule the rule's id
         * @param kind added, removed or changed
         * @param fields what differs, for a changed rule
         */
        public RuleChange {
            fields = List.copyOf(fields);
        }
    }

    /** A parameter added, removed or with other values; values read {@code 15}, {@code 15; from 2027-01-01: 16}. */
    public record ParameterChange(String parameter, Kind kind, String before, String after) {}

    /**
     * Copies the lists.
     *
     * @param baseId the base guide's id
     * @param baseVersion its version
     * @param changedId the changed guide's id
     * @param changedVersion its version
     * @param rules the rule changes
     * @param parameters the parameter changes
     */
    public GuideDiff {
        rules = List.copyOf(rules);
        parameters = List.copyOf(parameters);
    }

    /** @return whether the two guides have the same rules and parameters (titles, levels and catalogues are not compared) */
    public boolean isEmpty() {
        return rules.isEmpty() && parameters.isEmpty();
    }

    /**
     * The differences between {@code base} and {@code changed}: rules in base order, then new rules; parameters likewise.
     *
     * @param base the guide as it was
     * @param changed the guide as it is to be
     * @return the differences
     */
    public static GuideDiff between(Guide base, Guide changed) {
        GuideModel a = Access.model(base);
        GuideModel b = Access.model(changed);
        List<RuleChange> rules = new ArrayList<>();
        Map<String, Rule> after = new LinkedHashMap<>();
        b.rules().forEach(r -> after.put(r.id(), r));
        Map<String, Rule> before = new LinkedHashMap<>();
        a.rules().forEach(r -> before.put(r.id(), r));
        for (Rule r : a.rules()) {
            Rule other = after.get(r.id());
            if (other == null) {
                rules.add(new RuleChange(r.id(), Kind.REMOVED, List.of()));
            } else {
                List<Field> fields = compare(r, other);
                if (!fields.isEmpty()) {
                    rules.add(new RuleChange(r.id(), Kind.CHANGED, fields));
                }
            }
        }
        for (Rule r : b.rules()) {
            if (!before.containsKey(r.id())) {
                rules.add(new RuleChange(r.id(), Kind.ADDED, List.of()));
            }
        }
        List<ParameterChange> parameters = new ArrayList<>();
        for (Parameter p : a.parameters().values()) {
            Parameter q = b.parameters().get(p.name());
            if (q == null) {
                parameters.add(new ParameterChange(p.name(), Kind.REMOVED, values(p), ""));
            } else if (!values(p).equals(values(q))) {
                parameters.add(new ParameterChange(p.name(), Kind.CHANGED, values(p), values(q)));
            }
        }
        for (Parameter q : b.parameters().values()) {
            if (!a.parameters().containsKey(q.name())) {
                parameters.add(new ParameterChange(q.name(), Kind.ADDED, "", values(q)));
            }
        }
        return new GuideDiff(a.id(), a.version(), b.id(), b.version(), rules, parameters);
    }

    private static List<Field> compare(Rule a, Rule b) {
        List<Field> fields = new ArrayList<>();
        field(fields, "when", condition(a), condition(b));
        field(fields, "then", then(a), then(b));
        field(fields, "description", a.description(), b.description());
        field(fields, "effective", effective(a), effective(b));
        field(fields, "source", a.source().map(s -> s.section() + " | " + s.quote() + " | " + s.law()).orElse(""),
                b.source().map(s -> s.section() + " | " + s.quote() + " | " + s.law()).orElse(""));
        field(fields, "step", a.step().orElse(""), b.step().orElse(""));
        return fields;
    }

    private static void field(List<Field> fields, String name, String before, String after) {
        String x = before == null ? "" : before.strip();
        String y = after == null ? "" : after.strip();
        if (!x.equals(y)) {
            fields.add(new Field(name, x, y));
        }
    }

    private static final Pattern PARAM_VALUE = Pattern.compile("-?\\d+ \\(([A-Za-z0-9ÆØÅæøå_.-]+)\\)");

    /** The condition as people read it, with parameter references by name: {@code child.age >= {youth-consent-age}}. */
    static String condition(Rule r) {
        if (r.when() == null) {
            return "";
        }
        Map<String, Integer> zeros = new LinkedHashMap<>();
        r.when().parameters().forEach(p -> zeros.put(p, 0));
        String text = r.when().describe(new Params(zeros));
        return PARAM_VALUE.matcher(text).replaceAll("{$1}");
    }

    private static String then(Rule r) {
        return r.then().stream().map(GuideDiff::finding).collect(Collectors.joining("; "));
    }

    private static String finding(FindingTemplate t) {
        StringBuilder s = new StringBuilder(t.code());
        t.level().ifPresent(l -> s.append(" level ").append(l));
        t.due().ifPresent(d -> s.append(" due ").append(d instanceof no.veiviser.internal.model.Due.After after
                ? after.parameter() + " after " + (after.from() == null ? "asOf" : after.from().path()) : d instanceof no.veiviser.internal.model.Due.AsSoonAsPossible ? "as-soon-as-possible" : "same-day"));
        if (!t.who().isEmpty()) {
            s.append(" who ").append(t.who());
        }
        t.responsible().ifPresent(x -> s.append(" responsible '").append(x).append('\''));
        if (!t.tools().isEmpty()) {
            s.append(" tools ").append(t.tools());
        }
        t.step().ifPresent(x -> s.append(" step ").append(x));
        if (!t.text().isBlank()) {
            s.append(" text '").append(t.text().strip().replaceAll("\\s+", " ")).append('\'');
        }
        return s.toString();
    }

    private static String effective(Rule r) {
        if (r.effectiveFrom().isEmpty() && r.effectiveTo().isEmpty()) {
            return "";
        }
        return "from " + r.effectiveFrom().map(Object::toString).orElse("always") + " to "
                + r.effectiveTo().map(Object::toString).orElse("always");
    }

    static String values(Parameter p) {
        return p.unit().code() + ": " + p.values().stream()
                .map(v -> v.from().map(d -> "from " + d + ": ").orElse("") + v.value())
                .collect(Collectors.joining("; "));
    }

    /** @return for people: one line per change, and before/after lines for what differs, in English */
    public String toText() {
        return toText(Locale.ENGLISH);
    }

    /**
     * The differences for people. The rule parts ({@code when}, {@code then}) are named as in the guide file.
     *
     * @param locale {@code nb} (Norwegian bokmål) or English
     * @return one line per change, and before/after lines for what differs
     */
    public String toText(Locale locale) {
        boolean nb = Language.norwegian(locale);
        StringBuilder s = new StringBuilder();
        s.append(nb ? "Endringer i veilederen: " : "Guide diff: ").append(baseId).append(' ').append(baseVersion).append(" -> ")
                .append(changedId).append(' ').append(changedVersion).append('\n');
        if (isEmpty()) {
            return s.append(nb ? "Ingen endringer i regler eller parametere.\n" : "No changes to rules or parameters.\n").toString();
        }
        String parameter = nb ? "parameter " : "parameter ";
        String rule = nb ? "regel " : "rule ";
        for (ParameterChange p : parameters) {
            s.append(switch (p.kind()) {
                case ADDED -> "  + " + parameter + p.parameter() + " = " + p.after();
                case REMOVED -> "  - " + parameter + p.parameter() + (nb ? " (var " : " (was ") + p.before() + ")";
                case CHANGED -> "  ~ " + parameter + p.parameter() + ": " + p.before() + " -> " + p.after();
            }).append('\n');
        }
        for (RuleChange r : rules) {
            s.append(switch (r.kind()) {
                case ADDED -> "  + " + rule + r.rule() + (nb ? " (ny)" : " (added)");
                case REMOVED -> "  - " + rule + r.rule() + (nb ? " (fjernet eller slått av)" : " (removed or disabled)");
                case CHANGED -> "  ~ " + rule + r.rule() + ": " + r.fields().stream().map(Field::name).collect(Collectors.joining(", "));
            }).append('\n');
            String none = nb ? "(ingen)" : "(none)";
            for (Field f : r.fields()) {
                s.append("      ").append(f.name()).append(nb ? " før:   " : " before: ").append(f.before().isEmpty() ? none : f.before()).append('\n');
                s.append("      ").append(f.name()).append(nb ? " etter: " : " after:  ").append(f.after().isEmpty() ? none : f.after()).append('\n');
            }
        }
        s.append(rules.size()).append(nb ? " regelendring(er), " : " rule change(s), ").append(parameters.size())
                .append(nb ? " parameterendring(er)\n" : " parameter change(s)\n");
        return s.toString();
    }

    /** @return the differences as JSON */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    void write(JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("base");
        g.writeStringField("id", baseId);
        g.writeStringField("version", baseVersion);
        g.writeEndObject();
        g.writeObjectFieldStart("changed");
        g.writeStringField("id", changedId);
        g.writeStringField("version", changedVersion);
        g.writeEndObject();
        g.writeArrayFieldStart("parameters");
        for (ParameterChange p : parameters) {
            g.writeStartObject();
            g.writeStringField("parameter", p.parameter());
            g.writeStringField("kind", p.kind().name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("before", p.before());
            g.writeStringField("after", p.after());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("rules");
        for (RuleChange r : rules) {
            g.writeStartObject();
            g.writeStringField("rule", r.rule());
            g.writeStringField("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT));
            g.writeArrayFieldStart("fields");
            for (Field f : r.fields()) {
                g.writeStartObject();
                g.writeStringField("field", f.name());
                g.writeStringField("before", f.before());
                g.writeStringField("after", f.after());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
