package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.ValidationMessage;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.veiviser.verify.Verifier;
import no.veiviser.verify.VerifyReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Two dates of a case in calendar order ({@code childWelfare.informedOn: {onOrAfter: {field: concern.since}}}), the
 * construct a national exception needs: "child welfare informed of this concern" holds only when the case says when
 * child welfare was informed and that is on or after the worry arose. Drools and the interpreter must agree on every
 * order and every missing date, and verify must prove and refute what the two say.
 */
class DateOrderTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

    static final String GUIDE = """
            guide: {id: datoer, title: Datoer, version: "1"}
            signals: {violence-suspected: Vold}
            codes: {same-day: Samme dag, informed: Informert, before: Før, on-or-before: Før eller samme dag, after: Etter, unknown-never: Ukjent aldri}
            rules:
              - id: same-day
                when:
                  all:
                    - concern.signals: violence-suspected
                    - not: {childWelfare.informedOn: {onOrAfter: {field: concern.since}, ifMissing: false}}
                then: [{code: same-day, text: "Kontakt barneverntjenesten samme dag."}]
                source: {section: s, text: t}
              - id: informed
                when: {childWelfare.informedOn: {onOrAfter: {field: concern.since}}}
                then: [{code: informed, text: "Barneverntjenesten er informert om denne bekymringen."}]
                source: {section: s, text: t}
              - id: before
                when: {childWelfare.informedOn: {before: {field: concern.since}}}
                then: [{code: before, text: "Informert før bekymringen."}]
                source: {section: s, text: t}
              - id: on-or-before
                when: {concern.since: {onOrBefore: {field: childWelfare.informedOn}}}
                then: [{code: on-or-before, text: "Bekymringen først."}]
                source: {section: s, text: t}
              - id: after
                when: {childWelfare.informedOn: {after: {field: concern.since}}}
                then: [{code: after, text: "Informert etter."}]
                source: {section: s, text: t}
              - id: unknown-never
                when: {childWelfare.informedOn: {onOrAfter: {field: concern.since}, ifMissing: true}}
                then: [{code: unknown-never, text: "Antatt informert."}]
                source: {section: s, text: t}
            """;

    static final Guide DATES = Guides.parse(GUIDE, Path.of("datoer.yaml"));
    static final CompiledGuide COMPILED = DATES.compile();

    /** The decision's codes; the explanation (the interpreter) must say the same rules fire. */
    static List<String> codes(String caseYaml) {
        return FieldComparisonTest.agreedCodes(COMPILED, Cases.parse(caseYaml, "case.yaml", DATES, AS_OF));
    }

    @ParameterizedTest(name = "since {0}, informed {1}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // since     | informedOn | same-day | informed | before | on-or-before | after | unknown-never
            "2026-10-01 | 2026-10-01 | false | true  | false | true  | false | true",
            "2026-10-01 | 2026-10-02 | false | true  | false | true  | true  | true",
            "2026-10-01 | 2026-09-30 | true  | false | true  | false | false | false",
            "2026-10-01 | -          | true  | false | false | false | false | true",
            "-          | 2026-10-01 | true  | false | false | false | false | true",
            "-          | -          | true  | false | false | false | false | true",
            "2026-11-24 | 2026-11-24 | false | true  | false | true  | false | true",
    })
    void theOrderOfTwoDatesAndMissingOnes(String since, String informedOn, boolean sameDay, boolean informed, boolean before,
            boolean onOrBefore, boolean after, boolean unknownNever) {
        String yaml = "concern: {signals: [violence-suspected]" + (since == null ? "" : ", since: " + since) + "}\n"
                + (informedOn == null ? "" : "childWelfare: {informed: true, informedOn: " + informedOn + "}\n");
        List<String> codes = codes(yaml);
        assertThat(codes.contains("same-day")).as("same-day").isEqualTo(sameDay);
        assertThat(codes.contains("informed")).as("informed").isEqualTo(informed);
        assertThat(codes.contains("before")).as("before").isEqualTo(before);
        assertThat(codes.contains("on-or-before")).as("on-or-before").isEqualTo(onOrBefore);
        assertThat(codes.contains("after")).as("after").isEqualTo(after);
        assertThat(codes.contains("unknown-never")).as("unknown-never").isEqualTo(unknownNever);
        if (since == null || informedOn == null) {
            // unknown without a presumption: the rule does not fire, and the notes name the missing date
            Decision d = COMPILED.evaluate(Cases.parse(yaml, "case.yaml", DATES, AS_OF));
            assertThat(d.notes()).anySatisfy(n -> assertThat(n.rules()).contains("informed"));
        }
    }

    @Test
    void theDrlComparesTheGeneratedDayCountsOnly() {
        InjectionTest.assertOnlyGeneratedDrl(COMPILED);
        assertThat(COMPILED.drl()).contains("childWelfareInformedOnDays != null && concernSinceDays != null && concernSinceDays >= childWelfareInformedOnDays");
    }

    @Test
    void aCaseBuiltInJavaAgreesWithTheCaseFile() {
        Case c = Case.on(AS_OF).withConcern(new Concern(Optional.of(LocalDate.of(2026, 10, 1)), List.of("violence-suspected"), false, Optional.empty()))
                .withChildWelfare(new ChildWelfare(true, false, false, false).withInformedOn(LocalDate.of(2026, 10, 3)));
        assertThat(COMPILED.evaluate(c).codes()).contains("informed").doesNotContain("same-day");
        assertThat(new ChildWelfare(true, false, false, false).informedOn()).isEmpty();
        Case ahead = c.withChildWelfare(c.childWelfare().withInformedOn(AS_OF.plusDays(1)));
        assertThatThrownBy(() -> COMPILED.evaluate(ahead)).isInstanceOfSatisfying(CaseException.class, e ->
                assertThat(e.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m).startsWith("childWelfare.informedOn ")));
    }

    @Test
    void aDateInformedAfterAsOfOrNotADateIsALocatedError() {
        assertThatThrownBy(() -> Cases.parse("childWelfare:\n  informed: true\n  informedOn: 2026-12-01\n", "case.yaml", DATES, AS_OF))
                .isInstanceOfSatisfying(CaseException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(3);
                    assertThat(p.column()).isEqualTo(15);
                    assertThat(p.message()).startsWith("childWelfare.informedOn ").contains("is after asOf");
                }));
        assertThatThrownBy(() -> Cases.parse("childWelfare: {informedOn: yesterday}\n", "case.yaml", DATES, AS_OF))
                .isInstanceOfSatisfying(CaseException.class, e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.line()).isEqualTo(1);
                    assertThat(p.message()).contains("childWelfare.informedOn");
                }));
    }

    // ---- verify ----

    static final String PLANTED = """
              - id: reported-late
                when:
                  all:
                    - concern.since: {daysSince: {gte: 28}}
                    - childWelfare.informedOn: {daysSince: {lt: 7}}
                then: [{code: after, text: "Meldt sent."}]
            """;

    static final String TODAY = """
              - id: today
                when:
                  all:
                    - concern.since: {daysSince: {lt: 1}}
                    - childWelfare.informedOn: {daysSince: {lt: 1}}
                then: [{code: today, text: "I dag."}]
            """;

    static VerifyReport verify(String rules, String invariants) {
        return Verifier.verify(Guides.parse(GUIDE + rules + "invariants:\n" + invariants,
                Path.of("datoer.yaml")));
    }

    @Test
    void verifyProvesWhatTheOrderImplies() {
        String invariants = """
                  - id: not-same-day-when-informed
                    description: Samme dag gis ikke når barneverntjenesten er informert om denne bekymringen.
                    neverTogether: [same-day, informed]
                  - id: informed-is-on-or-before
                    description: Informert etter bekymringen er det samme som at bekymringen kom først.
                    onlyWhen: {findings: {code: informed}, when: {concern.since: {onOrBefore: {field: childWelfare.informedOn}}}}
                  - id: before-is-not-informed
                    description: Før og etter utelukker hverandre.
                    neverTogether: [before, informed]
                  - id: late-means-after
                    description: Bekymringen fire uker gammel, meldt siste uke, er meldt etter.
                    onlyWhen: {findings: {code: after}, when: {childWelfare.informedOn: {onOrAfter: {field: concern.since}}}}
                  - id: both-today-is-not-after
                    description: To datoer samme dag (én dag i klassen) er ikke etter hverandre.
                    neverTogether: [today, before]
                """;
        VerifyReport report = Verifier.verify(Guides.parse(GUIDE.replace("codes: {", "codes: {today: I dag, ") + PLANTED + TODAY
                + "invariants:\n" + invariants, Path.of("datoer.yaml")));
        assertThat(report.invariants()).allSatisfy(r -> assertThat(r.counterExample()).as(r.id()).isEmpty());
        assertThat(report.clean()).isTrue();
    }

    @Test
    void verifyRefutesAPlantedInvariantWithTwoDatesThatShowIt() {
        // 'after' is strict: the same day is on or after but not after, and verify finds that case
        String invariants = """
                  - id: informed-means-after
                    description: Planted, false - informert samme dag er ikke etter.
                    onlyWhen: {findings: {code: informed}, when: {childWelfare.informedOn: {after: {field: concern.since}}}}
                  - id: today-both
                    description: Planted, false - begge i dag (én dag i klassen).
                    onlyWhen: {findings: {code: today}, when: {childWelfare.informedOn: {after: {field: concern.since}}}}
                """;
        VerifyReport report = Verifier.verify(Guides.parse(GUIDE.replace("codes: {", "codes: {today: I dag, ") + TODAY + "invariants:\n" + invariants,
                Path.of("datoer.yaml")));
        assertThat(report.clean()).isFalse();
        for (VerifyReport.Result r : report.invariants()) {
            Case ce = r.counterExample().orElseThrow(() -> new AssertionError(r.id() + " is refuted")).aCase();
            assertThat(ce.childWelfare().informedOn()).as(r.id()).isEqualTo(ce.concern().since());
        }
        // and one where the dates must differ within one class of days: informed before a worry of this week
        String apart = """
                  - id: informed-before-is-old
                    description: Planted, false - informert før bekymringen, begge siste uke.
                    onlyWhen: {findings: {code: before}, when: {concern.since: {daysSince: {gte: 7}}}}
                """;
        VerifyReport.CounterExample ce = verify("", apart).invariants().get(0).counterExample().orElseThrow();
        LocalDate since = ce.aCase().concern().since().orElseThrow();
        assertThat(ce.aCase().childWelfare().informedOn().orElseThrow()).isBefore(since);
        assertThat(java.time.temporal.ChronoUnit.DAYS.between(since, ce.aCase().asOf())).isLessThan(7);
    }

    @Test
    void verifyRefusesWhatItCannotEncodeExactly() {
        String twoPairs = """
                  - id: two-pairs
                    when: {childWelfare.informedOn: {after: {field: case.referred}}}
                    then: [{code: after, text: "To par."}]
                """;
        assertRefused(twoPairs, "verify can put");
        String years = """
                  - id: years
                    when: {concern.since: {yearsSince: {gte: 1}}}
                    then: [{code: after, text: "År."}]
                """;
        assertRefused(years, "also tested in years since");
        String ahead = """
                  - id: ahead
                    when: {meeting.held: {onOrBefore: {field: meeting.next}}}
                    then: [{code: after, text: "Neste møte."}]
                """;
        assertRefused(ahead, "may lie after asOf");
    }

    static void assertRefused(String rules, String message) {
        Guide g = Guides.parse(GUIDE + rules, Path.of("datoer.yaml"));
        assertThat(g.compile().evaluate(Case.on(AS_OF)).codes()).as("the rules still compile and run").isNotNull();
        assertThatThrownBy(() -> Verifier.verify(g)).isInstanceOfSatisfying(GuideException.class, e ->
                assertThat(e.problems()).singleElement().satisfies(p -> {
                    assertThat(p.message()).startsWith("veiviser verify cannot prove this guide: ").contains(message);
                    assertThat(p.line()).isGreaterThan(0);
                }));
    }

    // ---- misuse ----

    @Test
    void misuseIsALocatedError() {
        String bad = GUIDE
                .replace("when: {childWelfare.informedOn: {before: {field: concern.since}}}", "when: {child.age: {before: {field: concern.since}}}")
                .replace("when: {childWelfare.informedOn: {after: {field: concern.since}}}", "when: {childWelfare.informedOn: {after: {field: child.age}}}")
                .replace("when: {concern.since: {onOrBefore: {field: childWelfare.informedOn}}}", "when: {concern.since: {onOrBefore: 2026-01-01}}")
                .replace("when: {childWelfare.informedOn: {onOrAfter: {field: concern.since}}}", "when: {childWelfare.informedOn: {onOrAfter: {field: childWelfare.informedOn}}}");
        assertThatThrownBy(() -> Guides.parse(bad, Path.of("datoer.yaml"))).isInstanceOfSatisfying(GuideException.class, e -> {
            assertThat(e.problems()).extracting(Problem::message).containsExactlyInAnyOrder(
                    "'before' does not apply to child.age (a whole number)",
                    "childWelfare.informedOn cannot be compared with child.age",
                    "'onOrBefore' compares concern.since with another date field of the case",
                    "childWelfare.informedOn cannot be compared with childWelfare.informedOn");
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.line()).isGreaterThan(0));
            assertThat(e.problems()).filteredOn(p -> p.message().startsWith("childWelfare.informedOn cannot be compared with child.age"))
                    .singleElement().satisfies(p -> assertThat(p.hint()).contains("concern.since").doesNotContain("child.age"));
        });
    }

    // ---- schemas ----

    @Test
    void theSchemasKnowTheDateAndTheOrder() throws Exception {
        Set<ValidationMessage> guideErrors = SchemaTest.schema("guide.schema.json").validate(SchemaTest.YAML.readTree(GUIDE));
        assertThat(guideErrors).isEmpty();
        assertThat(SchemaTest.schema("case.schema.json").validate(SchemaTest.YAML.readTree(
                "asOf: 2026-11-24\nchildWelfare: {informed: true, informedOn: 2026-11-01}\n"))).isEmpty();
        List<String> bad = new ArrayList<>();
        SchemaTest.schema("case.schema.json").validate(SchemaTest.YAML.readTree("childWelfare: {informedOn: yesterday}\n"))
                .forEach(m -> bad.add(m.getMessage()));
        assertThat(bad).isNotEmpty();
        assertThat(SchemaTest.schema("guide.schema.json").validate(SchemaTest.YAML.readTree(
                GUIDE.replace("{onOrAfter: {field: concern.since}}", "{onOrAfter: 2026-01-01}")))).isNotEmpty();
    }
}
