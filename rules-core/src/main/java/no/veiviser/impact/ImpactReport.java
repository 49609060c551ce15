package no.veiviser.impact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import no.veiviser.Decision;
import no.veiviser.internal.Language;

/**
 * The result of an {@link ImpactDiff}: how many cases got another decision, and the differences grouped by
 * kind, each with its count, share of all cases and example cases. The text, JSON and Markdown forms are the
 * same for any thread count (the run time is in {@link #millis()} only).
 */
public record ImpactReport(Decision.GuideRef base, Decision.GuideRef changed, String source, long cases, long changedCases,
                           List<Group> groups, GuideDiff guideDiff, long millis) {

    /** The kinds of difference, in report order. */
    public enum Kind {
        /** The recommended level differs. */
        LEVEL_CHANGED("level changed", "nivå endret"),
        /** A code only the changed guide gives. */
        CODE_ADDED("code added", "kode lagt til"),
        /** A code only the base guide gives. */
        CODE_REMOVED("code removed", "kode fjernet"),
        /** The same code with another due date. */
        DUE_MOVED("due date moved", "frist flyttet"),
        /** The same code names other people or services ({@code who}), e.g. who must consent. */
        WHO_CHANGED("who changed", "hvem endret"),
        /** Only one guide accepts the case: {@code subject} names the guide that rejects it, {@code change} why. */
        REJECTED("rejected", "avvist");

        private final String label;
        private final String norwegian;

        Kind(String label, String norwegian) {
            this.label = label;
            this.norwegian = norwegian;
        }

        /** @return the kind for people, for example {@code level changed} */
        public String label() {
            return label;
        }

        /**
         * @param locale {@code nb} (Norwegian bokmål) or English
         * @return the kind for people in that language, for example {@code nivå endret}
         */
        public String label(Locale locale) {
            return Language.norwegian(locale) ? norwegian : label;
        }

        /** @return the kind as written in JSON, for example {@code level-changed} */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** A case shown as an example: its number in the source, its label (file, line, scenario) and its facts. */
    public record Example(long index, String label, String facts) {}

    /**
     * Cases with one kind of difference. {@code subject} is {@code level} or the finding code; {@code change}
     * is {@code 1 -> 3} for a level, {@code +14 days}, {@code due set} or {@code due removed} for a due date, and
     * empty for an added or removed code; {@code [guardians] -> [guardians, youth]} when who changed. For a rejected case, {@code subject} is
     * {@code base guide} or {@code changed guide} and {@code change} the reason.
     */
    public record Group(Kind kind, String subject, String change, long count, List<Example> examples) {
        static final Comparator<Group> ORDER = Comparator.comparing(Group::kind)
                .thenComparing(Comparator.comparingLong(Group::count).reversed())
                .thenComparing(Group::subject).thenComparing(Group::change);

        /**
         * Copies {@code examples}.
         *
         * @param kind the kind of difference
         * @param subject {@code level}, the finding code, or the guide that rejects
         * @param change how it changed
         * @param count the number of cases
         * @param examples the first example cases
         */
        public Group {
            examples = List.copyOf(examples);
        }

        /** @return {@code level 1 -> 3}, {@code involve-guardians}, {@code involve-guardians +14 days} */
        public String what() {
            return what(Locale.ENGLISH);
        }

        /**
         * @param locale {@code nb} (Norwegian bokmål) or English: says "by" ("av") the guide that rejects a case
         * @return {@code level 1 -> 3}, {@code involve-guardians}, {@code involve-guardians +14 days}
         */
        public String what(Locale locale) {
            if (kind == Kind.REJECTED) {
                return Language.pick(locale, "av ", "by ") + subject + ": " + change;
            }
            return change.isEmpty() ? subject : subject + " " + change;
        }
    }

    /**
     * Copies {@code groups}.
     *
     * @param base the base guide
     * @param changed the changed guide
     * @param source what the cases were
     * @param cases the number of cases
     * @param changedCases the number of cases with another decision
     * @param groups the differences, by kind
     * @param guideDiff what changed in the guide
     * @param millis the run time
     */
    public ImpactReport {
        groups = List.copyOf(groups);
    }

    /** @return whether any case got another decision */
    public boolean hasChanges() {
        return changedCases > 0;
    }

    /**
     * @param count a number of cases
     * @return that number in per cent of all cases
     */
    public double percent(long count) {
        return cases == 0 ? 0 : count * 100.0 / cases;
    }

    static String pct(double p) {
        return String.format(Locale.ROOT, "%.2f%%", p);
    }

    /** @return two lines and one per group: the summary the examples' README quotes */
    public String summary() {
        return summary(Locale.ENGLISH);
    }

    /**
     * @param locale {@code nb} (Norwegian bokmål) or English
     * @return two lines and one per group, in that language
     */
    public String summary(Locale locale) {
        boolean nb = Language.norwegian(locale);
        StringBuilder s = new StringBuilder();
        s.append(nb ? "Virkning av " : "Impact of ").append(base.id()).append(' ').append(base.version()).append(" -> ")
                .append(changed.id()).append(' ').append(changed.version()).append(nb ? " på " : " on ").append(source).append('\n');
        s.append(nb ? "endret: " : "changed: ").append(changedCases).append(nb ? " av " : " of ").append(cases)
                .append(nb ? " saker (" : " cases (").append(pct(percent(changedCases))).append(")\n");
        for (Group g : groups) {
            s.append(String.format(Locale.ROOT, "  %-15s %-55s %9d  %7s%n", g.kind().label(locale), g.what(locale), g.count(),
                    pct(percent(g.count()))));
        }
        return s.toString();
    }

    /** @return the guide diff, the summary, and the examples of every group, in English */
    public String toText() {
        return toText(Locale.ENGLISH);
    }

    /**
     * @param locale {@code nb} (Norwegian bokmål) or English
     * @return the guide diff, the summary, and the examples of every group, in that language
     */
    public String toText(Locale locale) {
        StringBuilder s = new StringBuilder(guideDiff.toText(locale)).append('\n').append(summary(locale));
        if (groups.stream().anyMatch(g -> !g.examples().isEmpty())) {
            s.append(Language.pick(locale, "\nEksempler\n", "\nExamples\n"));
            for (Group g : groups) {
                s.append("  ").append(g.kind().label(locale)).append(": ").append(g.what(locale)).append('\n');
                for (Example e : g.examples()) {
                    s.append("    ").append(e.label()).append(": ").append(e.facts()).append('\n');
                }
            }
        }
        return s.toString();
    }

    /** @return the report as Markdown, for a pull request, in English */
    public String toMarkdown() {
        return toMarkdown(Locale.ENGLISH);
    }

    /**
     * @param locale {@code nb} (Norwegian bokmål) or English
     * @return the report as Markdown, for a pull request, in that language
     */
    public String toMarkdown(Locale locale) {
        boolean nb = Language.norwegian(locale);
        StringBuilder s = new StringBuilder();
        s.append(nb ? "## Virkning av " : "## Impact of ").append(base.id()).append(' ').append(base.version()).append(" → ").append(changed.id())
                .append(' ').append(changed.version()).append("\n\n");
        s.append(nb ? "Saker: " : "Cases: ").append(source).append(". **").append(changedCases).append(nb ? " av " : " of ").append(cases)
                .append(nb ? " saker (" : " cases (").append(pct(percent(changedCases)))
                .append(nb ? ") får en annen avgjørelse.**\n\n" : ") get another decision.**\n\n");
        if (!guideDiff.isEmpty()) {
            s.append(nb ? "### Hva som er endret i veilederen\n\n" : "### What changed in the guide\n\n");
            for (GuideDiff.ParameterChange p : guideDiff.parameters()) {
                s.append("- parameter `").append(p.parameter()).append("`: ").append(p.kind().name().toLowerCase(Locale.ROOT))
                        .append(p.before().isEmpty() ? "" : ", before " + cell(p.before()))
                        .append(p.after().isEmpty() ? "" : ", after " + cell(p.after())).append('\n');
            }
            for (GuideDiff.RuleChange r : guideDiff.rules()) {
                s.append("- rule `").append(r.rule()).append("`: ").append(r.kind().name().toLowerCase(Locale.ROOT));
                if (!r.fields().isEmpty()) {
                    s.append(" (").append(String.join(", ", r.fields().stream().map(GuideDiff.Field::name).toList())).append(')');
                }
                s.append('\n');
            }
            s.append('\n');
        }
        if (!groups.isEmpty()) {
            s.append(nb ? "### Forskjeller\n\n| slag | hva | saker | andel | eksempler |\n|---|---|---:|---:|---|\n"
                    : "### Differences\n\n| kind | what | cases | share | examples |\n|---|---|---:|---:|---|\n");
            for (Group g : groups) {
                s.append("| ").append(g.kind().label(locale)).append(" | `").append(g.what(locale)).append("` | ").append(g.count())
                        .append(" | ").append(pct(percent(g.count()))).append(" | ")
                        .append(String.join(", ", g.examples().stream().map(e -> cell(e.label())).toList())).append(" |\n");
            }
            s.append(nb ? "\n### Eksempler\n\n" : "\n### Examples\n\n");
            for (Group g : groups) {
                s.append("**").append(g.kind().label(locale)).append(": `").append(g.what(locale)).append("`**\n\n");
                for (Example e : g.examples()) {
                    s.append("- ").append(cell(e.label())).append(": ").append(cell(e.facts())).append('\n');
                }
                s.append('\n');
            }
        }
        return s.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /** @return the report as JSON */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            ref(g, "base", base);
            ref(g, "changed", changed);
            g.writeStringField("source", source);
            g.writeNumberField("cases", cases);
            g.writeNumberField("changedCases", changedCases);
            g.writeStringField("changedPercent", pct(percent(changedCases)));
            g.writeArrayFieldStart("groups");
            for (Group x : groups) {
                g.writeStartObject();
                g.writeStringField("kind", x.kind().code());
                g.writeStringField("subject", x.subject());
                if (!x.change().isEmpty()) {
                    g.writeStringField("change", x.change());
                }
                g.writeNumberField("count", x.count());
                g.writeStringField("percent", pct(percent(x.count())));
                g.writeArrayFieldStart("examples");
                for (Example e : x.examples()) {
                    g.writeStartObject();
                    g.writeNumberField("index", e.index());
                    g.writeStringField("label", e.label());
                    g.writeStringField("facts", e.facts());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeFieldName("guideDiff");
            guideDiff.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    private static void ref(JsonGenerator g, String name, Decision.GuideRef ref) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeStringField("id", ref.id());
        g.writeStringField("version", ref.version());
        g.writeEndObject();
    }
}
