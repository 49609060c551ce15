package no.veiviser.guides;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import no.veiviser.junit.ScenarioTests;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** Every scenario of every bundled guide, one test each; and every bundled guide fires every rule in its scenarios. */
class BundledScenariosTest {

    @TestFactory
    Stream<DynamicNode> everyScenarioOfEveryBundledGuide() throws IOException {
        List<Path> guides;
        try (Stream<Path> dirs = Files.list(Path.of("."))) {
            guides = dirs.filter(d -> Files.isRegularFile(d.resolve("guide.yaml")) && Files.isDirectory(d.resolve("scenarios"))).sorted().toList();
        }
        return guides.stream().map(d -> DynamicContainer.dynamicContainer(d.getFileName().toString(), ScenarioTests.forGuide(d, 100)));
    }
}
