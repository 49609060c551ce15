package no.veiviser.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Properties;
import no.veiviser.InputException;
import no.veiviser.Problem;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;

/**
 * The {@code veiviser} command-line tool.
 *
 * <p>Exit codes: {@value #EXIT_OK} ok; {@value #EXIT_FINDINGS} reserved for findings-level failures
 * (failing scenarios in {@code test}, changed decisions in {@code diff}); {@value #EXIT_BAD_INPUT} bad
 * input (an invalid guide or case, a missing file, wrong options); {@value #EXIT_INTERNAL_ERROR} an
 * internal error, that is a bug in veiviser.
 *
 * <p>Bad input never prints a stack trace: every problem is printed as {@code file:line:column: message}
 * with a hint. {@code --debug} adds stack traces and the library's DEBUG log messages.
 *
 * <p>Results go to standard output, everything else to standard error, both in UTF-8. Programs and tests
 * can run the tool in-process with {@link #commandLine(PrintWriter, PrintWriter, InputStream, Clock)}.
 */
@Command(name = "veiviser",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        synopsisSubcommandLabel = "COMMAND",
        description = {
            "Tells what a municipal child-welfare action guide (handlingsveileder) says for a case.",
            "%nGuides are YAML guide files that veiviser turns into rules; a case is a YAML or JSON file with "
                + "the facts of one child's case. The answer is the recommended level, what to do and by when, "
                + "who is responsible, the section of the guide each step comes from, and why."},
        subcommands = {
            GuidesCommand.class,
            ValidateCommand.class,
            EvaluateCommand.class,
            ExplainCommand.class,
            TestCommand.class,
            DiffCommand.class,
            LintCommand.class,
            VerifyCommand.class,
            DocsCommand.class,
            InitCommand.class,
            ServeCommand.class,
            CommandLine.HelpCommand.class},
        commandListHeading = "%nCommands:%n",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:ok",
            "1:findings: failing scenarios (test), changed decisions (diff), violated invariants (verify)",
            "2:bad input: an invalid guide or case, a missing file, wrong options",
            "3:internal error (a bug in veiviser; run with --debug and report it)"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  veiviser guides",
            "  veiviser validate guides/nittedal/guide.yaml",
            "  veiviser evaluate --guide nittedal case.yaml",
            "  veiviser explain --guide nittedal --rule involve-guardians case.yaml",
            "  veiviser test guides/nittedal --fail-under-coverage 100",
            "  veiviser verify norge",
            "  veiviser serve --edit guides",
            "  veiviser help evaluate"})
public final class Main {
    public static final int EXIT_OK = 0;
    /** Reserved for findings-level failures: failing scenarios ({@code test}), changed decisions ({@code diff}). */
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_BAD_INPUT = 2;
    public static final int EXIT_INTERNAL_ERROR = 3;

    static final String DEBUG = "--debug";

    @Option(names = DEBUG, scope = ScopeType.INHERIT,
            description = "Show stack traces and the library's debug log messages on standard error.")
    boolean debug;

    private final InputStream stdin;
    private final Clock clock;

    private Main(InputStream stdin, Clock clock) {
        this.stdin = stdin;
        this.clock = clock;
    }

