package no.veiviser.examples.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import no.veiviser.Case;
import no.veiviser.CaseWork;
import no.veiviser.Child;
import no.veiviser.ChildWelfare;
import no.veiviser.Concern;
import no.veiviser.Reporter;

/**
 * A small fixed set of realistic cases for the benchmarks, rotated by index so that no benchmark measures
 * one constant case: from a plain worry to the acute path, the meldeplikt triggers and a follow-up.
 */
public final class BenchCases {
    private BenchCases() {}

    static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

    public static Case[] all() {
        return new Case[] {
            // an 8-year-old at school, a wellbeing worry for three weeks, level 1, guardians not involved
            Case.on(AS_OF).withChild(Child.aged(8).withSetting(Child.Setting.SCHOOL))
                    .withConcern(Concern.of("wellbeing-concern").withSince(LocalDate.of(2026, 11, 2)))
                    .withWork(CaseWork.atLevel(1)).withReporter(Reporter.of("school", false)),
            // a 15-year-old, violence suspected: the acute path
            Case.on(AS_OF).withChild(Child.bornOn(LocalDate.of(2011, 3, 2)).withSetting(Child.Setting.SCHOOL))
                    .withConcern(Concern.of("violence-suspected").withSince(LocalDate.of(2026, 11, 20)))
                    .withWork(CaseWork.atLevel(0)).withReporter(Reporter.of("school", false)),
            // a 4-year-old in kindergarten, serious neglect: duty to report, inform guardians, by post
            Case.on(AS_OF).withChild(Child.aged(4).withSetting(Child.Setting.KINDERGARTEN))
                    .withConcern(Concern.of("serious-neglect", "concerning-absence"))
                    .withWork(CaseWork.atLevel(2).withGuardiansInvolved(true)).withReporter(Reporter.of("kindergarten", false)),
            // a 16-year-old at level 3 with services, youth consent, no open worry
            Case.on(AS_OF).withChild(Child.aged(16).withSetting(Child.Setting.SCHOOL))
                    .withWork(new CaseWork(Optional.of("3"), Optional.empty(), true, List.of("school", "helsestasjon", "bup"),
                            false, false, false, Optional.empty())),
            // a 12-year-old in danger to life and health, sexual abuse suspected
            Case.on(AS_OF).withChild(Child.aged(12).withSetting(Child.Setting.SCHOOL))
                    .withConcern(Concern.of("danger-to-life-or-health", "sexual-abuse-suspected"))
                    .withWork(CaseWork.atLevel(0)).withReporter(Reporter.of("helsestasjon", false)),
            // child welfare recommends follow-up: report and go straight to level 3
            Case.on(AS_OF).withChild(Child.bornOn(LocalDate.of(2014, 2, 28)))
                    .withConcern(Concern.of("persistent-serious-behaviour-problems", "stressful-life-event")
                            .withSince(LocalDate.of(2026, 10, 1)))
                    .withWork(CaseWork.atLevel(1)).withChildWelfare(new ChildWelfare(true, true, false, false)),
            // a sick child without treatment (trigger b), age unknown
            Case.on(AS_OF).withConcern(Concern.of("untreated-illness-or-disability", "serious-illness-or-disability"))
                    .withWork(CaseWork.atLevel(2)).withReporter(Reporter.of("gp", false)),
            // a 10-year-old, the worry is closed: nothing but the right to be heard
            Case.on(AS_OF).withChild(Child.aged(10).withSetting(Child.Setting.SCHOOL)),
        };
    }
}
