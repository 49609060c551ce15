package no.veiviser.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.function.UnaryOperator;
import no.veiviser.Case;
import no.veiviser.Cases;
import no.veiviser.Decision;
import no.veiviser.Guide;
import no.veiviser.Guides;
import no.veiviser.internal.Access;
import no.veiviser.internal.model.Invariant;
import org.junit.jupiter.api.Test;

/** verify on small guides with planted contradictions: each refuted with a counter-example that really shows it, and proved once fixed. */
class VerifierTest {
    static final String HEAD = """
            guide:
              id: plant
              title: A guide with a planted contradiction
              version: "1"
            parameters:
              youth-age:
                unit: years
                values:
                  - {value: 15}
                  - {from: 2025-01-01, value: 16}
            codes:
              do-not-notify-guardians: Ikke varsle foresatte
              involve-guardians: {label: Involver foresatte, effects: {contacts: [guardians], shares: false, consent: [], for: minor, phase: ordinary}}
              duty-to-report: Opplysningsplikt
              write-report: Skriv melding
              go-to-level: Gå til nivå
              close-case: Avslutt saken
              youth-consents: Ungdommen samtykker selv
              guardians-consent: Foresatte samtykker
              unused: Ubrukt
            signals:
              violence-suspected: Mistanke om vold
              wellbeing-concern: Bekymring for trivsel
              absence: Fravær
            services:
              school: Skole
              helsestasjon: Helsestasjon
              ppt: PPT
            """;

    static Guide guide(String body) {
        return Guides.parse(HEAD + body, Path.of("plant.yaml"));
    }

    static final String PLANTED_RULES = """
            rules:
              - id: violence
                when: {concern.signals: violence-suspected}
                then:
                  - {code: do-not-notify-guardians, text: Ikke varsle foresatte.}
              - id: involve
                when: {concern.signals: wellbeing-concern}
                then:
                  - {code: involve-guardians, text: Involver foresatte., who: [guardians]}
            invariants:
              - id: silent-with-violence
                description: Guardians are never told while violence is suspected.
                neverTogether: [do-not-notify-guardians, {tag: tells-guardians}]
            """;

    @Test
    void findsThePlantedContradictionWithACounterExampleThatShowsIt() {
        Guide g = guide(PLANTED_RULES);
        VerifyReport report = Verifier.verify(g);
        assertThat(report.clean()).isFalse();
        VerifyReport.Result r = report.invariants().get(0);
        assertThat(r.id()).isEqualTo("silent-with-violence");
        assertThat(r.proved()).isFalse();
        VerifyReport.CounterExample ce = r.counterExample().orElseThrow();
        assertThat(ce.facts()).isEqualTo(2); // two signals, nothing else
        assertThat(ce.aCase().concern().signals()).containsExactlyInAnyOrder("violence-suspected", "wellbeing-concern");
        assertThat(ce.offending()).extracting(f -> f.code()).containsExactlyInAnyOrder("do-not-notify-guardians", "involve-guardians");
        // the printed YAML, read back as a case file and evaluated, shows the violation
        Case read = Cases.parse(ce.yaml(), "counter-example.yaml", g, null);
        Decision d = g.compile().evaluate(read);
        assertThat(d.codes()).contains("do-not-notify-guardians", "involve-guardians");
        Invariant inv = Access.model(g).invariants().get(0);
        assertThat(new InvariantCheck(Access.model(g)).violated(inv, read, d)).isTrue();
    }

    @Test
    void provesTheGuideOnceAnExceptionWithholdsOneSide() {
        VerifyReport report = Verifier.verify(guide(PLANTED_RULES + """
                exceptions:
                  - id: violence-silences
                    when: {concern.signals: violence-suspected}
                    withholds: [{label: tells-guardians}]
                """));
        assertThat(report.clean()).isTrue();
        assertThat(report.invariants()).singleElement().satisfies(r -> assertThat(r.proved()).isTrue());
        assertThat(report.deadRules()).isEmpty();
        assertThat(report.alwaysWithheld()).isEmpty();
    }

    @Test
    void aCounterExampleThatDoesNotShowTheViolationIsAnInternalError() {
        Guide g = guide(PLANTED_RULES);
        UnaryOperator<Case> dropFacts = c -> Case.on(c.asOf()); // what a wrong decoding would give
        assertThatThrownBy(() -> new Verifier(dropFacts).run(g))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("internal error in verify")
                .hasMessageContaining("does not violate");
    }

    static final String REPORT_RULES = """
            rules:
              - id: duty
                when: {concern.signals: violence-suspected}
                then:
                  - {code: duty-to-report, text: Meld.}
              - id: write
                when:
                  all:
                    - concern.signals: violence-suspected
                    - any:
                        - child.age: %s
                        - child.age: {gte: 18}
                then:
                  - {code: write-report, text: Skriv.}
            invariants:
              - id: duty-means-report
                requires: {if: duty-to-report, then: write-report}
            """;

