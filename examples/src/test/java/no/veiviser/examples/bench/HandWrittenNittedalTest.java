package no.veiviser.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import no.veiviser.Case;
import no.veiviser.CaseException;
import no.veiviser.CaseWork;
import no.veiviser.Child;
import no.veiviser.ChildWelfare;
import no.veiviser.CompiledGuide;
import no.veiviser.Concern;
import no.veiviser.Decision;
import no.veiviser.Finding;
import no.veiviser.Guides;
import no.veiviser.impact.Population;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The baseline measures the same work: over generated cases, the hand-written evaluator gives the same
 * finding codes (in the same order), recommended level and due dates as the Nittedal slice guide (the
 * bundled guide with only the mirrored rules), and the same as the mirrored rules' findings in the whole
 * bundled Nittedal guide.
 */
class HandWrittenNittedalTest {
    private static final List<String> SIGNALS = List.of(
            "wellbeing-concern", "violence-suspected", "sexual-abuse-suspected", "danger-to-life-or-health",
            "mistreatment-at-home", "serious-neglect", "persistent-serious-behaviour-problems",
            "human-trafficking-risk", "untreated-illness-or-disability", "concerning-absence",
            "stressful-life-event", "criminal-offence-suspected");

    private static CompiledGuide slice;
    private static CompiledGuide nittedal;

    @BeforeAll
    static void compile() {
        slice = NittedalSlice.load().compile();
        nittedal = Guides.bundled("nittedal").compile();
    }

    @Test
    void theSliceHasExactlyTheMirroredRules() {
        assertThat(slice.guide().ruleIds()).containsExactlyElementsOf(HandWrittenNittedal.RULES);
        assertThat(nittedal.guide().ruleIds()).containsAll(HandWrittenNittedal.RULES);
    }

    @Test
    void agreesWithTheSliceAndTheWholeGuideOnGeneratedCases() {
        Random random = new Random(20261125L);
        int withFindings = 0;
        int rejected = 0;
        for (int i = 0; i < 600; i++) {
            Case c = generate(random);
            String where = "case #" + i + ": " + c;
            Decision sliced;
            try {
                sliced = slice.evaluate(c);
            } catch (CaseException e) {
                assertThatThrownBy(() -> HandWrittenNittedal.evaluate(c)).as(where).isInstanceOf(CaseException.class);
                rejected++;
                continue;
            }
            HandWrittenNittedal.Result hand = HandWrittenNittedal.evaluate(c);

            assertThat(hand.codes()).as("slice, " + where).containsExactlyElementsOf(sliced.codes());
            assertThat(hand.level()).as("slice, " + where).isEqualTo(sliced.level().recommended());
            assertThat(hand.due()).as("slice, " + where).isEqualTo(dueDates(sliced.findings()));

            List<Finding> mirrored = nittedal.evaluate(c).findings().stream()
                    .filter(f -> HandWrittenNittedal.RULES.contains(f.rule())).toList();
            assertThat(hand.codes()).as("whole guide, " + where)
                    .containsExactlyElementsOf(mirrored.stream().map(Finding::code).distinct().toList());
            assertThat(hand.level()).as("whole guide, " + where).isEqualTo(level(c, mirrored));
            assertThat(hand.due()).as("whole guide, " + where).isEqualTo(dueDates(mirrored));
            withFindings += sliced.findings().isEmpty() ? 0 : 1;
        }
        assertThat(withFindings).as("the generator reaches the rules").isGreaterThan(300);
        assertThat(rejected).as("a few cases have a date after asOf").isBetween(1, 100);
    }

    @Test
    void acceptsWhatTheGuideAccepts() {
        LocalDate asOf = LocalDate.of(2026, 11, 24);
        Case every = Case.on(asOf).withConcern(new Concern(Optional.empty(), List.copyOf(HandWrittenNittedal.SIGNALS), false, Optional.empty()))
                .withWork(new CaseWork(Optional.of("1"), Optional.empty(), false, List.copyOf(HandWrittenNittedal.SERVICES), false, false, false, Optional.empty()));
        assertThat(nittedal.evaluate(every).findings()).isNotEmpty();
        for (String step : HandWrittenNittedal.STEPS) {
            nittedal.evaluate(Case.on(asOf).withWork(new CaseWork(Optional.empty(), Optional.of(step), false, List.of(), false, false, false, Optional.empty())));
        }
    }

