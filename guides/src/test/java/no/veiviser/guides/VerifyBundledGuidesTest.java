package no.veiviser.guides;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import no.veiviser.Guide;
import no.veiviser.Guides;
import no.veiviser.verify.Verifier;
import no.veiviser.verify.VerifyFormat;
import no.veiviser.verify.VerifyReport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code veiviser verify} on every bundled guide, in {@code mvn verify}. A guide in {@link #MUST_PROVE} fails the
 * build unless every invariant is proved for every case; the others print their violations without failing.
 */
class VerifyBundledGuidesTest {
    /**
     * The guides whose invariants must hold for every case. The re-encodings of Nittedal and Øvre Eiker each add
     * their guide here once it proves clean.
     */
    static final Set<String> MUST_PROVE = Set.of("norge", "nittedal", "ovre-eiker");

    @TestFactory
    Stream<DynamicTest> everyBundledGuideIsVerified() throws IOException {
        List<Path> guides;
        try (Stream<Path> dirs = Files.list(Path.of("."))) {
            guides = dirs.filter(d -> Files.isRegularFile(d.resolve("guide.yaml"))).sorted().toList();
        }
        assertThat(guides).extracting(d -> d.getFileName().toString()).containsAll(MUST_PROVE);
        return guides.stream().map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> {
            Guide guide = Guides.load(d.resolve("guide.yaml"));
            VerifyReport report = Verifier.verify(guide); // a counter-example that does not reproduce throws
            String text = VerifyFormat.text(report);
            System.out.print(text);
            if (MUST_PROVE.contains(guide.id())) {
                assertThat(report.clean()).as("every invariant of %s proved for every case:%n%s", guide.id(), text).isTrue();
            }
        }));
    }
}
