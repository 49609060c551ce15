package no.veiviser.guides;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import no.veiviser.Guide;
import no.veiviser.Guides;
import no.veiviser.handbook.Handbook;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Generates the handbook of every guide in this folder ({@code <id>/guide.yaml}) into
 * {@code target/handbook/<id>/index.html} during the build, and checks that every rule is in it with its quote
 * and that every internal link resolves.
 */
class HandbooksTest {
    static final Path OUT = Path.of("target", "handbook");

    @TestFactory
    Stream<DynamicTest> everyGuideHasAHandbook() throws IOException {
        List<Path> guides;
        try (Stream<Path> dirs = Files.list(Path.of("."))) {
            guides = dirs.map(d -> d.resolve("guide.yaml")).filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(guides).isNotEmpty();
        return guides.stream().map(file -> DynamicTest.dynamicTest(file.getParent().getFileName().toString(), () -> {
            Guide guide = Guides.load(file);
            Path index = Handbook.write(guide, OUT.resolve(guide.id()));
            Document d = Jsoup.parse(Files.readString(index));
            assertThat(d.select("script")).isEmpty();
            assertThat(d.select("article.rule")).hasSize(guide.ruleIds().size());
            for (String id : guide.ruleIds()) {
                Element rule = d.getElementById(Handbook.anchor("rule", id));
                assertThat(rule).as(id).isNotNull();
                assertThat(rule.select(".source blockquote").text()).as(id + " quotes its source").isNotBlank();
            }
            for (Element a : d.select("a[href^=#]")) {
                assertThat(d.getElementById(a.attr("href").substring(1))).as("link " + a.attr("href")).isNotNull();
            }
        }));
    }
}
