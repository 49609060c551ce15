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
                   ChildWelfare childWelfare, Stafettlogg stafettlogg, Reporter reporter, Adult adult) {

    public Case {
        Objects.requireNonNull(asOf, "asOf");
        child = child == null ? Child.UNKNOWN : child;
        concern = concern == null ? Concern.NONE : concern;
        work = work == null ? CaseWork.NONE : work;
        consent = consent == null ? Consent.NOT_ASKED : consent;
        childWelfare = childWelfare == null ? ChildWelfare.NONE : childWelfare;
        stafettlogg = stafettlogg == null ? Stafettlogg.NONE : stafettlogg;
        reporter = reporter == null ? Reporter.UNKNOWN : reporter;
        adult = adult == null ? Adult.NONE : adult;
    }

    /** An empty case assessed on {@code asOf}; add parts with the {@code with...} methods. */
    public static Case on(LocalDate asOf) {
        return new Case(asOf, null, null, null, null, null, null, null, null);
    }

    public Case withAsOf(LocalDate value) {
        return new Case(value, child, concern, work, consent, childWelfare, stafettlogg, reporter, adult);
    }

    public Case withChild(Child value) {
        return new Case(asOf, value, concern, work, consent, childWelfare, stafettlogg, reporter, adult);
    }

    public Case withConcern(Concern value) {
        return new Case(asOf, child, value, work, consent, childWelfare, stafettlogg, reporter, adult);
    }

    public Case withWork(CaseWork value) {
        return new Case(asOf, child, concern, value, consent, childWelfare, stafettlogg, reporter, adult);
    }

    public Case withConsent(Consent value) {
        return new Case(asOf, child, concern, work, value, childWelfare, stafettlogg, reporter, adult);
    }

    public Case withChildWelfare(ChildWelfare value) {
        return new Case(asOf, child, concern, work, consent, value, stafettlogg, reporter, adult);
    }

    public Case withStafettlogg(Stafettlogg value) {
        return new Case(asOf, child, concern, work, consent, childWelfare, value, reporter, adult);
    }

    public Case withReporter(Reporter value) {
        return new Case(asOf, child, concern, work, consent, childWelfare, stafettlogg, value, adult);
    }

    public Case withAdult(Adult value) {
        return new Case(asOf, child, concern, work, consent, childWelfare, stafettlogg, reporter, value);
    }
}
