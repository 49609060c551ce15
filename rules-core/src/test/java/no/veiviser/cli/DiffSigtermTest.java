package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16, finding 8: a SIGTERM during {@code diff --base <git revision>} left {@code veiviser-base*} in the temporary
 * folder. A real JVM with its own {@code java.io.tmpdir}; a {@code git} in front of the real one holds {@code git archive}
 * open after writing the archive, so that the signal arrives while the folder exists, every time.
 */
class DiffSigtermTest {
    @Test
    @EnabledOnOs(OS.LINUX)
    void aSigtermWhileTheBaseIsUnpackedLeavesNoFolderBehind(@TempDir Path dir) throws Exception {
        Optional<Path> realGit = onPath("git");
        assumeTrue(realGit.isPresent(), "git is not installed");
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path file = Files.createDirectories(repo.resolve("guides/diff-test")).resolve("guide.yaml");
        Files.copy(Path.of(DiffCommandTest.BASE), file);
        git(repo, realGit.get(), "init", "-q");
        git(repo, realGit.get(), "add", ".");
        git(repo, realGit.get(), "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "base");
        Files.copy(Path.of(DiffCommandTest.CONSENT_16), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path slowGit = Files.writeString(bin.resolve("git"), "#!/bin/sh\n"
                + "if [ \"$1\" = archive ]; then \"" + realGit.get() + "\" \"$@\" || exit $?; exec sleep 60; fi\n"
                + "exec \"" + realGit.get() + "\" \"$@\"\n");
        Files.setPosixFilePermissions(slowGit, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));

        ProcessBuilder b = new ProcessBuilder(CliProcess.command(List.of("-Djava.io.tmpdir=" + tmp),
                "diff", "--base", "HEAD", "--changed", file.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        b.environment().put("PATH", bin + File.pathSeparator + System.getenv("PATH"));
        Process p = b.start();
        List<ProcessHandle> children = new ArrayList<>();
        try {
            Path base = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline && p.isAlive()) {
                base = baseFolder(tmp);
                if (base != null && Files.exists(base.resolve("base.tar"))) {
                    break;
                }
                Thread.sleep(20);
            }
            assertThat(base).as("the veiviser-base folder appeared in " + tmp).isNotNull();
            assertThat(base.resolve("base.tar")).exists();
            p.descendants().forEach(children::add);

            p.destroy(); // SIGTERM
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("the JVM ends on SIGTERM").isTrue();
            assertThat(p.exitValue()).as("ended by the signal (128 + 15)").isEqualTo(143);
            try (Stream<Path> s = Files.list(tmp)) {
                assertThat(s.map(x -> x.getFileName().toString())).as("left in java.io.tmpdir").isEmpty();
            }
        } finally {
            p.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly); // the sleeping git
        }
    }

    private static Path baseFolder(Path tmp) throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(x -> x.getFileName().toString().startsWith("veiviser-base")).findFirst().orElse(null);
        }
    }

    private static Optional<Path> onPath(String name) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(d, name);
            if (!d.isEmpty() && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static void git(Path dir, Path git, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(git.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(out).isZero();
    }
}
