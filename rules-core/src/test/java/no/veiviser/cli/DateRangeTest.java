package no.veiviser.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import no.veiviser.Case;
import no.veiviser.CaseException;
import no.veiviser.Cases;
import no.veiviser.GuideException;
import no.veiviser.Guides;
import no.veiviser.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16, finding 5: dates are restricted to 1900-01-01 .. 2199-12-31 with located errors; no date gives exit 3. */
class DateRangeTest {
    static final String RANGE = "is outside the dates Veiviser accepts, 1900-01-01 to 2199-12-31";

    @Test
    void anAsOfInYear999999999IsALocatedErrorNotAnInternalError(@TempDir Path dir) throws Exception {
        Path c = dir.resolve("case.yaml");
        Files.writeString(c, "asOf: \"+999999999-12-31\"\nchild: {age: 9}\n");
        Cli.Result r = Cli.run("evaluate", "--guide", Cli.GUIDE, c.toString()).noStackTrace();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(c + ":1:7: asOf '+999999999-12-31' " + RANGE);
    }

    @Test
    void anAsOfOptionOutOfRangeIsExit2() {
        Cli.Result r = Cli.run("evaluate", "--guide", Cli.GUIDE, "--as-of", "+99999-01-01", Cli.CASE).noStackTrace();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("'+99999-01-01' " + RANGE);
    }

    @Test
    void anEffectiveDateInYear9999999IsALocatedError(@TempDir Path dir) throws Exception {
        Path g = dir.resolve("guide.yaml");
        Files.writeString(g, "guide: {id: far, title: Far, version: \"1\"}\ncodes:\n  act: Handle\nrules:\n  - id: r1\n"
                + "    when: {child.age: {gte: 1}}\n    effective: {from: \"+9999999-01-01\"}\n    then:\n      - {code: act, text: Nå.}\n"
                + "    source: {section: S1, text: Q.}\n");
        GuideException e = assertThrows(GuideException.class, () -> Guides.load(g));
        assertThat(e.problems()).extracting(Problem::line, Problem::column).containsExactly(org.assertj.core.groups.Tuple.tuple(7, 23));
        assertThat(e.problems().get(0).message()).isEqualTo("'from' '+9999999-01-01' " + RANGE);
    }

    @Test
    void aBirthDateBefore1900IsALocatedError() {
        CaseException e = assertThrows(CaseException.class, () -> Cases.read(new ByteArrayInputStream(
                "asOf: 2026-11-24\nchild: {birthDate: 1850-01-01}\n".getBytes(StandardCharsets.UTF_8)), "case", Guides.load(Path.of(Cli.GUIDE)),
                LocalDate.of(2026, 11, 24)));
        assertThat(e.problems().get(0).line()).isEqualTo(2);
        assertThat(e.problems().get(0).message()).contains(RANGE);
    }

    @Test
    void aCaseBuiltInJavaRefusesAnAsOfOutOfRangeNamingTheFieldOnly() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Case.on(LocalDate.of(999_999, 1, 1)));
        assertThat(e.getMessage()).startsWith("asOf is outside").doesNotContain("999999");
    }
}
