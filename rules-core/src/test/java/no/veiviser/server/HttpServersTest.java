package no.veiviser.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Slow, oversized and failing requests against {@link HttpServers}. Timeouts are generous (a loaded 2-core machine):
 * the tests assert that requests are answered, never how fast.
 */
class HttpServersTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    static final Duration ANSWER_WITHIN = Duration.ofSeconds(30);

    final List<Socket> sockets = new ArrayList<>();
    RunningServer server;

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        if (server != null) {
            server.close();
        }
    }

    RunningServer start(Map<String, HttpHandler> routes) throws IOException {
        server = HttpServers.start(new InetSocketAddress("127.0.0.1", 0), new HttpServers.Limits(1024), routes);
        return server;
    }

    static Map<String, HttpHandler> routes() {
        return Map.of(
                "/health", x -> HttpServers.sendJson(x, 200, "{\"status\":\"ok\"}"),
                "/evaluate", x -> {
                    byte[] body = x.getRequestBody().readAllBytes();
                    HttpServers.sendJson(x, 200, "{\"bytes\":" + body.length + "}");
                },
                "/bug", x -> {
                    throw new IllegalStateException("birth date 2015-03-01 of case 17");
                },
                "/deep", x -> deep(0),
                "/io", x -> {
                    throw new java.nio.file.NoSuchFileException("/srv/guides/nittedal/guide.yaml"); // the handler's own file
                });
    }

    static int deep(int n) {
        return deep(n + 1) + 1;
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(ANSWER_WITHIN).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).timeout(ANSWER_WITHIN)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        sockets.add(s);
        return s;
    }

    /** Reads until the server closes the connection (or resets it); false if it is still open after {@code within}. */
    static boolean closedByServer(Socket s, Duration within) throws IOException {
        s.setSoTimeout(1000);
        long end = System.nanoTime() + within.toNanos();
        InputStream in = s.getInputStream();
        while (System.nanoTime() < end) {
            try {
                if (in.read() < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                // still open: keep waiting
            } catch (IOException e) {
                return true; // reset
            }
        }
        return false;
    }

    @Test
    void slowClientsBlockNeitherHealthNorEvaluate() throws Exception {
        start(routes());
        AtomicBoolean stop = new AtomicBoolean();
        // Two clients sending their request line one byte every 3 seconds (the finding: every 10 s).
        List<Thread> dribblers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Socket s = connect();
            Thread t = new Thread(() -> {
                byte[] line = "GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
                try {
                    OutputStream out = s.getOutputStream();
                    for (byte b : line) {
                        if (stop.get()) {
                            return;
                        }
                        out.write(b);
                        out.flush();
                        Thread.sleep(3000);
                    }
                } catch (IOException | InterruptedException e) {
                    // closed by the server: what the timeout is for
                }
            });
            t.setDaemon(true);
            t.start();
            dribblers.add(t);
        }
        // A client announcing 1000 bytes and sending 22.
        Socket liar = connect();
        liar.getOutputStream().write(("POST /evaluate HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n" + "{\"child\": {\"age\": 9}, ")
                .getBytes(StandardCharsets.US_ASCII));
        liar.getOutputStream().flush();
        Thread.sleep(500); // let the server take all three connections

        for (int i = 0; i < 10; i++) {
            HttpResponse<String> health = get("/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(health.body()).path("status").asText()).isEqualTo("ok");
            HttpResponse<String> eval = post("/evaluate", "{\"child\": {\"age\": 9}}");
            assertThat(eval.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(eval.body()).path("bytes").asInt()).isEqualTo(21);
        }
        // The lying client does not hold its worker forever: the request timeout closes its connection.
        assertThat(closedByServer(liar, Duration.ofSeconds(90))).as("connection with a short body closed by the server").isTrue();
        stop.set(true);
        for (Thread t : dribblers) {
            t.join(10_000);
        }
    }

    @Test
    void dribblingHeadersAreCutOff() throws Exception {
        start(routes());
        Socket s = connect();
        OutputStream out = s.getOutputStream();
        out.write("GET /health HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        // never finishes its headers: the server closes the connection rather than wait forever
        assertThat(closedByServer(s, Duration.ofSeconds(90))).isTrue();
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void internalErrorsGet500WithAJsonBodyWithoutTheMessage() throws Exception {
        start(routes());
        for (String path : List.of("/bug", "/deep", "/io")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(500);
            assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
            JsonNode body = ProblemShape.assertProblemBody(JSON.readTree(r.body()), 500);
            assertThat(body.path("error").asText()).isEqualTo("internal error");
            JsonNode problem = body.path("problems").get(0);
            assertThat(problem.path("message").asText()).isEqualTo("internal error");
            assertThat(r.body()).doesNotContain("2015-03-01", "IllegalStateException", "at no.veiviser", "/srv/guides");
        }
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void bodiesOverTheLimitGet413() throws Exception {
        start(routes());
        // declared too large: refused before the handler reads anything
        HttpResponse<String> declared = post("/evaluate", "x".repeat(1025));
        assertThat(declared.statusCode()).isEqualTo(413);
        JsonNode body = ProblemShape.assertProblemBody(JSON.readTree(declared.body()), 413);
        assertThat(body.path("error").asText()).isEqualTo("request body too large");
        assertThat(body.path("problems").get(0).path("file").asText()).isEqualTo("request body");
        assertThat(body.path("problems").get(0).path("message").asText()).contains("1024 bytes");
        // chunked, no length given: refused once the handler reads past the limit
        HttpResponse<String> chunked = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/evaluate"))
                .timeout(ANSWER_WITHIN)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(new byte[5000]))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        ProblemShape.assertProblemBody(JSON.readTree(chunked.body()), 413);
        // at the limit: accepted
        assertThat(post("/evaluate", "x".repeat(1024)).statusCode()).isEqualTo(200);
    }

    @Test
    void headersOverTheLimitAreRefused() throws Exception {
        start(routes());
        Socket s = connect();
        s.setSoTimeout(30_000);
        OutputStream out = s.getOutputStream();
        out.write(("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String reply;
        try {
            reply = new String(s.getInputStream().readNBytes(64), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            reply = ""; // reset: the server closed without reading the rest
        }
        // either an error status or a closed connection, never 200
        assertThat(reply).doesNotContain(" 200 ");
        if (!reply.isEmpty()) {
            assertThat(reply).startsWith("HTTP/1.1 4");
        }
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void connectionsBeyondTheLimitAreClosedAndTheServerRecovers() throws Exception {
        start(routes());
        int limit = Integer.parseInt(HttpServers.jvmSettings().get("jdk.httpserver.maxConnections"));
        List<Socket> idle = new ArrayList<>();
        for (int i = 0; i < limit + 40; i++) {
            idle.add(connect());
        }
        int closed = 0;
        for (Socket s : idle.subList(limit, idle.size())) {
            if (closedByServer(s, Duration.ofSeconds(20))) {
                closed++;
            }
        }
        assertThat(closed).as("connections over the limit of " + limit + " closed by the server").isEqualTo(40);
        for (Socket s : idle) {
            s.close();
        }
        long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        int status = 0;
        while (status != 200 && System.nanoTime() < end) {
            try {
                status = get("/health").statusCode();
            } catch (IOException e) {
                Thread.sleep(200); // the server notices closed sockets on its next select
            }
        }
        assertThat(status).isEqualTo(200);
    }

    @Test
    void jvmSettingsAreSetBeforeTheFirstServer() {
        Map<String, String> s = HttpServers.jvmSettings();
        assertThat(s).containsKeys("sun.net.httpserver.maxReqTime", "sun.net.httpserver.maxReqHeaderSize", "jdk.httpserver.maxConnections");
        s.forEach((k, v) -> assertThat(System.getProperty(k)).as(k).isEqualTo(v).isNotNull());
    }
}
