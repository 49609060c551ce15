package no.veiviser;

import static no.veiviser.Corpus.AS_OF;
import static no.veiviser.Corpus.assertProblems;
import static no.veiviser.Corpus.at;
import static no.veiviser.Corpus.guideProblems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import no.veiviser.internal.model.FindingTemplate;
import no.veiviser.internal.model.GuideModel;
import no.veiviser.internal.model.Rule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A guide file can never run code. Each attempt in {@code broken/guides/injection} either gets a located
 * error, or stays an inert literal: the guide loads, compiles and evaluates as if the payload were plain
 * text, the text comes back verbatim, and the generated DRL does not contain it.
 */
class InjectionTest {
    static final String ID_HINT = BrokenGuideTest.ID_HINT;
    /** Everything between quotes in generated DRL must be a plain code (what DrlText allows). */
    static final Pattern DRL_STRING = Pattern.compile("\"([^\"]*)\"");
    static final Pattern SAFE_LITERAL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,79}");
    static final Pattern RULE_HEADER = Pattern.compile("(?m)^rule (.*)$");

    static Path injection(String name) {
        return Corpus.GUIDES.resolve("injection").resolve(name);
    }

    static List<Problem> problems(String name) {
        Path file = injection(name);
        assertThat(file).isRegularFile();
        return guideProblems(file);
    }

    static Case caseWith(String... signals) {
        return Case.on(AS_OF).withConcern(Concern.of(signals));
    }

    /** The structural invariants of generated DRL, whatever the guide says. */
    static void assertOnlyGeneratedDrl(CompiledGuide compiled) {
        String drl = compiled.drl();
        int rules = compiled.guide().ruleIds().size();
        Matcher headers = RULE_HEADER.matcher(drl);
        int count = 0;
        while (headers.find()) {
            assertThat(headers.group(1)).as("rule names are generated").matches("\"r\\d+_\\d+\"");
            count++;
        }
        assertThat(count).as("at least one Drools rule per guide rule (more when a parameter changes value)").isGreaterThanOrEqualTo(rules);
        Matcher strings = DRL_STRING.matcher(drl);
        while (strings.find()) {
            // a count's exceptions are passed as one literal of codes joined by ',' (Facts.countExcept): each a plain code
            assertThat(strings.group(1)).as("every literal in the DRL is a plain code, or plain codes joined by ','")
                    .matches(SAFE_LITERAL.pattern() + "(," + SAFE_LITERAL.pattern() + ")*");
        }
        assertThat(drl.lines().filter(l -> l.startsWith("import ")))
                .containsExactly("import no.veiviser.internal.engine.Facts;");
        assertThat(drl.lines().filter(l -> l.strip().startsWith("$f.fire(")).toList()).as("one consequence per Drools rule").hasSize(count);
        assertThat(drl).doesNotContain("System", "exit", "eval", "Runtime", "global", "function", "query", "declare");
    }

    // ---- located errors --------------------------------------------------------------------------

    @Test
    void ruleIdWithQuotesIsNotAnId() {
        assertProblems(problems("rule-id-quotes.yaml"),
                at(5, 9, "'id' 'r1\" then System.exit(1); end' is not a valid id", ID_HINT));
    }

    @Test
    void signalLiteralWithQuotesIsAnUnknownSignal() {
        assertProblems(problems("signal-literal-quotes.yaml"),
                at(9, 24, "unknown signal 'x\" || true || \"'", "expected one of: x"),
                at(15, 42, "unknown signal 'x\" || true || \"'", "expected one of: x"));
    }

    @Test
    void enumLiteralWithQuotesIsAnUnknownValue() {
        assertProblems(problems("enum-literal-quotes.yaml"),
                at(7, 26, "unknown value for consent.guardians 'given\" || true || \"'",
                        "expected one of: given, not-asked, refused, withdrawn"));
    }

    @Test
    void expressionAsAConditionKeyIsAnUnknownField() {
        assertProblems(problems("field-path-expression.yaml"),
                at(7, 7, "unknown case field 'childAge != null || true'"));
    }

    @Test
    void expressionAsAnOperatorIsAnUnknownOperator() {
        assertProblems(problems("operator-expression.yaml"),
                at(7, 19, "unknown operator 'gte 0 || true ||' for child.age"));
    }

    @Test
    void parameterNameWithSpacesAndQuotesIsNotAnId() {
        assertProblems(problems("parameter-name-quotes.yaml"),
                at(3, 3, "parameter name 'youth age\" || true || \"' is not a valid id", "use lowercase letters (æ, ø and å too), digits and '-', '.' or '_'; no spaces"));
    }

    @Test
    void parameterReferenceWithQuotesIsNotAnId() {
        assertProblems(problems("parameter-reference-quotes.yaml"),
                at(9, 32, "'param' 'youth-age) || true || (' is not a valid id", ID_HINT));
    }

    @Test
    void dueParameterWithQuotesIsNotAnId() {
        assertProblems(problems("due-parameter-quotes.yaml"),
                at(12, 22, "'after' 'involve-within\"); System.exit(0); (\"' is not a valid id", ID_HINT));
    }

    @Test
    void signalWithQuotesInACaseFileIsNotAnId() {
        Path file = Corpus.CASES.resolve("injection-signal.yaml");
        CaseException withoutGuide = assertThrows(CaseException.class, () -> Cases.read(file, null, AS_OF));
        assertProblems(withoutGuide.problems(), at(3, 13, "signal 'x\" || true || \"' is not a valid id", ID_HINT));
        CaseException withGuide = assertThrows(CaseException.class, () -> Cases.read(file, Corpus.kommune(), AS_OF));
        assertProblems(withGuide.problems(), at(3, 13, "unknown signal 'x\" || true || \"'",
                "expected one of: concerning-absence, violence-suspected, wellbeing-concern"));
    }

    @Test
    void signalWithQuotesInACaseBuiltInJavaIsRefusedBeforeDrools() {
        CompiledGuide compiled = Corpus.kommune().compile();
        CaseException e = assertThrows(CaseException.class, () -> compiled.evaluate(caseWith("x\" || true || \"")));
        assertThat(e.problems()).extracting(Problem::message).containsExactly("concern.signals[0]: unknown signal 'x\" || true || \"'");
    }

    // ---- inert literals --------------------------------------------------------------------------

    @Test
    void codeInTextsIsInert() {
        Guide guide = Guides.load(injection("code-in-text.yaml"));
        assertThat(guide.title()).isEqualTo("Title\"; System.exit(0); \"");
        CompiledGuide compiled = guide.compile();
        assertOnlyGeneratedDrl(compiled);
        assertThat(compiled.drl()).doesNotContain("eval(", "System.exit(0)", "rm -rf", "${", "import java.lang.System");

        assertThat(compiled.evaluate(caseWith()).findings()).as("no signal, no finding").isEmpty();
        Decision decision = compiled.evaluate(caseWith("violence-suspected"));
        assertThat(decision.firedRules()).containsExactly("r1");
        Finding finding = decision.findings().get(0);
        assertThat(finding.code()).isEqualTo("act-immediately");
        assertThat(finding.text()).isEqualTo("eval(\"java.lang.Runtime.getRuntime().exec(\\\"rm -rf /\\\")\"); System.exit(0);");
        assertThat(finding.responsible()).contains("${System.exit(0)} @{System.exit(0)} #{System.exit(0)}");
        assertThat(finding.source().section()).isEqualTo("\"); System.exit(0); //");
        assertThat(finding.source().law()).containsExactly("import java.lang.System;");
        assertThat(guide.codes()).containsEntry("act-immediately", "Label eval(\"System.exit(0)\")");
        assertThat(decision.toJson()).contains("System.exit(0)");
    }

    @Test
    void drlKeywordsAsIdsCodesAndTextsAreInert() {
        Guide guide = Guides.load(injection("drl-keywords.yaml"));
        assertThat(guide.ruleIds()).containsExactly("rule", "when", "then", "end");
        CompiledGuide compiled = guide.compile();
        assertOnlyGeneratedDrl(compiled);
        assertThat(compiled.drl()).doesNotContain("rule \"x\"", "then System", "global java.lang.Runtime");

        Decision none = compiled.evaluate(caseWith());
        assertThat(none.firedRules()).containsExactly("then", "end");
        assertThat(none.codes()).containsExactly("then", "rule", "when");
        assertThat(none.findings("then").get(0).text()).isEqualTo("then System.exit(0); end");

        Decision end = compiled.evaluate(caseWith("end"));
        assertThat(end.firedRules()).containsExactly("rule", "end");
        assertThat(end.findings("end").get(0).text()).isEqualTo("rule \"x\" when then end");

        Decision whenImport = compiled.evaluate(caseWith("when", "import"));
        assertThat(whenImport.firedRules()).containsExactly("when", "end");
        assertThat(whenImport.findings("import").get(0).text()).isEqualTo("import java.lang.System; global java.lang.Runtime rt;");

        assertThat(compiled.evaluate(caseWith("when")).firedRules()).as("containsAll needs both").containsExactly("end");
    }

    // ---- no guide text in the DRL ----------------------------------------------------------------

    static Stream<Guide> normalGuides() {
        List<Guide> guides = new ArrayList<>(List.of(Corpus.kommune(), Guides.load(Corpus.VALID.resolve("base.yaml"))));
        for (String id : Guides.bundledIds()) {
            guides.add(Guides.bundled(id));
        }
        return guides.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("normalGuides")
    void drlContainsNoTextFromTextDescriptionOrSource(Guide guide) {
        CompiledGuide compiled = guide.compile();
        assertOnlyGeneratedDrl(compiled);
        String drl = compiled.drl();
        List<String> texts = new ArrayList<>();
        GuideModel model = guide.model();
        texts.add(model.title());
        texts.addAll(model.codes().values());
        texts.addAll(model.signals().values());
        texts.addAll(model.services().values());
        for (Rule rule : model.rules()) {
            texts.add(rule.description());
            for (FindingTemplate f : rule.then()) {
                texts.add(f.text());
                f.responsible().ifPresent(texts::add);
            }
            rule.source().ifPresent(s -> {
                texts.add(s.section());
                texts.add(s.quote());
                texts.addAll(s.law());
            });
        }
        List<String> prose = texts.stream().filter(t -> t.length() >= 4 && !SAFE_LITERAL.matcher(t).matches()).distinct().toList();
        assertThat(prose).as("the guide has prose to look for").isNotEmpty();
        for (String text : prose) {
            assertThat(drl).as("DRL of %s", guide.id()).doesNotContain(text);
        }
    }
}
