package no.veiviser.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import no.veiviser.workbench.GuideEntry;
import no.veiviser.workbench.WorkbenchServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code veiviser serve [--port 8080] [--host 127.0.0.1] [--edit] [guide folders…]}: the workbench and the JSON API. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Main.Version.class, sortOptions = false,
        description = {"Starts the workbench: a web page to try cases, run scenarios, edit a guide and see what a change does, "
                + "and the JSON API a case system can call (OpenAPI at /api/openapi.json, health at /health).",
            "%nIt listens on loopback only unless --host says otherwise; then every request needs the token printed at "
                + "start. Guides are read-only unless --edit: the page then saves a guide back to its own file, and only "
                + "there. A guide that fails to load or compile is not served; the page and /health say why.",
            "%nWithout guide folders the bundled guides are served, read-only. Stop it with Ctrl+C."},
        footerHeading = "%nExamples:%n",
        footer = {"  veiviser serve guides",
            "  veiviser serve --edit guides/nittedal guides/norge",
            "  veiviser serve --port 9000 --host 0.0.0.0 guides"})
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Main main;

    @Option(names = "--port", paramLabel = "<port>", defaultValue = "8080", description = "Port; 0 picks a free one. Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", paramLabel = "<host>", defaultValue = WorkbenchServer.LOOPBACK,
            description = "Address to listen on. Default: ${DEFAULT-VALUE} (this machine only).")
    String host;

    @Option(names = "--edit", description = "Allow saving guides from the page (writes need the token the page gets).")
    boolean edit;

    @Option(names = "--open", description = "Open the page in the default browser once the server is up.")
    boolean open;

    @Parameters(paramLabel = "<guide folder>", arity = "0..*",
            description = "Guide folders (with guide.yaml and scenarios/), guide files, or a folder of guide folders.")
    List<Path> folders = new ArrayList<>();

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new CliException("--port must be 0-65535, not " + port, null);
        }
        for (Path f : folders) {
            Inputs.existingPath(f, "guide folder");
        }
        WorkbenchServer server;
        try {
            server = WorkbenchServer.start(new WorkbenchServer.Options(host, port, edit, folders, true));
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage(), "give guide folders with a guide.yaml, or none for the bundled guides");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (GuideEntry e : server.workbench().all()) {
            if (e.live()) {
                err.println("  " + e.id() + ": live" + (e.editable() ? "" : " (bundled, read-only)"));
            } else {
                err.println("  " + e.id() + ": NOT SERVED, " + e.problems().size() + " problem(s):");
                e.problems().stream().filter(no.veiviser.Problem::isError).limit(5).forEach(p -> err.println("    " + p));
            }
        }
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl+C (SIGINT) and SIGTERM are how a server is stopped: handled here, they end call() normally, so the exit
        // is 0 as documented (the JVM's default exits 130 or 143, which service managers count as failures).
        // Any other shutdown still closes the server through the hook. Installed before the address is printed: a
        // service manager (or a test) that stops the server as soon as it says it is up must get the same exit.
        Thread hook = new Thread(server::close, "veiviser-serve-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        StopSignals.onStop(stopped::countDown);
        String address = server.address() + (server.loopback() ? "" : "?token=" + server.token());
        out.println("Veiviser workbench: " + address + (edit ? "" : "  (read-only; --edit to save guides)"));
        if (!server.loopback()) {
            err.println("Listening beyond this machine: every request needs the token (header X-Veiviser-Token or ?token=).");
        }
        out.flush();
        err.flush();
        if (open) {
            Browser.open(address, err);
        }
        stopped.await();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
            server.close();
        } catch (IllegalStateException e) {
            // the JVM is shutting down already: the hook closes the server
        }
        return Main.EXIT_OK;
    }

    /** SIGINT and SIGTERM as a request to stop, through {@code sun.misc.Signal} (jdk.unsupported; there is no public API). */
    static final class StopSignals {
        private StopSignals() {}

        @SuppressWarnings("removal")
        static void onStop(Runnable stop) {
            for (String name : List.of("INT", "TERM")) {
                try {
                    sun.misc.Signal.handle(new sun.misc.Signal(name), s -> stop.run());
                } catch (IllegalArgumentException | LinkageError e) {
                    // not on this platform, or the signal is reserved: the shutdown hook still stops the server
                }
            }
        }
    }

    /** Opens the page for the double-click launchers; failing that, the printed address is enough. */
    static final class Browser {
        private Browser() {}

        static void open(String address, PrintWriter err) {
            try {
                if (java.awt.Desktop.isDesktopSupported() && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
                    java.awt.Desktop.getDesktop().browse(java.net.URI.create(address));
                    return;
                }
            } catch (Exception | LinkageError e) {
                // headless or no desktop: try the usual commands below
            }
            String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
            List<String> command = os.contains("mac") ? List.of("open", address)
                    : os.contains("win") ? List.of("rundll32", "url.dll,FileProtocolHandler", address) : List.of("xdg-open", address);
            try {
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (java.io.IOException e) {
                err.println("Open " + address + " in your browser.");
            }
        }
    }
}
