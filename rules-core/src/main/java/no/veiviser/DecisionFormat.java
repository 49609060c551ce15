package no.veiviser;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import no.veiviser.internal.engine.ValueLabels;

/** Writes decisions as JSON (the output contract) and as text for people. */
final class DecisionFormat {
    /**
     * The version of the decision JSON's shape, written as {@code "format"}. Adding a field keeps it; removing
     * or changing the meaning of one raises it (and is listed in CHANGELOG). 2 added notes, withheld and overdue.
     */
    static final int FORMAT = 2;

    private static final JsonFactory JSON = new JsonFactory();

    private DecisionFormat() {}

    static String json(Decision d) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeNumberField("format", FORMAT);
            g.writeObjectFieldStart("guide");
            g.writeStringField("id", d.guide().id());
            g.writeStringField("version", d.guide().version());
            g.writeEndObject();
            g.writeStringField("asOf", d.asOf().toString());
            g.writeObjectFieldStart("level");
            g.writeNumberField("recommended", d.level().recommended());
            g.writeStringField("id", d.level().id());
            if (!d.level().name().isEmpty()) {
                g.writeStringField("name", d.level().name());
            }
            strings(g, "because", d.level().because());
            g.writeEndObject();
            g.writeArrayFieldStart("findings");
            for (Finding f : d.findings()) {
                g.writeStartObject();
                g.writeStringField("code", f.code());
                g.writeStringField("rule", f.rule());
                g.writeStringField("text", f.text());
                if (f.due().isPresent()) {
                    g.writeStringField("due", f.due().get().toString());
                    if (f.asSoonAsPossible()) {
                        g.writeBooleanField("asSoonAsPossible", true); // due is asOf: now, never overdue
                    }
                    if (f.overdue()) {
                        g.writeBooleanField("overdue", true);
                    }
                }
                if (f.responsible().isPresent()) {
                    g.writeStringField("responsible", f.responsible().get());
                }
                if (!f.who().isEmpty()) {
                    strings(g, "who", f.who());
                }
                if (f.level().isPresent()) {
                    g.writeNumberField("level", f.level().getAsInt());
                    g.writeStringField("levelId", f.levelId().orElse(String.valueOf(f.level().getAsInt())));
                }
                if (!f.tools().isEmpty()) {
                    strings(g, "tools", f.tools());
                }
                if (f.step().isPresent()) {
                    g.writeStringField("step", f.step().get());
                }
                g.writeFieldName("source");
                source(g, f.source());
                g.writeArrayFieldStart("sources");
                for (Finding.Given given : f.sources()) {
                    g.writeStartObject();
                    g.writeStringField("rule", given.rule());
                    g.writeStringField("text", given.text());
                    if (given.responsible().isPresent()) {
                        g.writeStringField("responsible", given.responsible().get());
                    }
                    g.writeFieldName("source");
                    source(g, given.source());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("notes");
            for (Note n : d.notes()) {
                g.writeStartObject();
                g.writeStringField("kind", n.kind().code());
                g.writeStringField("text", n.text());
                if (n.field().isPresent()) {
                    g.writeStringField("field", n.field().get());
                }
                if (n.law().isPresent()) {
                    g.writeStringField("law", n.law().get());
                }
                strings(g, "rules", n.rules());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("trace");
            for (Decision.Trace t : d.trace()) {
                g.writeStartObject();
                g.writeStringField("rule", t.rule());
                strings(g, "matched", t.matched());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("withheld");
            for (Decision.Withheld w : d.withheld()) {
                g.writeStartObject();
                g.writeStringField("rule", w.rule());
                g.writeStringField("by", w.by());
                if (!w.codes().isEmpty()) {
                    strings(g, "codes", w.codes());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString() + "\n";
    }

    private static void source(JsonGenerator g, Source source) throws IOException {
        g.writeStartObject();
        g.writeStringField("guide", source.guide());
        g.writeStringField("section", source.section());
        strings(g, "law", source.law());
        if (source.document().isPresent()) {
            g.writeStringField("document", source.document().get());
        }
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    static String text(Decision d, Locale locale) {
        return text(d, locale, java.util.Map.of());
    }

    /** The text, with the guide's labels for the services a finding names in {@code who} (in Norwegian). */
    static String text(Decision d, Locale locale, java.util.Map<String, String> services) {
        return text(d, locale, services, code -> code, java.util.Map.of());
    }

    /**
     * The text, also with a label after each finding code ({@code label} gives the code itself where it has none), and
     * each tool by its title as the guide writes it ({@code tools}: id to title; an id without a title is printed as is).
     */
    static String text(Decision d, Locale locale, java.util.Map<String, String> services, java.util.function.UnaryOperator<String> label,
                       java.util.Map<String, String> tools) {
        boolean nb = isNorwegian(locale);
        StringBuilder out = new StringBuilder();
        out.append(nb ? "Veileder: " : "Guide: ").append(d.guide().id()).append(' ').append(d.guide().version())
                .append(nb ? ", vurdert " : ", assessed ").append(d.asOf()).append('\n');
        out.append(nb ? "Anbefalt nivå: " : "Recommended level: ").append(d.level().id());
        String name = no.veiviser.internal.model.Level.nameBeyondId(d.level().id(), d.level().name());
        if (!name.isEmpty()) {
            out.append(" – ").append(name);
        }
        if (!d.level().because().isEmpty()) {
            out.append(nb ? " (regel: " : " (rule: ").append(String.join(", ", d.level().because())).append(')');
        }
        out.append("\n\n");
        if (d.findings().isEmpty()) {
            out.append(nb ? "Ingen funn.\n" : "No findings.\n");
        }
        int n = 1;
        for (Finding f : d.findings()) {
            out.append(String.format(Locale.ROOT, "%2d. %s", n++, f.code()));
            String named = label.apply(f.code());
            if (named != null && !named.equals(f.code())) {
                out.append(" \u2014 ").append(named);
            }
            if (f.asSoonAsPossible()) {
                out.append(nb ? "  (frist så snart som mulig)" : "  (due as soon as possible)");
            } else {
                f.due().ifPresent(due -> out.append(nb ? "  (frist " : "  (due ").append(due)
                        .append(f.overdue() ? (nb ? ", forfalt" : ", overdue") : "").append(')'));
            }
            out.append('\n');
            out.append("    ").append(f.text()).append('\n');
            f.sources().stream().skip(1).map(Finding.Given::text).filter(t -> !t.equals(f.text())).distinct()
                    .forEach(t -> out.append("    ").append(t).append('\n')); // the same finding, in another rule's words
            f.responsible().ifPresent(r -> out.append(nb ? "    Ansvar: " : "    Responsible: ").append(r).append('\n'));
            if (!f.who().isEmpty()) {
                out.append(nb ? "    Gjelder: " : "    Who: ")
                        .append(String.join(", ", f.who().stream().map(w -> nb && services.containsKey(w) ? services.get(w)
                                : ValueLabels.role(w, locale)).toList())).append('\n');
            }
            f.levelId().ifPresent(l -> out.append(nb ? "    Nivå: " : "    Level: ").append(l).append('\n'));
            if (!f.tools().isEmpty()) {
                out.append(nb ? "    Verktøy: " : "    Tools: ")
                        .append(String.join("; ", f.tools().stream().map(t -> tools.getOrDefault(t, t)).toList())).append('\n');
            }
            out.append(nb ? "    Kilde: " : "    Source: ").append(f.source().document().orElse(f.source().guide()));
            if (!f.source().section().isEmpty()) {
                out.append(", ").append(f.source().section());
            }
            if (!f.source().law().isEmpty()) {
                out.append("; ").append(String.join("; ", f.source().law()));
            }
            out.append(nb ? " (regel " : " (rule ").append(f.rule()).append(")\n");
        }
        if (!d.notes().isEmpty()) {
            out.append(nb ? "\nMerknader:\n" : "\nNotes:\n");
            for (Note note : d.notes()) {
                out.append("  - ").append(note.text()).append('\n');
            }
        }
        if (!d.trace().isEmpty()) {
            out.append(nb ? "\nHvorfor:\n" : "\nWhy:\n");
            for (Decision.Trace t : d.trace()) {
                out.append("  ").append(t.rule()).append(": ")
                        .append(String.join("; ", t.matched().stream().map(m -> ValueLabels.described(m, locale)).toList())).append('\n');
            }
        }
        if (!d.withheld().isEmpty()) {
            out.append(nb ? "\nHoldt tilbake av unntak:\n" : "\nWithheld by an exception:\n");
            for (Decision.Withheld w : d.withheld()) {
                out.append("  ").append(w.rule()).append(w.codes().isEmpty() ? "" : " " + w.codes())
                        .append(nb ? " (unntak: " : " (exception: ").append(w.by()).append(")\n");
            }
        }
        return out.toString();
    }

    static boolean isNorwegian(Locale locale) {
        return ValueLabels.norwegian(locale);
    }
}
