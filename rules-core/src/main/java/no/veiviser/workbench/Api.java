package no.veiviser.workbench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.veiviser.Case;
import no.veiviser.CaseException;
import no.veiviser.impact.CaseSource;
import no.veiviser.Cases;
import no.veiviser.CompiledGuide;
import no.veiviser.Guide;
import no.veiviser.GuideException;
import no.veiviser.Guides;
import no.veiviser.handbook.Handbook;
import no.veiviser.impact.ImpactDiff;
import no.veiviser.impact.Population;
import no.veiviser.scenario.Scenario;
import no.veiviser.scenario.ScenarioRunner;
import no.veiviser.verify.Verifier;
import no.veiviser.verify.VerifyFormat;

/**
 * The JSON API under {@code /api} and {@code /health}: the page uses it, and so can a case system. Decisions are
 * {@code Decision.toJson()} unchanged; bad input is 400 with every problem at its line and column. See
 * {@code openapi.json} for the contract.
 */
final class Api implements HttpHandler {
    /** Guide texts may be 2 MiB (the loader's own limit); HttpServers refuses larger bodies with 413. */
    static final long MAX_BODY = 4L << 20;
    static final int MAX_POPULATION = 100_000;
    static final int DEFAULT_POPULATION = 2_000;

    private final Workbench workbench;
    private final Access access;
    private final Clock clock;
    private final String version;
    private final Baselines baselines;

    Api(Workbench workbench, Access access, Clock clock, String version, Baselines baselines) {
        this.workbench = workbench;
        this.baselines = baselines;
        this.access = access;
        this.clock = clock;
        this.version = version;
    }

    @Override
    public void handle(HttpExchange x) throws IOException {
        // HttpServers closes the exchange, and answers 413 for a body over the limit and 500 for a bug.
        Optional<String> refused = access.refuse(x);
        if (refused.isPresent()) {
            Exchange.error(x, 403, refused.get());
            return;
        }
        route(x, Exchange.segments(x));
    }

