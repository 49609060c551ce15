package no.veiviser.examples.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import no.veiviser.Case;
import no.veiviser.CaseException;
import no.veiviser.Concern;
import no.veiviser.Problem;

/**
 * The consent, meldeplikt and acute rules of the Nittedal guide (guides/norge + guides/nittedal) written by
 * hand in plain Java, without Drools: the floor the JMH benchmarks measure the rule engine against (BRIEF §7,
 * "within 10× of a hand-written Java evaluator"). For the rules in {@link #RULES} it computes what the compiled
 * guide computes for programs: the finding codes in guide order without repeats, the recommended level, and
 * the due dates. It does not build texts, sources or the trace. The equivalence test checks it against
 * {@link NittedalSlice} (exactly these rules) and against the whole bundled guide (the findings of these rules).
 *
 * <p>Mirrors, in the merged guide's rule order:
 * <ol>
 *   <li>norge.participation.* — child-right-to-be-heard (any known age: under 7 "when able", from 7 always),
 *       child-views-great-weight from 12;</li>
 *   <li>norge.consent.* — when case.level ≥ 1: consent-required (guardians under 15, guardians and youth
 *       15, youth alone from 16), youth-consent-sufficient from 16;</li>
 *   <li>norge.duty-to-report and norge.duty-to-report.untreated-illness (both overridden by Nittedal with the
 *       same triggers) — duty-to-report;</li>
 *   <li>nittedal.acute.violence (norge's suspected-violence: violence, sexual abuse, mistreatment at home; for a
 *       child, an unknown age counting as one) — act-immediately, contact-child-welfare-or-police-same-day (due the day the worry arose, else asOf),
 *       do-not-notify-guardians, handle-with-leader;</li>
 *   <li>nittedal.acute.duty-to-report — duty-to-report for suspected violence;</li>
 *   <li>nittedal.acute.danger-to-life — act-immediately, contact-police-immediately (due as above);</li>
 *   <li>nittedal.acute.report-then-level-3 — write-report-to-child-welfare, go-to-level 3;</li>
 *   <li>nittedal.level1.involve-guardians — involve-guardians, due 4 weeks from concern.since (or asOf);</li>
 *   <li>nittedal.report.write — write-report-to-child-welfare (also when child welfare is informed: the duty is personal);</li>
 *   <li>nittedal.report.inform-guardians — inform-guardians-of-report;</li>
 *   <li>nittedal.report.by-post — report-in-writing-by-post.</li>
 * </ol>
 * The guide's exceptions are mirrored, finding by finding as the engine withholds them by effect: suspected violence, a
 * youth of 16 or more asking a health service (not as an adult service), and an adult (18 or more) withhold what
 * contacts the guardians; an adult
 * gets no finding for a minor (the child's voice, the acute path's contact and "do not notify", the duty to report);
 * a closing case (case.closing, or a meeting that decided to close) gets no ordinary work and nothing that moves it
 * forward, while acute findings and duties stay; child welfare informed of this concern (on or after the day it arose)
 * withholds the same-day contact.
 * Thread-safe and allocation-light: the only state is constant.
 */
public final class HandWrittenNittedal {

    /**
     * The guide rules this class mirrors, in the merged guide's order (overrides keep the base rule's place).
     * {@link NittedalSlice} keeps exactly these; the equivalence test checks the list against the guide.
     */
    public static final List<String> RULES = List.of(
            "norge.participation.younger-when-able", "norge.participation.heard-from-7", "norge.participation.great-weight",
            "norge.consent.guardians", "norge.consent.youth-with-guardians", "norge.consent.youth-alone",
            "norge.duty-to-report", "norge.duty-to-report.untreated-illness",
            "nittedal.acute.violence", "nittedal.acute.duty-to-report", "nittedal.acute.danger-to-life",
            "nittedal.acute.report-then-level-3", "nittedal.level1.involve-guardians", "nittedal.report.write",
            "nittedal.report.inform-guardians", "nittedal.report.by-post");

    /** The decision's figures: codes in guide order without repeats, the recommended level, due dates by code. */
    public record Result(List<String> codes, int level, Map<String, LocalDate> due) {}

    // norge parameters
    static final int HEARING_AGE = 7;
    static final int GREAT_WEIGHT_AGE = 12;
    static final int YOUTH_CONSENT_AGE = 15;
    static final int YOUTH_CONSENT_ALONE_AGE = 16;
    static final int MAJORITY_AGE = 18;
    // nittedal parameter
    static final int INVOLVE_GUARDIANS_WITHIN_WEEKS = 4;

    // norge's health-service-reporter: from 16 the youth decides what the health service tells the parents
    static final Set<String> HEALTH_SERVICES = Set.of("helsestasjon", "midwife", "gp", "bup", "emergency-ward", "physio-ergo",
            "mental-health");

