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
import no.veiviser.Reporter;
import no.veiviser.Stafettlogg;
import no.veiviser.internal.Access;

/**
 * A generated population of realistic case facts, for {@link ImpactDiff}: {@code Population.generate(1_000_000, 1)}.
 * Case {@code i} is made from {@code (seed, i)} alone, so the population is the same on any number of threads
 * and any machine. The distributions (see the README table in {@code examples/diff/}) follow the shape of the
 * guides' own cases: most children with a birth date, a third of them born within a month of a threshold
 * birthday (7, 12, 15, 16, 18), one or two signals with common worries far more frequent than acute ones,
 * work under way at level 0–3, consent in every state, and adult-service reporters. Signals and services a
 * guide does not know are left out, so every case is valid for both guides of a diff.
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

    @Override
    Cursor open(Guide guide) {
        return open(guide, guide);
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

        Generator(String[] signals, int[] weights, String[] childServices, String[] adultServices) {
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
            return new Generator(s.toArray(String[]::new), w.stream().mapToInt(Integer::intValue).toArray(),
                    known(CHILD_SERVICES, a, b), known(ADULT_SERVICES, a, b));
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
            int ageNow = java.time.Period.between(born, asOf).getYears();
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
            Concern concern = new Concern(since, chosen, r.nextInt(10) == 0,
                    progress == 0 ? Optional.empty() : Optional.of(Concern.Progress.values()[progress - 1]));

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
            CaseWork work = new CaseWork(working ? Optional.of(String.valueOf(level - 1)) : Optional.empty(), Optional.empty(),
                    r.nextInt(100) < (working ? 50 : 15), serviceList, r.nextInt(20) == 0, r.nextInt(33) == 0,
                    r.nextInt(20) == 0, Optional.empty());

            // consent
            Consent.State guardians = CONSENT[pick(r, new int[] {55, 10, 5, 30})];
            Consent.State youth = ageNow >= 12 && childKind != 2 ? CONSENT[pick(r, new int[] {40, 10, 5, 45})]
                    : CONSENT[pick(r, new int[] {10, 0, 0, 90})];
            ChildWelfare cw = new ChildWelfare(r.nextInt(100) < 12, r.nextInt(100) < 4, r.nextInt(100) < 5, r.nextInt(100) < 5);

            int logStatus = pick(r, new int[] {70, 25, 5});
            Stafettlogg log = logStatus == 0 || childServices.length == 0 ? Stafettlogg.NONE
                    : new Stafettlogg(Stafettlogg.Status.values()[logStatus], Optional.of(childServices[r.nextInt(childServices.length)]));

            Reporter reporter;
            Adult adult = Adult.NONE;
            if (r.nextInt(100) < 15 && adultServices.length > 0) {
                reporter = Reporter.of(adultServices[r.nextInt(adultServices.length)], true);
                Optional<LocalDate> settled = r.nextInt(5) == 0 ? Optional.of(asOf.minusDays(r.nextInt(7 * 365))) : Optional.empty();
                adult = new Adult(Optional.of(r.nextInt(5) != 0), Adult.SocialAssistance.values()[pick(r, new int[] {50, 25, 25})],
                        settled, Adult.PatientCondition.values()[pick(r, new int[] {40, 25, 15, 10, 10})]);
            } else if (r.nextInt(10) == 0 || childServices.length == 0) {
                reporter = Reporter.UNKNOWN;
            } else {
                reporter = Reporter.of(childServices[r.nextInt(childServices.length)], false);
            }
            return new Case(asOf, child, concern, work, new Consent(guardians, youth), cw, log, reporter, adult, null);
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
