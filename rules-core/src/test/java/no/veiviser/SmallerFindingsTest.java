package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, finding 8: the smaller ones. */
class SmallerFindingsTest {
    @Test
    void extendsDoesNotFollowASymlinkOutOfTheGuidesFolder(@TempDir Path tmp) throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("elsewhere/secret"));
        Files.writeString(outside.resolve("guide.yaml"), "private-key-material: 42\n");
        Path guides = Files.createDirectories(tmp.resolve("guides"));
        Files.createSymbolicLink(guides.resolve("secret"), outside);
        Path mine = Files.createDirectories(guides.resolve("mine")).resolve("guide.yaml");
        Files.writeString(mine, "guide: {id: mine, title: Mine, version: \"1\", extends: secret}\n");

        GuideException e = assertThrows(GuideException.class, () -> Guides.load(mine));
        assertThat(e.problems()).hasSize(1);
        // Issue 28, item 3: refused with a located error that names the link (it said "cannot find" before).
        assertThat(e.problems().get(0).message()).startsWith("the guide 'secret' that this guide extends is ")
                .contains("secret/guide.yaml, which leads out of the folder of guides");
        assertThat(e.problems().toString()).doesNotContain("private-key-material");
    }

    @Test
    void casesReadRefusesDevZeroInsteadOfRunningOutOfMemory() {
        CaseException e = assertThrows(CaseException.class, () -> Cases.read(Path.of("/dev/zero")));
        assertThat(e.problems().get(0).message()).isEqualTo("not a regular file");
    }
}
