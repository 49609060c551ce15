package no.veiviser.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release zip that {@code mvn package} makes, unpacked with {@code unzip} (which keeps the launcher executable)
 * and run through its Linux/macOS launcher: {@code --version}, {@code guides}, and the workbench on the guides it ships.
 */
class ReleaseZipIT {
    static final String VERSION = System.getProperty("veiviser.version", "0.1.0-SNAPSHOT");
    static final Path ZIP = Path.of("target", "veiviser-" + VERSION + ".zip");

    @TempDir
    static Path dir;
    static Path home;

    @BeforeAll
    static void unpack() throws Exception {
        assertThat(ZIP).exists();
        try (ZipFile zip = new ZipFile(ZIP.toFile())) {
            List<String> names = zip.stream().map(e -> e.getName()).toList();
            String root = "veiviser-" + VERSION + "/";
            assertThat(names).contains(root + "veiviser", root + "veiviser.command", root + "veiviser.cmd", root + "veiviser.jar", root + "LES-MEG.txt",
                    root + "guides/nittedal/guide.yaml", root + "guides/norge/guide.yaml", root + "guides/ovre-eiker/guide.yaml");
            assertThat(names).anyMatch(n -> n.startsWith(root + "guides/nittedal/scenarios/") && n.endsWith(".yaml"));
            String cmd = new String(zip.getInputStream(zip.getEntry(root + "veiviser.cmd")).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(cmd).contains("\r\n").contains("veiviser.jar");
        }
        assertThat(run(List.of("unzip", "-q", ZIP.toAbsolutePath().toString(), "-d", dir.toString()), 60).exit).isZero();
        home = dir.resolve("veiviser-" + VERSION);
        assertThat(Files.getPosixFilePermissions(home.resolve("veiviser"))).contains(PosixFilePermission.OWNER_EXECUTE);
    }

    record Result(int exit, String out) {}

    static ProcessBuilder launcher(List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("veiviser").toString());
        command.addAll(args);
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile());
        b.environment().put("JAVA_HOME", System.getProperty("java.home"));
        return b;
    }

    static Result run(List<String> command, int seconds) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(seconds, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    static Result launch(String... args) throws Exception {
        Process p = launcher(List.of(args)).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), out);
    }

    @Test
    void the_launcher_prints_the_version() throws Exception {
        Result r = launch("--version");
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("veiviser " + VERSION);
    }

    @Test
    void the_launcher_lists_the_bundled_guides() throws Exception {
        Result r = launch("guides");
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("nittedal").contains("ovre-eiker").contains("norge");
    }

    @Test
    void the_launcher_refuses_to_read_a_case_from_a_closed_standard_input() throws Exception {
        // sh closes descriptor 0 (<&-) and runs the launcher: java would otherwise read its own lib/modules as the case.
        List<String> closed = new ArrayList<>(List.of("sh", "-c", "exec \"$0\" \"$@\" <&-", home.resolve("veiviser").toString()));
        closed.addAll(List.of("evaluate", "--guide", "nittedal", "-"));
        ProcessBuilder b = new ProcessBuilder(closed).redirectErrorStream(true).directory(dir.toFile());
        b.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = b.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isEqualTo(2);
        assertThat(out).isEqualTo("veiviser: standard input is closed, so there is no case to read for '-'\n"
                + "  hint: give the case file instead of '-', or send the case to standard input (... - < case.yaml)\n");

        List<String> guides = new ArrayList<>(closed.subList(0, 4)); // a command that does not read '-' runs as usual
        guides.add("guides");
        Process g = new ProcessBuilder(guides).redirectErrorStream(true).directory(dir.toFile()).start();
        String listed = new String(g.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(g.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(g.exitValue()).as(listed).isZero();
        assertThat(listed).contains("nittedal");
    }

    @Test
    void the_launcher_starts_the_workbench_on_the_guides_in_the_zip() throws Exception {
        Process p = launcher(List.of("serve", "--port", "0", home.resolve("guides").toString())).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String address = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            String line;
            while (address == null && System.nanoTime() < deadline && (line = out.readLine()) != null) {
                int at = line.indexOf("http://127.0.0.1:");
                if (line.startsWith("Veiviser workbench: ") && at >= 0) {
                    address = line.substring(at).split("\\s+")[0];
                }
            }
            assertThat(address).isNotNull();
            HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(address).resolve("/health"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\" : \"ok\"").contains("nittedal");
        } finally {
            p.destroy();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
    }

}
