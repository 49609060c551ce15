package no.veiviser.impact;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import no.veiviser.Adult;
import no.veiviser.Case;
import no.veiviser.CaseWork;
import no.veiviser.Child;
import no.veiviser.ChildWelfare;
import no.veiviser.Concern;
import no.veiviser.Consent;
import no.veiviser.Guide;
import no.veiviser.Meeting;
import no.veiviser.Reporter;
import no.veiviser.Stafettlogg;
import no.veiviser.internal.Access;
import no.veiviser.internal.model.Step;

/**
 * A generated population of realistic case facts, for {@link ImpactDiff}: {@code Population.generate(1_000_000, 1)}.
 * Case {@code i} is made from {@code (seed, i)} alone, so the population is the same on any number of threads
 * and any machine. The distributions (see the README table in {@code examples/diff/}) follow the shape of the
 * guides' own cases: most children with a birth date, a third of them born within a month of a threshold
 * birthday (7, 12, 15, 16, 18), one or two signals with common worries far more frequent than acute ones,
 * work under way at level 0–3, consent in every state, and adult-service reporters. Signals, services and steps a
 * guide does not know are left out, so every case is valid for both guides of a diff.
 *
 * <p>Every field of the case vocabulary is generated (a test walks the vocabulary, so a new field without a
 * generator fails it). The facts added to the vocabulary later are drawn after the first ones, from the same stream,
 * so the first ones of case {@code i} are what they were for a seed. Their weights, and why they are realistic:
 * <ul>
 * <li>{@code case.step}: half of the cases with work under way say where they are in the guide (a step is recorded
 * once the work follows the guide's steps); 85 % of those a step of the case's level, the rest any step of the guide
 * being diffed (a step recorded before the level was moved). Steps both guides of a diff know; none without a guide.</li>
 * <li>{@code case.referred}: 40 % of the cases with work under way were referred to a service, within the last year,
 * most of them recently (the square of a uniform draw, as for {@code concern.since}).</li>
 * <li>{@code meeting.*}: 55 % of the cases with work under way, and 5 % of those without (an undringssamtale before any
 * level), have had a meeting in the last four months, most of them recently. Four in five concluded: measures needed
 * 30, no measures needed 15, continue 25, change level 20, close 10 (the guides' meetings mostly decide to go on); a
 * change of level always names the level (0–3), no other outcome does (what a minuted meeting says). 60 % of the
 * meetings agreed the next one 2–12 weeks after, so that date lies before or after asOf.</li>
 * <li>{@code consent.written}: 60 % of the guardians' consents to cooperation are in writing (the rest oral, noted in
 * the journal).</li>
 * <li>{@code consent.stafettlogg.*}: with a stafettlogg (active or archived), the guardians gave 70, refused 10,
 * withdrew 5, not asked 15; without one, mostly not asked (85), sometimes asked ahead (given 10, refused 3,
 * withdrawn 2). The youth (12 or more, age known) likewise, more often not asked; a younger child is not asked. 70 %
 * of the given consents are in writing (the log is a shared record).</li>
 * <li>{@code consent.individualPlan.*}: with an individual plan, the guardians gave 80, refused 5, withdrew 5, not
 * asked 10; without one, mostly not asked (89). The youth likewise; half of the given ones in writing.</li>
 * <li>{@code childWelfare.informedOn}: 80 % of the cases where child welfare is informed say when. With a known
 * worry, two in three on or after it (a fifth the same day, the acute cases; the rest within a month) and one in
 * three before it (child welfare knew the family from an earlier concern, up to a year before); without a known
 * worry, within the last six months.</li>
 * <li>{@code adult.patientIsSibling}: for adult-service cases only, half do not say; of the rest most patients are a
 * parent (false 35), some the child's sibling (true 15): the adult services mostly meet parents.</li>
 * <li>{@code concern.pregnancy}: 60 % do not say; of the rest, 3 in 40 concern a pregnancy (false 37, true 3): the
 * health centre's and the adult services' pregnant clients are a small share of the worries.</li>
 * <li>{@code concern.raisedBy}: 40 % do not say; the employee 35, a parent 15, the child 5, someone else 5: most
 * worries start with what an employee sees, a parent's own worry is the next most common way in.</li>
 * <li>{@code case.coordinator}: with an individual plan, not said 30, no 10, yes 60 (a plan has a coordinator);
 * without, not said 50, no 48, yes 2.</li>
 * <li>{@code meeting.outcome} in a guide's own words ({@code meetingOutcomes:}, both guides of a diff): half the
 * concluded meetings whose national outcome has own outcomes name one of them, each alike (a guide that declares its
 * own outcomes mostly has its meetings minuted in them). No bundled guide declares any, so their cases do not change.</li>
 * </ul>
 * The dates fall on both sides of every time parameter of the bundled guides (same day, 4 weeks, 6 months, 5
 * years; the age parameters on birth dates), which is what makes a changed threshold show in a diff.
 */
