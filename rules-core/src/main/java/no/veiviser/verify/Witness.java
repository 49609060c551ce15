package no.veiviser.verify;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import no.veiviser.Adult;
import no.veiviser.Case;
import no.veiviser.CaseWork;
import no.veiviser.Child;
import no.veiviser.ChildWelfare;
import no.veiviser.Concern;
import no.veiviser.Consent;
import no.veiviser.Meeting;
import no.veiviser.Reporter;
import no.veiviser.Stafettlogg;
import no.veiviser.internal.engine.Field;

/**
 * Turns a model of the formula into a concrete {@link Case}: each class becomes a representative value (its
 * lower bound; a date of the class's days and years before an asOf inside the class's period), and every
 * field the guide never tests keeps the empty case's value.
 */
final class Witness {
    /** The fields a witness can be built with; a field outside this set refuses the guide. */
    static final Set<Field> KNOWN = EnumSet.of(Field.CHILD_AGE, Field.CHILD_SETTING, Field.CHILD_LIVES_IN_MUNICIPALITY,
            Field.CONCERN_SINCE, Field.CONCERN_SIGNALS, Field.CONCERN_UNCERTAIN_PLACEMENT, Field.CONCERN_PROGRESS,
            Field.CASE_LEVEL, Field.CASE_STEP, Field.CASE_GUARDIANS_INVOLVED, Field.CASE_SERVICES, Field.CASE_INDIVIDUAL_PLAN,
            Field.CASE_CHILD_COORDINATOR, Field.CASE_CLOSING, Field.CONSENT_GUARDIANS, Field.CONSENT_YOUTH,
            Field.CHILD_WELFARE_INFORMED, Field.CHILD_WELFARE_RECOMMENDS_FOLLOW_UP, Field.CHILD_WELFARE_DECISION,
            Field.CHILD_WELFARE_MEASURE_ACTIVE, Field.STAFETTLOGG_STATUS, Field.STAFETTLOGG_HOLDER, Field.REPORTER_SERVICE,
            Field.REPORTER_ADULT_SERVICE, Field.ADULT_HAS_CHILDREN, Field.ADULT_SOCIAL_ASSISTANCE, Field.ADULT_REFUGEE_SETTLED_ON,
            Field.ADULT_PATIENT_CONDITION, Field.CASE_REFERRED, Field.MEETING_HELD, Field.MEETING_OUTCOME, Field.MEETING_LEVEL,
            Field.MEETING_NEXT, Field.CONSENT_WRITTEN, Field.CONSENT_STAFETTLOGG_GUARDIANS, Field.CONSENT_STAFETTLOGG_YOUTH,
            Field.CONSENT_STAFETTLOGG_WRITTEN, Field.CONSENT_INDIVIDUAL_PLAN_GUARDIANS, Field.CONSENT_INDIVIDUAL_PLAN_YOUTH,
            Field.CONSENT_INDIVIDUAL_PLAN_WRITTEN, Field.CHILD_WELFARE_INFORMED_ON, Field.ADULT_PATIENT_IS_SIBLING,
            Field.CONCERN_PREGNANCY, Field.CONCERN_RAISED_BY, Field.CASE_COORDINATOR);

    private Witness() {}