    @Test
    void agreesOnTheBenchmarkCases() {
        for (Case c : BenchCases.all()) {
            Decision decision = slice.evaluate(c);
            HandWrittenNittedal.Result hand = HandWrittenNittedal.evaluate(c);
            assertThat(hand.codes()).as(c.toString()).containsExactlyElementsOf(decision.codes());
            assertThat(hand.level()).isEqualTo(decision.level().recommended());
            assertThat(hand.due()).isEqualTo(dueDates(decision.findings()));
            assertThat(nittedal.evaluate(c).findings()).as("the whole guide evaluates it too").isNotEmpty();
        }
    }

    /** The batch benchmark's lists: the slice evaluated in batches gives what the hand-written evaluator gives. */
    @Test
    void agreesWithTheSliceInBatchOnThePopulation() {
        Population population = Population.generate(3000, 1);
        List<Case> cases = java.util.stream.LongStream.range(0, 3000).mapToObj(population::get).toList();
        List<Decision> decisions = slice.evaluateAll(cases);
        int withFindings = 0;
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            HandWrittenNittedal.Result hand = HandWrittenNittedal.evaluate(c);
            Decision sliced = decisions.get(i);
            assertThat(hand.codes()).as("case #" + i + ": " + c).containsExactlyElementsOf(sliced.codes());
            assertThat(hand.level()).as("case #" + i).isEqualTo(sliced.level().recommended());
            assertThat(hand.due()).as("case #" + i).isEqualTo(dueDates(sliced.findings()));
            withFindings += sliced.findings().isEmpty() ? 0 : 1;
        }
        assertThat(withFindings).as("the population reaches the rules").isGreaterThan(1000);
    }

    @Test
    void rejectsUnknownSignalsLikeTheGuide() {
        Case c = Case.on(LocalDate.of(2026, 11, 24)).withConcern(Concern.of("voilence-suspected"));
        assertThatThrownBy(() -> slice.evaluate(c)).isInstanceOf(CaseException.class);
        assertThatThrownBy(() -> HandWrittenNittedal.evaluate(c)).isInstanceOf(CaseException.class);
    }

    private static Map<String, LocalDate> dueDates(List<Finding> findings) {
        Map<String, LocalDate> due = new LinkedHashMap<>();
        for (Finding f : findings) {
            f.due().ifPresent(d -> due.put(f.code(), d));
        }
        return due;
    }

    /** The level the mirrored rules recommend: the highest go-to-level among them, else the current level. */
    private static int level(Case c, List<Finding> mirrored) {
        return mirrored.stream().filter(f -> f.level().isPresent()).mapToInt(f -> f.level().getAsInt()).max()
                .orElse(c.work().level().map(Integer::parseInt).orElse(0));
    }

    private static Case generate(Random r) {
        LocalDate asOf = LocalDate.of(2024, 1, 1).plusDays(r.nextInt(3 * 366));
        Case c = Case.on(asOf);

        int childKind = r.nextInt(10);
        if (childKind < 5) {
            c = c.withChild(Child.aged(r.nextInt(21)));
        } else if (childKind < 9) {
            // a birth date 0-20 years back, often right around a birthday that crosses a threshold
            int years = r.nextInt(21);
            LocalDate born = asOf.minusYears(years).plusDays(r.nextInt(5) - 2);
            if (r.nextInt(20) == 0) {
                int year = asOf.getYear() - years;
                born = LocalDate.of(year, 2, year % 4 == 0 ? 29 : 28);
            }
            c = c.withChild(Child.bornOn(born));
        } // else: child unknown

        List<String> signals = new ArrayList<>();
        int count = r.nextInt(4);
        for (int k = 0; k < count; k++) {
            signals.add(SIGNALS.get(r.nextInt(SIGNALS.size())));
        }
        Optional<LocalDate> since = r.nextBoolean() ? Optional.of(asOf.minusDays(r.nextInt(120) - 10)) : Optional.empty();
        c = c.withConcern(new Concern(since, signals, false, Optional.empty()));

        Optional<String> level = r.nextInt(5) == 0 ? Optional.empty() : Optional.of(String.valueOf(r.nextInt(4)));
        c = c.withWork(new CaseWork(level, Optional.empty(), r.nextBoolean(), List.of(), false, false, false, Optional.empty()));
        if (r.nextInt(4) == 0) {
            c = c.withChildWelfare(new ChildWelfare(r.nextBoolean(), r.nextBoolean(), false, false));
        }
        return c;
    }
}
