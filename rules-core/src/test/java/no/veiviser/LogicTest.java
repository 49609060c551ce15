package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rule language's concepts, exceptions, three-valued conditions and decision notes, on the small guides
 * under {@code src/test/resources/logic}: each test states the whole decision it expects where it matters.
 */
class LogicTest {
    static final Path DIR = Path.of("src/test/resources/logic");
    static final CompiledGuide LOGIC = Guides.load(DIR.resolve("logic/guide.yaml")).compile();
    static final LocalDate AS_OF = LocalDate.parse("2026-11-24");

    static Case child(int age, String... signals) {
        return Case.on(AS_OF).withChild(Child.aged(age)).withConcern(Concern.of(signals));
    }

    // ---- exceptions ---------------------------------------------------------------------------------

    @Test
    void anExceptionOnALabelWithholdsEveryRuleCarryingItAndSaysSo() {
        Decision d = LOGIC.evaluate(child(9, "worry", "violence").withWork(CaseWork.atLevel(1)));

        assertThat(d.codes()).containsExactly("hush", "sure");
        // tell-rule's finding carries the label through its code's effects (contacts: guardians), consent-rule's through
        // the people it names (contacts: who, who: guardians): the findings are withheld, each named by its code.
        assertThat(d.withheld()).containsExactly(
                new Decision.Withheld("tell-rule", "no-tell-on-violence", List.of("tell")),
                new Decision.Withheld("consent-rule", "no-tell-on-violence", List.of("consent")),
                new Decision.Withheld("presumed-rule", "hush-rule"));
        assertThat(d.firedRules()).containsExactly("hush-rule", "not-rule");
        Explanation.RuleCheck tell = LOGIC.explain(child(9, "worry", "violence")).rule("tell-rule");
        assertThat(tell.fired()).isFalse();
        assertThat(tell.conditions().get(0).holds()).isTrue();
        assertThat(tell.withheldBy()).contains("no-tell-on-violence");
    }

    @Test
    void withoutTheExceptionsConditionTheRulesFire() {
        Decision d = LOGIC.evaluate(child(9, "worry").withWork(CaseWork.atLevel(1)));

        assertThat(d.codes()).containsExactly("tell", "consent", "sure", "report");
        assertThat(d.withheld()).isEmpty();
    }