    static final Set<String> SIGNALS = Set.of(
            "wellbeing-concern", "violence-suspected", "sexual-abuse-suspected", "danger-to-life-or-health",
            "mistreatment-at-home", "serious-neglect", "persistent-serious-behaviour-problems",
            "human-trafficking-risk", "criminal-offence-suspected", "concerning-absence", "stressful-life-event",
            "parent-mental-illness", "parent-substance-abuse", "parent-serious-illness", "financial-hardship",
            "serious-illness-or-disability", "untreated-illness-or-disability", "long-term-coordinated-needs",
            "unaccompanied-minor-refugee", "family-reunification", "sibling-serious-illness");
    static final Set<String> SERVICES = Set.of(
            "kindergarten", "school", "sfo", "helsestasjon", "midwife", "ppt", "child-welfare", "bup", "gp",
            "physio-ergo", "outreach", "family-team", "familiehjelpa", "nav", "mental-health", "home-care",
            "refugee-services", "emergency-ward", "housing", "allocation-unit", "disability-services", "police");
    static final Set<String> STEPS = Set.of("0.1", "0.2", "0.3", "0.4", "1.1", "1.2", "1.3", "2.1", "2.2", "2.3",
            "2.4", "2.5", "3.1", "3.2", "3.3", "3.4", "3.5", "v0.0", "v0.1", "v0.2", "v0.3", "v0.4", "v0.5", "v0.6", "v1.1",
            "v2.1", "v3.1");

    private HandWrittenNittedal() {}

    /**
     * Evaluates {@code c} as the Nittedal guide does.
     *
     * @throws CaseException when the case names a signal, service or step the guide does not know, or has a
     *                       date (birth, concern, settlement) after its {@code asOf}
     */
    public static Result evaluate(Case c) {
        validate(c);
        LocalDate asOf = c.asOf();
        Concern concern = c.concern();
        List<String> signals = concern.signals();

        boolean mistreatment = false; // triggers (a), (c), (d): the guide's own meldeplikt list
        boolean untreated = false;    // trigger (b), kept from the national base
        boolean violence = false;     // norge's suspected-violence: violence, sexual abuse, mistreatment at home
        boolean danger = false;
        for (int i = 0, n = signals.size(); i < n; i++) {
            switch (signals.get(i)) {
                case "mistreatment-at-home" -> {
                    mistreatment = true;
                    violence = true;
                }
                case "serious-neglect", "persistent-serious-behaviour-problems", "human-trafficking-risk" -> mistreatment = true;
                case "untreated-illness-or-disability" -> untreated = true;
                case "violence-suspected", "sexual-abuse-suspected" -> violence = true;
                case "danger-to-life-or-health" -> danger = true;
                default -> { }
            }
        }
        boolean followUp = c.childWelfare().recommendsFollowUp();
        OptionalInt age = c.child().ageAt(asOf);
        // Nittedal's levels are numbered: the id is the position
        OptionalInt currentLevel = c.work().level().map(l -> OptionalInt.of(Integer.parseInt(l))).orElse(OptionalInt.empty());
        // norge's concepts and exceptions: a child unless 18 or older; suspected violence withholds every rule that
        // tells the guardians; for an adult, nothing about guardians or reporting to child welfare. Nittedal's: a
        // health service and a youth of 16 or more (unknown age: the exception is undecided, so are the rules it
        // would withhold: they do not fire either).
        boolean minor = age.isEmpty() || age.getAsInt() < MAJORITY_AGE;
        boolean healthService = c.reporter().service().map(HEALTH_SERVICES::contains).orElse(false);
        // (not for an adult service's patient: the patient is the parent, not the youth)
        boolean healthYouth = healthService && !c.reporter().adultService()
                && (age.isEmpty() || age.getAsInt() >= YOUTH_CONSENT_ALONE_AGE);
        boolean guardiansNotTold = violence || !minor || healthYouth;
        // Nittedal's case-closing: the case says so, a meeting decided to close, or a meeting at level 0 or 1 found no
        // measures needed (without the level that last one is undecided: so are the findings it would withhold)
        boolean noMeasures = c.meeting().outcome().map(o -> o == no.veiviser.Meeting.Outcome.NO_MEASURES_NEEDED).orElse(false);
        boolean closing = c.work().closing() || c.meeting().outcome().map(o -> o == no.veiviser.Meeting.Outcome.CLOSE).orElse(false)
                || (noMeasures && currentLevel.isPresent() && currentLevel.getAsInt() < 2);
        boolean ordinary = !closing && !(noMeasures && currentLevel.isEmpty()); // ordinary work and moving forward
        // child welfare informed of this concern (on or after the day it arose): the same-day contact is made already
        boolean informedOfConcern = c.childWelfare().informedOn().isPresent() && concern.since().isPresent()
                && !c.childWelfare().informedOn().get().isBefore(concern.since().get());

        List<String> codes = new ArrayList<>(12);
        LocalDate sameDay = null;
        LocalDate involveBy = null;

        if (age.isPresent() && ordinary) {
            int a = age.getAsInt();
            if (minor) {
                add(codes, "child-right-to-be-heard"); // under 7 (if able) and from 7: the same code
                if (a >= GREAT_WEIGHT_AGE) {
                    add(codes, "child-views-great-weight");
                }
            }
            if (currentLevel.isPresent() && currentLevel.getAsInt() >= 1) {
                if (a >= YOUTH_CONSENT_ALONE_AGE) {
                    add(codes, "consent-required"); // the youth alone
                    add(codes, "youth-consent-sufficient");
                } else if (!guardiansNotTold) {
                    add(codes, "consent-required"); // guardians < 15, guardians + youth at 15
                }
            }
        }
        if ((mistreatment || untreated) && minor) {
            add(codes, "duty-to-report");
        }
        if (violence && minor || danger) {
            sameDay = concern.since().orElse(asOf); // "samme dag som situasjonen oppstår"
        }
        if (violence && minor) { // "et barn utsettes for vold": the acute path is a child's (from 18 not at all)
            add(codes, "act-immediately");
            if (!informedOfConcern) {
                add(codes, "contact-child-welfare-or-police-same-day");
            }
            add(codes, "do-not-notify-guardians");
            add(codes, "handle-with-leader");
            add(codes, "duty-to-report");
        }
        if (danger) {
            add(codes, "act-immediately");
            add(codes, "contact-police-immediately");
        }
        int level = currentLevel.orElse(0);
        if (followUp && minor) {
            add(codes, "write-report-to-child-welfare");
            if (ordinary) {
                add(codes, "go-to-level");
                level = 3;
            }
        }
        if (!c.work().guardiansInvolved() && !guardiansNotTold && ordinary && (!signals.isEmpty() || concern.since().isPresent())) {
            add(codes, "involve-guardians");
            involveBy = concern.since().orElse(asOf).plusWeeks(INVOLVE_GUARDIANS_WITHIN_WEEKS);
        }
        if ((mistreatment || untreated) && minor) { // the duty is personal: also when child welfare is informed
            add(codes, "write-report-to-child-welfare");
        }
        if ((mistreatment || untreated) && !guardiansNotTold && ordinary) {
            add(codes, "inform-guardians-of-report");
        }
        if ((mistreatment || untreated || followUp) && minor) {
            add(codes, "report-in-writing-by-post");
        }
        return new Result(Collections.unmodifiableList(codes), level, due(violence && minor && !informedOfConcern, danger, sameDay, involveBy));
    }

