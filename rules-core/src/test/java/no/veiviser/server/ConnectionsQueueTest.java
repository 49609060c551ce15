package no.veiviser.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 28, item 5: past the 256-connection cap, normal requests were reset. 300 requests arrive at once while every
 * worker is busy: the ones beyond the workers wait for one and are answered, none loses its connection.
 */
class ConnectionsQueueTest {
    static final int REQUESTS = 300;

    @Test
    void requestsBeyondTheWorkersWaitAndAreAnsweredNotReset() throws Exception {
        assertThat(Integer.parseInt(HttpServers.jvmSettings().get("jdk.httpserver.maxConnections"))).isGreaterThan(REQUESTS);
        CountDownLatch arrived = new CountDownLatch(HttpServers.WORKERS);
        CountDownLatch release = new CountDownLatch(1);
        RunningServer server = HttpServers.start(new InetSocketAddress("127.0.0.1", 0), HttpServers.Limits.DEFAULT, Map.of("/slow", x -> {
            arrived.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            HttpServers.sendJson(x, 200, "{\"status\":\"ok\"}");
        }));
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < REQUESTS; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                s.setSoTimeout(60_000);
                OutputStream out = s.getOutputStream();
                out.write("GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                sockets.add(s);
            }
            assertThat(arrived.await(60, TimeUnit.SECONDS)).as("every worker busy").isTrue();
            Thread.sleep(300); // the rest are accepted and wait for a worker
            release.countDown();
            int answered = 0;
            List<String> lost = new ArrayList<>();
            for (Socket s : sockets) {
                try (InputStream in = s.getInputStream()) {
                    String reply = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
                    if (reply.startsWith("HTTP/1.1 200")) {
                        answered++;
                    } else {
                        lost.add(reply.isEmpty() ? "closed unanswered" : reply.lines().findFirst().orElse(""));
                    }
                } catch (IOException e) {
                    lost.add("reset: " + e.getMessage());
                }
            }
            assertThat(lost).as("requests that lost their connection").isEmpty();
            assertThat(answered).isEqualTo(REQUESTS);
        } finally {
            release.countDown();
            for (Socket s : sockets) {
                s.close();
            }
            server.close();
        }
    }
}
