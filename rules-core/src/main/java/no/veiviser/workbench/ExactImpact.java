package no.veiviser.workbench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.veiviser.CompiledGuide;
import no.veiviser.impact.ImpactDiff;
import no.veiviser.impact.Population;
import no.veiviser.verify.ExactDiff;
import no.veiviser.verify.ExactDiffReport;

/**
 * The exact impact of a changed text for "Hva endres?": every class of cases whose decision differs
 * ({@link ExactDiff}), weighed in a generated population when one is asked for, as {@link ExactDiffReport#toJson()}
 * with each witness also as case JSON (for "Åpne i Prøv en sak").
 */
final class ExactImpact {
    private ExactImpact() {}

    /**
     * @throws no.veiviser.GuideException when the guides use a construct the exact diff cannot encode
     */
    static JsonNode json(CompiledGuide base, CompiledGuide changed, long population, long seed) {
        ExactDiffReport report = ExactDiff.between(base, changed);
        if (population > 0 && report.hasChanges()) {
            ImpactDiff counting = ImpactDiff.between(base, changed).threads(2).examples(0).counting(report.tests());
            if (report.complete()) {
                counting.provedBy(report); // only the counts are needed, not the decisions
            }
            report = report.withCounts(counting.run(Population.generate(population, seed)).cases(), counting.counts());
        }
        ObjectNode o = (ObjectNode) ApiJson.tree(report.toJson());
        for (int i = 0; i < report.changes().size(); i++) {
            ExactDiffReport.Change c = report.changes().get(i);
            for (int k = 0; k < c.classes().size(); k++) {
                ExactDiffReport.ChangeClass kc = c.classes().get(k);
                if (kc.witnessCase() != null) {
                    ((ObjectNode) o.get("changes").get(i).get("classes").get(k)).set("case", ApiJson.caseJson(kc.witnessCase()));
                }
            }
        }
        return o;
    }
}
