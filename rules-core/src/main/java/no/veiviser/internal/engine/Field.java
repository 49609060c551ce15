package no.veiviser.internal.engine;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import no.veiviser.Adult;
import no.veiviser.Child;
import no.veiviser.Concern;
import no.veiviser.Consent;
import no.veiviser.Meeting;
import no.veiviser.Stafettlogg;

/**
 * The case vocabulary: every field a guide's conditions may test, with its type. A condition names a
 * field by its {@link #path()}; the compiler only ever writes the {@link #property()} given here into
 * generated rules, never text from the guide.
 */
public enum Field {
    CHILD_AGE("child.age", Type.INT, "childAge", f -> f.getChildAge()),
    CHILD_SETTING("child.setting", Type.ENUM, "childSetting", f -> f.getChildSetting(), codes(Child.Setting.values())),
    CHILD_LIVES_IN_MUNICIPALITY("child.livesInMunicipality", Type.BOOL, "childLivesInMunicipality", f -> f.isChildLivesInMunicipality()),
    CONCERN_SINCE("concern.since", Type.DATE, "concernSince", null),
    CONCERN_SIGNALS("concern.signals", Type.CODESET, "concernSignals", f -> f.getConcernSignals(), Catalogue.SIGNALS),
    CONCERN_UNCERTAIN_PLACEMENT("concern.uncertainPlacement", Type.BOOL, "concernUncertainPlacement", f -> f.isConcernUncertainPlacement()),
    CONCERN_PROGRESS("concern.progress", Type.ENUM, "concernProgress", f -> f.getConcernProgress(), codes(Concern.Progress.values())),
    CASE_LEVEL("case.level", Type.INT, "caseLevel", f -> f.getCaseLevel()),
    CASE_STEP("case.step", Type.CODE, "caseStep", f -> f.getCaseStep(), Catalogue.STEPS),
    CASE_GUARDIANS_INVOLVED("case.guardiansInvolved", Type.BOOL, "caseGuardiansInvolved", f -> f.isCaseGuardiansInvolved()),
    CASE_SERVICES("case.services", Type.CODESET, "caseServices", f -> f.getCaseServices(), Catalogue.SERVICES),
    CASE_INDIVIDUAL_PLAN("case.individualPlan", Type.BOOL, "caseIndividualPlan", f -> f.isCaseIndividualPlan()),
    CASE_CHILD_COORDINATOR("case.childCoordinator", Type.BOOL, "caseChildCoordinator", f -> f.isCaseChildCoordinator()),
    CASE_CLOSING("case.closing", Type.BOOL, "caseClosing", f -> f.isCaseClosing()),
    CASE_REFERRED("case.referred", Type.DATE, "caseReferred", null),
    MEETING_HELD("meeting.held", Type.DATE, "meetingHeld", null),
    MEETING_OUTCOME("meeting.outcome", Type.ENUM, "meetingOutcome", f -> f.getMeetingOutcome(), codes(Meeting.Outcome.values())),
    MEETING_LEVEL("meeting.level", Type.INT, "meetingLevel", f -> f.getMeetingLevel()),
    MEETING_NEXT("meeting.next", Type.DATE, "meetingNext", null),
    CONSENT_GUARDIANS("consent.guardians", Type.ENUM, "consentGuardians", f -> f.getConsentGuardians(), codes(Consent.State.values())),
    CONSENT_YOUTH("consent.youth", Type.ENUM, "consentYouth", f -> f.getConsentYouth(), codes(Consent.State.values())),
    CONSENT_WRITTEN("consent.written", Type.BOOL, "consentWritten", f -> f.isConsentWritten()),
    CONSENT_STAFETTLOGG_GUARDIANS("consent.stafettlogg.guardians", Type.ENUM, "consentStafettloggGuardians", f -> f.getConsentStafettloggGuardians(), codes(Consent.State.values())),
    CONSENT_STAFETTLOGG_YOUTH("consent.stafettlogg.youth", Type.ENUM, "consentStafettloggYouth", f -> f.getConsentStafettloggYouth(), codes(Consent.State.values())),
    CONSENT_STAFETTLOGG_WRITTEN("consent.stafettlogg.written", Type.BOOL, "consentStafettloggWritten", f -> f.isConsentStafettloggWritten()),
    CONSENT_INDIVIDUAL_PLAN_GUARDIANS("consent.individualPlan.guardians", Type.ENUM, "consentIndividualPlanGuardians", f -> f.getConsentIndividualPlanGuardians(), codes(Consent.State.values())),
    CONSENT_INDIVIDUAL_PLAN_YOUTH("consent.individualPlan.youth", Type.ENUM, "consentIndividualPlanYouth", f -> f.getConsentIndividualPlanYouth(), codes(Consent.State.values())),
    CONSENT_INDIVIDUAL_PLAN_WRITTEN("consent.individualPlan.written", Type.BOOL, "consentIndividualPlanWritten", f -> f.isConsentIndividualPlanWritten()),
    CHILD_WELFARE_INFORMED("childWelfare.informed", Type.BOOL, "childWelfareInformed", f -> f.isChildWelfareInformed()),
    CHILD_WELFARE_RECOMMENDS_FOLLOW_UP("childWelfare.recommendsFollowUp", Type.BOOL, "childWelfareRecommendsFollowUp", f -> f.isChildWelfareRecommendsFollowUp()),
    CHILD_WELFARE_DECISION("childWelfare.decision", Type.BOOL, "childWelfareDecision", f -> f.isChildWelfareDecision()),
    CHILD_WELFARE_MEASURE_ACTIVE("childWelfare.measureActive", Type.BOOL, "childWelfareMeasureActive", f -> f.isChildWelfareMeasureActive()),
    CHILD_WELFARE_INFORMED_ON("childWelfare.informedOn", Type.DATE, "childWelfareInformedOn", null),
    STAFETTLOGG_STATUS("stafettlogg.status", Type.ENUM, "stafettloggStatus", f -> f.getStafettloggStatus(), codes(Stafettlogg.Status.values())),
    STAFETTLOGG_HOLDER("stafettlogg.holder", Type.CODE, "stafettloggHolder", f -> f.getStafettloggHolder(), Catalogue.SERVICES),
    REPORTER_SERVICE("reporter.service", Type.CODE, "reporterService", f -> f.getReporterService(), Catalogue.SERVICES),
    REPORTER_ADULT_SERVICE("reporter.adultService", Type.BOOL, "reporterAdultService", f -> f.isReporterAdultService()),
    ADULT_HAS_CHILDREN("adult.hasChildren", Type.OPTIONAL_BOOL, "adultHasChildren", f -> f.getAdultHasChildren()),
    ADULT_SOCIAL_ASSISTANCE("adult.socialAssistance", Type.ENUM, "adultSocialAssistance", f -> f.getAdultSocialAssistance(), codes(Adult.SocialAssistance.values())),
    ADULT_REFUGEE_SETTLED_ON("adult.refugeeSettledOn", Type.DATE, "adultRefugeeSettledOn", null),
    ADULT_PATIENT_CONDITION("adult.patientCondition", Type.ENUM, "adultPatientCondition", f -> f.getAdultPatientCondition(), codes(Adult.PatientCondition.values())),
    ADULT_PATIENT_IS_SIBLING("adult.patientIsSibling", Type.OPTIONAL_BOOL, "adultPatientIsSibling", f -> f.getAdultPatientIsSibling()),
    CONCERN_PREGNANCY("concern.pregnancy", Type.OPTIONAL_BOOL, "concernPregnancy", f -> f.getConcernPregnancy()),
    CONCERN_RAISED_BY("concern.raisedBy", Type.ENUM, "concernRaisedBy", f -> f.getConcernRaisedBy(), codes(Concern.RaisedBy.values())),
    CASE_COORDINATOR("case.coordinator", Type.OPTIONAL_BOOL, "caseCoordinator", f -> f.getCaseCoordinator());

