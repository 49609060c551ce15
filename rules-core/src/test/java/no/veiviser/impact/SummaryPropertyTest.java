package no.veiviser.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import no.veiviser.Case;
import no.veiviser.CaseException;
import no.veiviser.CompiledGuide;
import no.veiviser.Guides;
import no.veiviser.internal.Access;
import no.veiviser.internal.engine.Evaluator;
import no.veiviser.internal.engine.Summary;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The diff's fast path ({@code summarizeEach}: no decision built) gives exactly what the diff compares of the
 * decision {@code evaluate} gives, one case at a time: the level, and per code its earliest due date and people.
 */
class SummaryPropertyTest {
    @ParameterizedTest
    @CsvSource({"nittedal, 100000, 1", "ovre-eiker, 20000, 2", "norge, 20000, 3"})
    void theFastPathGivesEvaluatesDecisionsOnRandomCases(String id, int n, long seed) {
        CompiledGuide guide = Guides.bundled(id).compile();
        Population population = Population.generate(n, seed);
        int rejected = 0;
        int withFindings = 0;
        for (int from = 0; from < n; from += 1000) {
            List<Case> cases = new ArrayList<>();
            for (int i = from; i < Math.min(n, from + 1000); i++) {
                cases.add(population.get(i));
            }
            Evaluator.Summarized[] fast = Access.summarizeEach(guide, cases);
            for (int k = 0; k < cases.size(); k++) {
                Summary expected;
                try {
                    expected = Summary.of(guide.evaluate(cases.get(k)));
                } catch (CaseException e) {
                    assertThat(fast[k].rejected()).as("case %d", from + k).isNotNull();
                    assertThat(fast[k].rejected().problems()).isEqualTo(e.problems());
                    rejected++;
                    continue;
                }
                assertThat(fast[k].summary()).as("case %d of guide %s", from + k, id).isEqualTo(expected);
                if (!expected.codes().isEmpty()) {
                    withFindings++;
                }
            }
        }
        assertThat(withFindings).isGreaterThan(n / 2); // the cases exercise the rules
        assertThat(rejected).isLessThan(n / 10);
    }
}