    static Case decode(Cnf cnf, CaseSpace space) {
        int cls = 0;
        for (int k = 0; k < space.classes(); k++) {
            if (cnf.value(space.asOfClass.get(k))) {
                cls = k;
            }
        }
        Map<Field, Object> vars = space.vars();
        LocalDate asOf = asOf(cnf, space, cls, vars);
        Map<Field, Optional<LocalDate>> dates = dates(cnf, space, vars, asOf);
        Case c = Case.on(asOf);
        Integer age = num(cnf, vars.get(Field.CHILD_AGE));
        Child child = age == null ? Child.UNKNOWN : age <= 30 ? Child.aged(age) : Child.bornOn(asOf.minusYears(age));
        String setting = choice(cnf, vars.get(Field.CHILD_SETTING));
        if (setting != null) {
            child = child.withSetting(byCode(Child.Setting.values(), setting));
        }
        child = child.withLivesInMunicipality(flag(cnf, vars.get(Field.CHILD_LIVES_IN_MUNICIPALITY), true));
        c = c.withChild(child);
        String progress = choice(cnf, vars.get(Field.CONCERN_PROGRESS));
        String raisedBy = choice(cnf, vars.get(Field.CONCERN_RAISED_BY));
        c = c.withConcern(new Concern(dates.get(Field.CONCERN_SINCE), codes(cnf, vars.get(Field.CONCERN_SIGNALS)),
                flag(cnf, vars.get(Field.CONCERN_UNCERTAIN_PLACEMENT), false),
                Optional.ofNullable(progress).map(p -> byCode(Concern.Progress.values(), p)),
                optFlag(cnf, vars.get(Field.CONCERN_PREGNANCY)),
                Optional.ofNullable(raisedBy).map(r -> byCode(Concern.RaisedBy.values(), r))));
        Integer level = num(cnf, vars.get(Field.CASE_LEVEL));
        c = c.withWork(new CaseWork(level(space, num(cnf, vars.get(Field.CASE_LEVEL))),
                Optional.ofNullable(choice(cnf, vars.get(Field.CASE_STEP))), flag(cnf, vars.get(Field.CASE_GUARDIANS_INVOLVED), false),
                codes(cnf, vars.get(Field.CASE_SERVICES)), flag(cnf, vars.get(Field.CASE_INDIVIDUAL_PLAN), false),
                flag(cnf, vars.get(Field.CASE_CHILD_COORDINATOR), false), flag(cnf, vars.get(Field.CASE_CLOSING), false),
                dates.get(Field.CASE_REFERRED), optFlag(cnf, vars.get(Field.CASE_COORDINATOR))));
        String outcome = choice(cnf, vars.get(Field.MEETING_OUTCOME));
        Meeting meeting = new Meeting(dates.get(Field.MEETING_HELD),
                Optional.ofNullable(outcome).map(space::outcomeMeaning), level(space, num(cnf, vars.get(Field.MEETING_LEVEL))),
                given(cnf, vars.get(Field.MEETING_NEXT)) ? Optional.of(asOf.plusDays(1)) : Optional.empty());
        if (outcome != null && !outcome.equals(meeting.outcome().get().code())) { // one of the guide's own outcomes
            meeting = meeting.withGuideOutcome(outcome, meeting.outcome().get());
        }
        c = c.withMeeting(meeting);
        c = c.withConsent(new Consent(state(cnf, vars.get(Field.CONSENT_GUARDIANS), Consent.State.values(), Consent.State.NOT_ASKED),
                state(cnf, vars.get(Field.CONSENT_YOUTH), Consent.State.values(), Consent.State.NOT_ASKED),
                flag(cnf, vars.get(Field.CONSENT_WRITTEN), false),
                answers(cnf, vars, Field.CONSENT_STAFETTLOGG_GUARDIANS, Field.CONSENT_STAFETTLOGG_YOUTH, Field.CONSENT_STAFETTLOGG_WRITTEN),
                answers(cnf, vars, Field.CONSENT_INDIVIDUAL_PLAN_GUARDIANS, Field.CONSENT_INDIVIDUAL_PLAN_YOUTH,
                        Field.CONSENT_INDIVIDUAL_PLAN_WRITTEN)));
        c = c.withChildWelfare(new ChildWelfare(flag(cnf, vars.get(Field.CHILD_WELFARE_INFORMED), false),
                flag(cnf, vars.get(Field.CHILD_WELFARE_RECOMMENDS_FOLLOW_UP), false), flag(cnf, vars.get(Field.CHILD_WELFARE_DECISION), false),
                flag(cnf, vars.get(Field.CHILD_WELFARE_MEASURE_ACTIVE), false), dates.get(Field.CHILD_WELFARE_INFORMED_ON)));
        c = c.withStafettlogg(new Stafettlogg(state(cnf, vars.get(Field.STAFETTLOGG_STATUS), Stafettlogg.Status.values(), Stafettlogg.Status.NONE),
                Optional.ofNullable(choice(cnf, vars.get(Field.STAFETTLOGG_HOLDER)))));
        c = c.withReporter(new Reporter(Optional.ofNullable(choice(cnf, vars.get(Field.REPORTER_SERVICE))),
                flag(cnf, vars.get(Field.REPORTER_ADULT_SERVICE), false)));
        c = c.withAdult(new Adult(optFlag(cnf, vars.get(Field.ADULT_HAS_CHILDREN)),
                state(cnf, vars.get(Field.ADULT_SOCIAL_ASSISTANCE), Adult.SocialAssistance.values(), Adult.SocialAssistance.NONE),
                dates.get(Field.ADULT_REFUGEE_SETTLED_ON),
                state(cnf, vars.get(Field.ADULT_PATIENT_CONDITION), Adult.PatientCondition.values(), Adult.PatientCondition.NONE),
                optFlag(cnf, vars.get(Field.ADULT_PATIENT_IS_SIBLING))));
        return c;
    }

