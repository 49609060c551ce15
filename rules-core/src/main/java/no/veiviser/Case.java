package no.veiviser;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A case's facts, as the contract in the README describes them. No names and no national identity
 * numbers: the library never needs them. Every part is optional; a missing part is its empty value.
 *
 * <pre>{@code
 * Case c = Case.on(LocalDate.parse("2026-11-24"))
 *     .withChild(Child.aged(9).withSetting(Child.Setting.SCHOOL))
 *     .withConcern(Concern.of("violence-suspected"));
 * }</pre>
 */
public record Case(LocalDate asOf, Child child, Concern concern, CaseWork work, Consent consent,
                   ChildWelfare childWelfare, Stafettlogg stafettlogg, Reporter reporter, Adult adult,
                   Meeting meeting) {

    /**
     * Replaces a null part by its empty value.
     *
     * @param asOf the date the case is assessed on
     * @param child the child
     * @param concern the worry
     * @param work the work under way
     * @param consent consent to cooperation
     * @param childWelfare what child welfare knows and does
     * @param stafettlogg the stafettlogg
     * @param reporter the employee's service
     * @param adult the adult client, for the adult services
     * @param meeting the last meeting or conversation where the case was assessed, and what it concluded
     * @throws NullPointerException when {@code asOf} is null
     * @throws IllegalArgumentException when {@code asOf} is outside 1900-01-01 to 2199-12-31
     */
    public Case {
        Objects.requireNonNull(asOf, "asOf");
        if (!no.veiviser.internal.yaml.Fields.inRange(asOf)) {
            // the message names the field, never the value (a case's data stays out of logs)
            throw new IllegalArgumentException("asOf is outside the dates Veiviser accepts, "
                    + no.veiviser.internal.yaml.Fields.MIN_DATE + " to " + no.veiviser.internal.yaml.Fields.MAX_DATE);
        }
        child = child == null ? Child.UNKNOWN : child;
        concern = concern == null ? Concern.NONE : concern;
        work = work == null ? CaseWork.NONE : work;
        consent = consent == null ? Consent.NOT_ASKED : consent;
        childWelfare = childWelfare == null ? ChildWelfare.NONE : childWelfare;
        stafettlogg = stafettlogg == null ? Stafettlogg.NONE : stafettlogg;
        reporter = reporter == null ? Reporter.UNKNOWN : reporter;
        adult = adult == null ? Adult.NONE : adult;
        meeting = meeting == null ? Meeting.NONE : meeting;
    }

    /**
     * An empty case assessed on {@code asOf}; add parts with the {@code with...} methods.
     *
     * @param asOf the date the case is assessed on
     * @return a case with every part empty
     */
    public static Case on(LocalDate asOf) {
        return new Case(asOf, null, null, null, null, null, null, null, null, null);
    }

    /**
     * @param value the new assessment date
     * @return a copy of this case with {@code value} as its assessment date
     */
    public Case withAsOf(LocalDate value) {
        return new Case(value, child, concern, work, consent, childWelfare, stafettlogg, reporter, adult, meeting);
    }

    /**
     * @param value the new child
     * @return a copy of this case with {@code value} as its child
     */
    public Case withChild(Child value) {
        return new Case(asOf, value, concern, work, consent, childWelfare, stafettlogg, reporter, adult, meeting);
    }

    /**
     * @param value the new concern
     * @return a copy of this case with {@code value} as its concern
     */
    public Case withConcern(Concern value) {
        return new Case(asOf, child, value, work, consent, childWelfare, stafettlogg, reporter, adult, meeting);
    }

    /**
     * @param value the new work under way
     * @return a copy of this case with {@code value} as its work under way
     */
    public Case withWork(CaseWork value) {
        return new Case(asOf, child, concern, value, consent, childWelfare, stafettlogg, reporter, adult, meeting);
    }

    /**
     * @param value the new consent
     * @return a copy of this case with {@code value} as its consent
     */
    public Case withConsent(Consent value) {
        return new Case(asOf, child, concern, work, value, childWelfare, stafettlogg, reporter, adult, meeting);
    }

    /**
     * @param value the new child welfare facts
     * @return a copy of this case with {@code value} as its child welfare facts
     */
    public Case withChildWelfare(ChildWelfare value) {
        return new Case(asOf, child, concern, work, consent, value, stafettlogg, reporter, adult, meeting);
    }

    /**
     * @param value the new stafettlogg
     * @return a copy of this case with {@code value} as its stafettlogg
     */
    public Case withStafettlogg(Stafettlogg value) {
        return new Case(asOf, child, concern, work, consent, childWelfare, value, reporter, adult, meeting);
    }

    /**
     * @param value the new reporter
     * @return a copy of this case with {@code value} as its reporter
     */
    public Case withReporter(Reporter value) {
        return new Case(asOf, child, concern, work, consent, childWelfare, stafettlogg, value, adult, meeting);
    }

    /**
     * @param value the new adult client
     * @return a copy of this case with {@code value} as its adult client
     */
    public Case withAdult(Adult value) {
        return new Case(asOf, child, concern, work, consent, childWelfare, stafettlogg, reporter, value, meeting);
    }

    /**
     * @param value the last meeting or conversation and what it concluded
     * @return a copy of this case with {@code value} as its meeting
     */
    public Case withMeeting(Meeting value) {
        return new Case(asOf, child, concern, work, consent, childWelfare, stafettlogg, reporter, adult, value);
    }
}