public final class Population extends CaseSource {
    /** First and last assessment date: three years, so parameters dated 2026-01-01 or 2027-01-01 take effect. */
    static final LocalDate FIRST_AS_OF = LocalDate.of(2025, 1, 1);
    static final int AS_OF_DAYS = 3 * 365 + 1;
    static final int[] THRESHOLDS = {7, 12, 15, 16, 18};

    static final String[] SIGNALS = {"wellbeing-concern", "concerning-absence", "stressful-life-event",
        "parent-mental-illness", "parent-substance-abuse", "financial-hardship", "serious-illness-or-disability",
        "long-term-coordinated-needs", "violence-suspected", "sexual-abuse-suspected", "danger-to-life-or-health",
        "mistreatment-at-home", "serious-neglect", "persistent-serious-behaviour-problems", "human-trafficking-risk",
        "criminal-offence-suspected", "parent-serious-illness", "untreated-illness-or-disability",
        "unaccompanied-minor-refugee"};
    /** Relative frequency of each signal, per mille of signals drawn. */
    static final int[] SIGNAL_WEIGHTS = {350, 100, 100, 60, 50, 60, 40, 40, 40, 15, 10, 20, 20, 30, 3, 20, 20, 10, 5};
    static final String[] CHILD_SERVICES = {"kindergarten", "school", "sfo", "helsestasjon", "ppt", "child-welfare", "bup",
        "gp", "physio-ergo", "outreach", "family-team", "familiehjelpa"};
    static final String[] ADULT_SERVICES = {"nav", "mental-health", "home-care", "refugee-services", "gp", "emergency-ward"};

    private final long size;
    private final long seed;

    private Population(long size, long seed) {
        if (size < 0) {
            throw new IllegalArgumentException("a population has 0 or more cases, not " + size);
        }
        this.size = size;
        this.seed = seed;
    }

    /**
     * {@code size} cases from {@code seed}; the same arguments always give the same cases.
     *
     * @param size the number of cases
     * @param seed the seed
     * @return the population
     */
    public static Population generate(long size, long seed) {
        return new Population(size, seed);
    }

    /** @return the seed the cases come from */
    public long seed() {
        return seed;
    }

    @Override
    public String description() {
        return size + " generated cases (seed " + seed + ")";
    }

    @Override
    public long size() {
        return size;
    }

    /**
     * @param i the case's number, 0-based
     * @return case {@code i}, with every signal and service code of the national catalogue
     */
    public Case get(long i) {
        return new Generator(SIGNALS, SIGNAL_WEIGHTS, CHILD_SERVICES, ADULT_SERVICES).make(seed, i);
    }

    /**
     * The cases as this population gives them to one guide: case {@code i} as {@link ImpactDiff} evaluates it against
     * {@code guide} (with the guide's own steps and meeting outcomes, which {@link #get(long)}, knowing no guide, leaves
     * out). For a test that checks every decision of a guide over the population.
     *
     * @param guide the guide the cases are for
     * @return case {@code i} for {@code guide}, by {@code i}
     */
    public java.util.function.LongFunction<Case> casesFor(Guide guide) {
        Generator g = Generator.forGuides(guide, guide);
        return i -> g.make(seed, i);
    }

    @Override
    Cursor open(Guide guide) {
        return open(guide, guide);
    }

    @Override
    Object casesKey(Guide base, Guide changed) {
        return List.of(seed, Generator.forGuides(base, changed).vocabulary());
    }

    /** Case {@code i} depends on the seed and {@code i} only: a population is within any larger one of its seed. */
    @Override
    boolean within(CaseSource whole) {
        return whole instanceof Population p && p.seed == seed && size <= p.size;
    }

