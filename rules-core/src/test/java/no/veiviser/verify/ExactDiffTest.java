package no.veiviser.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import no.veiviser.Case;
import no.veiviser.Cases;
import no.veiviser.CompiledGuide;
import no.veiviser.Decision;
import no.veiviser.Guide;
import no.veiviser.GuideException;
import no.veiviser.Guides;
import no.veiviser.impact.ImpactDiff;
import no.veiviser.internal.Access;
import no.veiviser.impact.ImpactReport;
import no.veiviser.impact.Population;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * diff --exact on the bundled Nittedal guide with planted changes: a change that touches only a rare class is
 * found (and a sample misses it), a change with no effect is proved to have none, and the exact classes weigh a
 * population exactly as the sampled diff counts it.
 */
class ExactDiffTest {
    static final Path NITTEDAL = Path.of("../guides/nittedal/guide.yaml");
    /** The base of the planted changes: a meeting that decides to close closes the case. */
    static final String CLOSE = "        - meeting.outcome: close\n";
    /** Planted: no longer for 16- and 17-year-olds that a health service asks about. */
    static final String RARE = """
                    - all:
                        - meeting.outcome: close
                        - not:
                            all:
                              - child.age: {in: [16, 17], ifMissing: false}
                              - reporter.service: {in: [helsestasjon], ifMissing: false}
            """;
    /** Planted: the same condition by absorption (close, or close and 16 or more), which no decision can tell apart. */
    static final String SAME = """
                    - any:
                        - meeting.outcome: close
                        - all:
                            - meeting.outcome: close
                            - child.age: {gte: 16}
            """;

    static CompiledGuide base;
    static CompiledGuide rare;

    @BeforeAll
    static void compile() throws IOException {
        base = Guides.load(NITTEDAL).compile();
        rare = planted(RARE).compile();
    }

    static Guide planted(String replacement) throws IOException {
        String text = Files.readString(NITTEDAL);
        assertThat(text).contains(CLOSE);
        return Guides.parse(text.replaceFirst(java.util.regex.Pattern.quote(CLOSE), java.util.regex.Matcher.quoteReplacement(replacement)),
                NITTEDAL.resolveSibling("planted.yaml"));
    }

    @Test
    void findsAChangeThatTouchesOnlyARareClassWhichASampleMisses() throws IOException {
        CompiledGuide changed = rare;
        ExactDiffReport exact = ExactDiff.between(base, changed);
        assertThat(exact.hasChanges()).isTrue();
        assertThat(exact.complete()).isTrue();
        for (ExactDiffReport.Change c : exact.changes()) {
            for (ExactDiffReport.ChangeClass k : c.classes()) {
                // every class is of 16- and 17-year-olds a health service asks about, at a meeting that decided to close
                assertThat(k.conditions()).contains("child.age 16–17", "reporter.service = helsestasjon", "meeting.outcome = close");
                Case w = Cases.parse(k.witness(), "witness.yaml", changed.guide(), null);
                assertThat(w.child().ageAt(w.asOf()).getAsInt()).isBetween(16, 17);
                assertThat(w.reporter().service()).contains("helsestasjon");
                Decision before = base.evaluate(w);
                Decision after = changed.evaluate(w);
                assertThat(before.codes()).isNotEqualTo(after.codes());
                assertThat(k.members().test(w)).isTrue();
            }
        }
        // the closing finding is gone for them
        assertThat(exact.changes()).anySatisfy(c -> assertThat(c.kind()).isEqualTo(ImpactReport.Kind.CODE_REMOVED));
        // a sample of 2,000 generated cases has none of them
        ImpactReport sampled = ImpactDiff.run(base, changed, Population.generate(2_000, 1), 1);
        assertThat(sampled.changedCases()).isZero();
        // and the exact classes say so too, counted over the same cases
        ImpactDiff counting = ImpactDiff.between(base, changed).threads(1).counting(exact.tests());
        counting.run(Population.generate(2_000, 1));
        assertThat(counting.counts()).containsOnly(0L);
    }

    @Test
    void provesThatAChangeWithNoEffectChangesNoDecision() throws IOException {
        Guide changed = planted(SAME);
        assertThat(Access.model(changed).concepts()).isNotEqualTo(Access.model(base.guide()).concepts()); // the guide did change
        ExactDiffReport exact = ExactDiff.between(base, changed.compile());
        assertThat(exact.hasChanges()).isFalse();
        assertThat(exact.queries()).isGreaterThan(0);
        assertThat(exact.toText(java.util.Locale.ENGLISH)).contains("Proved: no case gets another decision");
    }

    @Test
    void theExactClassesWeighAPopulationAsTheSampledDiffCountsIt() throws IOException {
        agree(base, rare, 20_000);
        // a change that touches many: guardians involved within six weeks instead of four
        String text = Files.readString(NITTEDAL);
        String six = text.replaceFirst("(involve-guardians-within:[^\\n]*\\n(?:    [^\\n]*\\n)*?    value: )4\\b", "$16");
        assertThat(six).isNotEqualTo(text);
        agree(base, Guides.parse(six, NITTEDAL.resolveSibling("planted.yaml")).compile(), 10_000);
    }

    /** Per difference, the sampled count equals the count of cases in its exact classes, and the sample finds no other. */
    static void agree(CompiledGuide a, CompiledGuide b, long n) {
        ExactDiffReport exact = ExactDiff.between(a, b);
        assertThat(exact.complete()).isTrue();
        ImpactDiff counting = ImpactDiff.between(a, b).threads(2).counting(exact.tests());
        ImpactReport sampled = counting.run(Population.generate(n, 7));
        ExactDiffReport weighed = exact.withCounts(sampled.cases(), counting.counts());
        Map<String, Long> bySample = new HashMap<>();
        for (ImpactReport.Group g : sampled.groups()) {
            bySample.merge(key(g.kind(), g.subject(), g.change()), g.count(), Long::sum);
        }
        Map<String, Long> byExact = new HashMap<>();
        for (ExactDiffReport.Change c : weighed.changes()) {
            if (c.count() > 0) {
                byExact.merge(key(c.kind(), c.subject(), c.change()), c.count(), Long::sum);
            }
        }
        assertThat(byExact).isEqualTo(bySample);
    }

    private static String key(ImpactReport.Kind kind, String subject, String change) {
        return kind + " " + subject + (kind == ImpactReport.Kind.LEVEL_CHANGED ? " " + change : "");
    }

    @Test
    void refusesDueDatesItCannotCompareExactly() {
        // counted from the date of the concern in one version and from the assessment in the other
        Guide g = VerifierTest.guide("""
                rules:
                  - id: r
                    when: {concern.signals: wellbeing-concern}
                    then:
                      - {code: write-report, text: Skriv., due: {after: youth-age, from: concern.since}}
                """);
        Guide h = VerifierTest.guide("""
                rules:
                  - id: r
                    when: {concern.signals: wellbeing-concern}
                    then:
                      - {code: write-report, text: Skriv., due: same-day}
                """);
        assertThatThrownBy(() -> ExactDiff.between(g.compile(), h.compile()))
                .isInstanceOf(GuideException.class)
                .hasMessageContaining("cannot compare these guides exactly");
    }
}
