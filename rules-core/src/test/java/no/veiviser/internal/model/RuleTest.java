package no.veiviser.internal.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RuleTest {
    private static Rule effective(String from, String to) {
        return new Rule("r", "", null, null, List.of(), Optional.empty(), Optional.ofNullable(from).map(LocalDate::parse),
                Optional.ofNullable(to).map(LocalDate::parse), Optional.empty(), false, Optional.empty(), List.of(), List.of(), "g", null);
    }

    @Test
    void aRuleAppliesFromItsFirstDayUpToButNotOnItsLast() {
        Rule r = effective("2026-06-01", "2027-01-01");
        assertThat(r.effectiveOn(LocalDate.parse("2026-05-31"))).isFalse();
        assertThat(r.effectiveOn(LocalDate.parse("2026-06-01"))).isTrue();
        assertThat(r.effectiveOn(LocalDate.parse("2026-12-31"))).isTrue();
        assertThat(r.effectiveOn(LocalDate.parse("2027-01-01"))).isFalse();
        assertThat(effective(null, "2027-01-01").effectiveOn(LocalDate.parse("1990-01-01"))).isTrue();
        assertThat(effective("2026-06-01", null).effectiveOn(LocalDate.parse("2090-01-01"))).isTrue();
        assertThat(effective(null, null).effectiveOn(LocalDate.parse("2026-06-01"))).isTrue();
    }
}
