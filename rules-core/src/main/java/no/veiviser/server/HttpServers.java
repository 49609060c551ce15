package no.veiviser.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import no.veiviser.Problem;

/**
 * HTTP servers on the JDK's own {@code com.sun.net.httpserver.HttpServer} (no dependency), hardened against slow,
 * oversized and failing requests. The example server and the workbench both start theirs here:
 *
 * <pre>{@code
 * RunningServer s = HttpServers.start(new InetSocketAddress("127.0.0.1", 0), HttpServers.Limits.DEFAULT,
 *         Map.of("/health", x -> HttpServers.sendJson(x, 200, "{\"status\":\"ok\"}")));
 * ...
 * s.close();
 * }</pre>
 *
 * <p>What every route gets:
 * <ul>
 *   <li>JVM-wide timeouts and header limits (see {@link #jvmSettings()}): a request must arrive whole within 10 s,
 *       so a client sending one byte every few seconds, or a {@code Content-Length} larger than what it sends, loses
 *       its connection instead of holding a worker; request line and headers at most 16 KiB.</li>
 *   <li>A bounded worker pool of 256 and a queue: requests beyond 256 at once wait for a worker instead of losing
 *       their connection. The JDK accepts at most {@code jdk.httpserver.maxConnections} (1,024 here) connections,
 *       idle ones included, and closes more on accept: it has no way to answer them, so that limit is set well above
 *       the workers.</li>
 *   <li>A request body limit: a larger {@code Content-Length} gets 413 before the handler runs, and reading past
 *       the limit (chunked bodies) throws {@link RequestTooLargeException}, answered with 413.</li>
 *   <li>An exception, an I/O error of the handler's own or a {@code StackOverflowError} gets a 500 with a JSON body,
 *       never an empty reply, and never a message or stack trace that could carry case data.</li>
 *   <li>Every error answer has one body, written by {@link ProblemJson}: {@code {"status", "error", "problems"}}.</li>
 * </ul>
 */
public final class HttpServers {
    static {
        JvmHttpSettings.DEFAULTS.size(); // sets the JVM-wide properties before any server class reads them
    }

    /** Requests handled at once; more wait for a worker (in arrival order) instead of losing their connection. */
    static final int WORKERS = 256;

    private HttpServers() {
    }

    /**
     * Per-server limits.
     *
     * @param maxBodyBytes the largest request body accepted; larger ones get 413
     */
    public record Limits(int maxBodyBytes) {
        /** 256 KiB: a case is a few hundred bytes, a guide a few hundred KiB at most. */
        public static final Limits DEFAULT = new Limits(256 * 1024);

        /**
         * @param maxBodyBytes the largest request body accepted; larger ones get 413
         * @throws IllegalArgumentException when negative
         */
        public Limits {
            if (maxBodyBytes < 0) {
                throw new IllegalArgumentException("maxBodyBytes must be 0 or more");
            }
        }
    }

    /**
     * Starts a server on {@code address} (port 0: any free port, see {@link RunningServer#port()}) with one handler
     * per path prefix, each guarded as described above.
     *
     * @param address the address to bind
     * @param limits the limits
     * @param routes path prefix to handler
     * @return the running server
     * @throws IOException when the address cannot be bound
     */
    public static RunningServer start(InetSocketAddress address, Limits limits, Map<String, HttpHandler> routes) throws IOException {
        Objects.requireNonNull(limits, "limits");
        int connections = JvmHttpSettings.maxConnections();
        int workers = Math.min(WORKERS, connections);
        AtomicInteger n = new AtomicInteger();
        // Up to WORKERS requests at once; the others wait in the queue for a worker. The queue holds as many as the JDK
        // accepts connections, so an accepted connection is never refused by the pool (which would close it unanswered).
        ThreadPoolExecutor executor = new ThreadPoolExecutor(workers, workers, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(connections), r -> {
            Thread t = new Thread(r, "veiviser-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        executor.allowCoreThreadTimeOut(true);
        HttpServer server = HttpServer.create(address, 0);
        routes.forEach((path, handler) -> server.createContext(path, guarded(handler, limits)));
        server.setExecutor(executor);
        server.start();
        return new RunningServer(server, executor);
    }

    /**
     * Sets the JVM-wide settings (see {@link #jvmSettings()}) now, for code that must create a JDK {@code HttpServer}
     * itself: call it before {@code HttpServer.create}. The JDK reads them once, when its first server is created
     * anywhere in the JVM; a server created before this call (or before {@link #start}) fixes the JDK's defaults
     * for the whole JVM: no request timeout and no connection limit. Idempotent.
     */
    public static void applyJvmSettings() {
        JvmHttpSettings.DEFAULTS.size();
    }

    /** @return the JVM-wide {@code HttpServer} settings in effect: property name to value */
    public static Map<String, String> jvmSettings() {
        return JvmHttpSettings.effective();
    }

    /**
     * Sends {@code json} with {@code status} and closes the response body.
     *
     * @param x the exchange
     * @param status the HTTP status
     * @param json the body
     * @throws IOException when the client is gone
     */
    public static void sendJson(HttpExchange x, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Sends an error answer, the same body everywhere: see {@link ProblemJson}.
     *
     * @param x the exchange
     * @param status the HTTP status
     * @param error what went wrong, in one sentence
     * @param problems the located problems; empty for an error that has no place in a file
     * @throws IOException when the client is gone
     */
    public static void sendProblems(HttpExchange x, int status, String error, List<Problem> problems) throws IOException {
        sendJson(x, status, ProblemJson.text(status, error, problems));
    }

    static HttpHandler guarded(HttpHandler handler, Limits limits) {
        return x -> {
            try {
                if (declaredLength(x) > limits.maxBodyBytes()) {
                    tooLarge(x, limits);
                    return;
                }
                x.setStreams(new BoundedInputStream(x.getRequestBody(), limits.maxBodyBytes()), null);
                handler.handle(x);
            } catch (RequestTooLargeException e) {
                if (x.getResponseCode() == -1) {
                    tooLarge(x, limits);
                }
            } catch (IOException e) {
                // The client went away or timed out, or the handler's own file could not be read. Nothing answered
                // yet: try a 500 (which fails too if the client is gone, and then the JDK closes the connection).
                if (x.getResponseCode() != -1) {
                    throw e;
                }
                sendProblems(x, 500, "internal error", List.of());
            } catch (RuntimeException | StackOverflowError e) {
                // A bug, not bad input: no message (it may carry case data) and no stack trace in the response.
                if (x.getResponseCode() == -1) {
                    sendProblems(x, 500, "internal error", List.of());
                }
            } finally {
                x.close(); // after the catch clauses, which may still have to answer
            }
        };
    }

    private static void tooLarge(HttpExchange x, Limits limits) throws IOException {
        x.getResponseHeaders().set("Connection", "close"); // the rest of the body is not read
        sendProblems(x, 413, "request body too large", List.of(Problem.error("request body", 0, 0,
                "a request body is at most " + limits.maxBodyBytes() + " bytes", null)));
    }

    private static long declaredLength(HttpExchange x) {
        String v = x.getRequestHeaders().getFirst("Content-Length");
        if (v == null) {
            return -1;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            return -1; // the JDK has already refused a malformed Content-Length with 400
        }
    }
}
