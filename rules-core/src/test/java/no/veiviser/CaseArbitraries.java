package no.veiviser;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generated case facts covering the vocabulary the bundled guides use, with birthdays near the thresholds. */
final class CaseArbitraries {
    static final List<String> SIGNALS = List.of("wellbeing-concern", "violence-suspected", "sexual-abuse-suspected",
            "danger-to-life-or-health", "mistreatment-at-home", "serious-neglect", "persistent-serious-behaviour-problems",
            "human-trafficking-risk", "criminal-offence-suspected", "concerning-absence", "stressful-life-event",
            "parent-mental-illness", "parent-substance-abuse", "financial-hardship", "serious-illness-or-disability",
            "untreated-illness-or-disability", "long-term-coordinated-needs");
    static final List<String> SERVICES = List.of("kindergarten", "school", "helsestasjon", "ppt", "child-welfare", "bup", "nav");

    private CaseArbitraries() {}

    static Arbitrary<LocalDate> asOf() {
        return Arbitraries.integers().between(0, 3 * 365).map(d -> LocalDate.of(2024, 1, 1).plusDays(d));
    }

    /** Birth dates from 0 to 22 years before 2027, with leap-day births over-represented. */
    static Arbitrary<LocalDate> birthDate() {
        Arbitrary<LocalDate> any = Arbitraries.integers().between(0, 22 * 366).map(d -> LocalDate.of(2027, 1, 1).minusDays(d));
        Arbitrary<LocalDate> leap = Arbitraries.of(2004, 2008, 2012, 2016, 2020).map(y -> LocalDate.of(y, 2, 29));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, any), net.jqwik.api.Tuple.of(1, leap));
    }

    static Arbitrary<List<String>> signals() {
        return Arbitraries.of(SIGNALS).list().ofMaxSize(4).uniqueElements();
    }

    static Arbitrary<Case> cases() {
        Arbitrary<Child> child = Combinators.combine(
                        Arbitraries.integers().between(0, 2), birthDate(), Arbitraries.integers().between(0, 24),
                        Arbitraries.of(Child.Setting.class).optional())
                .as((kind, born, age, setting) -> switch (kind) {
                    case 0 -> new Child(Optional.of(born), OptionalInt.empty(), setting, true);
                    case 1 -> new Child(Optional.empty(), OptionalInt.of(age), setting, true);
                    default -> Child.UNKNOWN;
                });
        Arbitrary<Concern> concern = Combinators.combine(signals(), Arbitraries.integers().between(-1, 120),
                        Arbitraries.of(Concern.Progress.class).optional(), Arbitraries.of(true, false))
                .as((signals, daysAgo, progress, uncertain) -> new Concern(
                        daysAgo < 0 ? Optional.empty() : Optional.of(LocalDate.of(2024, 1, 1).minusDays(daysAgo)),
                        signals, uncertain, progress));
        Arbitrary<CaseWork> work = Combinators.combine(Arbitraries.integers().between(-1, 3), Arbitraries.of(true, false),
                        Arbitraries.of(SERVICES).list().ofMaxSize(3).uniqueElements(), Arbitraries.of(true, false))
                .as((level, involved, services, closing) -> new CaseWork(level < 0 ? Optional.empty() : Optional.of(String.valueOf(level)),
                        Optional.empty(), involved, services, false, false, closing, Optional.empty()));
        Arbitrary<Consent> consent = Combinators.combine(Arbitraries.of(Consent.State.class), Arbitraries.of(Consent.State.class))
                .as(Consent::new);
        // informedOn drawn like concern.since (days before 2024-01-01), so the two are often near and sometimes equal
        Arbitrary<ChildWelfare> childWelfare = Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false),
                        Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.integers().between(-1, 120))
                .as((informed, recommends, decision, active, daysAgo) -> new ChildWelfare(informed, recommends, decision, active,
                        daysAgo < 0 ? Optional.empty() : Optional.of(LocalDate.of(2024, 1, 1).minusDays(daysAgo))));
        return Combinators.combine(asOf(), child, concern, work, consent, childWelfare)
                .as((asOf, ch, co, w, cs, cw) -> {
                    // concern.since was drawn relative to 2024-01-01, which is never after asOf.
                    Case c = Case.on(asOf).withConcern(co).withWork(w).withConsent(cs).withChildWelfare(cw);
                    boolean bornLater = ch.birthDate().isPresent() && ch.birthDate().get().isAfter(asOf);
                    return bornLater ? c : c.withChild(ch);
                });
    }
}