    public static void main(String[] args) {
        CliLogging.useCliConfiguration(); // first: before anything creates a logger
        // Not System.out: a PrintStream swallows write errors, so a full disk would look like success.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new java.io.FileOutputStream(java.io.FileDescriptor.out), StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code = commandLine(out, err, StandardInput.of(System.in), Clock.systemDefaultZone()).execute(args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * The tool, ready to {@link CommandLine#execute(String...) execute}, which returns the exit code.
     *
     * @param out   results
     * @param err   problems, usage errors, warnings
     * @param stdin read by {@code evaluate} and {@code explain} when the case file is {@code -}
     * @param clock gives the date a case without {@code asOf} is assessed on
     */
    public static CommandLine commandLine(PrintWriter out, PrintWriter err, InputStream stdin, Clock clock) {
        CommandLine cl = new CommandLine(new Main(stdin, clock));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // Everything printed goes through TerminalSafeWriter: no control characters from input reach the terminal.
        cl.setOut(new PrintWriter(new TerminalSafeWriter(out), true));
        cl.setErr(new PrintWriter(new TerminalSafeWriter(err), true));
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF)); // help without escape codes
        cl.setExecutionStrategy(parseResult -> {
            if (debug(parseResult)) {
                CliLogging.enableDebug();
            }
            return outputChecked(out, cl, new CommandLine.RunLast().execute(parseResult));
        });
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler((ex, command, parseResult) -> outputChecked(out, cl, failure(ex, cl.getErr(), debug(parseResult))));
        return cl;
    }

    InputStream stdin() {
        return stdin;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Wrong options or arguments: the message, suggestions for a typo, and the command's usage. */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        if (Arrays.asList(args).contains(DEBUG)) {
            ex.printStackTrace(err);
        }
        err.println("veiviser: " + ex.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(ex, err);
        err.println();
        command.usage(err, command.getColorScheme());
        err.flush();
        return EXIT_BAD_INPUT;
    }

    /**
     * A command that could not write its results has failed, whatever it found: exit 2 with a message, never 0 or 1
     * with nothing written ({@code > /dev/full}, a closed pipe).
     */
    static int outputChecked(PrintWriter out, CommandLine cl, int code) {
        if (cl.getOut().checkError() | out.checkError()) { // each flushes, then tells whether any write failed
            cl.getErr().println("veiviser: cannot write to standard output (disk full, or nothing reads it): the output is incomplete");
            cl.getErr().flush();
            return EXIT_BAD_INPUT;
        }
        return code;
    }

    /** What a command threw: bad input or an I/O error (exit 2), or a bug (exit 3). A stack trace only with --debug. */
    static int failure(Exception ex, PrintWriter err, boolean debug) {
        if (debug) {
            ex.printStackTrace(err);
        }
        int code;
        if (ex instanceof InputException input) {
            for (Problem p : input.problems()) {
                err.println(p);
            }
            code = EXIT_BAD_INPUT;
        } else if (ex instanceof CliException cli) {
            err.println("veiviser: " + cli.getMessage());
            if (!cli.hint().isEmpty()) {
                err.println("  hint: " + cli.hint());
            }
            code = cli.exitCode();
        } else if (ex instanceof UncheckedIOException io) {
            err.println("veiviser: " + TerminalSafeWriter.safe(IoErrors.describe(io.getCause())));
            code = EXIT_BAD_INPUT;
        } else if (ex instanceof IOException io) {
            err.println("veiviser: " + TerminalSafeWriter.safe(IoErrors.describe(io)));
            code = EXIT_BAD_INPUT;
        } else {
            String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            err.println("veiviser: internal error: " + message + (debug ? "" : " (run with --debug for details)"));
            code = EXIT_INTERNAL_ERROR;
        }
        err.flush();
        return code;
    }

    /** Whether --debug was given, before or after the subcommand. */
    static boolean debug(ParseResult parseResult) {
        for (ParseResult r = parseResult; r != null; r = r.subcommand()) {
            if (r.hasMatchedOption(DEBUG)) {
                return true;
            }
        }
        return false;
    }

    /** Whether --debug was given to this command or a command above it. */
    static boolean debug(CommandLine.Model.CommandSpec spec) {
        for (CommandLine c = spec.commandLine(); c != null; c = c.getParent()) {
            if (c.getParseResult() != null && c.getParseResult().hasMatchedOption(DEBUG)) {
                return true;
            }
        }
        return false;
    }

    /** {@code veiviser <version>}, read from the jar's Maven descriptor. */
    static final class Version implements CommandLine.IVersionProvider {
        private static final String POM = "META-INF/maven/no.veiviser/veiviser-rules-core/pom.properties";

        @Override
        public String[] getVersion() {
            return new String[] {
                "veiviser " + version(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "?") + ")"};
        }

        static String version() {
            String fromManifest = Main.class.getPackage() == null ? null : Main.class.getPackage().getImplementationVersion();
            if (fromManifest != null) {
                return fromManifest;
            }
            try (InputStream in = Main.class.getClassLoader().getResourceAsStream(POM)) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    return p.getProperty("version", "(unknown version)");
                }
            } catch (IOException e) {
                // fall through
            }
            return "(development build)";
        }
    }
}
