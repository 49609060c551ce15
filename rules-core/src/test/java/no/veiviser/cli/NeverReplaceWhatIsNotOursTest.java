package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import no.veiviser.internal.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 28, item 1: "writing atomically" replaced device nodes, FIFOs and symbolic links with a regular file (as root,
 * {@code --output /dev/full} replaced the device). Only a regular file is ever replaced; anything else is refused with
 * an error that says what the target is, before anything is written. Simulated without root: a FIFO made with
 * {@code mkfifo}, links in a temporary folder (one of them to {@code /dev/null}, as a CI job would write), an empty
 * folder; a real device node only when the test runs as root and may {@code mknod} (never the system's own devices).
 */
class NeverReplaceWhatIsNotOursTest {
    @TempDir
    Path dir;

    static Path mkfifo(Path p) throws Exception {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertThat(mk.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assumeTrue(mk.exitValue() == 0 && Files.exists(p, LinkOption.NOFOLLOW_LINKS), "mkfifo is not available");
        return p;
    }

    /** The file type bits of {@code p}'s mode, the link itself when it is one. */
    static int type(Path p) throws IOException {
        return ((Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS)) & 0170000;
    }

    static boolean isFifo(Path p) throws IOException {
        return type(p) == 0010000;
    }

    /** Only the target (or what was there before) is in the folder: no temporary file left behind. */
    void onlyThereAre(String... names) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(names);
        }
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aFifoIsNotReplaced() throws Exception {
        Path fifo = mkfifo(dir.resolve("report.xml"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(fifo, "<x/>"));
        assertThat(e.getMessage()).contains("report.xml").contains("FIFO").contains("not a regular file");
        assertThat(isFifo(fifo)).as("still a FIFO").isTrue();
        onlyThereAre("report.xml");
    }

    @Test
    void aSymbolicLinkIsNotReplacedNorWrittenThrough() throws Exception {
        Path real = Files.writeString(dir.resolve("real.html"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("index.html"), real.getFileName());
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(link, "new"));
        assertThat(e.getMessage()).contains("is a symbolic link, not a regular file");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(real.getFileName());
        assertThat(real).hasContent("old");
        onlyThereAre("real.html", "index.html");
    }

    @Test
    void aLinkToADeviceIsNotReplaced() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("out.xml"), Path.of("/dev/null"));
        assertThrows(IOException.class, () -> AtomicFiles.writeString(link, "<x/>"));
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("/dev/null"));
        onlyThereAre("out.xml");
    }

    @Test
    void anEmptyFolderIsNotReplaced() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("index.html"));
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(folder, "x"));
        assertThat(e.getMessage()).contains("is a folder, not a regular file");
        assertThat(folder).isDirectory();
        onlyThereAre("index.html");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aDeviceNodeIsNotReplacedWhenRootCanMakeOne() throws Exception {
        Path device = dir.resolve("full");
        Process mk = new ProcessBuilder("mknod", device.toString(), "c", "1", "7").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(mk.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assumeTrue(mk.exitValue() == 0, "mknod needs root: covered by the FIFO, which is the same kind of case for the write path");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.writeString(device, "x"));
        assertThat(e.getMessage()).contains("is a character device, not a regular file");
        assertThat(type(device)).as("still a character device").isEqualTo(0020000);
        onlyThereAre("full");
    }

    @Test
    void aRegularFileIsStillReplacedAtomically() throws Exception {
        Path file = Files.writeString(dir.resolve("report.txt"), "old");
        AtomicFiles.writeString(file, "new");
        assertThat(file).hasContent("new");
        assertThat(Files.isSymbolicLink(file)).isFalse();
        AtomicFiles.writeString(dir.resolve("fresh.txt"), "made");
        assertThat(dir.resolve("fresh.txt")).hasContent("made");
        onlyThereAre("report.txt", "fresh.txt");
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aJUnitReportToAFifoIsExit2WithAHintAndTheFifoStays() throws Exception {
        Path fifo = mkfifo(dir.resolve("report.xml"));
        Cli.Result r = Cli.run("test", WritesCannotLieTest.PASSING, "--report", "junit", "--output", fifo.toString()).noStackTrace();
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("cannot write " + fifo).contains("a FIFO (named pipe), not a regular file")
                .contains("leave out --output and redirect standard output");
        assertThat(isFifo(fifo)).isTrue();
        onlyThereAre("report.xml");
    }

    @Test
    void aReportOverALinkIsExit2AndTheLinkStays() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("report.xml"), Path.of("/dev/null"));
        Cli.Result r = Cli.run("test", WritesCannotLieTest.PASSING, "--report", "junit", "--output", link.toString()).noStackTrace();
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("a symbolic link, not a regular file");
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("/dev/null"));
    }

    @Test
    void docsWhereIndexHtmlIsALinkIsExit2AndTheLinkStays() throws Exception {
        Path real = Files.writeString(dir.resolve("elsewhere.html"), "keep");
        Path out = Files.createDirectory(dir.resolve("handbook"));
        Path link = Files.createSymbolicLink(out.resolve("index.html"), real);
        Cli.Result r = Cli.run("docs", Cli.GUIDE, "--output", out.toString()).noStackTrace();
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("index.html").contains("a symbolic link, not a regular file");
        assertThat(Files.readSymbolicLink(link)).isEqualTo(real);
        assertThat(real).hasContent("keep");
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).isEqualTo(List.of("index.html"));
        }
    }
}
