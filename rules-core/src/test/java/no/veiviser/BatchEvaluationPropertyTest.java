package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import no.veiviser.impact.Population;
import no.veiviser.internal.Access;
import no.veiviser.internal.engine.Evaluator;
import no.veiviser.scenario.Scenario;
import no.veiviser.scenario.Scenarios;
import org.junit.jupiter.api.Test;

/**
 * Batch evaluation (many cases per Drools execution) gives every case the decision {@code evaluate} gives it
 * alone: over generated populations, every bundled guide's scenario cases (exceptions, withheld and undecided
 * rules, notes), rejected cases mixed in, and batch sizes on both sides of the engine's batch of 256.
 */
class BatchEvaluationPropertyTest {
    private static final List<String> GUIDES = List.of("norge", "nittedal", "ovre-eiker");
    private static final List<CompiledGuide> COMPILED = GUIDES.stream().map(id -> Guides.bundled(id).compile()).toList();
    private static final List<List<Case>> SCENARIO_CASES = GUIDES.stream().map(BatchEvaluationPropertyTest::scenarioCases).toList();

    @Property(tries = 40)
    void aBatchDecidesEveryCaseAsEvaluateDoes(@ForAll @IntRange(min = 0, max = 2) int guide, @ForAll long seed,
                                             @ForAll @IntRange(min = 1, max = 700) int size,
                                             @ForAll @IntRange(min = 0, max = 10) int rejectedPerCent) {
        CompiledGuide g = COMPILED.get(guide);
        List<Case> cases = mixed(seed, size, rejectedPerCent, SCENARIO_CASES.get(guide));
        Evaluator.Outcome[] outcomes = Access.evaluateEach(g, cases);
        assertThat(outcomes).hasSize(cases.size());
        CaseException firstRejected = null;
        List<Decision> expected = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            try {
                Decision d = g.evaluate(cases.get(i));
                expected.add(d);
                assertThat(outcomes[i].rejected()).as("case %d", i).isNull();
                assertThat(outcomes[i].decision()).as("case %d", i).isEqualTo(d);
            } catch (CaseException e) {
                firstRejected = firstRejected == null ? e : firstRejected;
                assertThat(outcomes[i].decision()).as("case %d", i).isNull();
                assertThat(outcomes[i].rejected().problems()).as("case %d", i).isEqualTo(e.problems());
            }
        }
        if (firstRejected == null) {
            assertThat(g.evaluateAll(cases)).isEqualTo(expected);
            try (Stream<Decision> stream = g.evaluateAll(cases.stream())) {
                assertThat(stream.toList()).isEqualTo(expected);
            }
        } else {
            CaseException thrown = assertThrows(CaseException.class, () -> g.evaluateAll(cases));
            assertThat(thrown.problems()).isEqualTo(firstRejected.problems());
        }
    }

    @Test
    void theScenarioCasesOfEveryGuideAreDecidedAlikeInOneBatch() {
        for (int i = 0; i < GUIDES.size(); i++) {
            List<Case> cases = SCENARIO_CASES.get(i);
            assertThat(cases).as(GUIDES.get(i)).hasSizeGreaterThan(5);
            CompiledGuide g = COMPILED.get(i);
            assertThat(g.evaluateAll(cases)).as(GUIDES.get(i)).isEqualTo(cases.stream().map(g::evaluate).toList());
        }
        assertThat(COMPILED.get(0).evaluateAll(List.of())).isEmpty();
    }

    /** Population cases, the guide's scenario cases now and then, and cases the guide rejects. */
    private static List<Case> mixed(long seed, int size, int rejectedPerCent, List<Case> scenarios) {
        SplittableRandom random = new SplittableRandom(seed);
        Population population = Population.generate(Long.MAX_VALUE, seed);
        List<Case> cases = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Case c = population.get(random.nextLong(1_000_000));
            int dice = random.nextInt(100);
            if (dice < rejectedPerCent) {
                c = random.nextBoolean() ? c.withConcern(Concern.of("wellbeing-concern", "no-such-signal"))
                        : c.withChild(Child.bornOn(c.asOf().plusDays(1 + random.nextInt(400))));
            } else if (dice < rejectedPerCent + 15) {
                c = scenarios.get(random.nextInt(scenarios.size()));
            }
            cases.add(c);
        }
        return cases;
    }

    private static List<Case> scenarioCases(String id) {
        Path dir = Path.of("../guides", id, "scenarios");
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> paths = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
            return Scenarios.read(Guides.bundled(id), paths).stream().map(Scenario::aCase).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
