package no.veiviser.verify;

import java.util.ArrayList;
import java.util.List;
import no.veiviser.Adult;
import no.veiviser.Case;
import no.veiviser.Consent;
import no.veiviser.Stafettlogg;

/**
 * A case as the YAML of a case file (the same as a scenario's {@code case:}), with only the facts that differ
 * from an empty case, so a counter-example reads as what makes it one.
 */
final class CaseYaml {
    private CaseYaml() {}

    static String of(Case c) {
        StringBuilder out = new StringBuilder();
        out.append("asOf: ").append(c.asOf()).append('\n');
        List<String> child = new ArrayList<>();
        c.child().birthDate().ifPresent(d -> child.add("birthDate: " + d));
        c.child().age().ifPresent(a -> child.add("age: " + a));
        c.child().setting().ifPresent(s -> child.add("setting: " + s.code()));
        if (!c.child().livesInMunicipality()) {
            child.add("livesInMunicipality: false");
        }
        section(out, "child", child);
        List<String> concern = new ArrayList<>();
        c.concern().since().ifPresent(d -> concern.add("since: " + d));
        if (!c.concern().signals().isEmpty()) {
            concern.add("signals: " + c.concern().signals());
        }
        flag(concern, "uncertainPlacement", c.concern().uncertainPlacement());
        c.concern().progress().ifPresent(p -> concern.add("progress: " + p.code()));
        section(out, "concern", concern);
        List<String> work = new ArrayList<>();
        c.work().level().ifPresent(l -> work.add("level: " + l));
        c.work().step().ifPresent(s -> work.add("step: " + s));
        flag(work, "guardiansInvolved", c.work().guardiansInvolved());
        if (!c.work().services().isEmpty()) {
            work.add("services: " + c.work().services());
        }
        flag(work, "individualPlan", c.work().individualPlan());
        flag(work, "childCoordinator", c.work().childCoordinator());
        flag(work, "closing", c.work().closing());
        section(out, "case", work);
        List<String> consent = new ArrayList<>();
        if (c.consent().guardians() != Consent.State.NOT_ASKED) {
            consent.add("guardians: " + c.consent().guardians().code());
        }
        if (c.consent().youth() != Consent.State.NOT_ASKED) {
            consent.add("youth: " + c.consent().youth().code());
        }
        section(out, "consent", consent);
        List<String> cw = new ArrayList<>();
        flag(cw, "informed", c.childWelfare().informed());
        flag(cw, "recommendsFollowUp", c.childWelfare().recommendsFollowUp());
        flag(cw, "decision", c.childWelfare().decision());
        flag(cw, "measureActive", c.childWelfare().measureActive());
        section(out, "childWelfare", cw);
        List<String> log = new ArrayList<>();
        if (c.stafettlogg().status() != Stafettlogg.Status.NONE) {
            log.add("status: " + c.stafettlogg().status().code());
        }
        c.stafettlogg().holder().ifPresent(h -> log.add("holder: " + h));
        section(out, "stafettlogg", log);
        List<String> reporter = new ArrayList<>();
        c.reporter().service().ifPresent(s -> reporter.add("service: " + s));
        flag(reporter, "adultService", c.reporter().adultService());
        section(out, "reporter", reporter);
        List<String> adult = new ArrayList<>();
        c.adult().hasChildren().ifPresent(h -> adult.add("hasChildren: " + h));
        if (c.adult().socialAssistance() != Adult.SocialAssistance.NONE) {
            adult.add("socialAssistance: " + c.adult().socialAssistance().code());
        }
        c.adult().refugeeSettledOn().ifPresent(d -> adult.add("refugeeSettledOn: " + d));
        if (c.adult().patientCondition() != Adult.PatientCondition.NONE) {
            adult.add("patientCondition: " + c.adult().patientCondition().code());
        }
        section(out, "adult", adult);
        return out.toString();
    }

    private static void flag(List<String> lines, String key, boolean value) {
        if (value) {
            lines.add(key + ": true");
        }
    }

    private static void section(StringBuilder out, String key, List<String> lines) {
        if (!lines.isEmpty()) {
            out.append(key).append(":\n");
            lines.forEach(l -> out.append("  ").append(l).append('\n'));
        }
    }
}