    @Test
    void aRuleWaitsOnAnExceptionWhoseConditionIsUnknown() {
        CompiledGuide waits = Guides.load(DIR.resolve("waits/guide.yaml")).compile();

        Decision unknownAge = waits.evaluate(Case.on(AS_OF).withConcern(Concern.of("worry")));
        assertThat(unknownAge.codes()).isEmpty();
        assertThat(unknownAge.notes()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Note.Kind.MISSING_FACT);
            assertThat(n.field()).contains("child.age");
            assertThat(n.rules()).containsExactly("tell-rule");
        });
        assertThat(waits.explain(Case.on(AS_OF).withConcern(Concern.of("worry"))).rule("tell-rule").missing())
                .containsExactly("child.age");
        assertThat(waits.evaluate(child(10, "worry")).codes()).containsExactly("tell");
        assertThat(waits.evaluate(child(19, "worry")).withheld()).containsExactly(new Decision.Withheld("tell-rule", "adult"));
    }

    // ---- concepts -----------------------------------------------------------------------------------

    @Test
    void anExtendingGuideWidensAConceptAndEveryUseFollows() {
        CompiledGuide town = Guides.load(DIR.resolve("town/guide.yaml")).compile();

        Decision d = town.evaluate(child(9, "worry"));
        assertThat(d.codes()).containsExactly("hush", "sure");
        assertThat(d.withheld()).extracting(Decision.Withheld::by).containsOnly("no-tell-on-violence", "hush-rule");
    }

    @Test
    void explainShowsAConceptAsOneNamedStepWithItsOwnReasons() {
        Explanation.RuleCheck consent = LOGIC.explain(child(9).withWork(CaseWork.atLevel(1))).rule("consent-rule");

        assertThat(consent.conditions()).extracting(Explanation.ConditionCheck::depth, Explanation.ConditionCheck::condition,
                        Explanation.ConditionCheck::holds)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, "all of", true),
                        org.assertj.core.groups.Tuple.tuple(1, "concept young", true),
                        org.assertj.core.groups.Tuple.tuple(2, "child.age < 16 (consent-age)", true),
                        org.assertj.core.groups.Tuple.tuple(1, "case.level >= 1", true));
        assertThat(LOGIC.evaluate(child(9).withWork(CaseWork.atLevel(1))).trace())
                .contains(new Decision.Trace("consent-rule", List.of("concept young", "case.level >= 1")));
    }

    // ---- three values and notes ---------------------------------------------------------------------

    @Test
    void aMissingAgeLeavesAgeRulesUndecidedAndTheDecisionSaysSo() {
        Decision d = LOGIC.evaluate(Case.on(AS_OF).withWork(CaseWork.atLevel(1)));

        // 'not child.age >= 16' is unknown without an age (it used to be silently true); ifMissing decides.
        assertThat(d.codes()).containsExactly("report");
        assertThat(d.notes()).extracting(Note::kind).containsExactly(Note.Kind.MISSING_FACT, Note.Kind.DEVIATION);
        Note missing = d.notes().get(0);
        assertThat(missing.field()).contains("child.age");
        assertThat(missing.rules()).containsExactly("consent-rule", "not-rule");
        assertThat(missing.text()).isEqualTo(
                "Barnets alder (eller fødselsdato) er ikke oppgitt: 2 regler er ikke avgjort (consent-rule, not-rule).");
    }

    @Test
    void aFiredRuleThatDeviatesFromTheLawCarriesItsNoteIntoTheDecision() {
        Decision d = LOGIC.evaluate(child(9));

        assertThat(d.notes()).singleElement().satisfies(n -> {
            assertThat(n.kind()).isEqualTo(Note.Kind.DEVIATION);
            assertThat(n.law()).contains("some law § 1");
            assertThat(n.rules()).containsExactly("presumed-rule");
            assertThat(n.text()).contains("the guide's text is outdated");
        });
        assertThat(LOGIC.evaluate(child(17)).notes()).isEmpty(); // presumed-rule does not fire at 17
    }

    @Test
    void aDueDateBeforeAsOfIsOverdueAndAMissingAnchorRunsFromAsOfWithANote() {
        Decision late = LOGIC.evaluate(Case.on(AS_OF).withChild(Child.aged(9))
                .withConcern(Concern.of("worry").withSince(LocalDate.parse("2026-10-01"))));
        assertThat(late.findings("tell")).singleElement().satisfies(f -> {
            assertThat(f.due()).contains(LocalDate.parse("2026-10-29"));
            assertThat(f.overdue()).isTrue();
        });
        assertThat(late.notes()).extracting(Note::kind).doesNotContain(Note.Kind.DUE_FROM_AS_OF);

        Decision noAnchor = LOGIC.evaluate(child(9, "worry"));
        assertThat(noAnchor.findings("tell")).singleElement().satisfies(f -> {
            assertThat(f.due()).contains(AS_OF.plusWeeks(4));
            assertThat(f.overdue()).isFalse();
        });
        assertThat(noAnchor.notes()).filteredOn(n -> n.kind() == Note.Kind.DUE_FROM_AS_OF).singleElement().satisfies(n -> {
            assertThat(n.field()).contains("concern.since");
            assertThat(n.rules()).containsExactly("tell-rule");
            assertThat(n.text()).isEqualTo("Fristen for «tell» regnes fra vurderingsdatoen, fordi datoen bekymringen oppstod ikke er oppgitt.");
        });
    }

    @Test
    void theJsonCarriesTheFormatVersionNotesWithheldAndOverdue() {
        String json = LOGIC.evaluate(Case.on(AS_OF).withConcern(Concern.of("worry", "violence")
                .withSince(LocalDate.parse("2026-01-01")))).toJson();

        assertThat(json).startsWith("{\n  \"format\" : 2,")
                .contains("\"withheld\" : [ {\n    \"rule\" : \"tell-rule\",\n    \"by\" : \"no-tell-on-violence\"")
                .contains("\"kind\" : \"missing-fact\"").contains("\"field\" : \"child.age\"");
        String overdue = LOGIC.evaluate(Case.on(AS_OF).withChild(Child.aged(9))
                .withConcern(Concern.of("worry").withSince(LocalDate.parse("2026-01-01")))).toJson();
        assertThat(overdue).contains("\"due\" : \"2026-01-29\",\n    \"overdue\" : true");
    }

    @Test
    void theTextForPeopleListsNotesAndWithheldRules() {
        String text = LOGIC.evaluate(Case.on(AS_OF).withConcern(Concern.of("worry", "violence")))
                .toText(java.util.Locale.forLanguageTag("nb"));

        assertThat(text).contains("\nMerknader:\n  - Barnets alder (eller fødselsdato) er ikke oppgitt: regelen not-rule er ikke avgjort.\n")
                .contains("\nHoldt tilbake av unntak:\n  tell-rule [tell] (unntak: no-tell-on-violence)\n  presumed-rule (unntak: hush-rule)\n");
    }

    // ---- located errors -----------------------------------------------------------------------------

    @TempDir
    Path tmp;

    private List<String> problems(String yaml) throws IOException {
        Path file = Files.writeString(tmp.resolve("guide.yaml"), yaml);
        GuideException e = org.junit.jupiter.api.Assertions.assertThrows(GuideException.class, () -> Guides.load(file));
        return e.problems().stream().filter(Problem::isError)
                .map(p -> p.line() + ":" + p.column() + ": " + p.message() + (p.hint().isEmpty() ? "" : " | " + p.hint())).toList();
    }

    static final String HEAD = "guide: {id: t, title: T, version: \"1\"}\ncodes: {a: A, b: {label: B, effects: {contacts: [guardians], shares: false, consent: [], for: anyone, phase: ordinary}}}\n"
            + "signals: {s: S}\n";

    @Test
    void anUnknownConceptIsLocatedWithAHint() throws IOException {
        assertThat(problems(HEAD + "concepts:\n  - {id: violent, when: {concern.signals: {contains: s}}}\n"
                + "rules:\n  - {id: r, when: {concept: violnt}, then: [{code: a, text: A}]}\n"))
                .containsExactly("7:29: unknown concept 'violnt' | did you mean 'violent'? (or declare it under 'concepts:')");
    }

    @Test
    void aConceptThatUsesItselfIsACycle() throws IOException {
        assertThat(problems(HEAD + "concepts:\n  - {id: x, when: {concept: y}}\n  - {id: y, when: {not: {concept: x}}}\n"
                + "rules:\n  - {id: r, when: {concept: x}, then: [{code: a, text: A}]}\n"))
                .containsExactly("6:35: concept 'x' uses itself: x -> y -> x | a concept cannot depend on itself; remove one use in the cycle");
    }

    @Test
    void anExceptionToAnUnknownRuleOrLabelIsLocated() throws IOException {
        assertThat(problems(HEAD + "exceptions:\n  - id: e\n    when: {concern.signals: {contains: s}}\n"
                + "    withholds: [{rule: rr}, {label: tells-guardian}]\n"
                + "rules:\n  - {id: r, then: [{code: a, text: A}]}\n"))
                .containsExactly("7:18: unknown rule 'rr' | did you mean 'r'?",
                        "7:30: no rule carries the label 'tells-guardian' | did you mean 'tells-guardians'?");
    }

    @Test
    void exceptionsThatWithholdEachOtherAreACycle() throws IOException {
        assertThat(problems(HEAD + "exceptions:\n"
                + "  - {id: e1, when: {concern.signals: {contains: s}}, withholds: [{exception: e2}]}\n"
                + "  - {id: e2, when: {concern.signals: {empty: true}}, withholds: [{exception: e1}]}\n"
                + "rules:\n  - {id: r, then: [{code: a, text: A}]}\n"))
                .containsExactly("5:5: exceptions withhold each other in a cycle: exception e1 <- exception e2 <- exception e1"
                        + " | an exception cannot, through others, withhold itself; remove one link of the cycle");
    }

    @Test
    void anInvariantNamingAnUnknownCodeOrTagIsLocated() throws IOException {
        assertThat(problems(HEAD + "rules:\n  - {id: r, then: [{code: a, text: A}]}\n"
                + "invariants:\n  - {id: i, neverTogether: [aa, {tag: closing}]}\n"
                + "  - {id: j, neverTogether: [a], levelFloor: {}}\n"))
                .containsExactly("7:29: unknown finding code 'aa' | did you mean 'a'?",
                        "7:33: unknown tag 'closing' | no code carries it: tag a code under 'codes:' ({label: ..., tags: [closing]}),"
                                + " or use one of: tells-guardians",
                        "8:5: an invariant states one thing; this one has neverTogether and levelFloor | split it into one invariant for each");
    }

    @Test
    void ifMissingOnAFieldThatAlwaysHasAValueIsAnError() throws IOException {
        assertThat(problems(HEAD + "rules:\n  - {id: r, when: {case.closing: {eq: true, ifMissing: false}}, then: [{code: a, text: A}]}\n"))
                .containsExactly("5:45: case.closing always has a value, so 'ifMissing' does not apply | remove 'ifMissing'");
    }

    @Test
    void aConceptWithTheIdOfABaseConceptNeedsOverride() throws IOException {
        Files.writeString(tmp.resolve("base.yaml"), HEAD + "concepts:\n  - {id: c, when: {concern.signals: {contains: s}}}\n"
                + "rules:\n  - {id: r, when: {concept: c}, then: [{code: a, text: A}]}\n");
        Path town = Files.writeString(tmp.resolve("town.yaml"), "guide: {id: town, title: T, version: \"1\", extends: base}\n"
                + "concepts:\n  - {id: c, when: {concern.signals: {empty: true}}}\n");
        GuideException e = org.junit.jupiter.api.Assertions.assertThrows(GuideException.class, () -> Guides.load(town));
        assertThat(e.problems()).filteredOn(Problem::isError).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.message()).startsWith("concept 'c' already exists in the base guide");
            assertThat(p.hint()).isEqualTo("add 'override: true' to replace the base concept, or choose another id");
        });
    }

    @Test
    void anExtendingGuideMayOverrideAnExceptionAndDisableTheRulesABaseLabelReached() throws IOException {
        Files.writeString(tmp.resolve("base.yaml"), HEAD + "exceptions:\n  - {id: e, when: {concern.signals: {contains: s}}, "
                + "withholds: [{label: own}, {rule: r}]}\n"
                + "rules:\n  - {id: r, labels: [own], then: [{code: a, text: A}]}\n  - {id: q, then: [{code: b, text: B}]}\n");
        Path town = Files.writeString(tmp.resolve("town.yaml"), "guide: {id: town, title: T, version: \"1\", extends: base}\n"
                + "disable: [{rule: r, reason: not ours}]\n"
                + "exceptions:\n  - {id: e, override: true, when: {concern.signals: {empty: true}}, withholds: [{label: tells-guardians}]}\n");
        CompiledGuide compiled = Guides.load(town).compile();

        assertThat(compiled.evaluate(Case.on(AS_OF)).withheld()).containsExactly(new Decision.Withheld("q", "e", List.of("b")));
        assertThat(compiled.evaluate(Case.on(AS_OF).withConcern(Concern.of("s"))).codes()).containsExactly("b");

        // Without the override, the base exception keeps working though no rule carries its label any more.
        Path village = Files.writeString(tmp.resolve("village.yaml"), "guide: {id: village, title: V, version: \"1\", extends: base}\n"
                + "disable: [{rule: r, reason: not ours}]\n");
        assertThat(Guides.load(village).compile().evaluate(Case.on(AS_OF).withConcern(Concern.of("s"))).codes()).containsExactly("b");
    }
}
