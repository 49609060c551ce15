package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import java.net.URL;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;

/** What every command shares: help, version, usage errors, exit codes, --debug and logging. */
class MainTest {

    @BeforeAll
    static void quietLogging() {
        assertThat(CliLogging.reconfigure()).as("the CLI's Logback configuration loads without errors").isTrue();
    }

    @AfterEach
    void resetLogging() {
        CliLogging.reconfigure(); // undo --debug
    }

    /** A command that fails the way a bug would. */
    @Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("the rule base exploded");
        }
    }

    @Test
    void noCommandIsAUsageError() {
        Cli.Result r = Cli.run().noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("veiviser: Missing required subcommand\n").contains("Usage: veiviser [-hV] [--debug] COMMAND");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void unknownCommandGetsASuggestion() {
        Cli.Result r = Cli.run("evaluat", "x").noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unmatched argument").contains("Did you mean: veiviser evaluate");
    }

    @Test
    void unknownOption() {
        Cli.Result r = Cli.run("evaluate", "--guide", Cli.GUIDE, "--formt", "json", Cli.CASE).noStackTrace();

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option").contains("'--formt'").contains("Possible solutions: --format")
                .contains("Usage: veiviser evaluate");
    }

    @Test
    void help() {
        Cli.Result r = Cli.run("--help");

        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).startsWith("Usage: veiviser [-hV] [--debug] COMMAND")
                .contains("  guides ", "  validate ", "  evaluate ", "  explain ", "  help ")
                .contains("Exit codes:", "  2   bad input");
    }

    @ParameterizedTest
    @ValueSource(strings = {"guides", "validate", "evaluate", "explain", "help"})
    void helpOnEveryCommand(String command) {
        Cli.Result r = Cli.run(command, "--help");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Usage: veiviser " + command + " [-h");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void helpCommand() {
        Cli.Result r = Cli.run("help", "explain");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Usage: veiviser explain");
    }

    @Test
    void version() {
        Cli.Result r = Cli.run("--version");

        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("veiviser ").contains("Java ");
        assertThat(Cli.run("evaluate", "--version").out()).isEqualTo(r.out());
    }

    @Test
    void internalErrorWithoutStackTrace() {
        Cli.Result r = Cli.run("", cl -> cl.addSubcommand(new Boom()), "boom");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).isEqualTo("veiviser: internal error: the rule base exploded (run with --debug for details)\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void internalErrorWithDebugShowsTheStackTrace() {
        Cli.Result r = Cli.run("", cl -> cl.addSubcommand(new Boom()), "boom", "--debug");

        assertThat(r.exit()).isEqualTo(3);
        assertThat(r.err()).startsWith("java.lang.IllegalStateException: the rule base exploded\n")
                .contains("\tat no.veiviser.cli.MainTest$Boom.call")
                .endsWith("veiviser: internal error: the rule base exploded\n");
    }

    @Test
    void debugShowsTheStackTraceOfBadInputToo() {
        Cli.Result r = Cli.run("--debug", "evaluate", "--guide", Cli.BROKEN_GUIDE, Cli.CASE);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("no.veiviser.GuideException: guide has 2 problems:")
                .contains("\tat ")
                .endsWith(Cli.BROKEN_GUIDE + ":13:9: unknown finding code 'involve-guardian'\n"
                        + "  hint: did you mean 'involve-guardians'? (or declare it under 'codes:')\n");
    }

    @Test
    void debugAfterTheCommandAlsoWorksAndRaisesTheLibraryLogLevel() {
        Cli.Result r = Cli.run("validate", "--debug", Cli.BROKEN_GUIDE);

        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no.veiviser.GuideException").contains("\tat ");
        assertThat(context().getLogger("no.veiviser").getLevel()).isEqualTo(Level.DEBUG);
    }

    @Test
    void debugWorksOnValidInput() {
        Cli.Result r = Cli.run("--debug", "evaluate", "--guide", Cli.GUIDE, Cli.CASE);

        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty(); // log messages go to the process's standard error, not to the tool's err writer
        assertThat(r.out()).startsWith("Veileder: cli-test");
    }

    @Test
    void loggingConfigurationKeepsDroolsQuietAndWritesToStandardError() {
        LoggerContext context = context();

        assertThat(context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getLevel()).isEqualTo(Level.WARN);
        assertThat(context.getLogger("org.drools").getEffectiveLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getLogger("org.drools.compiler.kie.builder.impl.KieContainerImpl").getEffectiveLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getLogger("org.kie.api.internal.utils.KieService").getEffectiveLevel()).isEqualTo(Level.ERROR);
        assertThat(context.getLogger("no.veiviser.internal.engine.Evaluator").getEffectiveLevel()).isEqualTo(Level.WARN);
        var appender = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).getAppender("STDERR");
        assertThat(appender).isInstanceOf(ConsoleAppender.class);
        assertThat(((ConsoleAppender<?>) appender).getTarget()).isEqualTo("System.err");
    }

    @Test
    void theLibraryShipsNoLogbackXml() throws Exception {
        List<URL> found = Collections.list(MainTest.class.getClassLoader().getResources("logback.xml"));
        assertThat(found).noneMatch(u -> u.toString().contains("/rules-core/target/classes/"));
        assertThat(MainTest.class.getClassLoader().getResource(CliLogging.CONFIG)).isNotNull();
    }

    @Test
    void mainPointsLogbackAtTheCliConfigurationUnlessTheUserChoseOne() {
        String saved = System.getProperty(CliLogging.PROPERTY);
        try {
            System.clearProperty(CliLogging.PROPERTY);
            CliLogging.useCliConfiguration();
            assertThat(System.getProperty(CliLogging.PROPERTY)).isEqualTo("veiviser-cli-logback.xml");

            System.setProperty(CliLogging.PROPERTY, "/etc/my-logback.xml");
            CliLogging.useCliConfiguration();
            assertThat(System.getProperty(CliLogging.PROPERTY)).isEqualTo("/etc/my-logback.xml");
        } finally {
            if (saved == null) {
                System.clearProperty(CliLogging.PROPERTY);
            } else {
                System.setProperty(CliLogging.PROPERTY, saved);
            }
        }
    }

    private static LoggerContext context() {
        return (LoggerContext) LoggerFactory.getILoggerFactory();
    }
}
