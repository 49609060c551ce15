package no.veiviser.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import no.veiviser.Guides;
import no.veiviser.internal.Access;
import no.veiviser.internal.model.GuideModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bundled guides are prebuilt as Drools' executable model: the constraints issue 18 added (two fields compared, a count
 * with exceptions, levels by place) must compile there too, not only as DRL at run time.
 */
class ExecutableModelConstructsTest {
    @Test
    void fieldComparisonsAndCountsWithExceptionsCompileToTheExecutableModel(@TempDir Path dir) throws Exception {
        var guide = Guides.parse("""
                guide: {id: felt, title: Felt, version: "1"}
                services: {school: Skole, ppt: PPT}
                codes: {a: A, b: B, c: C, d: D}
                rules:
                  - {id: a, when: {case.services: {count: {gte: 1, except: [{field: reporter.service}]}}}, then: [{code: a, text: a}], source: {section: s, text: t}}
                  - {id: b, when: {stafettlogg.holder: {ne: {field: reporter.service}}}, then: [{code: b, text: b}], source: {section: s, text: t}}
                  - {id: c, when: {reporter.service: {notIn: {field: case.services}}}, then: [{code: c, text: c}], source: {section: s, text: t}}
                  - {id: d, when: {case.services: {count: {lt: 2, except: [school]}}, meeting.level: {gte: 2}}, then: [{code: d, text: d}], source: {section: s, text: t}}
                """, Path.of("felt.yaml"));
        GuideModel model = Access.model(guide);
        String drl = RuleCompiler.drl(model, new ParamTimeline(model.parameters()));
        assertThat(drl).contains("countOtherThan(caseServices, reporterService, true)", "caseServices not contains reporterService");
        assertThat(RulePrebuilder.prebuild("felt", drl, dir)).isPositive();
        assertThat(Files.readString(dir.resolve("key"))).startsWith(RuleBases.key(drl));
    }
}
