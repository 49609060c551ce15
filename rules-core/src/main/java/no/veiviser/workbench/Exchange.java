package no.veiviser.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers around an {@link HttpExchange}: bounded bodies, path segments, query parameters, answers. */
final class Exchange {
    static final String JSON = "application/json; charset=utf-8";

    private Exchange() {}

    /**
     * The request body as UTF-8 text. Its size is bounded by {@link no.veiviser.server.HttpServers}: a body over the
     * server's limit gets 413 before the handler runs (a declared length) or when read past it (chunked).
     */
    static String body(HttpExchange x) throws IOException {
        return new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** The decoded segments of the path: {@code /api/guides/nittedal} is {@code [api, guides, nittedal]}. */
    static List<String> segments(HttpExchange x) {
        List<String> out = new ArrayList<>();
        for (String s : x.getRequestURI().getRawPath().split("/")) {
            if (!s.isEmpty()) {
                out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    static Map<String, String> query(HttpExchange x) {
        Map<String, String> out = new LinkedHashMap<>();
        String q = x.getRequestURI().getRawQuery();
        if (q != null) {
            for (String part : q.split("&")) {
                int eq = part.indexOf('=');
                String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(k, v);
            }
        }
        return out;
    }

    static void json(HttpExchange x, int status, JsonNode body) throws IOException {
        send(x, status, JSON, ApiJson.text(body));
    }

    static void error(HttpExchange x, int status, String message) throws IOException {
        json(x, status, ApiJson.error(status, message));
    }

    /**
     * Up to this much of an unread request body is read and dropped before answering, so that a client still sending
     * (a body over the limit, a write refused before its body was read) gets the answer rather than a reset connection.
     */
    static final long DRAIN_LIMIT = 64L << 20;

    private static void drain(HttpExchange x) {
        try {
            InputStream in = x.getRequestBody();
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while (total < DRAIN_LIMIT && (n = in.read(buffer)) > 0) {
                total += n;
            }
        } catch (IOException | RuntimeException e) {
            // the client went away, or the body is over the limit: answer anyway, the connection then closes
        }
    }

    static void send(HttpExchange x, int status, String type, String body) throws IOException {
        drain(x);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", type);
        x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        x.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        x.getResponseHeaders().putIfAbsent("Cache-Control", List.of("no-store"));
        if ("HEAD".equals(x.getRequestMethod())) {
            x.sendResponseHeaders(status, -1);
            return;
        }
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = x.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