    @Override
    Cursor open(Guide base, Guide changed) {
        Generator g = Generator.forGuides(base, changed);
        long[] next = {0};
        return () -> {
            if (next[0] >= size) {
                return null;
            }
            long from = next[0];
            int n = (int) Math.min(2048, size - from);
            next[0] = from + n;
            return new Chunk() {
                public long first() { return from; }
                public int size() { return n; }
                public Case get(int k) { return g.make(seed, from + k); }
                public String label(int k) { return "case #" + (from + k); }
            };
        };
    }

    /** Makes cases from a vocabulary; immutable and shared by all threads. */
    static final class Generator {
        private final String[] signals;
        private final int[] signalCumulative;
        private final String[] childServices;
        private final String[] adultServices;
        /** The steps both guides know, and those of each level position 0-3 (for {@code case.step}). */
        private final String[] steps;
        private final String[][] stepsByLevel;
        /** The meeting outcomes of their own that both guides declare, by national meaning. */
        private final java.util.Map<Meeting.Outcome, String[]> ownOutcomes;

        Generator(String[] signals, int[] weights, String[] childServices, String[] adultServices) {
            this(signals, weights, childServices, adultServices, List.of());
        }

        Generator(String[] signals, int[] weights, String[] childServices, String[] adultServices, List<Step> steps) {
            this(signals, weights, childServices, adultServices, steps, java.util.Map.of());
        }