    /** What a field holds, which decides the operators it takes. */
    public enum Type { BOOL, OPTIONAL_BOOL, INT, ENUM, CODE, CODESET, DATE }

    /** The guide catalogues that CODE and CODESET fields draw their values from. */
    public enum Catalogue { SIGNALS, SERVICES, STEPS }

    private static final Map<String, Field> BY_PATH = new LinkedHashMap<>();

    static {
        for (Field f : values()) {
            BY_PATH.put(f.path, f);
        }
        // Facts.missingMask and the evaluator keep a set of fields as the bits of one long
        if (values().length > Long.SIZE) {
            throw new ExceptionInInitializerError("more case fields than bits in a long: widen the masks first");
        }
    }

    private final String path;
    private final Type type;
    private final String property;
    private final Function<Facts, Object> value;
    private final List<String> enumValues;
    private final Catalogue catalogue;

    Field(String path, Type type, String property, Function<Facts, Object> value) {
        this(path, type, property, value, List.of(), null);
    }

    Field(String path, Type type, String property, Function<Facts, Object> value, List<String> enumValues) {
        this(path, type, property, value, enumValues, null);
    }

    Field(String path, Type type, String property, Function<Facts, Object> value, Catalogue catalogue) {
        this(path, type, property, value, List.of(), catalogue);
    }

