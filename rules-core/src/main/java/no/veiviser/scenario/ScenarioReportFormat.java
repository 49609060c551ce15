package no.veiviser.scenario;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import no.veiviser.internal.Language;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes scenario reports as text, JSON, JUnit XML and Markdown. */
final class ScenarioReportFormat {
    private ScenarioReportFormat() {}

    static String text(ScenarioReport r, Locale lang) {
        StringBuilder s = new StringBuilder();
        for (ScenarioResult x : r.results()) {
            if (x.passed()) {
                s.append(Language.pick(lang, "OK   ", "PASS ")).append(x.scenario().name()).append('\n');
            }
        }
        for (ScenarioResult x : r.results()) {
            if (!x.passed()) {
                s.append(Language.pick(lang, "\nFEIL ", "\nFAIL ")).append(x.scenario().name()).append('\n').append(indent(x.facts()));
            }
        }
        s.append('\n').append(summary(r, lang)).append('\n');
        coverage(r, s, "", lang);
        return s.toString();
    }

    static String summary(ScenarioReport r, Locale lang) {
        return String.format(Locale.ROOT, Language.pick(lang,
                "%s %s: %d scenarioer, %d bestått, %d feilet på %d ms; regeldekning %.1f%% (%d/%d), vilkår begge veier %.1f%% (%d/%d)",
                "%s %s: %d scenarios, %d passed, %d failed in %d ms; rule coverage %.1f%% (%d/%d), conditions both ways %.1f%% (%d/%d)"),
                r.guide(), r.version(), r.results().size(), r.results().size() - r.failures(), r.failures(), r.elapsed().toMillis(),
                r.coverage().rulePercent(), r.coverage().rules() - r.coverage().rulesNeverFired().size(), r.coverage().rules(),
                r.coverage().conditionPercent(), r.coverage().conditions() - r.coverage().conditionsNotBothWays().size(), r.coverage().conditions());
    }

    private static void coverage(ScenarioReport r, StringBuilder s, String bullet, Locale lang) {
        if (!r.coverage().rulesNeverFired().isEmpty()) {
            s.append(Language.pick(lang, "Regler ingen scenario fikk til å slå til:\n", "Rules no scenario fired:\n"));
            r.coverage().rulesNeverFired().forEach(x -> s.append(bullet.isEmpty() ? "  " : bullet).append(x).append('\n'));
        }
        if (!r.coverage().conditionsNotBothWays().isEmpty()) {
            s.append(Language.pick(lang, "Vilkår som ikke er sett både sanne og usanne:\n", "Conditions not seen both true and false:\n"));
            r.coverage().conditionsNotBothWays().forEach(x -> s.append(bullet.isEmpty() ? "  " : bullet).append(x).append('\n'));
        }
    }

    private static String indent(String text) {
        return text.lines().map(l -> "  " + l).reduce((a, b) -> a + "\n" + b).orElse("") + "\n";
    }

    static String json(ScenarioReport r) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("guide", r.guide());
            g.writeStringField("version", r.version());
            g.writeNumberField("scenarios", r.results().size());
            g.writeNumberField("failures", r.failures());
            g.writeNumberField("millis", r.elapsed().toMillis());
            g.writeArrayFieldStart("results");
            for (ScenarioResult x : r.results()) {
                g.writeStartObject();
                g.writeStringField("name", x.scenario().name());
                g.writeStringField("file", x.scenario().file());
                g.writeNumberField("line", x.scenario().line());
                g.writeBooleanField("passed", x.passed());
                g.writeArrayFieldStart("mismatches");
                for (ScenarioResult.Mismatch m : x.mismatches()) {
                    g.writeStartObject();
                    g.writeStringField("what", m.what());
                    g.writeStringField("expected", m.expected());
                    g.writeStringField("butWas", m.butWas());
                    if (m.rule().isPresent()) {
                        g.writeStringField("rule", m.rule().get());
                    }
                    if (m.falseCondition().isPresent()) {
                        g.writeStringField("falseCondition", m.falseCondition().get());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeArrayFieldStart("rulesFired");
                for (String rule : x.decision().firedRules()) {
                    g.writeString(rule);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeObjectFieldStart("coverage");
            g.writeNumberField("rules", r.coverage().rules());
            g.writeNumberField("rulePercent", Math.round(r.coverage().rulePercent() * 10) / 10.0);
            g.writeArrayFieldStart("rulesNeverFired");
            for (String x : r.coverage().rulesNeverFired()) {
                g.writeString(x);
            }
            g.writeEndArray();
            g.writeNumberField("conditions", r.coverage().conditions());
            g.writeNumberField("conditionPercent", Math.round(r.coverage().conditionPercent() * 10) / 10.0);
            g.writeArrayFieldStart("conditionsNotBothWays");
            for (String x : r.coverage().conditionsNotBothWays()) {
                g.writeString(x);
            }
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    static String junit(ScenarioReport r) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", "veiviser." + r.guide());
            x.writeAttribute("tests", Integer.toString(r.results().size()));
            x.writeAttribute("failures", Long.toString(r.failures()));
            x.writeAttribute("errors", "0");
            x.writeAttribute("skipped", "0");
            x.writeAttribute("time", String.format(Locale.ROOT, "%.3f", r.elapsed().toNanos() / 1e9));
            for (ScenarioResult s : r.results()) {
                x.writeCharacters("\n  ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", s.scenario().file());
                x.writeAttribute("name", s.scenario().name());
                x.writeAttribute("time", "0");
                if (!s.passed()) {
                    ScenarioResult.Mismatch first = s.mismatches().get(0);
                    x.writeStartElement("failure");
                    x.writeAttribute("message", "expected " + first.expected() + " but was " + first.butWas());
                    x.writeAttribute("type", "ScenarioMismatch");
                    x.writeCharacters(s.facts());
                    x.writeEndElement();
                }
                x.writeEndElement();
            }
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return out + "\n";
    }

    static String markdown(ScenarioReport r, Locale lang) {
        StringBuilder s = new StringBuilder();
        s.append(Language.pick(lang, "## Scenarioer: ", "## Scenarios: ")).append(r.guide()).append(' ').append(r.version()).append("\n\n");
        s.append(summary(r, lang)).append("\n\n");
        s.append(Language.pick(lang, "| | scenario | hvor |\n|---|---|---|\n", "| | scenario | where |\n|---|---|---|\n"));
        for (ScenarioResult x : r.results()) {
            s.append("| ").append(x.passed() ? "✅" : "❌").append(" | ").append(cell(x.scenario().name())).append(" | `")
                    .append(x.scenario().where()).append("` |\n");
        }
        for (ScenarioResult x : r.results()) {
            if (!x.passed()) {
                s.append("\n### ❌ ").append(cell(x.scenario().name())).append("\n\n```\n").append(x.facts()).append("```\n");
            }
        }
        if (!r.coverage().rulesNeverFired().isEmpty() || !r.coverage().conditionsNotBothWays().isEmpty()) {
            s.append(Language.pick(lang, "\n### Hull i dekningen\n\n", "\n### Coverage gaps\n\n"));
            coverage(r, s, "- ", lang);
        }
        return s.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
