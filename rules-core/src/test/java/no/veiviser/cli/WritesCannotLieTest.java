package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import no.veiviser.internal.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 16, finding 3: output lost with success. Writing to a full disk or an unwritable path is exit 2, with a message. */
class WritesCannotLieTest {
    static final String PASSING = TestCommandTest.PASSING;

    /** Runs the CLI with standard output on /dev/full: every write fails with "No space left on device". */
    static Cli.Result toFullDisk(String... args) throws IOException {
        StringWriter err = new StringWriter();
        try (PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream("/dev/full"), StandardCharsets.UTF_8), true)) {
            int exit = Main.commandLine(out, new PrintWriter(err, true), new ByteArrayInputStream(new byte[0]), Cli.CLOCK).execute(args);
            return new Cli.Result(exit, "", err.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"evaluate", "test", "diff", "guides", "validate"})
    @EnabledOnOs(OS.LINUX)
    void everyCommandWritingToAFullDiskExits2(String command) throws IOException {
        Cli.Result r = switch (command) {
            case "evaluate" -> toFullDisk("evaluate", "--guide", Cli.GUIDE, Cli.CASE);
            case "test" -> toFullDisk("test", PASSING);
            case "validate" -> toFullDisk("validate", Cli.GUIDE);
            case "diff" -> toFullDisk("diff", "--base", DiffCommandTest.BASE, "--changed", DiffCommandTest.CONSENT_16, "--cases", DiffCommandTest.CASES);
            default -> toFullDisk(command);
        };
        assertThat(r.exit()).as(command + ": " + r.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("veiviser: cannot write to standard output");
        r.noStackTrace();
    }

    @Test
    void aReportToAPathThatCannotBeWrittenIsExit2AndLeavesNoFile(@TempDir Path dir) throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("plain-file"), "x");
        Path output = notAFolder.resolve("report.xml");
        Cli.Result r = Cli.run("test", PASSING, "--report", "junit", "--output", output.toString()).noStackTrace();
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("veiviser: cannot write").contains("plain-file");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("plain-file");
        }
    }

    @Test
    void aFailedWriteLeavesThePreviousFileAndNoTemporaryFile(@TempDir Path dir) throws IOException {
        Path target = Files.createDirectories(dir.resolve("index.html"));
        Files.writeString(target.resolve("keep"), "x"); // a non-empty folder cannot be replaced by a file
        org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> AtomicFiles.writeString(target, "<html>new</html>"));
        assertThat(target.resolve("keep")).hasContent("x");
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("index.html");
        }
        Path file = dir.resolve("report.txt");
        Files.writeString(file, "old");
        AtomicFiles.writeString(file, "new");
        assertThat(file).hasContent("new");
    }
}
