package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Consumer;
import picocli.CommandLine;

/** Runs the CLI in-process with captured standard output and error, a given standard input and a fixed date. */
final class Cli {
    /** The test files, relative to the module folder (where Maven runs tests), as a user would type them. */
    static final Path DIR = Path.of("src", "test", "resources", "cli");
    /** "Today" for the tests: a case without asOf is assessed on 2026-11-24. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);

    static final String GUIDE = file("guides/cli-test/guide.yaml");
    static final String KOMMUNE = file("guides/cli-kommune/guide.yaml");
    static final String BROKEN_GUIDE = file("guides/guide-broken.yaml");
    static final String CASE = file("cases/case.yaml");

    static {
        CliLogging.reconfigure(); // the CLI's quiet logging, instead of Logback's DEBUG-to-console default
    }

    private Cli() {}

    /** The path of a test file as the CLI is given it (and prints it back in messages). */
    static String file(String name) {
        Path p = DIR.resolve(name);
        assertThat(p).as("test file (tests run in the rules-core folder)").exists();
        return p.toString();
    }

    static String read(String name) {
        try {
            return Files.readString(DIR.resolve(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    record Result(int exit, String out, String err) {
        /** Bad input and usage errors must never show a stack trace or an exception class name. */
        Result noStackTrace() {
            assertThat(err).as("stderr").doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("Caused by");
            assertThat(out).as("stdout").doesNotContain("\tat ").doesNotContain("Exception");
            return this;
        }
    }

    static Result run(String... args) {
        return runWithStdin("", args);
    }

    static Result runWithStdin(String stdin, String... args) {
        return run(stdin, cl -> { }, args);
    }

    /** {@code customize} may change the command line before it runs (for example add a command). */
    static Result run(String stdin, Consumer<CommandLine> customize, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), CLOCK);
        customize.accept(cl);
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
