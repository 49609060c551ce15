package no.veiviser.examples.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.veiviser.Case;
import no.veiviser.Cases;
import no.veiviser.CompiledGuide;
import no.veiviser.Guide;
import no.veiviser.GuideException;
import no.veiviser.Guides;
import no.veiviser.InputException;
import no.veiviser.Problem;
import no.veiviser.server.GoLive;
import no.veiviser.server.GoLiveGate;
import no.veiviser.server.HttpServers;
import no.veiviser.server.LiveGuides;
import no.veiviser.server.RunningServer;

/**
 * A small HTTP service around Veiviser, on the JDK's own {@code HttpServer} (no framework) started through
 * {@link HttpServers}, which adds request timeouts, header, body and connection limits and 500 with a JSON body:
 *
 * <ul>
 *   <li>{@code POST /evaluate?guide=nittedal} with a case as JSON (or YAML): 200 and the decision as JSON; an invalid
 *       case gives 400 and {@code {"status", "error", "problems": [{"severity", "file", "line", "column", "message", "hint"}]}}
 *       (the body of every error answer, see {@link no.veiviser.server.ProblemJson}); an unknown guide 404.</li>
 *   <li>{@code GET /health}: 200 and {@code {"status": "ok", "guides": [{"id", "version"}]}}.</li>
 * </ul>
 *
 * <p>The guides are held in {@link LiveGuides}: {@link #reload(Path)} puts a new version live only after the
 * {@link GoLiveGate} accepted it (loaded unchanged, compiled, its scenarios passed), in one atomic swap, so requests in
 * flight finish on the old version and new ones get the new one, without downtime and without locks. No case data
 * is logged.
 */
public final class VeiviserServer implements AutoCloseable {
    /** Larger request bodies are refused (413): a case is a few hundred bytes. */
    static final int MAX_BODY = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunningServer server;
    private final LiveGuides guides = new LiveGuides();
    private final Clock clock;

    private VeiviserServer(Clock clock) {
        this.clock = clock;
    }

    /** Starts serving {@code guides} on {@code address} (port 0: any free port, see {@link #port()}). */
    public static VeiviserServer start(InetSocketAddress address, List<Guide> guides, Clock clock) throws IOException {
        VeiviserServer s = new VeiviserServer(clock);
        for (Guide g : guides) {
            s.reload(g);
        }
        s.server = HttpServers.start(address, new HttpServers.Limits(MAX_BODY), Map.of("/evaluate", s::evaluate, "/health", s::health));
        return s;
    }

    public int port() {
        return server.port();
    }

    /**
     * Adds a guide, or replaces the one with the same id: compiled before the swap, so a guide that does not compile
     * leaves the running one in place (the exception says why). Not gated by scenarios: for guides checked elsewhere,
     * such as the bundled ones; guide files go through {@link #reload(Path)}.
     */
    public void reload(Guide guide) {
        guides.put(guide.compile());
    }

    /**
     * Reloads a guide from its file through the {@link GoLiveGate}: it goes live only if it loads unchanged, compiles
     * and passes the scenarios in {@code scenarios/} beside it. Otherwise the running version stays, and the result
     * says why.
     */
    public GoLive reload(Path guideFile) {
        return guides.offer(guideFile);
    }

    @Override
    public void close() {
        server.close();
    }

    /** Bodies over {@link #MAX_BODY}, slow clients and internal errors are answered by {@link HttpServers}. */
    private void evaluate(HttpExchange x) throws IOException {
        if (!x.getRequestMethod().equals("POST")) {
            x.getResponseHeaders().add("Allow", "POST");
            HttpServers.sendProblems(x, 405, "use POST with a case as JSON", List.of());
            return;
        }
        String id = query(x, "guide").orElse("");
        // one version for the whole request, even if a reload happens meanwhile
        Optional<CompiledGuide> live = guides.get(id);
        if (live.isEmpty()) {
            String error = id.isEmpty() ? "say which guide: /evaluate?guide=<id>" : "no guide '" + id + "'";
            HttpServers.sendProblems(x, 404, error, List.of(Problem.error("", 0, 0, error,
                    "guides: " + String.join(", ", guides.snapshot().keySet()))));
            return;
        }
        CompiledGuide guide = live.get();
        byte[] body = x.getRequestBody().readAllBytes();
        try (InputStream in = new ByteArrayInputStream(body)) {
            Case c = Cases.read(in, "request body", guide.guide(), LocalDate.now(clock));
            send(x, 200, guide.evaluate(c).toJson());
        } catch (InputException e) {
            HttpServers.sendProblems(x, 400, "the case has problems", e.problems());
        }
    }

    private void health(HttpExchange x) throws IOException {
        ObjectNode out = JSON.createObjectNode().put("status", "ok");
        ArrayNode list = out.putArray("guides");
        guides.snapshot().forEach((id, g) -> list.addObject().put("id", id).put("version", g.guide().version()));
        send(x, 200, JSON.writeValueAsString(out));
    }

    private static void send(HttpExchange x, int status, String json) throws IOException {
        HttpServers.sendJson(x, status, json);
    }

    private static Optional<String> query(HttpExchange x, String name) {
        String q = x.getRequestURI().getRawQuery();
        if (q == null) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.ofNullable(params.get(name));
    }

    /**
     * {@code java ... VeiviserServer [port] [guide id or file]...}: serves the bundled guides (or the given ones) on
     * 127.0.0.1. Stop with Ctrl-C.
     */
    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        List<Guide> list = new java.util.ArrayList<>();
        try {
            if (args.length > 1) {
                for (int i = 1; i < args.length; i++) {
                    list.add(Path.of(args[i]).toFile().exists() ? Guides.load(Path.of(args[i])) : Guides.bundled(args[i]));
                }
            } else {
                Guides.bundledIds().forEach(id -> list.add(Guides.bundled(id)));
            }
        } catch (GuideException e) {
            e.problems().forEach(System.err::println);
            System.exit(2);
        }
        VeiviserServer s = start(new InetSocketAddress("127.0.0.1", port), list, Clock.systemDefaultZone());
        Runtime.getRuntime().addShutdownHook(new Thread(s::close));
        System.out.println("veiviser on http://127.0.0.1:" + s.port() + "/evaluate?guide=<id>  (health: /health)");
    }
}
