package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, finding 8: with standard input closed, {@code evaluate -} read whatever the JVM had put on descriptor 0. */
class StandardInputTest {
    record Run(int exit, String out, String err) {}

    /** The CLI in its own JVM, started by a shell that closes descriptor 0 ({@code <&-}) or feeds it a file. */
    static Run java(String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "-c", "exec \"$@\" " + stdin, "bash"));
        command.addAll(CliProcess.command(List.of(), args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().close();
        // Small outputs: read one stream after the other without filling a pipe.
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out, err);
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void evaluateAndExplainRefuseToReadAClosedStandardInput() throws Exception {
        for (String[] args : List.of(new String[] {"evaluate", "--guide", Cli.GUIDE, "-"},
                new String[] {"explain", "--guide", Cli.GUIDE, "--rule", "involve-guardians", "-"})) {
            Run r = java("<&-", args);
            assertThat(r.exit()).as(args[0] + ": " + r.err()).isEqualTo(Main.EXIT_BAD_INPUT);
            assertThat(r.err()).isEqualTo("veiviser: standard input is closed, so there is no case to read for '-'\n"
                    + "  hint: give the case file instead of '-', or send the case to standard input (... - < case.yaml)\n");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aCaseOnStandardInputIsStillReadAndOtherCommandsRunWithItClosed() throws Exception {
        Run piped = java("< " + Cli.CASE, "evaluate", "--guide", Cli.GUIDE, "-");
        assertThat(piped.exit()).as(piped.err()).isZero();
        assertThat(piped.out()).contains("Anbefalt nivå: 1 (regel: involve-guardians)");

        Run validate = java("<&-", "validate", Cli.GUIDE);
        assertThat(validate.exit()).as(validate.err()).isZero();
    }

    @Test
    void theLauncherSaysSo() {
        assertThat(StandardInput.closedAtStart("closed", Path.of("/nonexistent"), null, null)).isTrue();
        assertThat(StandardInput.closedAtStart(null, Path.of("/nonexistent"), null, null)).as("no /proc: cannot tell").isFalse();
    }

    @Test
    void descriptorZeroMissingOrOneOfTheJvmsOwnFiles(@TempDir Path dir) throws IOException {
        Path fds = Files.createDirectories(dir.resolve("fd"));
        Path javaHome = Files.createDirectories(dir.resolve("jdk/lib"));
        Path modules = Files.writeString(javaHome.resolve("modules"), "x");
        Path jar = Files.writeString(dir.resolve("veiviser.jar"), "x");
        Path jsa = Files.writeString(dir.resolve("veiviser.jsa"), "x");
        Path aCase = Files.writeString(dir.resolve("case.yaml"), "x");
        String home = dir.resolve("jdk").toString();
        String classPath = dir.resolve("other.jar") + File.pathSeparator + jar;

        assertThat(StandardInput.closedAtStart(null, fds, home, classPath)).as("descriptor 0 missing").isTrue();
        Path fd0 = fds.resolve("0");
        for (Path jvmOwn : List.of(modules, jar, jsa)) {
            Files.deleteIfExists(fd0);
            Files.createSymbolicLink(fd0, jvmOwn);
            assertThat(StandardInput.closedAtStart(null, fds, home, classPath)).as(jvmOwn.toString()).isTrue();
        }
        Files.deleteIfExists(fd0);
        Files.createSymbolicLink(fd0, aCase);
        assertThat(StandardInput.closedAtStart(null, fds, home, classPath)).as("a case file given with <").isFalse();
        Files.deleteIfExists(fd0);
        Files.createSymbolicLink(fd0, Path.of("/dev/null"));
        assertThat(StandardInput.closedAtStart(null, fds, home, classPath)).as("/dev/null").isFalse();
    }
}
