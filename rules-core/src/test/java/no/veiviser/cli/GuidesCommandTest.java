package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import no.veiviser.Guide;
import no.veiviser.Guides;
import org.junit.jupiter.api.Test;

class GuidesCommandTest {

    @Test
    void listsEveryBundledGuideWithVersionAndRuleCount() {
        Cli.Result r = Cli.run("guides").noStackTrace();

        assertThat(r.exit()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> ids = Guides.bundledIds();
        List<String> lines = r.out().lines().toList();
        if (ids.isEmpty()) {
            assertThat(lines).containsExactly("No bundled guides in this build.");
            return;
        }
        assertThat(lines.get(0)).matches("ID +VERSION +RULES +EXTENDS +TITLE");
        assertThat(lines).hasSize(ids.size() + 1);
        for (String id : ids) {
            Guide g = Guides.bundled(id);
            assertThat(lines).as("line for bundled guide '%s'", id).anySatisfy(line -> assertThat(line.split(" {2,}"))
                    .containsExactly(id, g.version(), String.valueOf(g.ruleIds().size()), g.extendsId().orElse("-"), g.title()));
        }
    }

    @Test
    void nittedalExtendsTheNationalGuideOnceBundled() {
        Cli.Result r = Cli.run("guides");
        assertThat(r.exit()).isZero();
        if (Guides.bundledIds().contains("nittedal")) {
            assertThat(r.out()).containsPattern("(?m)^nittedal +\\S+ +\\d+ +norge +\\S");
        } else {
            assertThat(r.out()).doesNotContain("nittedal");
        }
    }

    @Test
    void help() {
        Cli.Result r = Cli.run("guides", "--help");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).startsWith("Usage: veiviser guides").contains("Lists the bundled guides.");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void takesNoArguments() {
        Cli.Result r = Cli.run("guides", "extra").noStackTrace();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("Unmatched argument").contains("Usage: veiviser guides");
        assertThat(r.out()).isEmpty();
    }
}
