package no.veiviser.workbench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import no.veiviser.Guide;
import no.veiviser.internal.model.FindingTemplate;
import no.veiviser.internal.model.GuideModel;
import no.veiviser.internal.model.ParamText;
import no.veiviser.internal.model.Parameter;
import no.veiviser.internal.model.Rule;

/**
 * The finding texts of a changed guide that still state, by hand, the value a parameter had before the change
 * (both as in force on the day asked): after it they say "fire uker" above a three-week due date. The impact view
 * warns of each, with the placeholder that would keep the text right; the page words the warning in its language.
 */
final class StaleTexts {
    private StaleTexts() {}

    static ArrayNode json(Guide base, Guide changed, LocalDate on) {
        GuideModel b = no.veiviser.internal.Access.model(base);
        GuideModel m = no.veiviser.internal.Access.model(changed);
        List<Parameter> changedParams = m.parameters().values().stream().filter(p -> b.parameters().containsKey(p.name())
                && p.valueOn(on).isPresent() && !b.parameters().get(p.name()).valueOn(on).equals(p.valueOn(on))).toList();
        String own = m.files().isEmpty() ? "" : m.files().get(m.files().size() - 1);
        ArrayNode out = ApiJson.MAPPER.createArrayNode();
        for (Rule r : m.rules()) {
            for (FindingTemplate f : r.then()) {
                for (ParamText.StatedValue s : ParamText.statedValues(f.text(), changedParams,
                        p -> b.parameters().get(p.name()).valueOn(on), Set.of())) {
                    for (String name : s.parameters()) {
                        Parameter now = m.parameters().get(name);
                        int was = b.parameters().get(name).valueOn(on).orElseThrow();
                        out.addObject().put("rule", r.id()).put("code", f.code()).put("parameter", name)
                                .put("unit", now.unit().code()).put("was", was).put("now", now.valueOn(on).orElseThrow())
                                .put("words", s.words()).put("placeholder", s.placeholder(name))
                                .put("file", f.textAt().file()).put("line", f.textAt().line()).put("column", f.textAt().column())
                                .put("inThisFile", f.textAt().file().equals(own));
                    }
                }
            }
        }
        return out;
    }
}
