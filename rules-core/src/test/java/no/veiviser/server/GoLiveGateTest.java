package no.veiviser.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import no.veiviser.Guide;
import no.veiviser.GuideException;
import no.veiviser.Guides;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, finding 1: a half-written guide must never go live. */
class GoLiveGateTest {
    static final Path NITTEDAL = Path.of("../guides/nittedal");
    static final int LOADS = 60;

    /** A copy of the Nittedal guide folder (guide and scenarios) under {@code dir}, its guide cut to {@code lines} lines (0: whole). */
    static Path copyNittedal(Path dir, int lines) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("nittedal"));
        Path scenarios = Files.createDirectories(folder.resolve("scenarios"));
        try (Stream<Path> s = Files.list(NITTEDAL.resolve("scenarios"))) {
            for (Path p : s.toList()) {
                Files.copy(p, scenarios.resolve(p.getFileName().toString()));
            }
        }
        List<String> text = Files.readAllLines(NITTEDAL.resolve("guide.yaml"));
        Files.write(folder.resolve("guide.yaml"), lines == 0 ? text : text.subList(0, lines));
        return folder.resolve("guide.yaml");
    }

    @Test
    void theWholeGuideGoesLive(@TempDir Path dir) throws IOException {
        GoLive result = GoLiveGate.check(copyNittedal(dir, 0));
        assertThat(result.problems()).isEmpty();
        assertThat(result.accepted()).isTrue();
        assertThat(result.guide().orElseThrow().guide().ruleIds()).hasSameSizeAs(Guides.load(NITTEDAL.resolve("guide.yaml")).ruleIds());
        assertThat(result.report().passed()).isTrue();
    }

    @Test
    void theTruncatedNittedalGuideLoadsButDoesNotGoLive(@TempDir Path dir) throws IOException {
        // cut at a rule boundary in the middle (before the rule where child welfare hands the baton back), wherever edits
        // have moved it; the acute rules near the top name the step-down rules of levels 2 and 3, so the cut lies after them
        int boundary = Files.readAllLines(NITTEDAL.resolve("guide.yaml")).indexOf("  - id: nittedal.level3.child-welfare-hands-back");
        assertThat(boundary).isPositive();
        Path cut = copyNittedal(dir, boundary); // head -n <boundary> guides/nittedal/guide.yaml
        Guide smaller = Guides.load(cut);  // cut at a line boundary: a valid, smaller guide to the loader
        assertThat(smaller.ruleIds().size()).isLessThan(Guides.load(NITTEDAL.resolve("guide.yaml")).ruleIds().size());

        GoLive result = GoLiveGate.check(cut);
        assertThat(result.accepted()).isFalse();
        assertThat(result.guide()).isEmpty();
        assertThat(result.problems()).isNotEmpty().allSatisfy(p -> {
            assertThat(p.isError()).isTrue();
            assertThat(p.file()).contains("scenarios");
            assertThat(p.line()).isPositive();
        });
    }

    @Test
    void aGuideWithoutScenariosDoesNotGoLive(@TempDir Path dir) throws IOException {
        Path guide = copyNittedal(dir, 0);
        try (Stream<Path> s = Files.list(guide.resolveSibling("scenarios"))) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        GoLive result = GoLiveGate.check(guide);
        assertThat(result.accepted()).isFalse();
        assertThat(result.problems().get(0).message()).startsWith("no scenarios");
    }

    @Test
    void anInvalidGuideIsRefusedWithItsProblems(@TempDir Path dir) throws IOException {
        Path guide = copyNittedal(dir, 0);
        Files.writeString(guide, Files.readString(guide).replaceFirst("rules:", "rulez:"));
        GoLive result = GoLiveGate.check(guide);
        assertThat(result.accepted()).isFalse();
        assertThat(result.problems()).anySatisfy(p -> assertThat(p.line()).isPositive());
    }

    @Test
    void aNonRegularFileIsRefused() {
        GuideException e = org.junit.jupiter.api.Assertions.assertThrows(GuideException.class, () -> Guides.load(Path.of("/dev/zero")));
        assertThat(e.problems().get(0).message()).isEqualTo("not a regular file");
    }

    /**
     * The probe of the finding: the guide rewritten in place (truncate, then 8 KiB writes, as {@code Files.write}
     * and most editors do) while it is loaded again and again. Every load either refuses the file or yields the whole
     * guide, and nothing partial ever goes live through the gate.
     */
    @Test
    void aGuideRewrittenInPlaceNeverGoesLivePartially(@TempDir Path dir) throws Exception {
        Path guide = copyNittedal(dir, 0);
        byte[] bytes = Files.readAllBytes(guide);
        int fullRules = Guides.load(guide).ruleIds().size();
        AtomicBoolean stop = new AtomicBoolean();
        Thread writer = new Thread(() -> {
            try {
                while (!stop.get()) {
                    try (OutputStream out = Files.newOutputStream(guide, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                        for (int off = 0; off < bytes.length; off += 8192) {
                            out.write(bytes, off, Math.min(8192, bytes.length - off));
                            out.flush();
                            Thread.sleep(0, 200_000);
                        }
                    }
                    Thread.sleep(1);
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        writer.setDaemon(true);
        writer.start();
        long loadMillis = 0;
        int loadsAccepted = 0;
        int loadsPartial = 0;
        int loadsRefused = 0;
        int gateAccepted = 0;
        int gateRefused = 0;
        try {
            long t0 = System.nanoTime();
            for (int i = 0; i < LOADS; i++) {
                try {
                    Guide g = Guides.load(guide);
                    loadsAccepted++;
                    if (g.ruleIds().size() < fullRules) {
                        loadsPartial++;
                    }
                } catch (GuideException e) {
                    loadsRefused++;
                }
            }
            loadMillis = (System.nanoTime() - t0) / 1_000_000;
            long end = System.nanoTime() + 10_000_000_000L;
            for (int i = 0; i < 15 && System.nanoTime() < end; i++) {
                GoLive r = GoLiveGate.check(guide);
                if (r.accepted()) {
                    gateAccepted++;
                    assertThat(r.guide().orElseThrow().guide().ruleIds()).as("a guide that went live").hasSize(fullRules);
                } else {
                    gateRefused++;
                }
            }
        } finally {
            stop.set(true);
            writer.join(10_000);
        }
        System.out.printf("rewrite in place: %d loads in %d ms: %d refused, %d accepted (%d of them partial: stable between writes); "
                + "gate: %d refused, %d accepted, all whole%n", LOADS, loadMillis, loadsRefused, loadsAccepted, loadsPartial, gateRefused, gateAccepted);
        assertThat(loadsRefused).as("loads that saw the file change under the read").isPositive();
    }
}
