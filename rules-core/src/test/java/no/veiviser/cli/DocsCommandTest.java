package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DocsCommandTest {
    @Test
    void writesIndexHtml(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("handbook");
        Cli.Result r = Cli.run("docs", "--lang", "en", Cli.file("guides/cli-kommune"), "--output", out.toString()).noStackTrace();

        assertThat(r.exit()).isZero();
        assertThat(r.out()).isEqualTo("wrote the handbook of cli-kommune 2026.2 to " + out.resolve("index.html") + "\n");
        var d = Jsoup.parse(Files.readString(out.resolve("index.html")));
        assertThat(d.select("article.rule")).hasSize(4);
        assertThat(d.getElementById("rule-stafettlogg").select("blockquote").text()).isEqualTo("Stafettlogg opprettes når flere tjenester samarbeider.");
    }

    @Test
    void badGuideExitsTwo(@TempDir Path dir) {
        Cli.Result r = Cli.run("docs", Cli.BROKEN_GUIDE, "-o", dir.toString()).noStackTrace();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("unknown signal 'worried-teachr'");
        assertThat(dir.resolve("index.html")).doesNotExist();
    }

    @Test
    void outputIsRequired() {
        Cli.Result r = Cli.run("docs", "norge").noStackTrace();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--output");
    }
}
