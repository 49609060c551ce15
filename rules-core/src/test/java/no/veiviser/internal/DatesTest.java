package no.veiviser.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** {@link Dates#years} counts whole years as {@link Period#between} does, on every pair of dates. */
class DatesTest {
    /** Days from 1996-01-01 to 2035-12-31: leap days, month ends and both orders of the dates. */
    @Property(tries = 20_000)
    void yearsAreThoseOfPeriodBetween(@ForAll @IntRange(min = 9496, max = 24106) int from, @ForAll @IntRange(min = 9496, max = 24106) int to) {
        LocalDate a = LocalDate.ofEpochDay(from);
        LocalDate b = LocalDate.ofEpochDay(to);
        int expected = a.isAfter(b) ? -Period.between(b, a).getYears() - 1 : Period.between(a, b).getYears();
        assertThat(Dates.years(a, b)).as("%s to %s", a, b).isEqualTo(expected);
    }

    @Test
    void aBirthdayCountsFromItsDayAnd29FebruaryFrom1MarchInOtherYears() {
        LocalDate born = LocalDate.of(2012, 2, 29);
        assertThat(Dates.years(born, LocalDate.of(2019, 2, 28))).isEqualTo(6);
        assertThat(Dates.years(born, LocalDate.of(2019, 3, 1))).isEqualTo(7);
        assertThat(Dates.years(born, LocalDate.of(2020, 2, 29))).isEqualTo(8);
        assertThat(Dates.years(LocalDate.of(2019, 6, 15), LocalDate.of(2026, 6, 14))).isEqualTo(6);
        assertThat(Dates.years(LocalDate.of(2019, 6, 15), LocalDate.of(2026, 6, 15))).isEqualTo(7);
        assertThat(Dates.years(LocalDate.of(2026, 6, 16), LocalDate.of(2026, 6, 15))).isEqualTo(-1);
    }
}