    private void route(HttpExchange x, List<String> path) throws IOException {
        String method = x.getRequestMethod();
        if (path.equals(List.of("health"))) {
            if (allow(x, "GET")) {
                health(x);
            }
            return;
        }
        if (path.size() < 2 || !path.get(0).equals("api")) {
            Exchange.error(x, 404, "no such resource");
            return;
        }
        String top = path.get(1);
        if (path.size() == 2 && top.equals("openapi.json")) {
            if (allow(x, "GET")) {
                openApi(x);
            }
            return;
        }
        if (path.size() == 2 && top.equals("reload")) {
            if (allow(x, "POST")) {
                reload(x);
            }
            return;
        }
        if (!top.equals("guides")) {
            Exchange.error(x, 404, "no such resource");
            return;
        }
        if (path.size() == 2) {
            if (allow(x, "GET")) {
                ArrayNode a = ApiJson.MAPPER.createArrayNode();
                workbench.all().forEach(e -> a.add(ApiJson.summary(e)));
                Exchange.json(x, 200, a);
            }
            return;
        }
        Optional<GuideEntry> found = workbench.get(path.get(2));
        if (found.isEmpty()) {
            Exchange.error(x, 404, "no guide with that id; GET /api/guides lists them");
            return;
        }
        GuideEntry e = found.get();
        String action = path.size() > 3 ? path.get(3) : "";
        switch (path.size() == 3 ? "" : path.size() == 4 ? action : action + "/") {
            case "" -> {
                if (allow(x, "GET")) {
                    Exchange.json(x, 200, ApiJson.guide(e));
                    baselines.opened(e); // the page opens a guide to work on it: its impact view is likely asked for next
                }
            }
            case "source" -> source(x, e, method);
            case "validate" -> {
                if (allow(x, "POST")) {
                    validate(x, e);
                }
            }
            case "evaluate", "explain" -> {
                if (allow(x, "POST") && live(x, e)) {
                    evaluate(x, e, action.equals("explain"));
                }
            }
            case "scenarios" -> {
                if (method.equals("POST")) {
                    if (live(x, e)) {
                        saveScenario(x, e);
                    }
                } else if (allow(x, "GET") && live(x, e)) {
                    scenarios(x, e);
                }
            }
            case "verify" -> {
                if (allow(x, "GET") && live(x, e)) {
                    Exchange.send(x, 200, Exchange.JSON, VerifyFormat.json(List.of(Verifier.verify(e.compiled().orElseThrow()))));
                }
            }
            case "scenario-files" -> {
                if (allow(x, "GET")) {
                    ArrayNode files = ApiJson.MAPPER.createArrayNode();
                    workbench.scenarioFiles(e.id()).forEach(f -> files.add(f.getFileName().toString()));
                    Exchange.json(x, 200, files);
                }
            }
            case "scenario-files/" -> scenarioFile(x, e, path, method);
            case "diff", "exact" -> {
                if (allow(x, "POST") && live(x, e)) {
                    diff(x, e, action.equals("exact"));
                }
            }
            case "handbook" -> {
                if (allow(x, "GET") && live(x, e)) {
                    x.getResponseHeaders().set("Content-Security-Policy",
                            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'");
                    Exchange.send(x, 200, "text/html; charset=utf-8", Handbook.html(e.guide().orElseThrow()));
                }
            }
            case "cases/" -> {
                if (method.equals("POST")) {
                    if (live(x, e)) {
                        compareCase(x, e, path);
                    }
                } else if (allow(x, "GET") && live(x, e)) {
                    exampleCase(x, e, path);
                }
            }
            default -> Exchange.error(x, 404, "no such resource");
        }
    }

    private static boolean allow(HttpExchange x, String method) throws IOException {
        if (x.getRequestMethod().equals(method) || (method.equals("GET") && x.getRequestMethod().equals("HEAD"))) {
            return true;
        }
        x.getResponseHeaders().set("Allow", method.equals("GET") ? "GET, HEAD" : method);
        Exchange.error(x, 405, "use " + method + " here");
        return false;
    }

    private static boolean live(HttpExchange x, GuideEntry e) throws IOException {
        if (e.live()) {
            return true;
        }
        Exchange.json(x, 503, ApiJson.problems(503, "guide '" + e.id() + "' is not served: it did not pass the go-live checks", e.problems()));
        return false;
    }

    private void health(HttpExchange x) throws IOException {
        Exchange.json(x, 200, health());
    }

    private ObjectNode health() {
        ObjectNode o = ApiJson.object();
        List<GuideEntry> all = workbench.all();
        boolean allLive = all.stream().allMatch(GuideEntry::live);
        o.put("status", allLive ? "ok" : "degraded");
        o.put("version", version);
        ArrayNode guides = o.putArray("guides");
        for (GuideEntry e : all) {
            ObjectNode g = guides.addObject().put("id", e.id()).put("status", e.live() ? "live" : "failed");
            e.guide().ifPresent(v -> g.put("version", v.version()));
            if (!e.live()) {
                g.set("problems", ApiJson.problemList(e.problems()));
            }
        }
        return o;
    }

    private void openApi(HttpExchange x) throws IOException {
        try (InputStream in = Api.class.getResourceAsStream("/veiviser/workbench/openapi.json")) {
            if (in == null) {
                Exchange.error(x, 500, "the OpenAPI document is missing from the jar");
                return;
            }
            Exchange.send(x, 200, Exchange.JSON, new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${version}", version));
        }
    }

    private void reload(HttpExchange x) throws IOException {
        Optional<String> refused = access.refuseWrite(x);
        if (refused.isPresent()) {
            Exchange.error(x, 403, refused.get());
            return;
        }
        List<Workbench.Refused> refusedNow = workbench.reload();
        if (refusedNow.isEmpty()) {
            health(x);
            return;
        }
        // 409: the files on disk conflict with what is served. The running versions stay; the answer says why.
        String error = refusedNow.size() == 1
                ? "the new version of guide '" + refusedNow.get(0).id() + "' was refused; version " + refusedNow.get(0).running() + " stays live"
                : refusedNow.size() + " guides' new versions were refused ("
                        + String.join(", ", refusedNow.stream().map(Workbench.Refused::id).toList()) + "); their running versions stay live";
        // The one error body: per refused guide, a problem saying so (on its file, line 0), then why it was refused.
        List<no.veiviser.Problem> problems = new java.util.ArrayList<>();
        for (Workbench.Refused r : refusedNow) {
            problems.add(no.veiviser.Problem.error(r.file(), 0, 0, "the new version of guide '" + r.id() + "' was refused; version "
                    + r.running() + " stays live", "fix the problems below, then reload"));
            problems.addAll(r.problems());
        }
        ObjectNode body = ApiJson.problems(409, error, problems);
        Exchange.json(x, 409, body);
    }

    private void source(HttpExchange x, GuideEntry e, String method) throws IOException {
        if (method.equals("GET") || method.equals("HEAD")) {
            String text;
            if (e.file().isPresent()) {
                text = Files.readString(e.file().get(), StandardCharsets.UTF_8);
                x.getResponseHeaders().set("ETag", Workbench.etag(text.getBytes(StandardCharsets.UTF_8)));
            } else {
                try (InputStream in = Api.class.getClassLoader().getResourceAsStream("veiviser/guides/" + e.id() + "/guide.yaml")) {
                    text = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            Exchange.send(x, 200, "application/yaml; charset=utf-8", text);
            return;
        }
        Optional<String> ifMatch = ifMatch(x, method, "guide's text");
        if (ifMatch.isEmpty()) {
            return;
        }
        String text = Exchange.body(x);
        Workbench.SaveResult result = workbench.save(e.id(), text, ifMatch.get());
        if (result instanceof Workbench.SaveResult.Saved s) {
            baselines.opened(s.entry());
            x.getResponseHeaders().set("ETag", s.entry().etag());
            Exchange.json(x, 200, ApiJson.summary(s.entry()));
        } else {
            refused(x, result, "the guide");
        }
    }

    /** The answer to a save that did not happen: someone else's save (412), problems (400), or not editable (409). */
    private static void refused(HttpExchange x, Workbench.SaveResult result, String what) throws IOException {
        if (result instanceof Workbench.SaveResult.Conflict c) {
            x.getResponseHeaders().set("ETag", c.currentEtag());
            Exchange.error(x, 412, what + " was saved by someone else since you opened it: reload it, then make your change again");
        } else if (result instanceof Workbench.SaveResult.Invalid i) {
            Exchange.json(x, 400, ApiJson.problems(400, what + " has problems; nothing was saved", i.problems()));
        } else if (result instanceof Workbench.SaveResult.NotEditable n) {
            Exchange.error(x, 409, n.why());
        }
    }

    /**
     * A save (PUT, with --edit and the token) and the ETag it changes (If-Match); empty when the answer (405, 403, 428)
     * has been sent.
     */
    private Optional<String> ifMatch(HttpExchange x, String method, String what) throws IOException {
        if (!method.equals("PUT")) {
            x.getResponseHeaders().set("Allow", "GET, HEAD, PUT");
            Exchange.error(x, 405, "use GET to read the " + what + ", PUT to save it");
            return Optional.empty();
        }
        Optional<String> refused = access.refuseWrite(x);
        if (refused.isPresent()) {
            Exchange.error(x, 403, refused.get());
            return Optional.empty();
        }
        String ifMatch = x.getRequestHeaders().getFirst("If-Match");
        if (ifMatch == null) {
            Exchange.error(x, 428, "a save needs If-Match with the ETag of the text it changes, so that no one else's save is lost");
            return Optional.empty();
        }
        return Optional.of(ifMatch.strip());
    }

    /** The changed guide in the request's body, compiled; empty when the answer (400 with its problems) has been sent. */
    private static Optional<CompiledGuide> changedGuide(HttpExchange x, GuideEntry e) throws IOException {
        try {
            return Optional.of(Guides.parse(Exchange.body(x), file(e)).compile());
        } catch (GuideException ex) {
            Exchange.json(x, 400, ApiJson.problems(400, "the changed guide has problems", ex.problems()));
            return Optional.empty();
        }
    }

    /** The path a guide's text is read as, so that {@code extends} resolves beside it (or among the bundled guides). */
    private static Path file(GuideEntry e) {
        return e.file().orElse(Path.of("guides", e.id(), "guide.yaml"));
    }

    private void validate(HttpExchange x, GuideEntry e) throws IOException {
        String text = Exchange.body(x);
        ObjectNode o = ApiJson.object();
        try {
            Guide g = Guides.parse(text, file(e));
            o.put("valid", true);
            o.put("id", g.id());
            o.put("version", g.version());
            o.set("problems", ApiJson.problemList(g.warnings()));
        } catch (GuideException ex) {
            o.put("valid", false);
            o.set("problems", ApiJson.problemList(ex.problems()));
        }
        Exchange.json(x, 200, o);
    }

    private void evaluate(HttpExchange x, GuideEntry e, boolean explain) throws IOException {
        String text = Exchange.body(x);
        CompiledGuide g = e.compiled().orElseThrow();
        Case c;
        try {
            // a case file as YAML too (what authors write), when the request says so; JSON otherwise
            String type = String.valueOf(x.getRequestHeaders().getFirst("Content-Type")).toLowerCase(java.util.Locale.ROOT);
            c = Cases.parse(text, type.contains("yaml") ? "case.yaml" : "case.json", g.guide(), LocalDate.now(clock));
            if (explain) {
                Exchange.json(x, 200, ApiJson.explanation(g.explain(c)));
            } else {
                Exchange.send(x, 200, Exchange.JSON, g.evaluate(c).toJson());
            }
        } catch (CaseException ex) {
            Exchange.json(x, 400, ApiJson.problems(400, "the case has problems", ex.problems()));
        }
    }

    private void scenarios(HttpExchange x, GuideEntry e) throws IOException {
        Exchange.send(x, 200, Exchange.JSON, ScenarioRunner.run(e.compiled().orElseThrow(), e.scenarios()).toJson());
    }

    /** {@code scenario-files/<name>}: GET its text (with an ETag), PUT a new text (with If-Match and the token). */
    private void scenarioFile(HttpExchange x, GuideEntry e, List<String> path, String method) throws IOException {
        if (path.size() == 6 && path.get(5).equals("accept")) {
            if (allow(x, "POST") && live(x, e)) {
                accept(x, e, path.get(4));
            }
            return;
        }
        Optional<Path> file = path.size() != 5 ? Optional.empty()
                : workbench.scenarioFiles(e.id()).stream().filter(f -> f.getFileName().toString().equals(path.get(4))).findFirst();
        if (file.isEmpty()) {
            Exchange.error(x, 404, "no such scenario file; GET .../scenario-files lists them");
            return;
        }
        if (method.equals("GET") || method.equals("HEAD")) {
            byte[] bytes = Files.readAllBytes(file.get());
            x.getResponseHeaders().set("ETag", Workbench.etag(bytes));
            Exchange.send(x, 200, "application/yaml; charset=utf-8", new String(bytes, StandardCharsets.UTF_8));
            return;
        }
        Optional<String> ifMatch = ifMatch(x, method, "scenario file");
        if (ifMatch.isEmpty()) {
            return;
        }
        Workbench.SaveResult result = workbench.saveScenarioFile(e.id(), path.get(4), Exchange.body(x), ifMatch.get());
        if (result instanceof Workbench.SaveResult.Saved s) {
            x.getResponseHeaders().set("ETag", Workbench.etag(Files.readAllBytes(file.get())));
            // whether the served guide still passes its scenarios, the saved file among them
            GuideEntry now = s.entry();
            boolean passes;
            try {
                passes = ScenarioRunner.run(now.compiled().orElseThrow(), no.veiviser.scenario.Scenarios.read(now.guide().orElseThrow(),
                        List.of(file.get().getParent()))).passed();
            } catch (CaseException ex) {
                passes = false;
            }
            Exchange.json(x, 200, ApiJson.object().put("saved", path.get(4)).put("passes", passes));
        } else {
            refused(x, result, "the scenario file");
        }
    }

    /**
     * {@code POST scenario-files/<name>/accept?line=N} with a changed guide's text: the scenario at that line with its
     * expectation brought in line with the changed guide's decision (due dates and level only), proposed, not written.
     */
    private void accept(HttpExchange x, GuideEntry e, String name) throws IOException {
        Optional<Path> file = workbench.scenarioFiles(e.id()).stream().filter(f -> f.getFileName().toString().equals(name)).findFirst();
        int line;
        try {
            line = Integer.parseInt(Exchange.query(x).getOrDefault("line", ""));
        } catch (NumberFormatException ex) {
            line = -1;
        }
        if (file.isEmpty() || line < 1) {
            Exchange.error(x, 404, "no such scenario file, or no line=N of a scenario in it");
            return;
        }
        Optional<CompiledGuide> changed = changedGuide(x, e);
        if (changed.isEmpty()) {
            return;
        }
        try {
            AcceptedExpectation.Proposal p = AcceptedExpectation.propose(e.guide().orElseThrow(), file.get(), line, changed.get());
            Exchange.json(x, 200, ApiJson.object().put("scenario", p.scenario()).put("before", p.before()).put("after", p.after())
                    .put("text", p.text()).put("etag", p.etag()));
        } catch (AcceptedExpectation.Refused r) {
            Exchange.error(x, 409, r.getMessage());
        } catch (CaseException ex) {
            Exchange.json(x, 400, ApiJson.problems(400, "the scenario file has problems", ex.problems()));
        }
    }

    /** {@code POST scenarios}: one scenario as JSON ({@code name}, {@code case}, {@code expect}) saved beside the guide. */
    private void saveScenario(HttpExchange x, GuideEntry e) throws IOException {
        Optional<String> refused = access.refuseWrite(x);
        if (refused.isPresent()) {
            Exchange.error(x, 403, refused.get());
            return;
        }
        com.fasterxml.jackson.databind.JsonNode body;
        try {
            body = ApiJson.MAPPER.readTree(Exchange.body(x));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            Exchange.error(x, 400, "the scenario must be JSON: {name, case, expect}");
            return;
        }
        if (!(body instanceof ObjectNode scenario) || !scenario.path("name").isTextual() || scenario.path("name").asText().isBlank()
                || !scenario.path("case").isObject() || !scenario.path("expect").isObject()) {
            Exchange.error(x, 400, "the scenario must be JSON: {name, case, expect}");
            return;
        }
        Workbench.SaveResult result = workbench.saveScenario(e.id(), scenario);
        if (result instanceof Workbench.SaveResult.Saved s) {
            Exchange.json(x, 200, ApiJson.object().put("file", no.veiviser.server.GoLiveGate.SCENARIOS + "/" + Workbench.SAVED_SCENARIOS)
                    .put("scenarios", s.entry().scenarios().size()));
        } else if (result instanceof Workbench.SaveResult.Invalid i) {
            Exchange.json(x, 400, ApiJson.problems(400, "the scenario was not saved", i.problems()));
        } else if (result instanceof Workbench.SaveResult.NotEditable n) {
            Exchange.error(x, 409, n.why());
        }
    }

    /** {@code diff}: sampled impact over the scenarios and a population; {@code exact}: every class of cases that changes. */
    private void diff(HttpExchange x, GuideEntry e, boolean exact) throws IOException {
        Map<String, String> q = Exchange.query(x);
        long size;
        long seed;
        try {
            size = Long.parseLong(q.getOrDefault("population", "" + DEFAULT_POPULATION));
            seed = Long.parseLong(q.getOrDefault("seed", "1"));
        } catch (NumberFormatException ex) {
            Exchange.error(x, 400, "population and seed must be whole numbers");
            return;
        }
        if (size < 0 || size > MAX_POPULATION) {
            Exchange.error(x, 400, "population must be between 0 and " + MAX_POPULATION);
            return;
        }
        String text = Exchange.body(x);
        CompiledGuide changed;
        Guide changedGuide;
        try {
            changedGuide = Guides.parse(text, file(e));
            changed = changedGuide.compile();
        } catch (GuideException ex) {
            Exchange.json(x, 400, ApiJson.problems(400, "the changed guide has problems", ex.problems()));
            return;
        }
        CompiledGuide base = e.compiled().orElseThrow();
        if (exact) {
            try {
                Exchange.json(x, 200, ExactImpact.json(base, changed, size, seed));
            } catch (GuideException ex) {
                Exchange.json(x, 400, ApiJson.problems(400, "the two versions cannot be compared exactly", ex.problems()));
            }
            return;
        }
        ObjectNode o = ApiJson.object();
        try {
            List<Case> cases = e.scenarios().stream().map(Scenario::aCase).toList();
            o.set("scenarios", ApiJson.tree(ImpactDiff.between(base, changed).threads(1).run(CaseSource.of(cases)).toJson()));
            Population population = Population.generate(size, seed);
            ImpactDiff.Baseline kept = baselines.of(e.id(), base, seed);
            o.set("population", ApiJson.tree(ImpactDiff.between(base, changed).threads(2).baseline(kept).run(population).toJson()));
            o.set("staleTexts", StaleTexts.json(base.guide(), changedGuide, LocalDate.now(clock)));
        } catch (CaseException ex) {
            Exchange.json(x, 400, ApiJson.problems(400, "a case could not be evaluated by either guide", ex.problems()));
            return;
        }
        Exchange.json(x, 200, o);
    }

    /**
     * {@code POST cases/<source>/<n>} with a changed guide's text: the example case with its decision before (the guide
     * as served) and after (the text), for the impact view to show side by side before anything replaces the form.
     */
    private void compareCase(HttpExchange x, GuideEntry e, List<String> path) throws IOException {
        Optional<Case> c = example(x, e, path);
        if (c.isEmpty()) {
            Exchange.error(x, 404, "no such case");
            return;
        }
        Optional<CompiledGuide> changed = changedGuide(x, e);
        if (changed.isEmpty()) {
            return;
        }
        ObjectNode o = ApiJson.object();
        o.set("case", ApiJson.caseJson(c.get()));
        try {
            o.set("before", ApiJson.tree(e.compiled().orElseThrow().evaluate(c.get()).toJson()));
            o.set("after", ApiJson.tree(changed.get().evaluate(c.get()).toJson()));
        } catch (CaseException ex) {
            Exchange.json(x, 400, ApiJson.problems(400, "the case could not be evaluated by either guide", ex.problems()));
            return;
        }
        Exchange.json(x, 200, o);
    }

    /** {@code cases/population/<n>?seed=S} or {@code cases/scenarios/<n>}: an example case of an impact report, as case JSON. */
    private void exampleCase(HttpExchange x, GuideEntry e, List<String> path) throws IOException {
        Optional<Case> c = example(x, e, path);
        if (c.isEmpty()) {
            Exchange.error(x, 404, "no such case");
            return;
        }
        Exchange.json(x, 200, ApiJson.caseJson(c.get()));
    }

    private static Optional<Case> example(HttpExchange x, GuideEntry e, List<String> path) {
        if (path.size() != 6) {
            return Optional.empty();
        }
        long index;
        long seed;
        try {
            index = Long.parseLong(path.get(5));
            seed = Long.parseLong(Exchange.query(x).getOrDefault("seed", "1"));
        } catch (NumberFormatException ex) {
            return Optional.empty();
        }
        if (path.get(4).equals("population") && index >= 0 && index < MAX_POPULATION) {
            return Optional.of(Population.generate(MAX_POPULATION, seed).get(index));
        } else if (path.get(4).equals("scenarios") && index >= 0 && index < e.scenarios().size()) {
            return Optional.of(e.scenarios().get((int) index).aCase());
        }
        return Optional.empty();
    }
}
