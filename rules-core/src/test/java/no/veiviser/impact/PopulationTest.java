package no.veiviser.impact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import no.veiviser.CompiledGuide;
import no.veiviser.Guides;
import org.junit.jupiter.api.Test;

class PopulationTest {
    @Test
    void caseIDependsOnSeedAndIOnly() {
        Population p = Population.generate(1000, 42);
        assertThat(p.get(500)).isEqualTo(Population.generate(10, 42).get(500));
        assertThat(p.get(500)).isNotEqualTo(Population.generate(1000, 43).get(500));
        assertThat(p.get(1)).isNotEqualTo(p.get(2));
    }

    @Test
    void casesAreValidAndCoverTheVocabulary() {
        CompiledGuide nittedal = Guides.bundled("nittedal").compile();
        Population p = Population.generate(2000, 3);
        long withBirthDate = LongStream.range(0, 2000).filter(i -> p.get(i).child().birthDate().isPresent()).count();
        long adults = LongStream.range(0, 2000).filter(i -> p.get(i).reporter().adultService()).count();
        long teens = LongStream.range(0, 2000).filter(i -> {
            var age = p.get(i).child().ageAt(p.get(i).asOf());
            return age.isPresent() && age.getAsInt() >= 15 && age.getAsInt() <= 16;
        }).count();
        assertThat(withBirthDate).isBetween(1600L, 1800L);
        assertThat(adults).isBetween(200L, 400L);
        assertThat(teens).isGreaterThan(200);
        LongStream.range(0, 2000).forEach(i -> nittedal.evaluate(p.get(i)));
    }

    @Test
    void theReportIsTheSameOnOneAndOnTwoThreads() {
        CompiledGuide norge = Guides.bundled("norge").compile();
        CompiledGuide changed = DiffFixtures.changed(DiffFixtures.CONSENT_16).compile();
        ImpactReport one = ImpactDiff.run(norge, changed, Population.generate(2000, 11), 1);
        ImpactReport two = ImpactDiff.run(norge, changed, Population.generate(2000, 11), 2);
        ImpactReport four = ImpactDiff.between(norge, changed).threads(4).run(Population.generate(2000, 11));
        assertThat(two.toJson()).isEqualTo(one.toJson());
        assertThat(four.toText()).isEqualTo(one.toText());
        assertThat(one.hasChanges()).isTrue();
    }
}
