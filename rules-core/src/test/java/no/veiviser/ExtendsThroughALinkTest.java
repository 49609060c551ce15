package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 28, item 3: a base guide reached through a symbolic link out of the folder of guides was silently replaced by
 * the bundled guide of the same id, so the author saw another base than the one in their folder. Not following the
 * link stays; doing it silently does not: the {@code extends} line gets an error that names the link.
 */
class ExtendsThroughALinkTest {
    static final String TOWN = "guide: {id: town, title: Town, version: \"1\", extends: norge}\n";

    @Test
    void aBaseBehindALinkOutOfTheFolderIsALocatedErrorNotTheBundledGuide(@TempDir Path tmp) throws Exception {
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere/norge"));
        Files.writeString(elsewhere.resolve("guide.yaml"), Files.readString(Path.of("../guides/norge/guide.yaml")));
        Path guides = Files.createDirectories(tmp.resolve("guides"));
        Path link = Files.createSymbolicLink(guides.resolve("norge"), elsewhere);
        Path town = Files.writeString(Files.createDirectories(guides.resolve("town")).resolve("guide.yaml"), TOWN);

        GuideException e = assertThrows(GuideException.class, () -> Guides.load(town), "not the bundled norge, silently");
        assertThat(e.problems()).hasSize(1);
        Problem p = e.problems().get(0);
        assertThat(p.file()).isEqualTo(town.toString());
        assertThat(p.line()).isEqualTo(1);
        assertThat(p.column()).isPositive();
        assertThat(p.message()).isEqualTo("the guide 'norge' that this guide extends is " + link.resolve("guide.yaml")
                + ", which leads out of the folder of guides (" + guides
                + ") through a symbolic link; extends does not follow it there");
        assertThat(p.hint()).contains("a copy, not a link");

        // The same text checked as typed (the workbench's editor) says the same.
        GuideException typed = assertThrows(GuideException.class, () -> Guides.parse(TOWN, town));
        assertThat(typed.problems().get(0).message()).isEqualTo(p.message());
    }

    @Test
    void aLinkThatLeadsNowhereIsALocatedErrorNotTheBundledGuide(@TempDir Path tmp) throws Exception {
        Path guides = Files.createDirectories(tmp.resolve("guides"));
        Path link = Files.createSymbolicLink(guides.resolve("norge.yaml"), tmp.resolve("gone.yaml"));
        Path town = Files.writeString(guides.resolve("town.yaml"), TOWN);

        GuideException e = assertThrows(GuideException.class, () -> Guides.load(town));
        assertThat(e.problems()).hasSize(1);
        assertThat(e.problems().get(0).line()).isEqualTo(1);
        assertThat(e.problems().get(0).message()).isEqualTo("the guide 'norge' that this guide extends is " + link
                + ", a symbolic link that leads nowhere");
    }

    @Test
    void aLinkInsideTheFolderIsFollowedAndNoLinkMeansTheBundledGuide(@TempDir Path tmp) throws Exception {
        Path guides = Files.createDirectories(tmp.resolve("guides"));
        Path real = Files.createDirectories(guides.resolve("base-2026"));
        Files.writeString(real.resolve("guide.yaml"), Files.readString(Path.of("../guides/norge/guide.yaml")));
        Files.createSymbolicLink(guides.resolve("norge"), real.getFileName());
        Path town = Files.writeString(Files.createDirectories(guides.resolve("town")).resolve("guide.yaml"), TOWN);
        assertThat(Guides.load(town).files()).first().asString().endsWith("norge/guide.yaml").doesNotStartWith("guides/");

        Path alone = Files.writeString(Files.createDirectories(tmp.resolve("other/town")).resolve("guide.yaml"), TOWN);
        assertThat(Guides.load(alone).files()).first().isEqualTo("guides/norge/guide.yaml");
    }
}
