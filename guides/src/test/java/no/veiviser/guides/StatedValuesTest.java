package no.veiviser.guides;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import no.veiviser.Guides;
import no.veiviser.lint.Lint;
import no.veiviser.lint.LintWarning;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * No bundled guide states a parameter's value by hand in a text people read (lint W011): a changed or dated value
 * must change the text too, so such a text is a defect here, not a warning. Only a finding's own {@code text} is
 * written from parameters; a rule's {@code source.text} quotes the guide as it stands.
 */
class StatedValuesTest {
    @TestFactory
    Stream<DynamicTest> noBundledGuideStatesAParametersValueByHand() throws IOException {
        try (Stream<Path> dirs = Files.list(Path.of("."))) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("guide.yaml"))).sorted().toList().stream()
                    .map(d -> DynamicTest.dynamicTest(d.getFileName().toString(), () -> assertThat(
                            Lint.check(Guides.load(d.resolve("guide.yaml"))).stream()
                                    .filter(w -> w.id().equals(Lint.STATED_VALUE) && !w.acknowledged())
                                    .map(LintWarning::problem))
                            .as("texts that state a parameter's value by hand; write {parameter} instead")
                            .isEmpty()));
        }
    }
}