    @Test
    void aViolationThatOnlyHappensWhenTheAgeIsMissing() {
        VerifyReport report = Verifier.verify(guide(REPORT_RULES.formatted("{lt: 18}")));
        VerifyReport.CounterExample ce = report.invariants().get(0).counterExample().orElseThrow();
        assertThat(ce.aCase().child().age()).isEmpty();
        assertThat(ce.aCase().child().birthDate()).isEmpty();
        assertThat(ce.aCase().concern().signals()).containsExactly("violence-suspected");
        assertThat(ce.facts()).isEqualTo(1);
        assertThat(ce.decision().codes()).contains("duty-to-report").doesNotContain("write-report");
        assertThat(ce.decision().notes()).isNotEmpty(); // the decision says the age was missing
    }

    @Test
    void anIfMissingPresumptionPreventsIt() {
        VerifyReport report = Verifier.verify(guide(REPORT_RULES.formatted("{lt: 18, ifMissing: true}")));
        assertThat(report.clean()).isTrue();
    }

    static final String MINOR = """
            concepts:
              - id: minor
                when: {child.age: {lt: 18, ifMissing: true}}
              - id: impossible
                when:
                  all:
                    - child.age: {lt: 5}
                    - child.age: {gt: 10}
            rules:
              - id: involve
                when: %s
                then:
                  - {code: involve-guardians, text: Involver foresatte., who: [guardians]}
            invariants:
              - id: guardians-only-for-minors
                onlyWhen: {findings: {tag: tells-guardians}, when: {concept: minor}}
            """;

    @Test
    void onlyWhenOverAConceptRefutedForAnAdult() {
        VerifyReport report = Verifier.verify(guide(MINOR.formatted("{concern.signals: wellbeing-concern}")));
        VerifyReport.CounterExample ce = report.invariants().get(0).counterExample().orElseThrow();
        assertThat(ce.aCase().child().age()).hasValue(18); // the lower bound of the class "18 or more"
        assertThat(ce.facts()).isEqualTo(2);
        assertThat(report.neverTrueConcepts()).containsExactly("impossible");
    }

    @Test
    void onlyWhenOverAConceptProved() {
        VerifyReport report = Verifier.verify(guide(MINOR.formatted("{all: [{concern.signals: wellbeing-concern}, {concept: minor}]}")));
        assertThat(report.clean()).isTrue();
    }

    static final String FLOOR = """
            rules:
              - id: level-one
                when:
                  all:
                    - concern.signals: wellbeing-concern
                    - %s
                then:
                  - {code: go-to-level, text: Gå til nivå 1., level: 1}
              - id: services-level
                when: {case.services: {count: {gte: 3}}}
                then:
                  - {code: go-to-level, text: Gå til nivå 3., level: 3}
              - id: close
                when: {case.closing: true}
                then:
                  - {code: close-case, text: Avslutt.}
            invariants:
              - id: never-lower
                levelFloor: {unless: [close-case]}
            """;

    @Test
    void levelFloorRefuted() {
        VerifyReport report = Verifier.verify(guide(FLOOR.formatted("{always: true}")));
        VerifyReport.CounterExample ce = report.invariants().get(0).counterExample().orElseThrow();
        assertThat(ce.aCase().work().level()).hasValue("2"); // the smallest level above the recommended 1
        assertThat(ce.aCase().concern().signals()).containsExactly("wellbeing-concern");
        assertThat(ce.aCase().work().services().size()).isLessThan(3);
        assertThat(ce.decision().level().recommended()).isEqualTo(1);
        assertThat(ce.facts()).isEqualTo(2);
    }

    @Test
    void levelFloorProved() {
        VerifyReport report = Verifier.verify(guide(FLOOR.formatted("{case.level: {lte: 1}}")));
        assertThat(report.clean()).isTrue();
    }

    @Test
    void aViolationInOneParameterPeriodOnly() {
        VerifyReport report = Verifier.verify(guide("""
                rules:
                  - id: youth
                    when: {child.age: {gte: {param: youth-age}}}
                    then:
                      - {code: youth-consents, text: Ungdommen samtykker.}
                  - id: guardians
                    when: {child.age: {lt: 16}}
                    then:
                      - {code: guardians-consent, text: Foresatte samtykker.}
                invariants:
                  - id: one-consenter
                    neverTogether: [youth-consents, guardians-consent]
                """));
        VerifyReport.CounterExample ce = report.invariants().get(0).counterExample().orElseThrow();
        assertThat(ce.aCase().asOf()).isBefore(LocalDate.of(2025, 1, 1)); // youth-age is 15 only then
        assertThat(ce.aCase().child().age()).hasValue(15);
    }

    @Test
    void deadAndAlwaysWithheldRules() {
        VerifyReport report = Verifier.verify(guide("""
                rules:
                  - id: dead
                    when: {all: [{child.age: {lt: 5}}, {child.age: {gt: 10}}]}
                    then:
                      - {code: unused, text: Aldri.}
                  - id: withheld
                    when: {concern.signals: absence}
                    then:
                      - {code: involve-guardians, text: Involver.}
                  - id: alive
                    when: {concern.signals: absence}
                    then:
                      - {code: duty-to-report, text: Meld.}
                exceptions:
                  - id: always-silent
                    when: {any: [{child.age: {lt: 18}}, {child.age: {gte: 18}}, {child.age: {present: false}}]}
                    withholds: [{rule: withheld}]
                """));
        assertThat(report.deadRules()).containsExactly("dead");
        assertThat(report.alwaysWithheld()).containsExactly("withheld");
        assertThat(report.clean()).isTrue(); // no invariants: nothing to violate
    }

