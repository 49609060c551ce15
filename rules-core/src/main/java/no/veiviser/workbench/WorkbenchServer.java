package no.veiviser.workbench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code veiviser serve}: the workbench page and the JSON API on one port, loopback by default.
 *
 * <pre>{@code
 * try (WorkbenchServer s = WorkbenchServer.start(new WorkbenchServer.Options("127.0.0.1", 8080, false, List.of(Path.of("guides"))))) {
 *     URI page = s.address();
 * }
 * }</pre>
 */
public final class WorkbenchServer implements AutoCloseable {
    public static final String LOOPBACK = "127.0.0.1";

    /**
     * @param port    0 picks a free port
     * @param edit    whether guides may be saved (with the token)
     * @param folders guide folders (see {@link Workbench#open}); empty: the bundled guides, read-only
     */
    public record Options(String host, int port, boolean edit, List<Path> folders) {
        public Options {
            folders = List.copyOf(folders);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Access access;
    private final Workbench workbench;

    private WorkbenchServer(HttpServer server, ExecutorService executor, Access access, Workbench workbench) {
        this.server = server;
        this.executor = executor;
        this.access = access;
        this.workbench = workbench;
    }

    public static WorkbenchServer start(Options options) {
        return start(options, Clock.systemDefaultZone());
    }

    /**
     * Loads the guides, binds and starts serving.
     *
     * @throws IllegalArgumentException for a folder without guides or an unknown host
     * @throws UncheckedIOException when the port cannot be bound
     */
    public static WorkbenchServer start(Options options, Clock clock) {
        Workbench workbench = Workbench.open(options.folders());
        HttpServer server;
        try {
            no.veiviser.server.HttpServers.applyJvmSettings(); // before the JDK reads its JVM-wide limits, once
            server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 128);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
        }
        int port = server.getAddress().getPort();
        Access access = new Access(options.host(), port, options.edit());
        Api api = new Api(workbench, access, clock, version());
        server.createContext("/api/", api);
        server.createContext("/", new Page(access, api));
        int threads = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(1024), r -> {
            Thread t = new Thread(r, "veiviser-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.start();
        return new WorkbenchServer(server, executor, access, workbench);
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI address() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort() + "/");
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The token writes need (and, off loopback, every request). Made anew at each start. */
    public String token() {
        return access.token();
    }

    public boolean loopback() {
        return access.loopback();
    }

    public Workbench workbench() {
        return workbench;
    }

    static String version() {
        String v = WorkbenchServer.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
