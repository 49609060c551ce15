package no.veiviser.guides;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import no.veiviser.Case;
import no.veiviser.CompiledGuide;
import no.veiviser.Decision;
import no.veiviser.Finding;
import no.veiviser.Guides;
import no.veiviser.impact.Population;
import org.junit.jupiter.api.Test;

/**
 * Issue 24's measure: 100,000 cases from the project's population generator, evaluated against Nittedal, with no
 * decision giving a harmful or self-defeating finding of the kinds the issue lists. The guide-independent checks are
 * {@link HarmfulFindings}'s; Nittedal's own (its codes, its levels, its ages) are here. On failure the message counts
 * each kind and shows one case of it.
 *
 * <p>Run alone: {@code mvn -B -o test -pl guides -Dtest=NittedalHarmfulFindingsTest -Dmaven.javadoc.skip=true}.
 */
class NittedalHarmfulFindingsTest {
    static final int CASES = 100_000;
    static final long SEED = 24;

    @Test
    void noHarmfulOrSelfDefeatingFindingIn100000GeneratedCases() {
        long start = System.nanoTime();
        CompiledGuide nittedal = Guides.load(Path.of("nittedal/guide.yaml")).compile();
        HarmfulFindings checks = HarmfulFindings.forGuide(Path.of("."), "nittedal");
        Population population = Population.generate(CASES, SEED);
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String> examples = new TreeMap<>();
        int bad = 0;
        for (long i = 0; i < population.size(); i++) {
            Case c = population.get(i);
            Decision d = nittedal.evaluate(c);
            List<HarmfulFindings.Violation> found = new ArrayList<>(checks.check(c, d));
            found.addAll(nittedalChecks(c, d));
            if (!found.isEmpty()) {
                bad++;
            }
            for (HarmfulFindings.Violation v : found) {
                counts.merge(v.kind(), 1, Integer::sum);
                examples.putIfAbsent(v.kind(), "case #" + i + ": " + v.detail() + "\n    " + c);
            }
        }
        long ms = (System.nanoTime() - start) / 1_000_000;
        StringBuilder report = new StringBuilder();
        counts.forEach((k, n) -> report.append(String.format("%n  %6d  %s%n          %s", n, k, examples.get(k))));
        System.out.printf("nittedal: %d cases (seed %d), %d decisions with a violation, %d violations, %d ms%s%n",
                CASES, SEED, bad, counts.values().stream().mapToInt(Integer::intValue).sum(), ms, report);
        assertThat(counts).as("harmful or self-defeating findings in %d generated cases:%s", CASES, report).isEmpty();
    }

    /** Nittedal's own checks: its codes and the issue's items that speak of Nittedal's levels, baton and ages. */
    static List<HarmfulFindings.Violation> nittedalChecks(Case c, Decision d) {
        List<HarmfulFindings.Violation> out = new ArrayList<>();
        boolean minor = HarmfulFindings.minor(c);
        OptionalInt age = c.child().ageAt(c.asOf());
        int level = d.level().recommended();
        // item 4: a log "når dere samtykker til å søke hjelp fra andre fagpersoner" while recommending level 1
        if (level <= 1) {
            for (Finding f : d.findings("create-stafettlogg")) {
                if (f.sources().stream().anyMatch(g -> g.text().contains("andre fagpersoner"))) {
                    out.add(new HarmfulFindings.Violation("item 4: a log for other services at level 1", f.rule()));
                }
            }
        }
        // item 4: a second service working on a level-1 case meets level 2's criterion
        int current = c.work().level().map(Integer::parseInt).orElse(0);
        boolean otherService = c.reporter().service().isPresent()
                && c.work().services().stream().anyMatch(s -> !s.equals(c.reporter().service().get()));
        boolean closing = d.has("close-case") || d.has("step-down");
        // (unless an exception withheld the level change: the trace says so, e.g. a youth of 16 deciding what a health
        // service tells the guardians, whom the level-2 finding names)
        // or left undecided for a missing fact, which the notes name (an unknown age at a health service)
        boolean levelWithheld = d.withheld().stream().anyMatch(w -> w.codes().contains("go-to-level"))
                || d.notes().stream().anyMatch(n -> n.rules().contains("nittedal.level1.second-service"));
        if (current == 1 && otherService && level == 1 && !closing && !levelWithheld && !HarmfulFindings.violence(c)
                && c.meeting().outcome().isEmpty()) {
            out.add(new HarmfulFindings.Violation("item 4: two services at level 1", c.work().services().toString()));
        }
        // item 5: child welfare holds the baton: no finding names the school (or another) as stafettholder
        boolean cwHolds = c.childWelfare().decision() && c.childWelfare().measureActive();
        if (cwHolds) {
            for (Finding f : d.findings("stafettholder")) {
                if (!f.who().isEmpty() && !f.who().equals(List.of("child-welfare"))) {
                    out.add(new HarmfulFindings.Violation("item 5: the baton named elsewhere than child welfare", f.who().toString()));
                }
            }
        }
        // item 7: same-day contact repeated once child welfare has been contacted about this concern
        // (norge.child-welfare-informed.no-same-day-contact proves it; counted here as the issue asks)
        // item 8: 18 or older: no children's findings, and no adult mapping conversation about a grown-up "child"
        if (!minor) {
            List<String> children = new ArrayList<>(List.of("invite-child-to-share-views", "adult-mapping-conversation",
                    "increasing-self-determination", "tell-child-about-guardian-contact", "children-as-next-of-kin"));
            if (!c.concern().signals().contains("danger-to-life-or-health")) {
                children.addAll(List.of("act-immediately", "handle-with-leader")); // the acute violence path is a child's
            }
            for (String code : children) {
                if (d.has(code)) {
                    out.add(new HarmfulFindings.Violation("item 8: a children's finding for an adult", code));
                }
            }
        }
        // item 8: an unaccompanied minor has no guardians here: a finding about the guardians says who they are instead
        if (minor && c.concern().signals().contains("unaccompanied-minor-refugee") && !d.has("guardians-are-representative")) {
            for (String code : List.of("involve-guardians", "wondering-conversation", "parent-meeting-routine",
                    "inform-guardians-of-report", "inform-guardians-of-duty-to-report", "tell-child-about-guardian-contact")) {
                if (d.has(code)) {
                    out.add(new HarmfulFindings.Violation("item 8: guardians of an unaccompanied minor", code));
                }
            }
        }
        // item 10: a refugee-settlement note on a case that is not about a refugee family
        boolean refugee = c.adult().refugeeSettledOn().isPresent()
                || c.concern().signals().stream().anyMatch(s -> s.equals("family-reunification") || s.equals("unaccompanied-minor-refugee"));
        if (!refugee) {
            d.notes().stream().filter(n -> n.field().map(f -> f.equals("adult.refugeeSettledOn")).orElse(false))
                    .forEach(n -> out.add(new HarmfulFindings.Violation("item 10: a refugee note on a non-refugee case", n.text())));
        }
        return out;
    }
}
