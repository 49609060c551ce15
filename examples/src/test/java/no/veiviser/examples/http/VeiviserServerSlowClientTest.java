package no.veiviser.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import no.veiviser.Guides;
import org.junit.jupiter.api.Test;

/**
 * The finding of issue 16: two clients sending a byte every 10 s, or a {@code Content-Length: 1000} with 22 bytes
 * sent, froze {@code /health} and {@code /evaluate}. Generous timeouts (loaded 2-core machine), no latency assertions.
 */
class VeiviserServerSlowClientTest {
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void slowClientsBlockNeitherHealthNorEvaluate() throws Exception {
        try (VeiviserServer server = VeiviserServer.start(new InetSocketAddress("127.0.0.1", 0), List.of(Guides.bundled("nittedal")),
                Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC))) {
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    Socket s = new Socket("127.0.0.1", server.port());
                    slow.add(s);
                    s.getOutputStream().write('G'); // the first byte of "GET /health ...", then nothing for a long time
                    s.getOutputStream().flush();
                }
                Socket liar = new Socket("127.0.0.1", server.port());
                slow.add(liar);
                OutputStream out = liar.getOutputStream();
                out.write(("POST /evaluate?guide=nittedal HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n{\"child\": {\"age\": 9}, ")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(500);

                for (int i = 0; i < 20; i++) {
                    HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health"))
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(health.statusCode()).isEqualTo(200);
                    HttpResponse<String> eval = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/evaluate?guide=nittedal"))
                            .timeout(Duration.ofSeconds(30))
                            .POST(HttpRequest.BodyPublishers.ofString("{\"asOf\": \"2026-11-24\", \"child\": {\"age\": 9}}")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    assertThat(eval.statusCode()).isEqualTo(200);
                    assertThat(eval.body()).contains("\"nittedal\"");
                }
            } finally {
                for (Socket s : slow) {
                    s.close();
                }
            }
        }
    }

    @Test
    void aBodyOverTheLimitIs413() throws Exception {
        try (VeiviserServer server = VeiviserServer.start(new InetSocketAddress("127.0.0.1", 0), List.of(Guides.bundled("norge")),
                Clock.systemUTC())) {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/evaluate?guide=norge"))
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(" ".repeat(VeiviserServer.MAX_BODY + 1))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(413);
            assertThat(VeiviserServerTest.assertProblemBody(r.body(), 413).path("problems").get(0).path("message").asText())
                    .contains(VeiviserServer.MAX_BODY + " bytes");
            assertThat(r.body()).contains("\"problems\"");
        } catch (IOException e) {
            throw new AssertionError("the server should answer 413, not drop the connection", e);
        }
    }
}
