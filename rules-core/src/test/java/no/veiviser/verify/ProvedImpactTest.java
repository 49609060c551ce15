package no.veiviser.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.veiviser.CompiledGuide;
import no.veiviser.Guides;
import no.veiviser.impact.ImpactDiff;
import no.veiviser.impact.ImpactReport;
import no.veiviser.impact.Population;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The population diff ({@code no.veiviser.impact}) that lets the exact diff spare the cases it settles ({@link ImpactDiff#provedBy}) gives
 * exactly the report of evaluating every case with both guides (counts, groups and their example cases), on random
 * cases, for changes of each kind: a code removed from most cases, one removed from a rare class, a level changed,
 * people changed, due dates moved, and no change at all.
 */
class ProvedImpactTest {
    static final Path NITTEDAL = Path.of("../guides/nittedal/guide.yaml");
    static final Path EXAMPLES = Path.of("../examples/diff");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "four-week rule removed  | examples  | nittedal-no-four-week-rule | 100000",
        "consent age 15 -> 16    | examples  | norge-consent-16           | 20000",
        "rare class              | rare      |                            | 20000",
        "go to level 2, not 3    | level     |                            | 20000",
        "six weeks, not four     | six-weeks |                            | 20000",
        "no change               | same      |                            | 10000"})
    void theReportIsTheOneEvaluatingEveryCaseGives(String name, String kind, String example, int n) throws IOException {
        CompiledGuide[] pair = pair(kind, example);
        ExactDiffReport exact = ExactDiff.between(pair[0], pair[1]);
        assertThat(exact.complete()).isTrue();
        ImpactReport all = ImpactDiff.between(pair[0], pair[1]).threads(2).run(Population.generate(n, 11));
        ImpactDiff proved = ImpactDiff.between(pair[0], pair[1]).threads(2).provedBy(exact);
        ImpactReport spared = proved.run(Population.generate(n, 11));
        assertThat(spared.cases()).isEqualTo(all.cases());
        assertThat(spared.changedCases()).isEqualTo(all.changedCases());
        assertThat(spared.groups()).isEqualTo(all.groups()); // kinds, subjects, changes, counts and example cases
        if (!kind.equals("six-weeks") && !kind.equals("examples")) {
            assertThat(proved.proved()).as("cases settled without evaluating them").isGreaterThan(n / 2);
        }
    }

    static CompiledGuide[] pair(String kind, String example) throws IOException {
        if (kind.equals("examples")) {
            String base = example.startsWith("norge") ? "norge" : "nittedal";
            return new CompiledGuide[] {Guides.load(EXAMPLES.resolve(base).resolve("guide.yaml")).compile(),
                Guides.load(EXAMPLES.resolve(example).resolve("guide.yaml")).compile()};
        }
        String text = Files.readString(NITTEDAL);
        String changed = switch (kind) {
            case "rare" -> planted(text, ExactDiffTest.CLOSE, ExactDiffTest.RARE);
            case "level" -> planted(text, "        text: Gå rett til nivå 3 i handlingsveilederen.\n        level: 3\n",
                    "        text: Gå rett til nivå 3 i handlingsveilederen.\n        level: 2\n");
            case "six-weeks" -> text.replaceFirst("(involve-guardians-within:[^\\n]*\\n(?:    [^\\n]*\\n)*?    value: )4\\b", "$16");
            case "same" -> text;
            default -> throw new IllegalArgumentException(kind);
        };
        assertThat(changed.equals(text)).isEqualTo(kind.equals("same"));
        return new CompiledGuide[] {Guides.parse(text, NITTEDAL).compile(),
            Guides.parse(changed, NITTEDAL.resolveSibling("planted.yaml")).compile()};
    }

    private static String planted(String text, String old, String replacement) {
        assertThat(text).contains(old);
        return text.replaceFirst(Pattern.quote(old), Matcher.quoteReplacement(replacement));
    }
}
