package no.veiviser.guides;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.veiviser.guides.SeedLedger.Sentence;
import org.junit.jupiter.api.Test;

/**
 * Issue 25 item 8: Øvre Eiker's completeness ledger stays true. Every directive sentence of the seed (see
 * {@link SeedLedger}) is quoted whole in a rule's, concept's or exception's {@code source.text} of
 * {@code ovre-eiker/guide.yaml}, or listed in the README's "Completeness ledger" with why it is not encoded; the
 * ledger lists only sentences of the seed that no source quotes; the README states the figures this test counts.
 *
 * <p>The seed is {@code ovre-eiker/seed.txt}, a verbatim copy of {@code shared/seeds/000_4d9bfdabb19a9d66.txt}.
 * Run alone: {@code mvn -B -o -pl guides -am test -Dtest=OvreEikerLedgerTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class OvreEikerLedgerTest {
    static final Path DIR = Path.of("ovre-eiker");
    static final Path SEED = DIR.resolve("seed.txt");
    static final Path SHARED_SEED = Path.of("..", "..", "shared", "seeds", "000_4d9bfdabb19a9d66.txt");
    static final String LEDGER = "## Completeness ledger";
    /** Sentences that direct a case without the keywords (issue 25 item 8 names them). */
    static final List<String> ALSO_DIRECTIVE = List.of(
            "Denne har ansvar for å koordinere hjelpen som familien trenger, er familiens kontakt person og bindeledd inn til"
                    + " kommunens tjenester.",
            "Unge over 18 år som er deltakere i kvalifiseringsprogram har rett til individuell plan etter sosialtjenesteloven § 33.");

    final List<Sentence> sentences = SeedLedger.sentences(SeedLedger.read(SEED));
    final Map<String, String> sources = SeedLedger.quotedSources(DIR.resolve("guide.yaml"));
    final String readme = SeedLedger.read(DIR.resolve("README.md"));
    final List<String> ledger = SeedLedger.ledgerItems(SeedLedger.section(readme, LEDGER));

    @Test
    void everyDirectiveSentenceIsQuotedByARuleOrLedgered() {
        List<String> neither = new ArrayList<>();
        for (String core : SeedLedger.directiveCores(sentences, ALSO_DIRECTIVE)) {
            if (SeedLedger.quoting(core, sources).isEmpty() && ledger.stream().noneMatch(l -> SeedLedger.core(l).equals(core))) {
                neither.add(core);
            }
        }
        assertThat(neither).as("directive sentences of the seed neither quoted in a source.text of guide.yaml nor listed in"
                + " the README's ledger (quote them in the rule that acts on them, or ledger them with why)").isEmpty();
    }

    @Test
    void theLedgerListsOnlySentencesOfTheSeedThatNoRuleQuotes() {
        Set<String> seed = new java.util.HashSet<>(sentences.stream().map(s -> SeedLedger.core(s.text())).toList());
        assertThat(ledger).as("ledger items").isNotEmpty();
        for (String item : ledger) {
            assertThat(seed).as("the ledger's \"%s\" is a whole sentence of the seed, as written there", item)
                    .contains(SeedLedger.core(item));
            assertThat(SeedLedger.quoting(item, sources)).as("the ledger's \"%s\" is quoted by a rule now: take it off the"
                    + " ledger", item).isEmpty();
        }
        assertThat(ledger).as("each sentence ledgered once").doesNotHaveDuplicates();
        Set<String> directive = SeedLedger.directiveCores(sentences, ALSO_DIRECTIVE);
        assertThat(ledger.stream().map(SeedLedger::core).filter(c -> !directive.contains(c)).toList())
                .as("ledgered sentences that are not directive (no keyword, no imperative, not named in ALSO_DIRECTIVE)").isEmpty();
        for (String also : ALSO_DIRECTIVE) {
            assertThat(seed).as("\"%s\" is a sentence of the seed", also).contains(SeedLedger.core(also));
        }
    }

    @Test
    void theReadmeStatesTheFigures() {
        Set<String> directive = SeedLedger.directiveCores(sentences, ALSO_DIRECTIVE);
        long quoted = directive.stream().filter(c -> !SeedLedger.quoting(c, sources).isEmpty()).count();
        long ledgered = directive.stream().filter(c -> ledger.stream().anyMatch(l -> SeedLedger.core(l).equals(c))).count();
        Matcher m = Pattern.compile("(\\d+)\\s+distinct\\s+directive\\s+sentences,\\s+(\\d+)\\s+quoted,\\s+(\\d+)\\s+ledgered")
                .matcher(SeedLedger.section(readme, LEDGER));
        assertThat(m.find()).as("the ledger states \"N distinct directive sentences, Q quoted, L ledgered\"").isTrue();
        assertThat(List.of(m.group(1), m.group(2), m.group(3))).as("the ledger's figures")
                .containsExactly(String.valueOf(directive.size()), String.valueOf(quoted), String.valueOf(ledgered));
    }

    /**
     * Issue 25 item 8: "say, per step, which rule carries its directions". The README's "Step by step" row of each
     * step in {@code steps:} names rules that exist, names every rule declaring that {@code step:}, and every directive
     * sentence the seed has in that step is quoted in the {@code source.text} of one of the rules the row names, or
     * ledgered.
     */
    @Test
    void everyStepNamesTheRulesThatCarryItsDirections() {
        JsonNode guide = SeedLedger.yaml(DIR.resolve("guide.yaml"));
        Map<String, String> stepOfRule = new LinkedHashMap<>();
        guide.path("rules").forEach(r -> stepOfRule.put(r.path("id").asText(), r.path("step").asText("")));
        Map<String, List<String>> rows = SeedLedger.stepRows(SeedLedger.section(readme, "## Step by step"), List.of("ovre-eiker", "norge"));
        List<String> problems = new ArrayList<>();
        for (JsonNode step : guide.path("steps")) {
            String id = step.path("id").asText();
            List<String> named = rows.get(id);
            if (named == null) {
                problems.add(id + ": no row in Step by step");
                continue;
            }
            Set<String> rules = new LinkedHashSet<>();
            for (String name : named) {
                Pattern p = Pattern.compile(Pattern.quote(name).replace("*", "\\E.*\\Q"));
                List<String> hits = sources.keySet().stream().filter(r -> p.matcher(r).matches()).toList();
                if (hits.isEmpty()) {
                    problems.add(id + ": names `" + name + "`, which is no rule, concept or exception of the guide");
                }
                rules.addAll(hits);
            }
            stepOfRule.forEach((rule, s) -> {
                if (s.equals(id) && !rules.contains(rule)) {
                    problems.add(id + ": does not name " + rule + " (step: \"" + id + "\")");
                }
            });
            Map<String, String> carried = new LinkedHashMap<>(sources);
            carried.keySet().retainAll(rules);
            for (Sentence s : sentences) {
                if (s.step().equals(Optional.of(id)) && SeedLedger.directive(s) && SeedLedger.quoting(s.text(), carried).isEmpty()
                        && ledger.stream().noneMatch(l -> SeedLedger.core(l).equals(SeedLedger.core(s.text())))) {
                    problems.add(id + ": \"" + s.text() + "\" is quoted by none of the rules the row names, nor ledgered");
                }
            }
        }
        assertThat(problems).as("the Step by step table against guide.yaml and the seed").isEmpty();
    }

    @Test
    void theSeedCopyIsTheSharedSeed() throws Exception {
        assumeTrue(Files.isRegularFile(SHARED_SEED), "the shared seeds are not beside this checkout");
        assertThat(Files.readString(SEED)).isEqualTo(Files.readString(SHARED_SEED));
    }
}
