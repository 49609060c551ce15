package no.veiviser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Issue 16, finding 7: exception messages name fields and places, never case values; the values stay in problems(). */
class PrivacyTest {
    static CaseException caseProblems(String yaml) {
        return assertThrows(CaseException.class, () -> Cases.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)),
                "case.yaml", Guides.bundled("nittedal"), LocalDate.of(2026, 11, 24)));
    }

    @Test
    void aCaseExceptionsMessageCarriesNoCaseValues() {
        CaseException e = caseProblems("asOf: 2026-11-24\nchild: {birthDate: 2031-03-17}\nconcern: {signals: [secret-signal-xyz]}\n");
        assertThat(e.getMessage()).startsWith("case has ").contains("case.yaml:2:").contains("case.yaml:3:")
                .doesNotContain("2031").doesNotContain("secret-signal-xyz");
        // the CLI still prints the details
        assertThat(e.problems()).anySatisfy(p -> assertThat(p.message()).contains("secret-signal-xyz"));
    }

    @Test
    void javaBuiltCasesNameTheFieldNotTheValue() {
        IllegalArgumentException age = assertThrows(IllegalArgumentException.class, () -> Child.aged(77));
        assertThat(age.getMessage()).doesNotContain("77");
        CaseException level = assertThrows(CaseException.class,
                () -> Guides.bundled("norge").compile().evaluate(Case.on(java.time.LocalDate.of(2026, 11, 24)).withWork(CaseWork.atLevel(9))));
        assertThat(level.getMessage()).doesNotContain("9");
        assertThat(level.problems()).singleElement().satisfies(p -> assertThat(p.message()).startsWith("case.level: unknown level"));
    }
}
