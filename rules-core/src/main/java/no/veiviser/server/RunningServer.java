package no.veiviser.server;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;

/** A server started by {@link HttpServers#start}: where it listens, and {@link #close()} to stop it and its workers. */
public final class RunningServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    RunningServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /** @return the bound address, with the real port when started on port 0 */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** @return the bound port */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops accepting, closes all connections and stops the workers; requests in flight are cut. */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
