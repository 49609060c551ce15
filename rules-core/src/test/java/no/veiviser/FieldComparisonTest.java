package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import no.veiviser.verify.Verifier;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Two case fields compared ("hjelp utenfor din tjeneste": a service other than the reporter's), and services counted
 * but for some ("i tillegg til allmenne tjenester"). Each case is decided by the compiled rules and explained by the
 * interpreter, which must agree, and the verifier must prove what the two say.
 */
class FieldComparisonTest {
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

    static final String GUIDE = """
            guide: {id: felt, title: Felt, version: "1"}
            services: {school: Skole, ppt: PPT, helsestasjon: Helsestasjon, bup: BUP}
            codes: {other-service: Annen tjeneste, holder-is-reporter: Stafettholder, beyond-general: Utover allmenne, in-case: Er med}
            rules:
              - id: other
                when: {case.services: {count: {gte: 1, except: [{field: reporter.service}]}}}
                then: [{code: other-service, text: "Hjelp utenfor din tjeneste."}]
                source: {section: s, text: t}
              - id: holder
                when: {stafettlogg.holder: {eq: {field: reporter.service}}}
                then: [{code: holder-is-reporter, text: "Du er stafettholder."}]
                source: {section: s, text: t}
              - id: beyond
                when: {case.services: {count: {gte: 2, except: [school, helsestasjon]}}}
                then: [{code: beyond-general, text: "To tjenester i tillegg til allmenne tjenester."}]
                source: {section: s, text: t}
              - id: in-case
                when: {reporter.service: {in: {field: case.services}}}
                then: [{code: in-case, text: "Din tjeneste er med i saken."}]
                source: {section: s, text: t}
            """;

    static final Guide FELT = Guides.parse(GUIDE, Path.of("felt.yaml"));
    static final CompiledGuide COMPILED = FELT.compile();

    /** The decision's codes; the explanation (the interpreter) must say the same rules fire. */
    static List<String> codes(String caseYaml) {
        return agreedCodes(COMPILED, Cases.parse(caseYaml, "case.yaml", FELT, AS_OF));
    }

    /** The decision's codes for {@code c}, after checking that the interpreter (explain) fires the same rules as Drools. */
    static List<String> agreedCodes(CompiledGuide compiled, Case c) {
        Decision d = compiled.evaluate(c);
        Explanation e = compiled.explain(c);
        assertThat(e.rules().stream().filter(Explanation.RuleCheck::fired).map(Explanation.RuleCheck::rule).toList())
                .as("interpreter and Drools agree").isEqualTo(d.firedRules());
        return d.codes();
    }

    @ParameterizedTest(name = "{0} / {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "[school]        | school   | false | true",
            "[school, ppt]   | school   | true  | true",
            "[ppt]           | school   | true  | false",
            "[]              | school   | false | false",
            "[school, ppt]   |          | true  | ",
            "[ppt]           |          |       | ",
            "[]              |          | false | false",
    })
    void aServiceOtherThanTheReportersAndTheReportersAmongThem(String services, String reporter, Boolean other, Boolean inCase) {
        String yaml = "case: {services: " + services + "}\n" + (reporter == null ? "" : "reporter: {service: " + reporter + "}\n");
        Case c = Cases.parse(yaml, "case.yaml", FELT, AS_OF);
        Decision d = COMPILED.evaluate(c);
        assertThat(codes(yaml).contains("other-service")).isEqualTo(Boolean.TRUE.equals(other));
        // unknown (no reporter, one service): neither given nor denied, and the decision says why
        if (other == null) {
            assertThat(d.notes()).anySatisfy(n -> assertThat(n.rules()).contains("other"));
        }
        assertThat(d.codes().contains("in-case")).isEqualTo(Boolean.TRUE.equals(inCase));
    }

    @Test
    void theDrlOfAComparisonHoldsOnlyPlainCodes() {
        // 'except: [{field: ...}]' with no codes once put an empty string literal into the DRL (InjectionTest's rule)
        InjectionTest.assertOnlyGeneratedDrl(COMPILED);
        assertThat(COMPILED.drl()).contains("countOtherThan(caseServices, reporterService, false)").doesNotContain("\"\"");
    }

    @Test
    void theHolderComparedWithTheReporterNoneEqualsNothing() {
        assertThat(codes("stafettlogg: {status: active, holder: ppt}\nreporter: {service: ppt}")).contains("holder-is-reporter");
        assertThat(codes("stafettlogg: {status: active, holder: ppt}\nreporter: {service: school}")).doesNotContain("holder-is-reporter");
        assertThat(codes("reporter: {service: school}")).doesNotContain("holder-is-reporter"); // no holder: none
        Decision unknown = COMPILED.evaluate(Cases.parse("stafettlogg: {status: active, holder: ppt}", "c.yaml", FELT, AS_OF));
        assertThat(unknown.codes()).doesNotContain("holder-is-reporter");
        assertThat(unknown.notes()).anySatisfy(n -> assertThat(n.rules()).contains("holder"));
    }

    @Test
    void servicesBeyondTheGeneralOnesAreCountedWithoutThem() {
        assertThat(codes("case: {services: [school, helsestasjon, ppt]}")).doesNotContain("beyond-general");
        assertThat(codes("case: {services: [school, ppt, bup]}")).contains("beyond-general");
    }

    @Test
    void verifyProvesAndRefutesComparisons() {
        String invariants = """
                invariants:
                  - id: holder-has-a-service
                    description: Stafettholder bare når den som spør er stafettholder.
                    onlyWhen: {findings: {code: holder-is-reporter}, when: {reporter.service: {in: {field: case.services}}}}
                """;
        var refuted = Verifier.verify(Guides.parse(GUIDE + invariants, Path.of("felt.yaml")));
        assertThat(refuted.clean()).isFalse(); // the holder need not be among the services
        Case ce = refuted.invariants().get(0).counterExample().orElseThrow().aCase();
        assertThat(ce.stafettlogg().holder()).isEqualTo(ce.reporter().service());
        assertThat(ce.work().services()).doesNotContain(ce.reporter().service().orElseThrow());
        String proved = invariants.replace("when: {reporter.service: {in: {field: case.services}}}",
                "when: {stafettlogg.holder: {eq: {field: reporter.service}}}");
        assertThat(Verifier.verify(Guides.parse(GUIDE + proved, Path.of("felt.yaml"))).clean()).isTrue();
        String other = """
                invariants:
                  - id: other-service-means-two-or-unknown
                    description: En annen tjeneste enn din.
                    onlyWhen: {findings: {code: other-service}, when: {any: [{case.services: {count: {gte: 2}}}, {all: [{case.services: {count: {gte: 1}}}, {not: {reporter.service: {in: {field: case.services}}}}]}]}}
                """;
        assertThat(Verifier.verify(Guides.parse(GUIDE + other, Path.of("felt.yaml"))).clean()).isTrue();
    }

    @Test
    void aComparisonOfFieldsThatDoNotFitIsALocatedError() {
        String bad = GUIDE.replace("when: {stafettlogg.holder: {eq: {field: reporter.service}}}", "when: {stafettlogg.holder: {eq: {field: child.setting}}}")
                .replace("except: [school, helsestasjon]", "except: [school, {field: child.age}]");
        assertThatThrownBy(() -> Guides.parse(bad, Path.of("felt.yaml"))).isInstanceOfSatisfying(GuideException.class, e ->
                assertThat(e.problems()).extracting(Problem::message).containsExactlyInAnyOrder(
                        "stafettlogg.holder cannot be compared with child.setting",
                        "child.age does not hold a code of case.services"));
    }
}
