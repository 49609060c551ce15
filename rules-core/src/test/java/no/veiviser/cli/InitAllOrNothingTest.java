package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 28, item 4: on a full disk init left guide.yaml (and perhaps the scenarios) without the README, named no file,
 * and a second init was refused. The full disk is a fake of init's file operations that writes part of the file and
 * then fails as a full file system does ("No space left on device"), at each file in turn and at the final rename:
 * deterministic, without root, on every OS. (A real tiny tmpfs needs root or user namespaces; {@code ulimit -f} gives
 * "File too large", not a full disk, and needs a JVM of its own.)
 */
class InitAllOrNothingTest {
    @TempDir
    Path dir;

    /** Runs init with a disk that fills up at the {@code failAt}-th write (1-based), or at the rename when 0. */
    Cli.Result initOnADiskFullAt(int failAt) {
        AtomicInteger writes = new AtomicInteger();
        return Cli.run("", cl -> {
            InitCommand init = (InitCommand) cl.getSubcommands().get("init").getCommand();
            init.files = new InitCommand.FileOps() {
                @Override
                public void write(Path file, byte[] bytes) throws IOException {
                    if (writes.incrementAndGet() == failAt) {
                        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // what fitted
                        throw new FileSystemException(file.toString(), null, "No space left on device");
                    }
                    InitCommand.DISK.write(file, bytes);
                }

                @Override
                public void moveFolder(Path source, Path target) throws IOException {
                    if (failAt == 0) {
                        throw new FileSystemException(source.toString(), target.toString(), "No space left on device");
                    }
                    InitCommand.DISK.moveFolder(source, target);
                }
            };
        }, "init", "--dir", dir.toString(), "lillevik");
    }

    @ParameterizedTest(name = "disk full at {1}")
    @CsvSource({"1, lillevik/guide.yaml", "2, lillevik/scenarios/lillevik.yaml", "3, lillevik/README.md"})
    void aFullDiskLeavesNothingNamesTheFileAndASecondInitWorks(int failAt, String file) throws IOException {
        Cli.Result r = initOnADiskFullAt(failAt).noStackTrace();
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("cannot write " + dir.resolve(file) + ": No space left on device")
                .contains("nothing was left behind");
        assertThat(r.err()).doesNotContain(".init-"); // the temporary folder is ours, not the user's
        assertThat(r.out()).isEmpty();
        assertNothingIn(dir);

        secondInitWorks();
    }

    @Test
    void aFailedRenameLeavesNothingAndASecondInitWorks() throws IOException {
        Cli.Result r = initOnADiskFullAt(0).noStackTrace();
        assertThat(r.exit()).as(r.err()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("cannot create " + dir.resolve("lillevik"));
        assertNothingIn(dir);

        secondInitWorks();
    }

    @Test
    void aFolderThatIsThereAlreadyIsRefusedAndLeftAsItWas() throws IOException {
        Path there = Files.createDirectories(dir.resolve("lillevik"));
        Files.writeString(there.resolve("mine.txt"), "x");
        Cli.Result r = Cli.run("init", "--dir", dir.toString(), "lillevik").noStackTrace();
        assertThat(r.exit()).isEqualTo(Main.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("already exists");
        try (Stream<Path> s = Files.list(there)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("mine.txt");
        }
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("lillevik");
        }
    }

    private void secondInitWorks() throws IOException {
        Cli.Result again = Cli.run("init", "--dir", dir.toString(), "lillevik").noStackTrace();
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(dir.resolve("lillevik/guide.yaml")).content().contains("id: lillevik");
        assertThat(dir.resolve("lillevik/scenarios/lillevik.yaml")).exists();
        assertThat(dir.resolve("lillevik/README.md")).exists();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("lillevik");
        }
        assertThat(Files.getPosixFilePermissions(dir.resolve("lillevik")))
                .contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ, java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
    }

    private static void assertNothingIn(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).as("left in --dir").isEmpty();
        }
    }
}