    private static Map<String, LocalDate> due(boolean violence, boolean danger, LocalDate sameDay, LocalDate involveBy) {
        if (sameDay == null && involveBy == null) {
            return Map.of();
        }
        Map<String, LocalDate> due = new LinkedHashMap<>(4);
        if (violence) {
            due.put("contact-child-welfare-or-police-same-day", sameDay);
        }
        if (danger) {
            due.put("contact-police-immediately", sameDay);
        }
        if (involveBy != null) {
            due.put("involve-guardians", involveBy);
        }
        return Collections.unmodifiableMap(due);
    }

    private static void add(List<String> codes, String code) {
        if (!codes.contains(code)) {
            codes.add(code);
        }
    }

    private static void validate(Case c) {
        List<Problem> problems = null;
        LocalDate asOf = c.asOf();
        if (c.child().birthDate().isPresent() && c.child().birthDate().get().isAfter(asOf)) {
            problems = problem(problems, "child.birthDate is after asOf");
        }
        if (c.concern().since().isPresent() && c.concern().since().get().isAfter(asOf)) {
            problems = problem(problems, "concern.since is after asOf");
        }
        if (c.adult().refugeeSettledOn().isPresent() && c.adult().refugeeSettledOn().get().isAfter(asOf)) {
            problems = problem(problems, "adult.refugeeSettledOn is after asOf");
        }
        List<String> signals = c.concern().signals();
        for (int i = 0; i < signals.size(); i++) {
            problems = check(problems, "concern.signals[" + i + "]", "signal", signals.get(i), SIGNALS);
        }
        List<String> services = c.work().services();
        for (int i = 0; i < services.size(); i++) {
            problems = check(problems, "case.services[" + i + "]", "service", services.get(i), SERVICES);
        }
        if (c.stafettlogg().holder().isPresent()) {
            problems = check(problems, "stafettlogg.holder", "service", c.stafettlogg().holder().get(), SERVICES);
        }
        if (c.reporter().service().isPresent()) {
            problems = check(problems, "reporter.service", "service", c.reporter().service().get(), SERVICES);
        }
        if (c.work().step().isPresent()) {
            problems = check(problems, "case.step", "step", c.work().step().get(), STEPS);
        }
        if (problems != null) {
            throw new CaseException(problems);
        }
    }

    private static List<Problem> check(List<Problem> problems, String path, String what, String code, Set<String> known) {
        return known.contains(code) ? problems : problem(problems, path + ": unknown " + what + " '" + code + "'");
    }

    private static List<Problem> problem(List<Problem> problems, String message) {
        List<Problem> out = problems == null ? new ArrayList<>() : problems;
        out.add(Problem.error("case", 0, 0, message, ""));
        return out;
    }
}