        Generator(String[] signals, int[] weights, String[] childServices, String[] adultServices, List<Step> steps,
                  java.util.Map<Meeting.Outcome, String[]> ownOutcomes) {
            this.ownOutcomes = ownOutcomes;
            this.steps = steps.stream().map(Step::id).toArray(String[]::new);
            this.stepsByLevel = new String[4][];
            for (int level = 0; level < stepsByLevel.length; level++) {
                int l = level;
                stepsByLevel[level] = steps.stream().filter(s -> s.level() == l).map(Step::id).toArray(String[]::new);
            }
            this.signals = signals;
            this.signalCumulative = new int[weights.length];
            int sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i];
                signalCumulative[i] = sum;
            }
            this.childServices = childServices;
            this.adultServices = adultServices;
        }

        /** Everything a case is drawn from beside its seed and number: generators with equal vocabularies make the same cases. */
        List<Object> vocabulary() {
            java.util.Map<Meeting.Outcome, List<String>> own = new java.util.EnumMap<>(Meeting.Outcome.class);
            ownOutcomes.forEach((o, ids) -> own.put(o, List.of(ids)));
            return List.of(List.of(signals), java.util.Arrays.stream(signalCumulative).boxed().toList(), List.of(childServices),
                    List.of(adultServices), List.of(steps), java.util.Arrays.stream(stepsByLevel).map(List::of).toList(), own);
        }

        /** Only the codes both guides know. */
        static Generator forGuides(Guide a, Guide b) {
            List<String> s = new ArrayList<>();
            List<Integer> w = new ArrayList<>();
            for (int i = 0; i < SIGNALS.length; i++) {
                if (Access.model(a).signals().containsKey(SIGNALS[i]) && Access.model(b).signals().containsKey(SIGNALS[i])) {
                    s.add(SIGNALS[i]);
                    w.add(SIGNAL_WEIGHTS[i]);
                }
            }
            java.util.Set<String> stepsOfB = new java.util.HashSet<>();
            Access.model(b).steps().forEach(st -> stepsOfB.add(st.id()));
            List<Step> steps = Access.model(a).steps().stream().filter(st -> stepsOfB.contains(st.id())).toList();
            java.util.Map<Meeting.Outcome, String[]> own = new java.util.EnumMap<>(Meeting.Outcome.class);
            for (Meeting.Outcome o : Meeting.Outcome.values()) {
                String[] both = Access.model(a).meetingOutcomes().values().stream()
                        .filter(x -> x.means() == o && Access.model(b).meetingOutcomes().containsKey(x.id())).map(x -> x.id()).toArray(String[]::new);
                if (both.length > 0) {
                    own.put(o, both);
                }
            }
            return new Generator(s.toArray(String[]::new), w.stream().mapToInt(Integer::intValue).toArray(),
                    known(CHILD_SERVICES, a, b), known(ADULT_SERVICES, a, b), steps, own);
        }

        private static String[] known(String[] codes, Guide a, Guide b) {
            return java.util.Arrays.stream(codes)
                    .filter(c -> Access.model(a).services().containsKey(c) && Access.model(b).services().containsKey(c))
                    .toArray(String[]::new);
        }

        /** SplitMix64's finaliser: spreads (seed, i) over the whole seed space. */
        static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
            z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
            return z ^ (z >>> 31);
        }

        Case make(long seed, long i) {
            SplittableRandom r = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + mix(i + 1)));
            LocalDate asOf = FIRST_AS_OF.plusDays(r.nextInt(AS_OF_DAYS));

            // child: age 0-24, a third born within a month of a threshold birthday
            int band = pick(r, new int[] {25, 35, 30, 10});
            int age = switch (band) {
                case 0 -> r.nextInt(6);
                case 1 -> 6 + r.nextInt(7);
                case 2 -> 13 + r.nextInt(5);
                default -> 18 + r.nextInt(7);
            };
            LocalDate born;
            if (r.nextInt(3) == 0) {
                born = asOf.minusYears(THRESHOLDS[r.nextInt(THRESHOLDS.length)]).plusDays(r.nextInt(61) - 30);
                if (born.isAfter(asOf)) {
                    born = asOf;
                }
            } else {
                born = asOf.minusYears(age).minusDays(r.nextInt(365));
            }
            int ageNow = no.veiviser.internal.Dates.years(born, asOf);
            int childKind = pick(r, new int[] {85, 10, 5});
            Optional<Child.Setting> setting = r.nextInt(10) == 0 ? Optional.empty() : Optional.of(setting(r, ageNow));
            boolean lives = r.nextInt(20) != 0;
            Child child = switch (childKind) {
                case 0 -> new Child(Optional.of(born), OptionalInt.empty(), setting, lives);
                case 1 -> new Child(Optional.empty(), OptionalInt.of(Math.min(ageNow, 24)), setting, lives);
                default -> Child.UNKNOWN;
            };

            // concern
            Optional<LocalDate> since = r.nextInt(5) == 0 ? Optional.empty()
                    : Optional.of(asOf.minusDays((long) (180 * square(r.nextDouble()))));
            int count = pick(r, new int[] {15, 55, 22, 8});
            List<String> chosen = new ArrayList<>(count);
            for (int k = 0; k < count && signals.length > 0; k++) {
                String s = signals[weighted(r, signalCumulative)];
                if (!chosen.contains(s)) {
                    chosen.add(s);
                }
            }
            int progress = pick(r, new int[] {60, 15, 15, 10});
            boolean uncertainPlacement = r.nextInt(10) == 0;

            // work under way
            int level = pick(r, new int[] {40, 15, 25, 12, 8});
            boolean working = level > 0;
            int services = working ? r.nextInt(4) : 0;
            List<String> serviceList = new ArrayList<>(services);
            for (int k = 0; k < services && childServices.length > 0; k++) {
                String s = childServices[r.nextInt(childServices.length)];
                if (!serviceList.contains(s)) {
                    serviceList.add(s);
                }
            }
            boolean guardiansInvolved = r.nextInt(100) < (working ? 50 : 15);
            boolean individualPlan = r.nextInt(20) == 0;
            boolean childCoordinator = r.nextInt(33) == 0;
            boolean closing = r.nextInt(20) == 0;

            // consent
            Consent.State guardians = CONSENT[pick(r, new int[] {55, 10, 5, 30})];
            Consent.State youth = ageNow >= 12 && childKind != 2 ? CONSENT[pick(r, new int[] {40, 10, 5, 45})]
                    : CONSENT[pick(r, new int[] {10, 0, 0, 90})];
            boolean cwInformed = r.nextInt(100) < 12;
            boolean cwRecommends = r.nextInt(100) < 4;
            boolean cwDecision = r.nextInt(100) < 5;
            boolean cwMeasure = r.nextInt(100) < 5;

            int logStatus = pick(r, new int[] {70, 25, 5});
            Stafettlogg log = logStatus == 0 || childServices.length == 0 ? Stafettlogg.NONE
                    : new Stafettlogg(Stafettlogg.Status.values()[logStatus], Optional.of(childServices[r.nextInt(childServices.length)]));

            Reporter reporter;
            boolean adultService = false;
            Optional<LocalDate> settled = Optional.empty();
            boolean hasChildren = false;
            Adult.SocialAssistance assistance = Adult.SocialAssistance.NONE;
            Adult.PatientCondition condition = Adult.PatientCondition.NONE;
            if (r.nextInt(100) < 15 && adultServices.length > 0) {
                adultService = true;
                reporter = Reporter.of(adultServices[r.nextInt(adultServices.length)], true);
                settled = r.nextInt(5) == 0 ? Optional.of(asOf.minusDays(r.nextInt(7 * 365))) : Optional.empty();
                hasChildren = r.nextInt(5) != 0;
                assistance = Adult.SocialAssistance.values()[pick(r, new int[] {50, 25, 25})];
                condition = Adult.PatientCondition.values()[pick(r, new int[] {40, 25, 15, 10, 10})];
            } else if (r.nextInt(10) == 0 || childServices.length == 0) {
                reporter = Reporter.UNKNOWN;
            } else {
                reporter = Reporter.of(childServices[r.nextInt(childServices.length)], false);
            }

            // ---- the facts added later, after every draw above (see the class comment)
            Optional<String> step = Optional.empty();
            if (working && steps.length > 0 && r.nextInt(2) == 0) {
                String[] atLevel = stepsByLevel[level - 1];
                step = Optional.of(atLevel.length > 0 && r.nextInt(100) < 85 ? atLevel[r.nextInt(atLevel.length)] : steps[r.nextInt(steps.length)]);
            }
            Optional<LocalDate> referred = working && r.nextInt(100) < 40
                    ? Optional.of(asOf.minusDays((long) (365 * square(r.nextDouble())))) : Optional.empty();

            boolean met = r.nextInt(100) < (working ? 55 : 5);
            LocalDate held = null;
            Meeting.Outcome outcome = null;
            Optional<String> decided = Optional.empty();
            Optional<LocalDate> next = Optional.empty();
            if (met) {
                held = asOf.minusDays((long) (120 * square(r.nextDouble())));
                outcome = r.nextInt(5) == 0 ? null : OUTCOMES[pick(r, OUTCOME_WEIGHTS)];
                decided = outcome == Meeting.Outcome.CHANGE_LEVEL ? Optional.of(LEVEL_IDS[r.nextInt(4)]) : Optional.empty();
                next = r.nextInt(100) < 60 ? Optional.of(held.plusDays(14 + r.nextInt(71))) : Optional.empty();
            }

            boolean youthAsked = ageNow >= 12 && childKind != 2;
            boolean written = guardians == Consent.State.GIVEN && r.nextInt(100) < 60;
            boolean withLog = logStatus != 0 && childServices.length > 0;
            Consent.Answers logConsent = answers(r, withLog ? KIND_IN_USE : KIND_NOT_IN_USE, youthAsked, withLog ? YOUTH_IN_USE : YOUTH_NOT_IN_USE, 70);
            Consent.Answers planConsent = answers(r, individualPlan ? PLAN_IN_USE : PLAN_NOT_IN_USE, youthAsked,
                    individualPlan ? YOUTH_PLAN_IN_USE : YOUTH_NOT_IN_USE, 50);

            Optional<LocalDate> informedOn = Optional.empty();
            if (cwInformed && r.nextInt(100) < 80) {
                LocalDate on;
                if (since.isEmpty()) {
                    on = asOf.minusDays(r.nextInt(181));
                } else if (r.nextInt(3) < 2) {
                    LocalDate after = since.get().plusDays(r.nextInt(5) == 0 ? 0 : 1 + r.nextInt(30));
                    on = after.isAfter(asOf) ? asOf : after;
                } else {
                    on = since.get().minusDays(1 + r.nextInt(365));
                }
                informedOn = Optional.of(on);
            }
            ChildWelfare cw = new ChildWelfare(cwInformed, cwRecommends, cwDecision, cwMeasure, informedOn);

            // the adult client a sibling of the child (children as next of kin, "barn og søsken av pasienter"): drawn
            // last, and only for adult-service cases, so every earlier field keeps its value for a seed
            Adult adult = Adult.NONE;
            if (adultService) {
                int sibling = pick(r, new int[] {50, 35, 15});
                adult = new Adult(Optional.of(hasChildren), assistance, settled, condition,
                        sibling == 0 ? Optional.empty() : Optional.of(sibling == 2));
            }
            // pregnancy, who is worried and an ordinary coordinator (issue 26): drawn after everything else, for the same reason
            int pregnant = pick(r, new int[] {60, 37, 3});
            int raised = pick(r, new int[] {40, 35, 15, 5, 5});
            Concern concern = new Concern(since, chosen, uncertainPlacement,
                    progress == 0 ? Optional.empty() : Optional.of(Concern.Progress.values()[progress - 1]),
                    pregnant == 0 ? Optional.empty() : Optional.of(pregnant == 2),
                    raised == 0 ? Optional.empty() : Optional.of(Concern.RaisedBy.values()[raised - 1]));
            // a guide's own meeting outcome: half the concluded meetings whose meaning has one say it in the guide's words
            Meeting meeting = Meeting.NONE;
            if (met) {
                meeting = new Meeting(Optional.of(held), Optional.ofNullable(outcome), decided, next);
                String[] own = outcome == null ? null : ownOutcomes.get(outcome);
                if (own != null) {
                    int k = r.nextInt(2 * own.length);
                    if (k < own.length) {
                        meeting = meeting.withGuideOutcome(own[k], outcome);
                    }
                }
            }
            int coordinator = pick(r, individualPlan ? new int[] {30, 10, 60} : new int[] {50, 48, 2});
            CaseWork work = new CaseWork(working ? Optional.of(LEVEL_IDS[level - 1]) : Optional.empty(), step, guardiansInvolved,
                    serviceList, individualPlan, childCoordinator, closing, referred,
                    coordinator == 0 ? Optional.empty() : Optional.of(coordinator == 2));
            return new Case(asOf, child, concern, work, new Consent(guardians, youth, written, logConsent, planConsent), cw, log,
                    reporter, adult, meeting);
        }

        private static final Meeting.Outcome[] OUTCOMES = Meeting.Outcome.values();
        private static final String[] LEVEL_IDS = {"0", "1", "2", "3"};
        /** measures-needed, no-measures-needed, continue, change-level, close. */
        private static final int[] OUTCOME_WEIGHTS = {30, 15, 25, 20, 10};
        /** Consent of a kind (given, refused, withdrawn, not asked): where the kind is in use, and where it is not. */
        private static final int[] KIND_IN_USE = {70, 10, 5, 15};
        private static final int[] KIND_NOT_IN_USE = {10, 3, 2, 85};
        private static final int[] PLAN_IN_USE = {80, 5, 5, 10};
        private static final int[] PLAN_NOT_IN_USE = {5, 3, 3, 89};
        private static final int[] YOUTH_IN_USE = {45, 10, 8, 37};
        private static final int[] YOUTH_PLAN_IN_USE = {50, 5, 5, 40};
        private static final int[] YOUTH_NOT_IN_USE = {5, 3, 4, 88};

        /** One kind's consent: the guardians', the youth's where asked, and in writing for {@code writtenPercent} of the given. */
        private static Consent.Answers answers(SplittableRandom r, int[] guardianWeights, boolean youthAsked, int[] youthWeights, int writtenPercent) {
            Consent.State g = CONSENT[pick(r, guardianWeights)];
            Consent.State y = youthAsked ? CONSENT[pick(r, youthWeights)] : Consent.State.NOT_ASKED;
            return new Consent.Answers(g, y, (g == Consent.State.GIVEN || y == Consent.State.GIVEN) && r.nextInt(100) < writtenPercent);
        }

        private static final Consent.State[] CONSENT = {Consent.State.GIVEN, Consent.State.REFUSED, Consent.State.WITHDRAWN,
            Consent.State.NOT_ASKED};

        private static Child.Setting setting(SplittableRandom r, int age) {
            int p = r.nextInt(100);
            if (age < 6) {
                return p < 85 ? Child.Setting.KINDERGARTEN : p < 95 ? Child.Setting.NONE : Child.Setting.OTHER;
            }
            if (age < 19) {
                return p < 90 ? Child.Setting.SCHOOL : p < 95 ? Child.Setting.NONE : Child.Setting.OTHER;
            }
            return p < 30 ? Child.Setting.SCHOOL : p < 70 ? Child.Setting.OTHER : Child.Setting.NONE;
        }

        private static double square(double x) {
            return x * x;
        }

        /** An index drawn with the given weights. */
        private static int pick(SplittableRandom r, int[] weights) {
            int total = 0;
            for (int w : weights) {
                total += w;
            }
            int x = r.nextInt(total);
            for (int i = 0; i < weights.length; i++) {
                x -= weights[i];
                if (x < 0) {
                    return i;
                }
            }
            return weights.length - 1;
        }

        private static int weighted(SplittableRandom r, int[] cumulative) {
            int x = r.nextInt(cumulative[cumulative.length - 1]);
            for (int i = 0; i < cumulative.length; i++) {
                if (x < cumulative[i]) {
                    return i;
                }
            }
            return cumulative.length - 1;
        }
    }
}