    Field(String path, Type type, String property, Function<Facts, Object> value, List<String> enumValues, Catalogue catalogue) {
        this.path = path;
        this.type = type;
        this.property = property;
        this.value = value;
        this.enumValues = enumValues;
        this.catalogue = catalogue;
    }

    private static List<String> codes(Enum<?>[] values) {
        return Arrays.stream(values).map(e -> e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).toList();
    }

    public static Field byPath(String path) {
        return BY_PATH.get(path);
    }

    public static java.util.Set<String> paths() {
        return BY_PATH.keySet();
    }

    public String path() { return path; }
    public Type type() { return type; }
    /** The Facts property the generated rules test (for DATE fields, a prefix of ...Days / ...Years). */
    public String property() { return property; }
    public List<String> enumValues() { return enumValues; }
    public Catalogue catalogue() { return catalogue; }

    /** The value in {@code facts}; null when absent. Not for DATE fields (see {@link #elapsed}). */
    public Object valueIn(Facts facts) {
        return value.apply(facts);
    }

    /** What it means when a case leaves a field out. */
    public enum Absent {
        /** The field always has a value (a flag, a set of codes, a state with a default). */
        NEVER,
        /** A fact the case does not give: a test on it is unknown, and the decision's notes say so. */
        UNKNOWN,
        /** There is none (no current step, no baton holder, no evaluation yet): a value of its own, equal to no code. */
        NONE,
        /** No work is under way: the case is on no level yet, which comparisons read as level 0. */
        ZERO
    }

    /** What the absence of this field means for the conditions that test it. */
    public Absent absent() {
        return switch (this) {
            case CHILD_AGE, CHILD_SETTING, CONCERN_SINCE, REPORTER_SERVICE, ADULT_HAS_CHILDREN, ADULT_PATIENT_IS_SIBLING, ADULT_REFUGEE_SETTLED_ON,
                 CASE_REFERRED, MEETING_HELD, MEETING_NEXT, CHILD_WELFARE_INFORMED_ON, CONCERN_PREGNANCY, CONCERN_RAISED_BY,
                 CASE_COORDINATOR -> Absent.UNKNOWN;
            case CASE_STEP, STAFETTLOGG_HOLDER, CONCERN_PROGRESS, MEETING_OUTCOME, MEETING_LEVEL -> Absent.NONE;
            case CASE_LEVEL -> Absent.ZERO;
            default -> Absent.NEVER;
        };
    }

