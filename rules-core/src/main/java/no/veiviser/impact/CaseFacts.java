package no.veiviser.impact;

import java.util.ArrayList;
import java.util.List;
import no.veiviser.Adult;
import no.veiviser.Case;
import no.veiviser.CaseWork;
import no.veiviser.Child;
import no.veiviser.ChildWelfare;
import no.veiviser.Concern;
import no.veiviser.Consent;
import no.veiviser.Stafettlogg;

/** A one-line summary of a case's facts, for the examples of an impact report. Nothing that identifies a person. */
final class CaseFacts {
    private CaseFacts() {}

    static String summary(Case c) {
        List<String> parts = new ArrayList<>();
        parts.add("asOf " + c.asOf());
        Child ch = c.child();
        var age = ch.ageAt(c.asOf());
        if (ch.birthDate().isPresent()) {
            parts.add("age " + (age.isPresent() ? age.getAsInt() : "?") + " (born " + ch.birthDate().get() + ")");
        } else if (age.isPresent()) {
            parts.add("age " + age.getAsInt());
        } else {
            parts.add("age unknown");
        }
        ch.setting().ifPresent(s -> parts.add(s.code()));
        if (!ch.livesInMunicipality()) {
            parts.add("lives elsewhere");
        }
        Concern co = c.concern();
        if (!co.signals().isEmpty()) {
            parts.add("signals " + co.signals());
        }
        co.since().ifPresent(d -> parts.add("since " + d));
        co.progress().ifPresent(p -> parts.add("progress " + p.code()));
        co.pregnancy().ifPresent(p -> parts.add("pregnancy " + p));
        co.raisedBy().ifPresent(r -> parts.add("raised by " + r.code()));
        if (co.uncertainPlacement()) {
            parts.add("uncertain placement");
        }
        CaseWork w = c.work();
        w.level().ifPresent(l -> parts.add("level " + l));
        if (w.guardiansInvolved()) {
            parts.add("guardians involved");
        }
        if (!w.services().isEmpty()) {
            parts.add("services " + w.services());
        }
        if (w.individualPlan()) {
            parts.add("individual plan");
        }
        if (w.childCoordinator()) {
            parts.add("child coordinator");
        }
        w.coordinator().ifPresent(v -> parts.add("coordinator " + v));
        if (w.closing()) {
            parts.add("closing");
        }
        if (!c.consent().equals(Consent.NOT_ASKED)) {
            parts.add("consent guardians " + c.consent().guardians().code() + ", youth " + c.consent().youth().code());
        }
        ChildWelfare cw = c.childWelfare();
        if (cw.informed() || cw.informedOn().isPresent()) {
            parts.add("child welfare informed" + cw.informedOn().map(d -> " on " + d).orElse(""));
        }
        if (cw.recommendsFollowUp()) {
            parts.add("child welfare recommends follow-up");
        }
        if (cw.decision()) {
            parts.add("child welfare decision");
        }
        if (cw.measureActive()) {
            parts.add("child welfare measure active");
        }
        if (c.stafettlogg().status() != Stafettlogg.Status.NONE) {
            parts.add("stafettlogg " + c.stafettlogg().status().code() + c.stafettlogg().holder().map(h -> " (" + h + ")").orElse(""));
        }
        c.reporter().service().ifPresent(s -> parts.add("reporter " + s + (c.reporter().adultService() ? " (adult service)" : "")));
        if (!c.adult().equals(Adult.NONE)) {
            Adult a = c.adult();
            parts.add("adult: children " + a.hasChildren().map(String::valueOf).orElse("?")
                    + a.patientIsSibling().map(s -> ", patient is sibling " + s).orElse("") + ", social assistance "
                    + a.socialAssistance().code() + ", " + a.patientCondition().code()
                    + a.refugeeSettledOn().map(d -> ", refugee settled " + d).orElse(""));
        }
        return String.join(", ", parts);
    }
}
