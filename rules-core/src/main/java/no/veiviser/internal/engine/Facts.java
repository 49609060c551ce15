package no.veiviser.internal.engine;

import java.time.LocalDate;
import java.util.BitSet;
import java.util.List;
import no.veiviser.Case;

/**
 * The one fact the generated Drools rules match on: a case flattened to plain values, with the derived
 * values (age, days and years since a date) computed once at the case's {@code asOf}. Absent values are
 * null; generated constraints test for null first, so a rule about an unknown value never fires.
 *
 * <p>Public only because Drools reads its getters; not part of the API. The rules' consequences call
 * {@link #fire(int)} with the index of the guide rule, which is all a consequence ever does.
 */
public final class Facts {
    private final int asOfDay;
    private final Integer childAge;
    private final String childSetting;
    private final boolean childLivesInMunicipality;
    private final Integer concernSinceDays;
    private final Integer concernSinceYears;
    private final List<String> concernSignals;
    private final boolean concernUncertainPlacement;
    private final String concernProgress;
    private final Boolean concernPregnancy;
    private final String concernRaisedBy;
    private final Boolean caseCoordinator;
    private final Integer caseLevel;
    private final String caseStep;
    private final boolean caseGuardiansInvolved;
    private final List<String> caseServices;
    private final boolean caseIndividualPlan;
    private final boolean caseChildCoordinator;
    private final boolean caseClosing;
    private final String consentGuardians;
    private final String consentYouth;
    private final boolean childWelfareInformed;
    private final boolean childWelfareRecommendsFollowUp;
    private final boolean childWelfareDecision;
    private final boolean childWelfareMeasureActive;
    private final Integer childWelfareInformedOnDays;
    private final Integer childWelfareInformedOnYears;
    private final String stafettloggStatus;
    private final String stafettloggHolder;
    private final String reporterService;
    private final boolean reporterAdultService;
    private final Boolean adultHasChildren;
    private final String adultSocialAssistance;
    private final Integer adultRefugeeSettledOnDays;
    private final Integer adultRefugeeSettledOnYears;
    private final String adultPatientCondition;
    private final Boolean adultPatientIsSibling;
    private final Integer caseReferredDays;
    private final Integer caseReferredYears;
    private final Integer meetingHeldDays;
    private final Integer meetingHeldYears;
    private final String meetingOutcome;
    private final Integer meetingLevel;
    private final Integer meetingNextDays;
    private final Integer meetingNextYears;
    private final boolean consentWritten;
    private final String consentStafettloggGuardians;
    private final String consentStafettloggYouth;
    private final boolean consentStafettloggWritten;
    private final String consentIndividualPlanGuardians;
    private final String consentIndividualPlanYouth;
    private final boolean consentIndividualPlanWritten;

    private final BitSet fired = new BitSet();