    /** A true/false/not-given flag: empty unless the model gives it. */
    private static Optional<Boolean> optFlag(Cnf cnf, Object var) {
        return var instanceof CaseSpace.OptFlag o && cnf.value(o.given()) ? Optional.of(cnf.value(o.value())) : Optional.empty();
    }

    private static Consent.Answers answers(Cnf cnf, Map<Field, Object> vars, Field guardians, Field youth, Field written) {
        return new Consent.Answers(state(cnf, vars.get(guardians), Consent.State.values(), Consent.State.NOT_ASKED),
                state(cnf, vars.get(youth), Consent.State.values(), Consent.State.NOT_ASKED), flag(cnf, vars.get(written), false));
    }

    /** A level position as the case writes it: the guide's id for that place. */
    private static Optional<String> level(CaseSpace space, Integer position) {
        return Optional.ofNullable(position).map(p -> space.levelId(p));
    }

    /** Whether a date only tested for being given (one that may lie ahead) is given in the model. */
    private static boolean given(Cnf cnf, Object v) {
        return v instanceof CaseSpace.Date d && cnf.value(d.given());
    }

    private static boolean flag(Cnf cnf, Object v, boolean otherwise) {
        return v instanceof CaseSpace.Flag f ? cnf.value(f.var()) : otherwise;
    }

    private static Integer num(Cnf cnf, Object v) {
        if (v instanceof CaseSpace.Num n && cnf.value(n.given)) {
            return n.shown();
        }
        return null;
    }

    private static String choice(Cnf cnf, Object v) {
        if (v instanceof CaseSpace.Choice c) {
            for (Map.Entry<String, Integer> e : c.value().entrySet()) {
                if (cnf.value(e.getValue())) {
                    return e.getKey();
                }
            }
        }
        return null;
    }

