package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/** Properties that must hold for every case, checked on generated cases against the bundled Nittedal guide. */
class GuidePropertiesTest {
    static final CompiledGuide NITTEDAL = Guides.bundled("nittedal").compile();
    static final ExecutorService POOL = Executors.newFixedThreadPool(8);

    @AfterContainer
    static void shutdown() {
        POOL.shutdownNow();
    }

    @Provide
    Arbitrary<Case> cases() {
        return CaseArbitraries.cases();
    }

    @Provide
    Arbitrary<Case> abuseCases() {
        return CaseArbitraries.cases().flatMap(c -> Arbitraries.of("violence-suspected", "sexual-abuse-suspected").map(s -> {
            List<String> signals = new java.util.ArrayList<>(c.concern().signals());
            signals.add(s);
            return c.withConcern(new Concern(c.concern().since(), signals, c.concern().uncertainPlacement(), c.concern().progress()));
        }));
    }

    @Property(tries = 500)
    void suspectedViolenceOrAbuseNeverNotifiesTheGuardians(@ForAll("abuseCases") Case c) {
        Decision d = NITTEDAL.evaluate(c);
        assertThat(d.codes()).contains("do-not-notify-guardians", "contact-child-welfare-or-police-same-day")
                .doesNotContain("involve-guardians", "inform-guardians-of-report");
    }

    @Property(tries = 500)
    void doNotNotifyAndInvolveGuardiansNeverMeet(@ForAll("cases") Case c) {
        Decision d = NITTEDAL.evaluate(c);
        if (d.has("do-not-notify-guardians")) {
            assertThat(d.codes()).doesNotContain("involve-guardians", "inform-guardians-of-report");
        }
    }

    @Property(tries = 50)
    void theSameCaseGivesTheSameDecisionOnEightThreadsAtOnce(@ForAll("cases") Case c) throws Exception {
        Decision expected = NITTEDAL.evaluate(c);
        List<Future<Decision>> futures = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            futures.add(POOL.submit(() -> NITTEDAL.evaluate(c)));
        }
        for (Future<Decision> f : futures) {
            assertThat(f.get()).isEqualTo(expected);
        }
        assertThat(expected.toJson()).isEqualTo(NITTEDAL.evaluate(c).toJson());
    }

    /** Drools (which rules fired) and the Java interpreter of the same conditions (explain) always agree. */
    @Property(tries = 500)
    void droolsAndTheConditionInterpreterAgree(@ForAll("cases") Case c) {
        Explanation e = NITTEDAL.explain(c);
        for (Explanation.RuleCheck r : e.rules()) {
            boolean interpreted = r.inForce() && r.conditions().get(0).holds();
            assertThat(r.fired()).as(r.rule()).isEqualTo(interpreted);
        }
    }

    static final Set<String> AGE_CODES = Set.of("child-right-to-be-heard", "child-views-great-weight", "consent-required",
            "youth-consent-sufficient");
    static final Set<Integer> THRESHOLDS = Set.of(7, 12, 15, 16);

    /**
     * Consent and participation findings change from one day to the next only when the child turns 7, 12,
     * 15 or 16 that day (a 29 February birthday falls on 1 March in common years).
     */
    @Property(tries = 1000)
    void consentAndParticipationChangeOnlyAtTheThresholdBirthdays(@ForAll("cases") Case c,
                                                                  @ForAll("birthDates") LocalDate born) {
        LocalDate day = c.asOf();
        if (born.isAfter(day)) {
            return;
        }
        Case today = c.withChild(Child.bornOn(born));
        Case tomorrow = today.withAsOf(day.plusDays(1));
        Set<String> before = ageFindings(NITTEDAL.evaluate(today));
        Set<String> after = ageFindings(NITTEDAL.evaluate(tomorrow));
        int ageBefore = today.child().ageAt(day).getAsInt();
        int ageAfter = today.child().ageAt(day.plusDays(1)).getAsInt();
        boolean thresholdBirthday = ageAfter != ageBefore && THRESHOLDS.contains(ageAfter);
        if (!before.equals(after)) {
            assertThat(thresholdBirthday).as("findings changed on %s for a child born %s: %s -> %s", day.plusDays(1), born, before, after)
                    .isTrue();
        }
        if (thresholdBirthday && (ageAfter == 7 || ageAfter == 12 || c.work().level().orElse(-1) >= 1)) {
            assertThat(after).as("turning %d on %s must change something", ageAfter, day.plusDays(1)).isNotEqualTo(before);
        }
    }

    @Provide
    Arbitrary<LocalDate> birthDates() {
        // Birthdays on or next to the asOf range's threshold days are what matter; generate near them often.
        return CaseArbitraries.birthDate();
    }

    static Set<String> ageFindings(Decision d) {
        return d.findings().stream().filter(f -> AGE_CODES.contains(f.code()))
                .map(f -> f.code() + f.who() + f.rule()).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