    /**
     * @param c the case
     * @param levelPosition a level id as the case writes it to the level's position (null when unknown: the
     *                      case has been checked against the guide before, so only for the absent)
     */
    public Facts(Case c, java.util.function.Function<String, Integer> levelPosition) {
        LocalDate asOf = c.asOf();
        asOfDay = (int) asOf.toEpochDay();
        var age = c.child().ageAt(asOf);
        childAge = age.isPresent() ? age.getAsInt() : null;
        childSetting = c.child().setting().map(s -> s.code()).orElse(null);
        childLivesInMunicipality = c.child().livesInMunicipality();
        concernSinceDays = days(c.concern().since(), asOf);
        concernSinceYears = years(c.concern().since(), asOf);
        concernSignals = c.concern().signals(); // already immutable and without repeats: no copy per evaluation
        concernUncertainPlacement = c.concern().uncertainPlacement();
        concernProgress = c.concern().progress().map(p -> p.code()).orElse(null);
        concernPregnancy = c.concern().pregnancy().orElse(null);
        concernRaisedBy = c.concern().raisedBy().map(r -> r.code()).orElse(null);
        caseCoordinator = c.work().coordinator().orElse(null);
        caseLevel = c.work().level().map(levelPosition).orElse(null);
        caseStep = c.work().step().orElse(null);
        caseGuardiansInvolved = c.work().guardiansInvolved();
        caseServices = c.work().services();
        caseIndividualPlan = c.work().individualPlan();
        caseChildCoordinator = c.work().childCoordinator();
        caseClosing = c.work().closing();
        consentGuardians = c.consent().guardians().code();
        consentYouth = c.consent().youth().code();
        childWelfareInformed = c.childWelfare().informed();
        childWelfareRecommendsFollowUp = c.childWelfare().recommendsFollowUp();
        childWelfareDecision = c.childWelfare().decision();
        childWelfareMeasureActive = c.childWelfare().measureActive();
        childWelfareInformedOnDays = days(c.childWelfare().informedOn(), asOf);
        childWelfareInformedOnYears = years(c.childWelfare().informedOn(), asOf);
        stafettloggStatus = c.stafettlogg().status().code();
        stafettloggHolder = c.stafettlogg().holder().orElse(null);
        reporterService = c.reporter().service().orElse(null);
        reporterAdultService = c.reporter().adultService();
        adultHasChildren = c.adult().hasChildren().orElse(null);
        adultSocialAssistance = c.adult().socialAssistance().code();
        adultRefugeeSettledOnDays = days(c.adult().refugeeSettledOn(), asOf);
        adultRefugeeSettledOnYears = years(c.adult().refugeeSettledOn(), asOf);
        adultPatientCondition = c.adult().patientCondition().code();
        adultPatientIsSibling = c.adult().patientIsSibling().orElse(null);
        caseReferredDays = days(c.work().referred(), asOf);
        caseReferredYears = years(c.work().referred(), asOf);
        meetingHeldDays = days(c.meeting().held(), asOf);
        meetingHeldYears = years(c.meeting().held(), asOf);
        meetingOutcome = c.meeting().written().orElse(null); // a guide's own outcome as written: its rules may test it by id
        meetingLevel = c.meeting().level().map(levelPosition).orElse(null);
        meetingNextDays = days(c.meeting().next(), asOf);
        meetingNextYears = years(c.meeting().next(), asOf);
        consentWritten = c.consent().written();
        consentStafettloggGuardians = c.consent().stafettlogg().guardians().code();
        consentStafettloggYouth = c.consent().stafettlogg().youth().code();
        consentStafettloggWritten = c.consent().stafettlogg().written();
        consentIndividualPlanGuardians = c.consent().individualPlan().guardians().code();
        consentIndividualPlanYouth = c.consent().individualPlan().youth().code();
        consentIndividualPlanWritten = c.consent().individualPlan().written();
    }

    /** Days from {@code from} to {@code to}, null when there is no {@code from} (a plain test, not a lambda: per case). */
    private static Integer days(java.util.Optional<LocalDate> from, LocalDate to) {
        return from.isPresent() ? days(from.get(), to) : null;
    }

    /** Whole years from {@code from} to {@code to}, null when there is no {@code from}. */
    private static Integer years(java.util.Optional<LocalDate> from, LocalDate to) {
        return from.isPresent() ? no.veiviser.internal.Dates.years(from.get(), to) : null;
    }

    /** Days from {@code from} to {@code to}: negative when {@code from} lies after {@code to}. */
    private static int days(LocalDate from, LocalDate to) {
        return (int) (to.toEpochDay() - from.toEpochDay());
    }

    /** A bit for each {@link Field#nullable() nullable} field (by ordinal) that this case leaves out. */
    long missingMask() {
        long mask = 0;
        for (Field f : NULLABLE) {
            Object value = f.type() == Field.Type.DATE ? f.elapsed(this, false) : f.valueIn(this);
            if (value == null) {
                mask |= 1L << f.ordinal();
            }
        }
        return mask;
    }

    private static final Field[] NULLABLE = java.util.Arrays.stream(Field.values()).filter(Field::nullable).toArray(Field[]::new);

    /**
     * How many codes of {@code set} are neither among {@code except} (codes joined by ',') nor {@code value}; with
     * {@code unknownTakesOne}, an absent {@code value} counts as one of the set (the least the count can be).
     * Called by generated constraints (a {@code count} with {@code except}).
     */
    public int countExcept(List<String> set, String except, String value, boolean unknownTakesOne) {
        int n = countExcept(set, except.isEmpty() ? List.of() : List.of(except.split(",")), value);
        return value == null && unknownTakesOne && n > 0 ? n - 1 : n;
    }

    /** How many codes of {@code set} are not {@code value}; one fewer when {@code value} is unknown and {@code unknownTakesOne}. */
    public int countOtherThan(List<String> set, String value, boolean unknownTakesOne) {
        int n = countExcept(set, List.of(), value);
        return value == null && unknownTakesOne && n > 0 ? n - 1 : n;
    }