    private static List<String> codes(Cnf cnf, Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof CaseSpace.Codes c) {
            c.has().forEach((code, lit) -> {
                if (cnf.value(lit)) {
                    out.add(code);
                }
            });
        }
        return out;
    }

    private static <E extends Enum<E>> E state(Cnf cnf, Object v, E[] values, E otherwise) {
        String code = choice(cnf, v);
        return code == null ? otherwise : byCode(values, code);
    }

    private static <E extends Enum<E>> E byCode(E[] values, String code) {
        for (E e : values) {
            if (e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-').equals(code)) {
                return e;
            }
        }
        throw new IllegalStateException("internal error: no value " + code + " in " + values[0].getDeclaringClass().getSimpleName());
    }

    /**
     * The asOf shown: the class's first day, or, when a date's days and years classes meet only on some days of
     * the calendar (a span of y whole years has 365y plus 0 to 2 leap days), the nearest day of the class on
     * which they do.
     */
    private static LocalDate asOf(Cnf cnf, CaseSpace space, int cls, Map<Field, Object> vars) {
        LocalDate first = space.asOfShown.get(cls);
        LocalDate end = cls + 1 < space.classes() ? space.asOfShown.get(cls + 1) : null;
        for (int i = 0; i < 3 * 1461; i++) { // 12 years: every leap-year phase, twice over
            LocalDate candidate = cls == 0 ? first.minusDays(i) : first.plusDays(i);
            if (end != null && !candidate.isBefore(end)) {
                break;
            }
            if (PAST_DATES.stream().allMatch(f -> dateFits(cnf, vars.get(f), candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("internal error in verify: no asOf in the period from " + first
                + " has a date with the days and years since it that the counter-example needs");
    }

    /**
     * The dates that lie on or before asOf, built from their days and years classes: each DATE field of the vocabulary
     * but those that may lie ahead, so a date field added to Field cannot be left out of the asOf search.
     */
    private static final List<Field> PAST_DATES = java.util.Arrays.stream(Field.values())
            .filter(f -> f.type() == Field.Type.DATE && !f.mayBeAhead()).toList();

    /**
     * Every date on or before asOf (empty where not given), each the smallest of its classes, then moved a day where a
     * pair of dates in calendar order needs them apart: {@link CaseSpace#close()} admits "apart" only where the two
     * dates' classes differ or their common class has room for a second day, so the later-drawn one stays in its class.
     */
    private static Map<Field, Optional<LocalDate>> dates(Cnf cnf, CaseSpace space, Map<Field, Object> vars, LocalDate asOf) {
        Map<Field, Optional<LocalDate>> out = new java.util.EnumMap<>(Field.class);
        for (Field f : PAST_DATES) {
            out.put(f, date(cnf, vars.get(f), asOf));
        }
        for (CaseSpace.DatePair p : space.pairs()) {
            Optional<LocalDate> x = out.get(p.x());
            Optional<LocalDate> y = out.get(p.y());
            if (x.isEmpty() || y.isEmpty()) {
                continue; // the order is not tested where a date is not given
            }
            // fewer days before asOf is the later date
            if (cnf.value(p.fewer()) && !x.get().isAfter(y.get())) {
                out.put(p.y(), Optional.of(x.get().minusDays(1)));
            } else if (cnf.value(p.more()) && !y.get().isAfter(x.get())) {
                out.put(p.x(), Optional.of(y.get().minusDays(1)));
            } else if (cnf.value(p.same()) && !x.equals(y)) {
                throw new IllegalStateException("internal error in verify: two dates of one class in the same order are not the same day");
            }
        }
        return out;
    }

    private static boolean dateFits(Cnf cnf, Object v, LocalDate asOf) {
        try {
            date(cnf, v, asOf);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** A date whose whole days and whole years before asOf fall in the model's classes (the smallest such). */
    private static Optional<LocalDate> date(Cnf cnf, Object v, LocalDate asOf) {
        if (!(v instanceof CaseSpace.Date d) || !cnf.value(d.given())) {
            return Optional.empty();
        }
        int dayLow = d.days().shown();
        int dayHigh = d.days().shownUpper();
        int yearLow = d.years().shown();
        int yearHigh = d.years().shownUpper();
        int from = Math.max(dayLow, yearLow == 0 ? 0 : CaseSpace.minDays(yearLow));
        for (int days = from; days <= dayHigh && days - from < 2_000; days++) {
            LocalDate date = asOf.minusDays(days);
            int years = no.veiviser.internal.Dates.years(date, asOf);
            if (years >= yearLow && years <= yearHigh) {
                return Optional.of(date);
            }
        }
        throw new IllegalStateException("internal error: no date lies " + dayLow + ".." + dayHigh + " days and "
                + yearLow + ".." + yearHigh + " years before " + asOf);
    }
}
