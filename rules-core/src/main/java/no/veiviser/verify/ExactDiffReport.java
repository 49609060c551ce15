package no.veiviser.verify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import no.veiviser.Case;
import no.veiviser.Decision;
import no.veiviser.Finding;
import no.veiviser.impact.ImpactReport.Kind;
import no.veiviser.internal.Language;

/**
 * The result of an {@link ExactDiff}: every difference some case has, each with the classes of cases that have it,
 * and, once counted over a population ({@link #withCounts}), how many of its cases fall in each.
 *
 * @param base the guide as it is
 * @param changed the guide as it is to be
 * @param changes the differences, in report order; empty when no case gets another decision
 * @param variables the formula's variables (both decisions over one space of case classes)
 * @param asOfClasses the periods of asOf the guides' dates cut
 * @param queries the solver queries asked
 * @param population the cases counted by {@link #withCounts}, or -1 when none were
 * @param took the time the proof took
 */
public record ExactDiffReport(Decision.GuideRef base, Decision.GuideRef changed, List<Change> changes, int variables,
                              int asOfClasses, int queries, long population, Duration took) {

    /**
     * Copies {@code changes}.
     *
     * @param base the guide as it is
     * @param changed the guide as it is to be
     * @param changes the differences
     * @param variables the formula's variables
     * @param asOfClasses the periods of asOf
     * @param queries the solver queries
     * @param population the cases counted, or -1
     * @param took the time taken
     */
    public ExactDiffReport {
        changes = List.copyOf(changes);
    }

    /**
     * One difference: {@code kind} and {@code subject} as in {@code veiviser diff} ({@code level} or a finding code;
     * for a rejected case the guide that rejects it), {@code change} the level's {@code from -> to} (or, when rejected,
     * why), and the classes of cases that have it.
     *
     * @param kind the kind of difference
     * @param subject {@code level}, the finding code, or which guide rejects
     * @param change {@code 1 -> 3} for a level, why for a rejected case, else empty
     * @param classes the classes of cases with this difference
     * @param complete whether the classes are all of them (false when the list was cut at {@link ExactDiff#MAX_CLASSES})
     * @param members whether a case lies in one of the classes, i.e. has this difference
     * @param count cases of the population with this difference, or -1 when not counted
     */
    public record Change(Kind kind, String subject, String change, List<ChangeClass> classes, boolean complete,
                         Predicate<Case> members, long count) {
        /**
         * Copies {@code classes}.
         *
         * @param kind the kind
         * @param subject the subject
         * @param change the change
         * @param classes the classes
         * @param complete whether they are all
         * @param members membership of the whole difference
         * @param count the population count, or -1
         */
        public Change {
            classes = List.copyOf(classes);
        }

        Change(Kind kind, String subject, String change, List<ChangeClass> classes, boolean complete, Predicate<Case> members) {
            this(kind, subject, change, classes, complete, members, -1);
        }
    }

    /**
     * A class of cases: every case that meets all {@code conditions} has the difference.
     *
     * @param conditions the facts that define the class, as a person reads them
     * @param witness the case of the class with the fewest facts, as a case file to paste into a scenario (empty for a
     *                rejected case)
     * @param witnessCase that case (null for a rejected case)
     * @param before the base guide's decision for the witness (null for a rejected case)
     * @param after the changed guide's decision for it (null for a rejected case)
     * @param members whether a case lies in this class
     * @param count cases of the population in this class, or -1 when not counted
     */
    public record ChangeClass(List<String> conditions, String witness, Case witnessCase, Decision before, Decision after,
                              Predicate<Case> members, long count) {
        /**
         * Copies {@code conditions}.
         *
         * @param conditions the facts
         * @param witness the witness as a case file
         * @param witnessCase the witness
         * @param before the base decision for it
         * @param after the changed decision for it
         * @param members membership of this class
         * @param count the population count, or -1
         */
        public ChangeClass {
            conditions = List.copyOf(conditions);
        }

        ChangeClass(List<String> conditions, String witness, Case witnessCase, Decision before, Decision after, Predicate<Case> members) {
            this(conditions, witness, witnessCase, before, after, members, -1);
        }
    }

    /** @return whether some case gets another decision */
    public boolean hasChanges() {
        return !changes.isEmpty();
    }

    /** @return whether every difference's classes are all listed (none cut at the limit) */
    public boolean complete() {
        return changes.stream().allMatch(Change::complete);
    }

    /**
     * The membership tests to count over a population, in the order {@link #withCounts} takes the counts: per
     * difference, the difference's own, then each of its classes'.
     *
     * @return the tests
     */
    public List<Predicate<Case>> tests() {
        List<Predicate<Case>> out = new ArrayList<>();
        for (Change c : changes) {
            out.add(c.members());
            c.classes().forEach(k -> out.add(k.members()));
        }
        return out;
    }

    /**
     * This report with the cases of a population counted per difference and class.
     *
     * @param cases the population's size
     * @param counts per test of {@link #tests()}, the cases it holds of
     * @return the report with counts
     */
    public ExactDiffReport withCounts(long cases, long[] counts) {
        List<Change> out = new ArrayList<>();
        int i = 0;
        for (Change c : changes) {
            long own = counts[i++];
            List<ChangeClass> classes = new ArrayList<>();
            for (ChangeClass k : c.classes()) {
                classes.add(new ChangeClass(k.conditions(), k.witness(), k.witnessCase(), k.before(), k.after(), k.members(), counts[i++]));
            }
            out.add(new Change(c.kind(), c.subject(), c.change(), classes, c.complete(), c.members(), own));
        }
        return new ExactDiffReport(base, changed, out, variables, asOfClasses, queries, cases, took);
    }

    /** What the witness's two decisions differ in, briefly: {@code level 1 -> 2}, {@code +7 days}, {@code [a] -> [a, b]}. */
    static String shown(Change c, ChangeClass k) {
        if (k.before() == null) {
            return "";
        }
        return switch (c.kind()) {
            case DUE_MOVED -> {
                LocalDate x = ExactDiff.dueOf(k.before(), c.subject());
                LocalDate y = ExactDiff.dueOf(k.after(), c.subject());
                yield x == null ? "due set" : y == null ? "due removed" : ExactDiff.days(x, y);
            }
            case WHO_CHANGED -> ExactDiff.whoOf(k.before(), c.subject()) + " -> " + ExactDiff.whoOf(k.after(), c.subject());
            default -> "";
        };
    }

    /**
     * @param locale {@code nb} (Norwegian bokmål) or English, for the headings
     * @return the report as text: each difference, its classes with their conditions and witnesses, and what was proved
     */
    public String toText(Locale locale) {
        boolean nb = Language.norwegian(locale);
        StringBuilder out = new StringBuilder();
        out.append(nb ? "Eksakt virkning av " : "Exact impact of ").append(ref(base)).append(" -> ").append(ref(changed))
                .append(nb ? " for alle saker" : " on every case").append(String.format(Locale.ROOT,
                        nb ? " (%d variabler, %d asOf-perioder, %d spørsmål til løseren, %.1f s)%n"
                                : " (%d variables, %d asOf periods, %d solver queries, %.1f s)%n",
                        variables, asOfClasses, queries, took.toMillis() / 1000.0));
        if (changes.isEmpty()) {
            out.append(nb ? "Bevist: ingen sak får en annen avgjørelse (nivå, koder, frister og hvem).\n"
                    : "Proved: no case gets another decision (level, codes, due dates and who).\n");
            return out.toString();
        }
        int classes = changes.stream().mapToInt(c -> c.classes().size()).sum();
        out.append(changes.size()).append(nb ? " endring(er), " : " difference(s), ").append(classes)
                .append(nb ? " klasse(r) av saker" : " class(es) of cases");
        if (population >= 0) {
            out.append(nb ? "; andel av " : "; share of ").append(population).append(nb ? " saker" : " cases");
        }
        out.append('\n');
        for (Change c : changes) {
            out.append('\n').append(c.kind().label(locale)).append("  ").append(c.subject());
            if (!c.change().isEmpty()) {
                out.append("  ").append(c.change());
            }
            if (c.count() >= 0) {
                out.append(String.format(Locale.ROOT, "  %d (%s)", c.count(), percent(c.count())));
            }
            out.append('\n');
            int n = 1;
            for (ChangeClass k : c.classes()) {
                out.append("  ").append(nb ? "klasse " : "class ").append(n++);
                String shown = shown(c, k);
                if (!shown.isEmpty()) {
                    out.append(" (").append(shown).append(')');
                }
                if (k.count() >= 0) {
                    out.append(String.format(Locale.ROOT, "  %d (%s)", k.count(), percent(k.count())));
                }
                out.append(": ").append(k.conditions().isEmpty() ? (nb ? "alle saker" : "every case") : String.join("; ", k.conditions()))
                        .append('\n');
                if (!k.witness().isEmpty()) {
                    out.append(nb ? "    vitne (saken i klassen med færrest fakta):\n" : "    witness (the case of the class with the fewest facts):\n");
                    k.witness().lines().forEach(l -> out.append("      ").append(l).append('\n'));
                }
            }
            if (!c.complete()) {
                out.append(nb ? "  (listen er kuttet ved " : "  (list cut at ").append(ExactDiff.MAX_CLASSES)
                        .append(nb ? " klasser; flere saker har denne endringen)\n" : " classes; more cases have this difference)\n");
            }
        }
        out.append('\n').append(nb
                ? "Bevist: hver sak i en klasse har endringen, og hver sak med endringen ligger i en av dens klasser; ingen annen sak får en annen avgjørelse.\n"
                : "Proved: every case of a class has its difference, and every case with a difference lies in one of its classes; no other case gets another decision.\n");
        return out.toString();
    }

    private String percent(long count) {
        return population <= 0 ? "-" : String.format(Locale.ROOT, "%.4f%%", count * 100.0 / population);
    }

    private static String ref(Decision.GuideRef r) {
        return r.id() + " " + r.version();
    }

    /** @return the report as JSON */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeObjectFieldStart("base");
            g.writeStringField("id", base.id());
            g.writeStringField("version", base.version());
            g.writeEndObject();
            g.writeObjectFieldStart("changed");
            g.writeStringField("id", changed.id());
            g.writeStringField("version", changed.version());
            g.writeEndObject();
            g.writeBooleanField("exact", true);
            g.writeBooleanField("complete", complete());
            if (population >= 0) {
                g.writeNumberField("population", population);
            }
            g.writeArrayFieldStart("changes");
            for (Change c : changes) {
                g.writeStartObject();
                g.writeStringField("kind", c.kind().code());
                g.writeStringField("subject", c.subject());
                g.writeStringField("change", c.change());
                g.writeBooleanField("complete", c.complete());
                if (c.count() >= 0) {
                    g.writeNumberField("count", c.count());
                }
                g.writeArrayFieldStart("classes");
                for (ChangeClass k : c.classes()) {
                    g.writeStartObject();
                    g.writeArrayFieldStart("conditions");
                    for (String s : k.conditions()) {
                        g.writeString(s);
                    }
                    g.writeEndArray();
                    String shown = shown(c, k);
                    if (!shown.isEmpty()) {
                        g.writeStringField("change", shown);
                    }
                    if (k.count() >= 0) {
                        g.writeNumberField("count", k.count());
                    }
                    if (!k.witness().isEmpty()) {
                        g.writeStringField("witness", k.witness());
                        g.writeObjectFieldStart("witnessDecisions");
                        decision(g, "before", k.before());
                        decision(g, "after", k.after());
                        g.writeEndObject();
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("proof");
            g.writeNumberField("variables", variables);
            g.writeNumberField("asOfClasses", asOfClasses);
            g.writeNumberField("queries", queries);
            g.writeNumberField("millis", took.toMillis());
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString() + "\n";
    }

    private static void decision(JsonGenerator g, String name, Decision d) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeNumberField("level", d.level().recommended());
        g.writeArrayFieldStart("codes");
        Set<String> codes = new TreeSet<>();
        for (Finding f : d.findings()) {
            codes.add(f.code());
        }
        for (String c : codes) {
            g.writeString(c);
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