    @Test
    void provesAGuideWithEveryKindOfInvariant() {
        VerifyReport report = Verifier.verify(Guides.load(Path.of("src/test/resources/verify/proved/guide.yaml")));
        assertThat(report.invariants()).extracting(VerifyReport.Result::kind)
                .containsExactly("neverTogether", "neverTogether", "onlyWhen", "requires", "levelFloor");
        assertThat(report.violations()).isEmpty();
        assertThat(report.clean()).isTrue();
        assertThat(report.stats().asOfClasses()).isEqualTo(2);
    }

    @Test
    void anAbsentLevelReadsAsZeroAndAnAbsentProgressAsNone() {
        VerifyReport report = Verifier.verify(guide("""
                rules:
                  - id: fresh
                    when: {case.level: {lt: 1}}
                    then:
                      - {code: write-report, text: Skriv.}
                  - id: not-improved
                    when: {concern.progress: {notIn: [improved]}}
                    then:
                      - {code: duty-to-report, text: Meld.}
                invariants:
                  - id: not-both
                    neverTogether: [write-report, duty-to-report]
                """));
        VerifyReport.CounterExample ce = report.invariants().get(0).counterExample().orElseThrow();
        assertThat(ce.facts()).isZero(); // the empty case: no level is level 0, no progress is in no list
        assertThat(ce.aCase().work().level()).isEmpty();
        assertThat(ce.aCase().concern().progress()).isEmpty();
        assertThat(ce.yaml()).isEqualTo("asOf: 2025-01-01\n"); // the latest parameter period that has a violation
    }

    @Test
    void reusesRulesAlreadyCompiled() {
        Guide g = guide(PLANTED_RULES);
        VerifyReport report = Verifier.verify(g.compile());
        assertThat(report.violations()).singleElement().satisfies(r -> assertThat(r.counterExample().orElseThrow().decision().codes())
                .contains("do-not-notify-guardians", "involve-guardians"));
    }

    @Test
    void aParameterWithoutValueBeforeTheRuleIsInForce() {
        Guide g = Guides.parse("""
                guide: {id: late, title: Late parameter, version: "1"}
                parameters:
                  late:
                    unit: years
                    values:
                      - {from: 2025-01-01, value: 16}
                codes:
                  youth-consents: Ungdommen samtykker selv
                  guardians-consent: Foresatte samtykker
                rules:
                  - id: youth
                    when: {child.age: {gte: {param: late}}}
                    effective: {from: 2025-01-01}
                    then:
                      - {code: youth-consents, text: Ungdommen samtykker.}
                  - id: guardians
                    when: {child.age: {lt: 16}}
                    then:
                      - {code: guardians-consent, text: Foresatte samtykker.}
                invariants:
                  - id: one-consenter
                    neverTogether: [youth-consents, guardians-consent]
                """, Path.of("late.yaml"));
        VerifyReport report = Verifier.verify(g);
        assertThat(report.clean()).isTrue();
        assertThat(report.deadRules()).isEmpty();
    }

    static final String REFUGEE = """
            guide: {id: refugee, title: Days and years since one date, version: "1"}
            codes:
              follow-up: Følg opp
              follow-up-ended: Oppfølgingen er avsluttet
            rules:
              - id: within-five-years
                when: {adult.refugeeSettledOn: {yearsSince: {lt: 5}}}
                then:
                  - {code: follow-up, text: Følg opp.}
              - id: after-days
                when: {adult.refugeeSettledOn: {daysSince: {gte: %d}}}
                then:
                  - {code: follow-up-ended, text: Avsluttet.}
            invariants:
              - id: not-both
                neverTogether: [follow-up, follow-up-ended]
            """;

    @Test
    void daysAndYearsSinceOneDateAgree() {
        // 5 whole years span 1826 or 1827 days (one or two 29 Februaries): 1827 days are always 5 years or more
        assertThat(Verifier.verify(Guides.parse(REFUGEE.formatted(1827), Path.of("refugee.yaml"))).clean()).isTrue();
        // but 1826 days can be 4 years and 364 days, on an asOf whose five years back hold two 29 Februaries
        VerifyReport.CounterExample ce = Verifier.verify(Guides.parse(REFUGEE.formatted(1826), Path.of("refugee.yaml")))
                .invariants().get(0).counterExample().orElseThrow();
        LocalDate settled = ce.aCase().adult().refugeeSettledOn().orElseThrow();
        assertThat(java.time.temporal.ChronoUnit.DAYS.between(settled, ce.aCase().asOf())).isEqualTo(1826);
        assertThat(java.time.Period.between(settled, ce.aCase().asOf()).getYears()).isEqualTo(4);
    }
}
