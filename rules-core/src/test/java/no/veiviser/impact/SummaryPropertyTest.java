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
import org.junit.jupiter.api.Test;
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
            List<Case> cases = chunk(population, from, Math.min(n, from + 1000));
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

    /** Cases {@code from} (inclusive) to {@code to} of the population. */
    private static List<Case> chunk(Population population, int from, int to) {
        List<Case> cases = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            cases.add(population.get(i));
        }
        return cases;
    }

    /**
     * The workbench's fast path for an edit that changes only findings (Nittedal's involve-guardians-within 4 -> 6 weeks):
     * a case firing no rule the edit touches keeps the base's summary, the others are summarized from the findings the
     * base gave. Both give exactly what {@code evaluate} of the edited guide gives, on 100,000 random cases.
     */
    @Test
    void anEditsFastPathGivesTheEditedGuidesDecisionsOnRandomCases() throws java.io.IOException {
        CompiledGuide base = Guides.bundled("nittedal").compile();
        String text;
        try (var in = SummaryPropertyTest.class.getClassLoader().getResourceAsStream("veiviser/guides/nittedal/guide.yaml")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String edited = text.replaceFirst("(involve-guardians-within:\\n(?: {4}.*\\n)*? {4}value: )4", "$16");
        assertThat(edited).isNotEqualTo(text);
        CompiledGuide changed = Guides.parse(edited, java.nio.file.Path.of("nittedal", "guide.yaml")).compile();
        java.util.BitSet touched = Access.evaluator(changed).rulesSummarizedOtherwise(Access.evaluator(base));
        assertThat(touched).isNotNull();
        int n = 100_000;
        Population population = Population.generate(n, 4);
        int kept = 0;
        int fromGiven = 0;
        for (int from = 0; from < n; from += 1000) {
            List<Case> cases = chunk(population, from, Math.min(n, from + 1000));
            Evaluator.Summarized[] before = Access.summarizeEach(base, cases);
            for (int k = 0; k < cases.size(); k++) {
                if (before[k].rejected() != null) {
                    continue; // a case the base rejects is evaluated by the edited guide's own rules (ImpactDiffTest)
                }
                Summary fast;
                if (before[k].fired().intersects(touched)) {
                    fast = Access.evaluator(changed).summarizeGiven(cases.get(k), before[k]).summary();
                    fromGiven++;
                } else {
                    fast = before[k].summary();
                    kept++;
                }
                assertThat(fast).as("case %d", from + k).isEqualTo(Summary.of(changed.evaluate(cases.get(k))));
            }
        }
        assertThat(kept).isGreaterThan(n / 10);
        assertThat(fromGiven).isGreaterThan(n / 10);
    }
}