    /** How many codes of {@code set} are not among {@code except} (codes joined by ','). */
    public int countExcept(List<String> set, String except) {
        return countExcept(set, except, null, false);
    }

    /** How many codes of {@code set} are neither among {@code except} nor {@code value}. */
    static int countExcept(java.util.Collection<String> set, List<String> except, String value) {
        int n = 0;
        for (String code : set) {
            if (!except.contains(code) && !code.equals(value)) {
                n++;
            }
        }
        return n;
    }

    /** Called by a rule's consequence: the guide rule at {@code ruleIndex} matched. */
    public void fire(int ruleIndex) {
        fired.set(ruleIndex);
    }

    BitSet fired() {
        return fired;
    }

    public int getAsOfDay() { return asOfDay; }
    public Integer getChildAge() { return childAge; }
    public String getChildSetting() { return childSetting; }
    public boolean isChildLivesInMunicipality() { return childLivesInMunicipality; }
    public Integer getConcernSinceDays() { return concernSinceDays; }
    public Integer getConcernSinceYears() { return concernSinceYears; }
    public List<String> getConcernSignals() { return concernSignals; }
    public boolean isConcernUncertainPlacement() { return concernUncertainPlacement; }
    public String getConcernProgress() { return concernProgress; }
    public Integer getCaseLevel() { return caseLevel; }
    public String getCaseStep() { return caseStep; }
    public boolean isCaseGuardiansInvolved() { return caseGuardiansInvolved; }
    public List<String> getCaseServices() { return caseServices; }
    public boolean isCaseIndividualPlan() { return caseIndividualPlan; }
    public boolean isCaseChildCoordinator() { return caseChildCoordinator; }
    public boolean isCaseClosing() { return caseClosing; }
    public String getConsentGuardians() { return consentGuardians; }
    public String getConsentYouth() { return consentYouth; }
    public boolean isChildWelfareInformed() { return childWelfareInformed; }
    public boolean isChildWelfareRecommendsFollowUp() { return childWelfareRecommendsFollowUp; }
    public boolean isChildWelfareDecision() { return childWelfareDecision; }
    public boolean isChildWelfareMeasureActive() { return childWelfareMeasureActive; }
    public Integer getChildWelfareInformedOnDays() { return childWelfareInformedOnDays; }
    public Integer getChildWelfareInformedOnYears() { return childWelfareInformedOnYears; }
    public String getStafettloggStatus() { return stafettloggStatus; }
    public String getStafettloggHolder() { return stafettloggHolder; }
    public String getReporterService() { return reporterService; }
    public boolean isReporterAdultService() { return reporterAdultService; }
    public Boolean getAdultHasChildren() { return adultHasChildren; }
    public String getAdultSocialAssistance() { return adultSocialAssistance; }
    public Integer getAdultRefugeeSettledOnDays() { return adultRefugeeSettledOnDays; }
    public Integer getAdultRefugeeSettledOnYears() { return adultRefugeeSettledOnYears; }
    public String getAdultPatientCondition() { return adultPatientCondition; }
    public Boolean getAdultPatientIsSibling() { return adultPatientIsSibling; }
    public Boolean getConcernPregnancy() { return concernPregnancy; }
    public String getConcernRaisedBy() { return concernRaisedBy; }
    public Boolean getCaseCoordinator() { return caseCoordinator; }
    public Integer getCaseReferredDays() { return caseReferredDays; }
    public Integer getCaseReferredYears() { return caseReferredYears; }
    public Integer getMeetingHeldDays() { return meetingHeldDays; }
    public Integer getMeetingHeldYears() { return meetingHeldYears; }
    public String getMeetingOutcome() { return meetingOutcome; }
    public Integer getMeetingLevel() { return meetingLevel; }
    public Integer getMeetingNextDays() { return meetingNextDays; }
    public Integer getMeetingNextYears() { return meetingNextYears; }
    public boolean isConsentWritten() { return consentWritten; }
    public String getConsentStafettloggGuardians() { return consentStafettloggGuardians; }
    public String getConsentStafettloggYouth() { return consentStafettloggYouth; }
    public boolean isConsentStafettloggWritten() { return consentStafettloggWritten; }
    public String getConsentIndividualPlanGuardians() { return consentIndividualPlanGuardians; }
    public String getConsentIndividualPlanYouth() { return consentIndividualPlanYouth; }
    public boolean isConsentIndividualPlanWritten() { return consentIndividualPlanWritten; }
}
