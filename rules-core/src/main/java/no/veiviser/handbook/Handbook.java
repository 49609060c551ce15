package no.veiviser.handbook;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import no.veiviser.Guide;
import no.veiviser.internal.Access;
import no.veiviser.internal.Language;
import no.veiviser.internal.engine.ValueLabels;
import no.veiviser.internal.model.Due;
import no.veiviser.internal.model.FindingTemplate;
import no.veiviser.internal.model.GuideModel;
import no.veiviser.internal.model.Level;
import no.veiviser.internal.model.Parameter;
import no.veiviser.internal.model.Rule;
import no.veiviser.internal.model.Step;
import no.veiviser.internal.model.Tool;

/**
 * The guide as a static HTML handbook for the people who work by it: levels, steps with their tools, every rule
 * in plain Norwegian (or English: {@link #html(Guide, Locale)}) with the guide's own words and the law, the parameters with their dated values. One page,
 * CSS inline (readable on a phone, printable), no JavaScript. Every text is HTML-escaped by the template
 * engine (Mustache); nothing from the guide file is ever written unescaped.
 *
 * <pre>{@code
 * Handbook.write(Guides.load(Path.of("guides/nittedal/guide.yaml")), Path.of("target/handbook/nittedal"));
 * }</pre>
 */
public final class Handbook {
    private static final Mustache TEMPLATE = new DefaultMustacheFactory("veiviser/docs").compile("handbook.mustache");
    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9ÆØÅæøå._-]");

    private static final java.util.Locale NORWEGIAN = java.util.Locale.forLanguageTag("nb");

    private Handbook() {}

    /**
     * The handbook page. Thread-safe.
     *
     * @param guide the guide
     * @return the page, one HTML document
     */
    public static String html(Guide guide) {
        return html(guide, Locale.forLanguageTag("nb"));
    }

    /**
     * The handbook page in a language: its headings and explanations, and the rules' conditions. The guide's own
     * texts (titles, steps, findings) are as the guide wrote them. Thread-safe.
     *
     * @param guide the guide
     * @param locale {@code nb} (Norwegian bokmål) or English
     * @return the page, one HTML document
     */
    public static String html(Guide guide, Locale locale) {
        StringWriter out = new StringWriter();
        TEMPLATE.execute(out, withFlags(view(Access.model(guide), Language.norwegian(locale))));
        return out.toString();
    }

    /**
     * Writes {@code index.html} into {@code dir} (created if needed).
     *
     * @param guide the guide
     * @param dir the folder to write into
     * @return the path of the file written
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    public static Path write(Guide guide, Path dir) {
        return write(guide, dir, Locale.forLanguageTag("nb"));
    }

    /**
     * Writes {@code index.html} in a language into {@code dir} (created if needed).
     *
     * @param guide the guide
     * @param dir the folder to write into
     * @param locale {@code nb} (Norwegian bokmål) or English
     * @return the path of the file written
     * @throws java.io.UncheckedIOException when the file cannot be written
     */
    public static Path write(Guide guide, Path dir, Locale locale) {
        try {
            Files.createDirectories(dir);
            Path index = dir.resolve("index.html");
            no.veiviser.internal.AtomicFiles.writeString(index, html(guide, locale)); // never a truncated index.html
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * An HTML id for an anchor: the kind and the id, with anything but letters (Æ Ø Å too), digits and {@code ._-} replaced (HTML ids may hold any letter).
     *
     * @param kind the kind of thing, for example {@code rule}
     * @param id its id
     * @return the anchor
     */
    public static String anchor(String kind, String id) {
        return kind + "-" + UNSAFE.matcher(id).replaceAll("_");
    }

    private static String t(boolean nb, String norwegian, String english) {
        return nb ? norwegian : english;
    }

    private static Map<String, Object> view(GuideModel g, boolean nb) {
        HandbookText text = new HandbookText(g, nb ? Locale.forLanguageTag("nb") : Locale.ENGLISH);
        Map<String, Tool> tools = new LinkedHashMap<>();
        g.tools().forEach(t -> tools.put(t.id(), t));
        Set<String> stepIds = new LinkedHashSet<>(g.steps().stream().map(Step::id).toList());

        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", g.id());
        v.put("title", g.title());
        v.put("municipality", g.municipality().orElse(null));
        v.put("version", g.version());
        v.put("extends", g.extendsId().orElse(null));
        v.put("sourceTitle", g.sourceTitle().orElse(null));
        v.put("sourceUrl", g.sourceUrl().filter(u -> u.startsWith("https://") || u.startsWith("http://")).orElse(null));
        v.put("retrieved", g.retrieved().map(Object::toString).orElse(null));
        v.put("files", g.files());
        v.put("lang", nb ? "nb" : "en");
        v.put("t", HandbookLabels.of(nb));

        List<Map<String, Object>> levels = new ArrayList<>();
        for (Level l : g.levels()) {
            Map<String, Object> lv = new LinkedHashMap<>();
            lv.put("level", l.id()); // as the guide names it: 2, or B
            lv.put("anchor", anchor("level", String.valueOf(l.level())));
            lv.put("name", blank(Level.nameBeyondId(l.id(), l.name()))); // "Nivå 2", never "Nivå 2: Nivå 2"
            lv.put("criteria", blank(l.criteria()));
            List<Map<String, Object>> steps = new ArrayList<>();
            for (Step s : g.steps()) {
                if (s.level() == l.level()) {
                    steps.add(step(s, tools, g, nb));
                }
            }
            lv.put("steps", steps);
            levels.add(lv);
        }
        v.put("levels", levels);
        // Steps on a level the guide does not describe still appear.
        Set<Integer> described = new LinkedHashSet<>(g.levels().stream().map(Level::level).toList());
        v.put("otherSteps", g.steps().stream().filter(s -> !described.contains(s.level())).map(s -> step(s, tools, g, nb)).toList());

        List<Map<String, Object>> toolViews = new ArrayList<>();
        for (Tool t : g.tools()) {
            Map<String, Object> tv = new LinkedHashMap<>();
            tv.put("anchor", anchor("tool", t.id()));
            tv.put("id", t.id());
            tv.put("number", t.number().orElse(null));
            tv.put("title", t.title());
            tv.put("kind", t.kind().orElse(null));
            tv.put("usedIn", g.steps().stream().filter(s -> s.tools().contains(t.id()))
                    .map(s -> Map.of("anchor", anchor("step", s.id()), "id", s.id(), "title", s.title())).toList());
            toolViews.add(tv);
        }
        v.put("tools", toolViews);

        List<Map<String, Object>> rules = new ArrayList<>();
        // which exception (or rule, by exceptionTo) withholds which rule or finding: the guide is valid, so no problems
        no.veiviser.internal.model.ExceptionGraph graph = no.veiviser.internal.model.ExceptionGraph.of(g, new no.veiviser.internal.yaml.Problems());
        for (int i = 0; i < g.rules().size(); i++) {
            Rule r = g.rules().get(i);
            Map<String, Object> rv = new LinkedHashMap<>();
            rv.put("anchor", anchor("rule", r.id()));
            rv.put("id", r.id());
            rv.put("origin", r.origin().equals(g.id()) ? null : r.origin());
            rv.put("replaces", r.override() ? g.extendsId().orElse(null) : null);
            rv.put("exceptionTo", targets(r.exceptionTo(), nb));
            rv.put("withheldBy", nodes(graph.withheldBy(i), g, nb));
            rv.put("description", blank(r.description()));
            rv.put("when", text.lines(r.when()).stream().map(x -> Map.of("depth", Math.min(x.depth(), 5), "text", x.text())).toList());
            rv.put("params", (r.when() == null ? Set.<String>of() : r.when().parameters()).stream()
                    .filter(g.parameters()::containsKey).map(p -> Map.of("anchor", anchor("param", p), "name", p)).toList());
            List<Map<String, Object>> then = new ArrayList<>();
            for (int f = 0; f < r.then().size(); f++) {
                Map<String, Object> fv = new LinkedHashMap<>(finding(r.then().get(f), g, tools, stepIds, nb));
                fv.put("withheldBy", nodes(graph.findingWithheldBy(i, f), g, nb));
                then.add(fv);
            }
            rv.put("then", then);
            r.step().filter(stepIds::contains).ifPresent(s -> rv.put("step", Map.of("anchor", anchor("step", s), "id", s)));
            r.source().ifPresent(s -> {
                rv.put("section", blank(s.section()));
                rv.put("document", s.document().orElse(null));
                rv.put("quote", blank(s.quote()));
                rv.put("law", s.law());
            });
            String effective = r.effectiveFrom().map(d -> t(nb, "fra ", "from ") + d).orElse("")
                    + (r.effectiveFrom().isPresent() && r.effectiveTo().isPresent() ? " " : "")
                    + r.effectiveTo().map(d -> t(nb, "til ", "until ") + d).orElse("");
            rv.put("effective", blank(effective));
            r.deviation().ifPresent(d -> rv.put("deviation", Map.of("law", d.law(), "note", d.note())));
            rules.add(rv);
        }
        v.put("rules", rules);
        v.put("concepts", g.concepts().stream().map(c -> logic(anchor("concept", c.id()), c.id(), c.description(), c.when(), c.source(),
                c.origin(), g, text, c.refinement().isPresent() ? Map.of("refines", c.refinement().get().base() + ": "
                        + c.refinement().get().summary(nb)) : c.override() && g.extendsId().isPresent() ? Map.of("replaces", g.extendsId().get())
                        : Map.of())).toList());
        v.put("exceptions", g.exceptions().stream().map(e -> logic(anchor("exception", e.id()), e.id(), e.description(), e.when(),
                e.source(), e.origin(), g, text, Map.of("withholds", targets(e.withholds(), nb)))).toList());
        v.put("invariants", g.invariants().stream().map(i -> Map.of("id", i.id(), "description",
                i.description().isBlank() ? i.id() : i.description(), "origin", i.origin().equals(g.id()) ? "" : i.origin())).toList());

        List<Map<String, Object>> params = new ArrayList<>();
        for (Parameter p : g.parameters().values()) {
            Map<String, Object> pv = new LinkedHashMap<>();
            pv.put("anchor", anchor("param", p.name()));
            pv.put("name", p.name());
            pv.put("unit", HandbookText.unit(p.unit(), nb));
            pv.put("description", blank(p.description()));
            pv.put("reference", blank(p.reference()));
            pv.put("values", p.values().stream().map(x -> Map.of("from", x.from().map(Object::toString).orElse(t(nb, "alltid", "always")), "value", x.value())).toList());
            pv.put("usedBy", g.rules().stream().filter(r -> uses(r, p.name()))
                    .map(r -> Map.of("anchor", anchor("rule", r.id()), "id", r.id())).toList());
            params.add(pv);
        }
        v.put("parameters", params);
        // the guide's own meeting outcomes, in its words, each with the national outcome it means for the rules
        v.put("meetingOutcomes", g.meetingOutcomes().values().stream().map(o -> Map.of("anchor", anchor("outcome", o.id()), "id", o.id(),
                "label", o.label(), "means", no.veiviser.internal.engine.ValueLabels.label(no.veiviser.internal.engine.Field.MEETING_OUTCOME,
                        o.means().code(), nb ? Locale.forLanguageTag("nb") : Locale.ENGLISH), "meansCode", o.means().code(),
                "origin", o.origin().equals(g.id()) ? "" : o.origin())).toList());
        v.put("codes", g.codes().entrySet().stream().map(e -> Map.of("anchor", anchor("code", e.getKey()), "code", e.getKey(),
                "label", g.codeLabel(e.getKey(), !nb),
                "effects", Optional.ofNullable(g.effects().get(e.getKey())).map(fx -> HandbookText.effects(fx, nb)).orElse(""),
                "rules", g.rules().stream().filter(r -> r.then().stream().anyMatch(f -> f.code().equals(e.getKey())))
                        .map(r -> Map.of("anchor", anchor("rule", r.id()), "id", r.id())).toList())).toList());
        return v;
    }

    /** What an exception (or a rule, by {@code exceptionTo}) withholds, each with a link where it has one ({@code link}: an outer {@code anchor} would show through). */
    private static List<Map<String, String>> targets(List<no.veiviser.internal.model.Target> targets, boolean nb) {
        return targets.stream().map(t -> switch (t.kind()) {
            case RULE -> Map.of("text", t(nb, "regelen ", "the rule ") + t.id(), "link", anchor("rule", t.id()));
            case EXCEPTION -> Map.of("text", t(nb, "unntaket ", "the exception ") + t.id(), "link", anchor("exception", t.id()));
            case LABEL -> Map.of("text", t(nb, "funnene merket «" + t.id() + "»", "the findings labelled “" + t.id() + "”"));
            case EFFECT -> Map.of("text", HandbookText.effectMatch(t.effect(), nb));
            case CODE -> Map.of("text", t(nb, "rådet ", "the finding ") + t.id(), "link", anchor("code", t.id()));
        }).toList();
    }

    /** The exceptions and rules of the exception graph's nodes, linked: what withholds a rule or a finding. */
    private static List<Map<String, String>> nodes(int[] nodes, GuideModel g, boolean nb) {
        int rules = g.rules().size();
        return java.util.Arrays.stream(nodes).mapToObj(n -> n < rules
                ? Map.of("text", t(nb, "regelen ", "the rule ") + g.rules().get(n).id(), "anchor", anchor("rule", g.rules().get(n).id()))
                : Map.of("text", t(nb, "unntaket ", "the exception ") + g.exceptions().get(n - rules).id(),
                        "anchor", anchor("exception", g.exceptions().get(n - rules).id()))).toList();
    }

    /** A concept or exception: its name, description, condition in Norwegian, and where it comes from. */
    private static Map<String, Object> logic(String anchor, String id, String description, no.veiviser.internal.engine.Condition when,
                                             Optional<no.veiviser.internal.model.Citation> source, String origin, GuideModel g,
                                             HandbookText text, Map<String, Object> extra) {
        Map<String, Object> v = new LinkedHashMap<>(extra);
        v.put("anchor", anchor);
        v.put("id", id);
        v.put("origin", origin.equals(g.id()) ? null : origin);
        v.put("description", blank(description));
        v.put("when", text.lines(when).stream().map(x -> Map.of("depth", Math.min(x.depth(), 5), "text", x.text())).toList());
        source.ifPresent(s -> {
            v.put("section", blank(s.section()));
            v.put("quote", blank(s.quote()));
            v.put("law", s.law());
        });
        return v;
    }

    /** A copy in which every list {@code x} has a flag {@code xAny}: whether it has entries (Mustache has no "if not empty"). */
    private static Object withFlags(Object o) {
        if (o instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> {
                out.put((String) k, withFlags(v));
                if (v instanceof List<?> l) {
                    out.put(k + "Any", !l.isEmpty());
                }
            });
            return out;
        }
        if (o instanceof List<?> l) {
            return l.stream().map(Handbook::withFlags).toList();
        }
        return o;
    }

    private static Map<String, Object> step(Step s, Map<String, Tool> tools, GuideModel g, boolean nb) {
        Map<String, Object> sv = new LinkedHashMap<>();
        sv.put("anchor", anchor("step", s.id()));
        sv.put("id", s.id());
        sv.put("title", s.title());
        sv.put("situation", s.situation().orElse(null));
        sv.put("action", s.action().orElse(null));
        sv.put("how", s.how().orElse(null));
        sv.put("responsible", s.responsible().orElse(null));
        sv.put("tools", toolLinks(s.tools(), tools));
        sv.put("rules", g.rules().stream().filter(r -> r.step().map(s.id()::equals).orElse(false))
                .map(r -> Map.of("anchor", anchor("rule", r.id()), "id", r.id())).toList());
        return sv;
    }

    private static List<Map<String, Object>> toolLinks(List<String> ids, Map<String, Tool> tools) {
        return ids.stream().filter(tools::containsKey)
                .map(t -> Map.<String, Object>of("anchor", anchor("tool", t), "title", tools.get(t).title())).toList();
    }

    private static Map<String, Object> finding(FindingTemplate f, GuideModel g, Map<String, Tool> tools, Set<String> stepIds, boolean nb) {
        Map<String, Object> fv = new LinkedHashMap<>();
        fv.put("code", f.code());
        fv.put("codeAnchor", anchor("code", f.code()));
        fv.put("label", g.codeLabel(f.code(), !nb));
        fv.put("text", no.veiviser.internal.model.ParamText.resolve(f.text(), g.parameters(), name -> inForce(g.parameters().get(name))));
        fv.put("due", f.due().map(d -> due(d, g, nb)).orElse(null));
        fv.put("dueParam", f.due().orElse(null) instanceof Due.After a && g.parameters().containsKey(a.parameter())
                ? Map.of("anchor", anchor("param", a.parameter()), "name", a.parameter()) : null);
        fv.put("responsible", f.responsible().orElse(null));
        fv.put("who", f.who().isEmpty() ? null : f.who().stream().map(w -> GuideModel.ROLES.contains(w) ? ValueLabels.role(w, NORWEGIAN) : g.services().getOrDefault(w, w))
                .collect(java.util.stream.Collectors.joining(", ")));
        fv.put("level", f.level().map(l -> g.levelAt(l).map(Level::id).orElse(String.valueOf(l))).orElse(null));
        fv.put("levelAnchor", f.level().map(l -> anchor("level", String.valueOf(l))).orElse(null));
        fv.put("tools", toolLinks(f.tools(), tools));
        f.step().filter(stepIds::contains).ifPresent(s -> fv.put("findingStep", Map.of("anchor", anchor("step", s), "id", s)));
        return fv;
    }

    private static String due(Due d, GuideModel g, boolean nb) {
        if (d instanceof Due.After a) {
            Parameter p = g.parameters().get(a.parameter());
            String amount = p == null ? a.parameter() : inForce(p) + " " + HandbookText.unit(p.unit(), nb);
            return t(nb, "innen ", "within ") + amount + t(nb, " etter ", " after ")
                    + (a.from() == null ? t(nb, "vurderingsdagen", "the day of the assessment") : fromText(a, nb));
        }
        if (d instanceof Due.AsSoonAsPossible) {
            return t(nb, "så snart som mulig", "as soon as possible");
        }
        return t(nb, "samme dag", "the same day");
    }

    /** The value a parameter has today, which the handbook's texts and deadlines state (its first one before it holds). */
    private static Integer inForce(Parameter p) {
        return p == null || p.values().isEmpty() ? null : p.valueOn(java.time.LocalDate.now()).orElse(p.values().get(0).value());
    }

    private static String fromText(Due.After a, boolean nb) {
        return switch (a.from()) {
            case CONCERN_SINCE -> t(nb, "at bekymringen oppstod", "the worry arose");
            case ADULT_REFUGEE_SETTLED_ON -> t(nb, "bosettingen", "the settlement");
            case CHILD_WELFARE_INFORMED_ON -> t(nb, "barneverntjenesten ble informert (for eksempel ved bekymringsmelding)",
                    "child welfare was informed (for example by a report)");
            default -> a.from().path();
        };
    }

    private static boolean uses(Rule r, String param) {
        return (r.when() != null && r.when().parameters().contains(param))
                || r.then().stream().anyMatch(f -> f.due().orElse(null) instanceof Due.After a && a.parameter().equals(param));
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
