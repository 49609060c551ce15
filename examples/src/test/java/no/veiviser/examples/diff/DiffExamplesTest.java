package no.veiviser.examples.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import no.veiviser.CompiledGuide;
import no.veiviser.Guides;
import no.veiviser.impact.GuideDiff;
import no.veiviser.impact.ImpactDiff;
import no.veiviser.impact.ImpactReport;
import no.veiviser.impact.Population;
import no.veiviser.verify.ExactDiff;
import no.veiviser.verify.ExactDiffReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The examples in examples/diff/: each changed guide against its base, over the README's generated
 * population, must give the summary examples/diff/README.md shows. The guides are copies kept in
 * examples/diff/, so the bundled guides can change without changing these figures.
 */
class DiffExamplesTest {
    static final Path DIR = Path.of("diff");

    @ParameterizedTest
    @CsvSource({
        "norge,    norge-consent-16,           425,  1",
        "nittedal, nittedal-no-four-week-rule, 5805, 1"})
    void theSummaryIsTheOneInTheReadme(String base, String changed, long changedCases, int groups) throws IOException {
        CompiledGuide before = Guides.load(DIR.resolve(base).resolve("guide.yaml")).compile();
        CompiledGuide after = Guides.load(DIR.resolve(changed).resolve("guide.yaml")).compile();
        ImpactReport report = ImpactDiff.run(before, after, Population.generate(10_000, 1), 2);
        assertThat(report.cases()).isEqualTo(10_000);
        assertThat(report.changedCases()).isEqualTo(changedCases);
        assertThat(report.groups()).hasSize(groups);
        assertThat(report.guideDiff().rules().size() + report.guideDiff().parameters().size()).isEqualTo(1);
        String readme = Files.readString(DIR.resolve("README.md"));
        assertThat(readme).as("examples/diff/README.md shows this summary").contains(report.summary());
        assertThat(readme).contains(report.guideDiff().toText());
    }

    /**
     * The rare planted change: a sample of 1,000 generated cases has no changed case, --exact finds the two classes
     * the README shows, and weighs 10,000 cases as the sampled diff of the same cases counts them.
     */
    @Test
    void aChangeTheSampleMissesIsFoundExactly() throws IOException {
        CompiledGuide before = Guides.load(DIR.resolve("nittedal/guide.yaml")).compile();
        CompiledGuide after = Guides.load(DIR.resolve("nittedal-youth-at-helsestasjon/guide.yaml")).compile();
        String readme = Files.readString(DIR.resolve("README.md"));
        ImpactReport small = ImpactDiff.run(before, after, Population.generate(1_000, 1), 2);
        assertThat(small.hasChanges()).isFalse();
        assertThat(readme).contains(small.summary());

        ExactDiffReport exact = ExactDiff.between(before, after);
        assertThat(exact.complete()).isTrue();
        assertThat(exact.changes()).singleElement().satisfies(c -> assertThat(c.classes()).hasSize(2));
        ImpactDiff counting = ImpactDiff.between(before, after).threads(2).counting(exact.tests());
        ImpactReport sampled = counting.run(Population.generate(10_000, 1));
        ExactDiffReport weighed = exact.withCounts(sampled.cases(), counting.counts());
        assertThat(weighed.changes().get(0).count()).isEqualTo(sampled.changedCases()).isEqualTo(6);
        // every line the README shows of the report (the first gives the solver's time, witnesses are left out)
        String text = weighed.toText(java.util.Locale.ENGLISH);
        for (String line : text.lines().toList()) {
            if (!line.startsWith("Exact impact") && !line.startsWith("    ") && !line.isBlank()) {
                assertThat(readme).as("examples/diff/README.md shows this line").contains(line);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"norge", "nittedal"})
    void theBaseCopiesHaveNoChangeAgainstThemselves(String base) {
        var guide = Guides.load(DIR.resolve(base).resolve("guide.yaml"));
        assertThat(GuideDiff.between(guide, guide).isEmpty()).isTrue();
    }
}
