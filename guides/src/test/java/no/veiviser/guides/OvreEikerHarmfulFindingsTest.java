package no.veiviser.guides;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import no.veiviser.Case;
import no.veiviser.CaseWork;
import no.veiviser.Child;
import no.veiviser.CompiledGuide;
import no.veiviser.Consent;
import no.veiviser.Decision;
import no.veiviser.Finding;
import no.veiviser.Guide;
import no.veiviser.Guides;
import no.veiviser.Meeting;
import no.veiviser.impact.Population;
import org.junit.jupiter.api.Test;

/**
 * Issue 25's measure: 100,000 cases from the project's population generator, as it gives them to Øvre Eiker (with the
 * guide's steps: {@link Population#casesFor}), evaluated against Øvre Eiker, with no decision giving a harmful or
 * self-defeating finding of the kinds the issue lists. The guide-independent checks are {@link HarmfulFindings}'s (one
 * finding per code, no guardian contact under suspected violence, nothing for a minor from 18, closing beside moving
 * forward, a duty withheld); Øvre Eiker's own (its pyramid, its meetings, its consent kinds, its ages, its citations)
 * are here, each written from the issue's item and the guide's reading of the seed (README "How the ambiguous parts
 * are read"), so that no check flags what the guide legitimately decides. Item 1's levels are checked against the
 * pyramid's count directly, and, where a meeting decides or the case closes, by evaluating the case again with the
 * child's own kindergarten or school listed and with the GP taken away.
 * On failure the message counts each kind and shows one case of it.
 *
 * <p>Run alone: {@code mvn -B -o test -pl guides -Dtest=OvreEikerHarmfulFindingsTest -Dmaven.javadoc.skip=true}.
 */
class OvreEikerHarmfulFindingsTest {
    static final int CASES = 100_000;
    static final long SEED = 25;

