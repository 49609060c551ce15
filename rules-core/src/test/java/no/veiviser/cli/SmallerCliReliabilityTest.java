package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 28, item 5, the CLI's part: {@code evaluate /dev/zero}, and {@code serve}'s exit code when stopped by a signal. */
class SmallerCliReliabilityTest {
    @Test
    @EnabledOnOs(OS.LINUX)
    void evaluateOnADeviceSaysItIsNotARegularFileNotThatItCannotBeFound() {
        Cli.Result r = Cli.run("evaluate", "--guide", Cli.GUIDE, "/dev/zero").noStackTrace();
        assertThat(r.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("'/dev/zero' is not a regular file").doesNotContain("cannot find");
    }

    /** The README says serve exits 0 when stopped; the JVM's default on SIGINT/SIGTERM is 130/143. */
    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "INT"})
    @EnabledOnOs(OS.LINUX)
    void serveStoppedByASignalExits0(String signal) throws Exception {
        Process p = new ProcessBuilder(CliProcess.command(List.of(), "serve", "--port", "0",
                Path.of(Cli.file("guides/cli-test")).toString())).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.startsWith("Veiviser workbench:"));
            assertThat(line).as("serve started").isNotNull();
            Process kill = new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("serve stops").isTrue();
            assertThat(p.exitValue()).isZero();
        } finally {
            p.destroyForcibly();
        }
    }
}
