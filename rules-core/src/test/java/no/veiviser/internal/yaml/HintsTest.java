package no.veiviser.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import no.veiviser.GuideException;
import no.veiviser.Guides;
import no.veiviser.Problem;
import org.junit.jupiter.api.Test;

/** A hint says what is allowed, in itself: never "see the N allowed values" or "see the README". */
class HintsTest {
    @Test
    void aCloseValueIsSuggested() {
        assertThat(Hints.didYouMean("violence-suspectd", List.of("violence-suspected", "wellbeing-concern")))
                .isEqualTo("did you mean 'violence-suspected'?");
    }

    @Test
    void upToTenValuesAreListedInFull() {
        List<String> ten = IntStream.rangeClosed(0, 9).mapToObj(i -> "code-" + i).toList();
        assertThat(Hints.didYouMean("zzzzzzzz", ten)).isEqualTo("expected one of: " + String.join(", ", ten));
    }

    @Test
    void moreThanTenAreTheFirstTenAndACount() {
        List<String> many = IntStream.rangeClosed(10, 34).mapToObj(i -> "code-" + i).toList();
        assertThat(Hints.didYouMean("zzzzzzzz", many)).isEqualTo("expected one of 25: code-10, code-11, code-12, code-13, "
                + "code-14, code-15, code-16, code-17, code-18, code-19, … (15 more)");
    }

    @Test
    void anUnknownCaseFieldListsFieldsInsteadOfPointingAtTheReadme() {
        GuideException e = org.junit.jupiter.api.Assertions.assertThrows(GuideException.class, () -> Guides.parse("""
                guide: {id: h, title: Hints, version: "1"}
                codes: {act-immediately: Handle straks}
                rules:
                  - id: r1
                    when: {zzzzzzzzzzzz: 1}
                    then: [{code: act-immediately, text: Nå.}]
                    source: {section: S, text: Q.}
                """, java.nio.file.Path.of("hints.yaml")));
        Problem p = e.problems().stream().filter(Problem::isError).findFirst().orElseThrow();
        assertThat(p.message()).isEqualTo("unknown case field 'zzzzzzzzzzzz'");
        assertThat(p.hint()).startsWith("expected one of ").contains("… (").doesNotContain("README").contains("adult.hasChildren");
    }
}
