package no.veiviser.workbench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import no.veiviser.Adult;
import no.veiviser.Case;
import no.veiviser.CaseWork;
import no.veiviser.Catalogue;
import no.veiviser.Child;
import no.veiviser.ChildWelfare;
import no.veiviser.Concern;
import no.veiviser.Consent;
import no.veiviser.Explanation;
import no.veiviser.Guide;
import no.veiviser.Meeting;
import no.veiviser.Problem;
import no.veiviser.server.ProblemJson;
import no.veiviser.Reporter;
import no.veiviser.Stafettlogg;

/**
 * The JSON the API writes. Decisions, scenario reports and impact reports are the library's own {@code toJson()},
 * embedded unchanged; the rest (guides, catalogues, explanations, problems, cases) is built here.
 */
final class ApiJson {
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ApiJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** The library's JSON text as a tree, to embed it unchanged in a larger answer. */
    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the library wrote JSON that does not parse", e);
        }
    }

    static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An error answer without a place in a file; the body every server writes (see {@link ProblemJson}). */
    static ObjectNode error(int status, String message) {
        return ProblemJson.body(status, message, List.of());
    }

    /** An error answer with the problems that caused it (see {@link ProblemJson}). */
    static ObjectNode problems(int status, String message, List<Problem> problems) {
        return ProblemJson.body(status, message, problems);
    }

    static ArrayNode problemList(List<Problem> problems) {
        return ProblemJson.list(problems);
    }

    static ObjectNode summary(GuideEntry e) {
        ObjectNode o = object();
        o.put("id", e.id());
        e.guide().ifPresent(g -> {
            o.put("title", g.title());
            o.put("version", g.version());
            g.municipality().ifPresent(m -> o.put("municipality", m));
            g.extendsId().ifPresent(x -> o.put("extends", x));
        });
        o.put("status", e.live() ? "live" : "failed");
        o.put("editable", e.editable());
        o.put("scenarios", e.scenarios().size());
        o.set("problems", problemList(e.problems()));
        return o;
    }

    static ObjectNode guide(GuideEntry e) {
        ObjectNode o = summary(e);
        e.guide().ifPresent(g -> o.set("catalogue", catalogue(g)));
        return o;
    }

    static ObjectNode catalogue(Guide g) {
        Catalogue c = g.catalogue();
        ObjectNode o = object();
        ArrayNode levels = o.putArray("levels");
        c.levels().forEach(l -> levels.addObject().put("level", l.level()).put("name", l.name()).put("criteria", l.criteria()));
        ArrayNode steps = o.putArray("steps");
        c.steps().forEach(s -> steps.addObject().put("id", s.id()).put("level", s.level()).put("title", s.title()));
        ArrayNode tools = o.putArray("tools");
        c.tools().forEach(t -> tools.addObject().put("id", t.id()).put("title", t.title()));
        ArrayNode codes = labels(c.codes());
        // each code's phase (acute, duty, ordinary ...): the page puts acute findings first
        Map<String, no.veiviser.internal.model.Effects> effects = no.veiviser.internal.Access.model(g).effects();
        codes.forEach(x -> {
            no.veiviser.internal.model.Effects e = effects.get(x.get("id").asText());
            if (e != null) {
                ((ObjectNode) x).put("phase", e.phase());
            }
        });
        o.set("codes", codes);
        // what "Hvorfor?" and "Holdt tilbake" name besides rules: the guide's concepts and exceptions, with their descriptions
        ArrayNode concepts = o.putArray("concepts");
        no.veiviser.internal.Access.model(g).concepts().forEach(x -> concepts.addObject().put("id", x.id()).put("description", java.util.Objects.toString(x.description(), "").strip()));
        ArrayNode exceptions = o.putArray("exceptions");
        no.veiviser.internal.Access.model(g).exceptions().forEach(x -> exceptions.addObject().put("id", x.id()).put("description", java.util.Objects.toString(x.description(), "").strip()));
        o.set("signals", labels(c.signals()));
        o.set("services", labels(c.services()));
        // the outcomes a case's meeting may have: the five national ones, then the guide's own with their meaning
        ArrayNode outcomes = o.putArray("meetingOutcomes");
        var model = no.veiviser.internal.Access.model(g);
        for (String code : model.outcomeCodes()) {
            var own = model.meetingOutcomes().get(code);
            outcomes.addObject().put("id", code).put("label", own != null ? own.label()
                    : no.veiviser.internal.engine.ValueLabels.label(no.veiviser.internal.engine.Field.MEETING_OUTCOME, code, java.util.Locale.forLanguageTag("nb")))
                    .put("means", model.outcomeMeaning(code).code());
        }
        ArrayNode rules = o.putArray("rules");
        for (Catalogue.RuleRef r : c.rules()) {
            ObjectNode x = rules.addObject().put("id", r.id()).put("description", r.description());
            r.step().ifPresent(s -> x.put("step", s));
            r.level().ifPresent(l -> x.put("level", l));
            strings(x.putArray("codes"), r.codes());
        }
        return o;
    }

    /** A catalogue as a list of {@code {id, label}}, in the guide's order. */
    private static ArrayNode labels(Map<String, String> map) {
        ArrayNode a = MAPPER.createArrayNode();
        map.forEach((id, label) -> a.addObject().put("id", id).put("label", label));
        return a;
    }

    private static void strings(ArrayNode a, Collection<String> values) {
        values.forEach(a::add);
    }

    static ObjectNode explanation(Explanation e) {
        ObjectNode o = object();
        o.set("decision", tree(e.decision().toJson()));
        ArrayNode rules = o.putArray("rules");
        for (Explanation.RuleCheck r : e.rules()) {
            ObjectNode x = rules.addObject();
            x.put("rule", r.rule());
            x.put("description", r.description() == null ? "" : r.description().strip());
            x.put("fired", r.fired());
            x.put("inForce", r.inForce());
            strings(x.putArray("codes"), r.codes());
            ObjectNode source = x.putObject("source");
            source.put("guide", r.source().guide());
            source.put("section", r.source().section());
            strings(source.putArray("law"), r.source().law());
            x.put("quote", r.quote() == null ? "" : r.quote().strip());
            ArrayNode conditions = x.putArray("conditions");
            for (Explanation.ConditionCheck c : r.conditions()) {
                ObjectNode y = conditions.addObject();
                y.put("depth", c.depth());
                y.put("condition", c.condition());
                y.put("holds", c.holds());
                y.put("leaf", c.leaf());
                if (c.leaf()) {
                    y.put("actual", c.actual());
                }
                y.put("at", c.at());
            }
        }
        return o;
    }

    /** A case in the case file's own JSON form (what {@code POST .../evaluate} takes), only the facts that are set. */
    static ObjectNode caseJson(Case c) {
        ObjectNode o = object();
        o.put("asOf", c.asOf().toString());
        Child ch = c.child();
        if (!ch.equals(Child.UNKNOWN)) {
            ObjectNode x = o.putObject("child");
            ch.birthDate().ifPresent(d -> x.put("birthDate", d.toString()));
            ch.age().ifPresent(a -> x.put("age", a));
            ch.setting().ifPresent(s -> x.put("setting", s.code()));
            if (!ch.livesInMunicipality()) {
                x.put("livesInMunicipality", false);
            }
        }
        Concern co = c.concern();
        if (!co.equals(Concern.NONE)) {
            ObjectNode x = o.putObject("concern");
            co.since().ifPresent(d -> x.put("since", d.toString()));
            if (!co.signals().isEmpty()) {
                strings(x.putArray("signals"), co.signals());
            }
            if (co.uncertainPlacement()) {
                x.put("uncertainPlacement", true);
            }
            co.progress().ifPresent(p -> x.put("progress", p.code()));
            co.pregnancy().ifPresent(v -> x.put("pregnancy", v));
            co.raisedBy().ifPresent(r -> x.put("raisedBy", r.code()));
        }
        CaseWork w = c.work();
        if (!w.equals(CaseWork.NONE)) {
            ObjectNode x = o.putObject("case");
            w.level().ifPresent(l -> x.put("level", l));
            w.step().ifPresent(s -> x.put("step", s));
            flag(x, "guardiansInvolved", w.guardiansInvolved());
            if (!w.services().isEmpty()) {
                strings(x.putArray("services"), w.services());
            }
            flag(x, "individualPlan", w.individualPlan());
            flag(x, "childCoordinator", w.childCoordinator());
            flag(x, "closing", w.closing());
            w.referred().ifPresent(d -> x.put("referred", d.toString()));
            w.coordinator().ifPresent(v -> x.put("coordinator", v));
        }
        Meeting m = c.meeting();
        if (!m.equals(Meeting.NONE)) {
            ObjectNode x = o.putObject("meeting");
            m.held().ifPresent(d -> x.put("held", d.toString()));
            m.written().ifPresent(v -> x.put("outcome", v)); // a guide's own outcome as the case writes it
            m.level().ifPresent(v -> x.put("level", v));
            m.next().ifPresent(d -> x.put("next", d.toString()));
        }
        Consent cs = c.consent();
        if (!cs.equals(Consent.NOT_ASKED)) {
            ObjectNode x = o.putObject("consent").put("guardians", cs.guardians().code()).put("youth", cs.youth().code());
            flag(x, "written", cs.written());
            consentKind(x, "stafettlogg", cs.stafettlogg());
            consentKind(x, "individualPlan", cs.individualPlan());
        }
        ChildWelfare cw = c.childWelfare();
        if (!cw.equals(ChildWelfare.NONE)) {
            ObjectNode x = o.putObject("childWelfare");
            flag(x, "informed", cw.informed());
            flag(x, "recommendsFollowUp", cw.recommendsFollowUp());
            flag(x, "decision", cw.decision());
            flag(x, "measureActive", cw.measureActive());
            cw.informedOn().ifPresent(d -> x.put("informedOn", d.toString()));
        }
        Stafettlogg s = c.stafettlogg();
        if (!s.equals(Stafettlogg.NONE)) {
            ObjectNode x = o.putObject("stafettlogg").put("status", s.status().code());
            s.holder().ifPresent(h -> x.put("holder", h));
        }
        Reporter r = c.reporter();
        if (!r.equals(Reporter.UNKNOWN)) {
            ObjectNode x = o.putObject("reporter");
            r.service().ifPresent(v -> x.put("service", v));
            flag(x, "adultService", r.adultService());
        }
        Adult a = c.adult();
        if (!a.equals(Adult.NONE)) {
            ObjectNode x = o.putObject("adult");
            a.hasChildren().ifPresent(v -> x.put("hasChildren", v));
            a.patientIsSibling().ifPresent(v -> x.put("patientIsSibling", v));
            if (a.socialAssistance() != Adult.SocialAssistance.NONE) {
                x.put("socialAssistance", a.socialAssistance().code());
            }
            a.refugeeSettledOn().ifPresent(d -> x.put("refugeeSettledOn", d.toString()));
            if (a.patientCondition() != Adult.PatientCondition.NONE) {
                x.put("patientCondition", a.patientCondition().code());
            }
        }
        return o;
    }

    private static void consentKind(ObjectNode o, String name, Consent.Answers a) {
        if (!a.equals(Consent.Answers.NOT_ASKED)) {
            ObjectNode x = o.putObject(name).put("guardians", a.guardians().code()).put("youth", a.youth().code());
            flag(x, "written", a.written());
        }
    }

    private static void flag(ObjectNode o, String name, boolean value) {
        if (value) {
            o.put(name, true);
        }
    }
}
