package no.veiviser.workbench;

import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import no.veiviser.server.HttpServers;
import no.veiviser.server.RunningServer;

/**
 * {@code veiviser serve}: the workbench page and the JSON API on one port, loopback by default, started through
 * {@link HttpServers} (timeouts, header and body limits, bounded workers, 500 with a JSON body).
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
     * @param port          0 picks a free port
     * @param edit          whether guides may be saved (with the token)
     * @param folders       guide folders (see {@link Workbench#open}); empty: the bundled guides, read-only
     * @param fillBaselines whether a guide's outcomes over the impact view's generated cases are computed in the
     *                      background once the page opens it or saves it (a long-running server, so the first impact
     *                      asked for is quick), or only when first asked for
     */
    public record Options(String host, int port, boolean edit, List<Path> folders, boolean fillBaselines) {
        public Options {
            folders = List.copyOf(folders);
        }

        /** Options that compute the impact view's baselines only when first asked for. */
        public Options(String host, int port, boolean edit, List<Path> folders) {
            this(host, port, edit, folders, false);
        }
    }

    private final RunningServer server;
    private final Access access;
    private final Workbench workbench;
    private final Baselines baselines;

    private WorkbenchServer(RunningServer server, Access access, Workbench workbench, Baselines baselines) {
        this.server = server;
        this.access = access;
        this.workbench = workbench;
        this.baselines = baselines;
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
        InetSocketAddress bind = new InetSocketAddress(options.host(), options.port());
        if (bind.isUnresolved()) {
            throw new IllegalArgumentException("unknown host '" + options.host() + "'");
        }
        // Two steps: the handlers need the port (for the Host check), known only once bound when asked for port 0.
        Holder holder = new Holder();
        RunningServer server;
        try {
            server = HttpServers.start(bind, new HttpServers.Limits((int) Api.MAX_BODY),
                    Map.<String, HttpHandler>of("/api/", x -> holder.api.handle(x), "/", x -> holder.page.handle(x)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + options.host() + ":" + options.port() + ": " + e.getMessage(), e);
        }
        Access access = new Access(options.host(), server.port(), options.edit());
        Baselines baselines = new Baselines(options.fillBaselines());
        Api api = new Api(workbench, access, clock, version(), baselines);
        holder.api = api;
        holder.page = new Page(access, api);
        return new WorkbenchServer(server, access, workbench, baselines);
    }

    /** The handlers, set right after binding; until then (microseconds) a request gets 503. */
    private static final class Holder {
        volatile HttpHandler api = Holder::notYet;
        volatile HttpHandler page = Holder::notYet;

        private static void notYet(com.sun.net.httpserver.HttpExchange x) throws IOException {
            Exchange.error(x, 503, "starting");
        }
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8080/}. */
    public URI address() {
        InetSocketAddress a = server.address();
        String host = a.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + a.getPort() + "/");
    }

    public int port() {
        return server.port();
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

    /** The impact view's kept outcomes, for tests. */
    Baselines baselines() {
        return baselines;
    }

    @Override
    public void close() {
        server.close();
        baselines.close();
    }
}