    /** Whether a case may leave this field out so that a test on it is unknown (see {@link Absent#UNKNOWN}). */
    public boolean nullable() {
        return absent() == Absent.UNKNOWN;
    }

    /** Whether the field may be null in {@link Facts} (absent for any reason), so that a constraint must test for null. */
    public boolean mayBeNull() {
        return absent() != Absent.NEVER;
    }

    /** The fact a missing field stands for, in Norwegian, for the decision's notes ("barnets alder"). */
    public String missingLabel() {
        return switch (this) {
            case CHILD_AGE -> "barnets alder (eller fødselsdato)";
            case CHILD_SETTING -> "barnets arena (barnehage, skole ...)";
            case CONCERN_SINCE -> "datoen bekymringen oppstod";
            case REPORTER_SERVICE -> "tjenesten som spør";
            case ADULT_HAS_CHILDREN -> "om den voksne har barn";
            case ADULT_PATIENT_IS_SIBLING -> "om pasienten er søsken av barnet";
            case ADULT_REFUGEE_SETTLED_ON -> "datoen for bosetting som flyktning";
            case CASE_REFERRED -> "datoen saken ble henvist";
            case MEETING_HELD -> "datoen for siste møte (evalueringsmøte, drøftingsmøte eller samtale)";
            case MEETING_NEXT -> "datoen for neste avtalte møte";
            case CHILD_WELFARE_INFORMED_ON -> "datoen barneverntjenesten ble informert om denne bekymringen";
            case CONCERN_PREGNANCY -> "om bekymringen gjelder et svangerskap (en gravid, eller familien venter barn)";
            case CONCERN_RAISED_BY -> "hvem som er bekymret (den ansatte, en forelder, barnet eller en annen)";
            case CASE_COORDINATOR -> "om barnet har fått oppnevnt koordinator";
            default -> path;
        };
    }

    /** Whether the field holds a level (its position in the guide's order; written as the guide's level id). */
    public boolean isLevel() {
        return this == CASE_LEVEL || this == MEETING_LEVEL;
    }

    /**
     * Whether the date may lie after asOf (an agreed next meeting): such a date is a due anchor or tested with
     * {@code present}, never counted in days or years since.
     */
    public boolean mayBeAhead() {
        return this == MEETING_NEXT;
    }

    /** The date this DATE field holds in {@code c}, if the case gives it. */
    public java.util.Optional<java.time.LocalDate> dateIn(no.veiviser.Case c) {
        return switch (this) {
            case CONCERN_SINCE -> c.concern().since();
            case ADULT_REFUGEE_SETTLED_ON -> c.adult().refugeeSettledOn();
            case CASE_REFERRED -> c.work().referred();
            case MEETING_HELD -> c.meeting().held();
            case MEETING_NEXT -> c.meeting().next();
            case CHILD_WELFARE_INFORMED_ON -> c.childWelfare().informedOn();
            default -> throw new IllegalStateException(path + " is not a date");
        };
    }

    /** Whole days or years from a DATE field to asOf; null when the date is absent. */
    public Integer elapsed(Facts facts, boolean years) {
        return switch (this) {
            case CONCERN_SINCE -> years ? facts.getConcernSinceYears() : facts.getConcernSinceDays();
            case ADULT_REFUGEE_SETTLED_ON -> years ? facts.getAdultRefugeeSettledOnYears() : facts.getAdultRefugeeSettledOnDays();
            case CASE_REFERRED -> years ? facts.getCaseReferredYears() : facts.getCaseReferredDays();
            case MEETING_HELD -> years ? facts.getMeetingHeldYears() : facts.getMeetingHeldDays();
            case MEETING_NEXT -> years ? facts.getMeetingNextYears() : facts.getMeetingNextDays();
            case CHILD_WELFARE_INFORMED_ON -> years ? facts.getChildWelfareInformedOnYears() : facts.getChildWelfareInformedOnDays();
            default -> throw new IllegalStateException(path + " is not a date");
        };
    }
}