    /** Nivå 0's general services ("Allmenne tjenester for alle barn og unge"), and the GP, which is no helping service. */
    static final Set<String> GENERAL = Set.of("kindergarten", "school", "sfo", "helsestasjon", "gp");
    /** The health services of pasient- og brukerrettighetsloven (norge's concept health-service-reporter). */
    static final Set<String> HEALTH = Set.of("helsestasjon", "midwife", "gp", "bup", "emergency-ward", "physio-ergo", "mental-health");
    /** Signals that make the duty to report apply, so that the guide does not close the case (ovre-eiker.duty-to-report.not-closed). */
    static final Set<String> DUTY_SIGNALS = Set.of("violence-suspected", "sexual-abuse-suspected", "mistreatment-at-home",
            "serious-neglect", "persistent-serious-behaviour-problems", "human-trafficking-risk", "untreated-illness-or-disability");
    /** Rules whose findings belong to level 3 of the pyramid (not the 3.5 evaluation, where a step down is decided). */
    static final Set<String> LEVEL3_RULES = Set.of("ovre-eiker.level.3", "ovre-eiker.level3.leaders-informed",
            "ovre-eiker.level3.siblings-as-next-of-kin", "ovre-eiker.level3.child-coordinator", "ovre-eiker.3.1.offer-familiehjelpa",
            "ovre-eiker.1.4.raise-to-3", "ovre-eiker.evaluation.raise-to-3");
    /** Rules whose findings belong to level 2 of the pyramid (not the 2.4 evaluation). */
    static final Set<String> LEVEL2_RULES = Set.of("ovre-eiker.level.2", "ovre-eiker.level2.familiehjelpa-when-complex",
            "ovre-eiker.2.1.familiehjelpa", "ovre-eiker.evaluation.raise-to-2");
    /** Findings that keep a plan going: not beside closing (item 2). */
    static final Set<String> PLAN_UPDATES = Set.of("one-individual-plan", "update-stafettlogg", "keep-stafettlogg", "plan-measures",
            "implement-measures", "consider-individual-plan", "ip-coordinator-same-person", "individual-plan-consent-required",
            "ask-for-consent", "consent-required");
    /** The findings whose purpose is to inform, ask or involve the guardians (item 5 names the first three). */
    static final Set<String> INFORMS_GUARDIANS = Set.of("inform-guardians-of-next-steps", "wondering-conversation", "involve-guardians",
            "inform-guardians-of-progress", "check-existing-help", "inform-about-familiehjelpa", "conversation-with-child");
    /** A text that says what pbrl § 3-4 says about the parents (the youth decides; what the child does not want told). */
    static final Pattern HEALTH_LAW = Pattern.compile("bestemmer selv hvilke opplysninger|ikke ønsker|§ ?3-4",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A text that makes telling the guardians depend on the youth's consent or cites pbrl § 3-4 (item 5, 16-17). */
    static final Pattern YOUTH_DECIDES = Pattern.compile(
            "(ungdommen|ungdommens)[^.]{0,120}(samtykke|ønske|ønsker|bestemmer|avgjør)|(samtykke|ønske)[^.]{0,80}ungdom|§ ?3-4",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /**
     * A text of the child's right to be heard (item 5, 18 or older: no "the child's view"): its opinion weighed "ut fra
     * alder og modenhet", its voice. Not the young person's own experience of the help ("Hvordan er barnet/ ungdommens
     * opplevelse av det?", 2.4), which counts at any age: an adult's view is not weighed by age, but it is asked.
     */
    static final Pattern CHILDS_VIEW = Pattern.compile(
            "ut fra alder og modenhet|(barnets|ungdommens)[^.]{0,20}(mening|stemme)|egne meninger|bli hørt",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    @Test
    void noHarmfulOrSelfDefeatingFindingIn100000GeneratedCases() {
        long start = System.nanoTime();
        Guide guide = Guides.load(Path.of("ovre-eiker/guide.yaml"));
        CompiledGuide ovreEiker = guide.compile();
        long compiled = System.nanoTime();
        HarmfulFindings checks = HarmfulFindings.forGuide(Path.of("."), "ovre-eiker");
        Population population = Population.generate(CASES, SEED);
        LongFunction<Case> cases = population.casesFor(guide);
        // on every core (the guide's compiled rules are shared by threads, as the impact diff shares them), then
        // counted in the cases' order, so that each kind's example is its first case
        AtomicLong again = new AtomicLong();
        List<Found> all = LongStream.range(0, population.size()).parallel().mapToObj(i -> {
            Case c = cases.apply(i);
            Decision d = ovreEiker.evaluate(c);
            List<HarmfulFindings.Violation> found = new ArrayList<>(checks.check(c, d));
            found.addAll(ovreEikerChecks(checks, c, d));
            found.addAll(metamorphicChecks(ovreEiker, c, d, again));
            return found.isEmpty() ? null : new Found(i, c, found);
        }).filter(Objects::nonNull).toList();
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String> examples = new TreeMap<>();
        Map<String, Integer> details = new TreeMap<>();
        for (Found f : all) {
            for (HarmfulFindings.Violation v : f.violations()) {
                counts.merge(v.kind(), 1, Integer::sum);
                details.merge(v.kind() + " | " + v.detail().replaceAll("\\(.*", ""), 1, Integer::sum);
                examples.putIfAbsent(v.kind(), "case #" + f.i() + ": " + v.detail() + "\n    " + f.c());
            }
        }
        int bad = all.size();
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (Boolean.getBoolean("harm.detail")) { // -DargLine=-Dharm.detail=true: each kind by code and rule
            details.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(80)
                    .forEach(e -> System.out.printf("  %6d  %s%n", e.getValue(), e.getKey()));
        }
        StringBuilder report = new StringBuilder();
        counts.forEach((k, n) -> report.append(String.format("%n  %6d  %s%n          %s", n, k, examples.get(k))));
        System.out.printf("ovre-eiker: %d cases (seed %d), %d decisions with a violation, %d violations, %d ms (%d ms compiling the"
                        + " guide; %d cases evaluated again for item 1)%s%n", CASES, SEED, bad,
                counts.values().stream().mapToInt(Integer::intValue).sum(), ms, (compiled - start) / 1_000_000, again.get(), report);
        assertThat(counts).as("harmful or self-defeating findings in %d generated cases:%s", CASES, report).isEmpty();
    }

    /** The violations of case {@code i}. */
    record Found(long i, Case c, List<HarmfulFindings.Violation> violations) {}

    // ---- facts of a case, read as the guide reads them (README, "How the ambiguous parts are read")

    static OptionalInt age(Case c) {
        return c.child().ageAt(c.asOf());
    }

    /** The level the case is on (no level: 0, the pyramid's level 0). */
    static int current(Case c) {
        return c.work().level().map(Integer::parseInt).orElse(0);
    }

    static String step(Case c) {
        return c.work().step().orElse("");
    }

    static boolean outcome(Case c, Meeting.Outcome o) {
        return c.meeting().outcome().map(x -> x == o).orElse(false);
    }

    /** The services besides the general ones: PPT is general at a pupil's school (criteria.2's reading). */
    static List<String> helping(Case c) {
        boolean pupil = c.child().setting().map(s -> s == Child.Setting.SCHOOL).orElse(false);
        return c.work().services().stream().filter(s -> !GENERAL.contains(s) && !(pupil && s.equals("ppt"))).toList();
    }

    /** The pyramid's level by its words: 3 with a child coordinator or an IP (or the right to one), 2 with two or more
     *  services besides the general ones, 1 with one that is not the employee's own, else 0. */
    static int pyramid(Case c) {
        if (c.work().childCoordinator() || c.work().individualPlan() || c.concern().signals().contains("long-term-coordinated-needs")) {
            return 3;
        }
        List<String> helping = helping(c);
        if (helping.size() >= 2) {
            return 2;
        }
        Optional<String> own = c.reporter().service();
        return helping.stream().anyMatch(s -> own.isEmpty() || !s.equals(own.get())) ? 1 : 0;
    }

    /** The duty to report applies, so the guide does not close the case (ovre-eiker.duty-to-report.not-closed). */
    static boolean dutyApplies(Case c) {
        return HarmfulFindings.minor(c) && c.concern().signals().stream().anyMatch(DUTY_SIGNALS::contains);
    }

    /** The case, its step or its meeting closes it (concept ovre-eiker.closing). */
    static boolean closing(Case c) {
        return c.work().closing() || Set.of("1.5", "2.5").contains(step(c)) || outcome(c, Meeting.Outcome.CLOSE)
                || step(c).equals("0.4") && outcome(c, Meeting.Outcome.NO_MEASURES_NEEDED);
    }

    /** A meeting decided something that moves the level (0.4's conclusion, 1.4/2.4/3.5's change of level, a close). */
    static boolean meetingDecidesLevel(Case c) {
        return outcome(c, Meeting.Outcome.CLOSE)
                || step(c).equals("0.4") && c.meeting().outcome().isPresent()
                || outcome(c, Meeting.Outcome.CHANGE_LEVEL) && Set.of("1.4", "2.4", "3.5").contains(step(c));
    }

    static boolean refused(Consent.State s) {
        return s == Consent.State.REFUSED || s == Consent.State.WITHDRAWN;
    }

    /** Someone who must consent at the child's age has refused or withdrawn (norge's consent-refused, of one kind). */
    static boolean refusedBy(Case c, Consent.State guardians, Consent.State youth) {
        OptionalInt age = age(c);
        return age.isPresent() && (age.getAsInt() < 16 && refused(guardians) || age.getAsInt() >= 15 && refused(youth));
    }

    /** The employee works in a health service for children (not an adult service, whose patient is the parent). */
    static boolean childHealthService(Case c) {
        return !c.reporter().adultService() && c.reporter().service().map(HEALTH::contains).orElse(false);
    }

    static boolean anyText(Finding f, Pattern p) {
        return f.sources().stream().anyMatch(g -> p.matcher(g.text()).find());
    }

    static List<String> rules(Finding f) {
        return f.sources().stream().map(Finding.Given::rule).toList();
    }

    static boolean ordinaryGuardianFinding(HarmfulFindings checks, Finding f) {
        HarmfulFindings.Effect e = checks.effect(f.code());
        boolean acuteOrDuty = e.phase().equals("acute") || e.phase().equals("duty");
        return !acuteOrDuty && (checks.contactsGuardians(f) || !HarmfulFindings.guardianSentences(f).isEmpty());
    }

    /** Øvre Eiker's own checks: the issue's items that speak of its pyramid, meetings, consent kinds, ages, citations. */
    static List<HarmfulFindings.Violation> ovreEikerChecks(HarmfulFindings checks, Case c, Decision d) {
        List<HarmfulFindings.Violation> out = new ArrayList<>();
        boolean minor = HarmfulFindings.minor(c);
        boolean violence = HarmfulFindings.violence(c);
        OptionalInt age = age(c);
        int level = d.level().recommended();
        int current = current(c);
        boolean closing = closing(c);

        // ---- item 1: levels by the pyramid's words
        if (!closing && !meetingDecidesLevel(c)) {
            int expected = Math.max(current, pyramid(c));
            if (level != expected) {
                out.add(new HarmfulFindings.Violation("item 1: a level not by the pyramid",
                        "level " + level + ", the pyramid " + expected + " (on " + current + ", services " + c.work().services()
                                + ", setting " + c.child().setting().map(Child.Setting::code).orElse("?") + ", own "
                                + c.reporter().service().orElse("?") + ")"));
            }
            boolean wondering = !c.concern().signals().isEmpty() || c.concern().since().isPresent();
            if (expected == 0 && wondering && !d.has("discuss-with-leader")) {
                out.add(new HarmfulFindings.Violation("item 1: level 0 without 0.1's advice (discuss-with-leader)", d.codes().toString()));
            }
        }

        // ---- item 2: meeting decisions honoured
        boolean closeDecided = outcome(c, Meeting.Outcome.CLOSE) || c.work().closing()
                || !dutyApplies(c) && (Set.of("1.5", "2.5").contains(step(c)) || step(c).equals("0.4") && outcome(c, Meeting.Outcome.NO_MEASURES_NEEDED));
        if (closeDecided && d.has("go-to-level")) {
            out.add(new HarmfulFindings.Violation("item 2: go-to-level in a case that closes", rules(d.findings("go-to-level").get(0)).toString()));
        }
        for (Finding f : d.findings("go-to-level")) {
            if (f.level().isPresent() && f.level().getAsInt() != level) {
                out.add(new HarmfulFindings.Violation("item 2: go-to-level to another level than the decision's",
                        "go-to-level " + f.level().getAsInt() + " " + rules(f) + ", recommended " + level));
            }
        }
        for (Finding f : d.findings("step-down")) {
            if (f.level().isEmpty()) {
                continue; // "the evaluation may step down": no level decided yet
            }
            int to = f.level().getAsInt();
            if (level != to) {
                out.add(new HarmfulFindings.Violation("item 2: a step down the decision's level does not follow",
                        "step-down " + to + ", recommended " + level));
            }
            for (Finding g : d.findings()) {
                for (String r : rules(g)) {
                    if (to < 3 && LEVEL3_RULES.contains(r) || to < 2 && LEVEL2_RULES.contains(r)) {
                        out.add(new HarmfulFindings.Violation("item 2: a level's findings beside the step down from it",
                                g.code() + " (" + r + ") beside step-down to " + to));
                    }
                }
            }
        }
        if (d.has("close-case")) {
            for (String code : PLAN_UPDATES) {
                if (d.has(code)) {
                    out.add(new HarmfulFindings.Violation("item 2: a plan kept beside closing", code));
                }
            }
        }
        boolean health1617 = childHealthService(c) && age.isPresent() && age.getAsInt() >= 16 && age.getAsInt() < 18;
        if (step(c).equals("1.4") && current == 1 && outcome(c, Meeting.Outcome.CHANGE_LEVEL)
                && c.meeting().level().map(l -> l.equals("3")).orElse(false) && minor && !violence
                && !d.has("inform-guardians-of-next-steps")
                // (unless left undecided for a missing fact, which a note names: at a health service the age says
                // whether the guardians or the youth are told)
                && d.notes().stream().noneMatch(n -> n.rules().contains("ovre-eiker.1.4.raise-to-3"))) {
            out.add(new HarmfulFindings.Violation("item 2: 1.4 lifts to level 3 without telling the guardians the next steps", d.codes().toString()));
        }

        // ---- item 3: suspected violence (the guardians: HarmfulFindings)
        if (violence && d.has("step-down")) {
            out.add(new HarmfulFindings.Violation("item 3: a step down in a violence case", rules(d.findings("step-down").get(0)).toString()));
        }
        boolean informed = c.childWelfare().informedOn().isPresent() && c.concern().since().isPresent()
                && !c.childWelfare().informedOn().get().isBefore(c.concern().since().get());
        if (violence && minor && !informed && !d.has("contact-child-welfare-or-police-same-day")) {
            out.add(new HarmfulFindings.Violation("item 3: violence without the same-day contact", d.codes().toString()));
        }
        if (violence && minor && c.concern().since().isPresent()) {
            for (Finding f : d.findings("contact-child-welfare-or-police-same-day")) {
                if (!f.due().equals(c.concern().since())) {
                    out.add(new HarmfulFindings.Violation("item 3: the same-day contact not due the day the concern arose", f.due().toString()));
                }
            }
        }

        // ---- item 4: consent kinds
        if (minor && refusedBy(c, c.consent().guardians(), c.consent().youth())) {
            for (Finding f : d.findings()) {
                HarmfulFindings.Effect e = checks.effect(f.code());
                boolean acuteOrDuty = e.phase().equals("acute") || e.phase().equals("duty");
                if (e.shares() && !acuteOrDuty) {
                    out.add(new HarmfulFindings.Violation("item 4: cooperation refused, a finding shares", f.code() + " " + rules(f)));
                }
                if (f.code().equals("offer-familiehjelpa") || rules(f).contains("ovre-eiker.2.4.evaluation-meeting")
                        || rules(f).contains("ovre-eiker.3.5.evaluate")) {
                    out.add(new HarmfulFindings.Violation("item 4: cooperation refused, the other services called in", f.code() + " " + rules(f)));
                }
            }
            if (step(c).equals("2.4") && current == 2 && c.concern().progress().map(p -> p != no.veiviser.Concern.Progress.IMPROVED).orElse(false)
                    && !d.has("assess-duty-to-report")) {
                out.add(new HarmfulFindings.Violation("item 4: 2.4's OBS lost when consent is refused", d.codes().toString()));
            }
        }
        if (refusedBy(c, c.consent().individualPlan().guardians(), c.consent().individualPlan().youth())) {
            for (String code : List.of("one-individual-plan", "ip-coordinator-same-person")) {
                if (d.has(code)) {
                    out.add(new HarmfulFindings.Violation("item 4: IP consent refused, a plan kept", code));
                }
            }
        }

        // ---- item 5: ages. At a health service (pasient- og brukerrettighetsloven § 3-4; LAW.md) a 16- or 17-year-old
        // decides what the parents are told, except what parental responsibility requires (third paragraph), and from
        // 12 the parents are not told what the child, for reasons to respect, does not want them told (second
        // paragraph). The decision says so wherever a finding involves the guardians, and the findings whose purpose
        // is to inform, ask or involve them (the issue names three) say it themselves instead of instructing it.
        boolean health1215 = childHealthService(c) && age.isPresent() && age.getAsInt() >= 12 && age.getAsInt() < 16;
        // (the texts are read only where the law applies: a regular expression over every text of every case costs)
        boolean involvesGuardians = (health1215 || health1617) && d.findings().stream().anyMatch(f -> ordinaryGuardianFinding(checks, f));
        // in words the employee reads (a consent rule may cite § 3-4 beside § 4-3 for who consents: that says nothing
        // about what the parents are told)
        boolean saysHealthLaw = involvesGuardians && d.findings().stream().anyMatch(f -> anyText(f, HEALTH_LAW));
        if (health1617) {
            if (involvesGuardians && !saysHealthLaw) {
                out.add(new HarmfulFindings.Violation("item 5: 16-17 at a health service, the guardians involved and § 3-4 not said",
                        d.codes().toString()));
            }
            for (Finding f : d.findings()) {
                if (INFORMS_GUARDIANS.contains(f.code()) && ordinaryGuardianFinding(checks, f) && !anyText(f, YOUTH_DECIDES)) {
                    out.add(new HarmfulFindings.Violation("item 5: 16-17 at a health service, the guardians told without the youth's consent",
                            f.code() + " " + rules(f)));
                }
            }
        }
        if (health1215 && involvesGuardians && !saysHealthLaw) {
            out.add(new HarmfulFindings.Violation("item 5: 12-15 at a health service, the guardians involved and § 3-4 not said",
                    d.codes().toString()));
        }
        if (!minor) {
            for (Finding f : d.findings()) {
                if (!HarmfulFindings.guardianSentences(f).isEmpty()) {
                    out.add(new HarmfulFindings.Violation("item 5: 18 or older, a text involves the guardians", f.code() + " " + rules(f)));
                }
                if (anyText(f, CHILDS_VIEW)) {
                    out.add(new HarmfulFindings.Violation("item 5: 18 or older, the child's view", f.code() + " " + rules(f)));
                }
            }
        }

        // ---- item 7: do-not-notify-guardians is guidance, not barnevernsloven § 13-2
        for (Finding f : d.findings("do-not-notify-guardians")) {
            for (Finding.Given g : f.sources()) {
                if (g.source().law().stream().anyMatch(l -> l.replace("barnevernloven", "barnevernsloven").startsWith("barnevernsloven § 13-2"))) {
                    out.add(new HarmfulFindings.Violation("item 7: do-not-notify-guardians cited as barnevernsloven § 13-2", g.rule()));
                }
            }
        }
        return out;
    }

    /**
     * Item 1, by evaluating the case again: listing the child's own kindergarten or school (child.setting) never lowers
     * the level, and a GP listed never raises it (taken away, the level is the same). Only where it can tell: in the
     * cases a meeting decides or that close, which the direct check of the pyramid in {@link #ovreEikerChecks} leaves
     * out (where that check holds for both cases, the level cannot differ: the pyramid counts neither); there the own
     * arena is added where a service other than the general ones is listed (with nothing else to count, a general
     * service cannot move the level under any reading), and the GP taken away where it is listed. So the test stays
     * near 20 seconds: every case evaluated again costs as much as a case of the population.
     */
    static List<HarmfulFindings.Violation> metamorphicChecks(CompiledGuide guide, Case c, Decision d, AtomicLong again) {
        List<HarmfulFindings.Violation> out = new ArrayList<>();
        if (!closing(c) && !meetingDecidesLevel(c)) {
            return out;
        }
        List<String> services = c.work().services();
        Optional<String> arena = c.child().setting().flatMap(s -> switch (s) {
            case SCHOOL -> Optional.of("school");
            case KINDERGARTEN -> Optional.of("kindergarten");
            default -> Optional.empty();
        });
        boolean other = services.stream().anyMatch(s -> !GENERAL.contains(s));
        if (arena.isPresent() && !services.contains(arena.get()) && other) {
            List<String> with = new ArrayList<>(services);
            with.add(arena.get());
            again.incrementAndGet();
            int level = guide.evaluate(c.withWork(withServices(c.work(), with))).level().recommended();
            if (level < d.level().recommended()) {
                out.add(new HarmfulFindings.Violation("item 1: listing the child's own " + arena.get() + " lowers the level",
                        services + " " + d.level().recommended() + " -> " + with + " " + level));
            }
        }
        if (services.contains("gp")) {
            List<String> without = new ArrayList<>(services);
            without.remove("gp");
            again.incrementAndGet();
            int level = guide.evaluate(c.withWork(withServices(c.work(), without))).level().recommended();
            if (level != d.level().recommended()) {
                out.add(new HarmfulFindings.Violation("item 1: the GP counts as a helping service", services + " "
                        + d.level().recommended() + " -> " + without + " " + level));
            }
        }
        return out;
    }

    static CaseWork withServices(CaseWork w, List<String> services) {
        return new CaseWork(w.level(), w.step(), w.guardiansInvolved(), services, w.individualPlan(), w.childCoordinator(), w.closing(),
                w.referred(), w.coordinator());
    }
}
