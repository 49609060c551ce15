package no.veiviser.handbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import no.veiviser.Guide;
import no.veiviser.Guides;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandbookTest {
    static Document nittedal() {
        return Jsoup.parse(Handbook.html(Guides.bundled("nittedal")));
    }

    @Test
    void aPageForPhonesAndPrintWithoutJavaScript() {
        Document d = nittedal();
        assertThat(d.select("html").attr("lang")).isEqualTo("nb");
        assertThat(d.select("meta[name=viewport]").attr("content")).contains("width=device-width");
        assertThat(d.select("script")).isEmpty();
        assertThat(d.select("[onclick], [onload], [onerror]")).isEmpty();
        String css = d.select("head style").html();
        assertThat(css).contains("@media print").contains("@media (max-width");
        assertThat(d.select("link[rel=stylesheet]")).as("CSS is inline").isEmpty();
    }

    @Test
    void conceptsExceptionsAndInvariantsInNorwegianWithoutJavaNames() {
        Document d = nittedal();
        Element concept = d.getElementById(Handbook.anchor("concept", "suspected-violence"));
        assertThat(concept).isNotNull();
        assertThat(concept.select(".when li").text()).contains("tegnene på bekymring omfatter minst én av");
        Element exception = d.getElementById(Handbook.anchor("exception", "norge.suspected-violence.guardians-not-told"));
        assertThat(exception).isNotNull();
        assertThat(exception.text()).contains("Gjelder når: begrepet «suspected-violence» gjelder")
                .contains("Holder tilbake: rådene som kontakter foresatte, unntatt dem som er i fasen akutt eller plikt");
        assertThat(d.select("#invariants li").eachText())
                .contains("«Ikke varsle foresatte» står aldri sammen med krav om foresattes samtykke. (fra norge)");
        // Every code shows what it makes the employee do, and why its text check is acknowledged where it is.
        assertThat(d.getElementById(Handbook.anchor("code", "do-not-notify-guardians")).nextElementSibling().select(".effects").text())
                .startsWith("Kontakter: ingen; deler opplysninger: nei; forutsetter samtykke: intet; gjelder: barn under 18 år; fase: akutt")
                .contains("Tekstsjekken: Funnet forbyr å varsle foresatte");
        assertThat(d.getElementById(Handbook.anchor("concept", "minor")).select(".when li").eachText())
                .containsExactly("er det ikke oppgitt, regnes dette som oppfylt:", "barnets alder er under «majority-age» (18 år)");
        assertThat(d.text()).doesNotContain("ConceptRef[", "IfMissing[", "Condition$");
    }

    @Test
    void levelsWithTheirStepsAndTools() {
        Guide g = Guides.bundled("nittedal");
        Document d = nittedal();
        assertThat(d.title()).contains(g.title());
        for (int level = 0; level <= 3; level++) {
            Element section = d.getElementById("level-" + level);
            assertThat(section).as("level " + level).isNotNull();
            assertThat(section.select("h3").text()).startsWith("Nivå " + level);
        }
        Element step = d.getElementById("step-1.1");
        assertThat(step).isNotNull();
        assertThat(step.parents()).contains(d.getElementById("level-1"));
        assertThat(step.select("a[href=#tool-invitasjonsmal]")).hasSize(1);
    }

    @Test
    void everyRuleWithItsConditionFindingsAndQuotedSource() {
        Guide g = Guides.bundled("nittedal");
        Document d = nittedal();
        assertThat(d.select("article.rule")).hasSize(g.ruleIds().size());
        for (String id : g.ruleIds()) {
            Element rule = d.getElementById(Handbook.anchor("rule", id));
            assertThat(rule).as(id).isNotNull();
            assertThat(rule.select("ul.when li")).as(id + " when").isNotEmpty();
            assertThat(rule.select("ul.then > li")).as(id + " then").isNotEmpty();
            assertThat(rule.select(".source blockquote").text()).as(id + " quote").isNotBlank();
        }
        Element involve = d.getElementById("rule-nittedal.level1.involve-guardians");
        assertThat(involve.select("ul.when").text()).contains("foresatte er involvert");
        // signals are shown with their label and code (the violence exception is no longer a copy in each rule)
        Element report = d.getElementById("rule-norge.duty-to-report");
        assertThat(report.select("ul.when").text()).contains("Barnet blir mishandlet hjemme (mistreatment-at-home)");
        assertThat(involve.select("ul.then").text()).contains("innen 4 uker etter at bekymringen oppstod", "foresatte");
    }

    @Test
    void caseValuesInNorwegianSentencesAreNorwegianWords() {
        Document d = nittedal();
        assertThat(d.getElementById("rule-nittedal.stafettlogg.holder-kindergarten").select("ul.when").text())
                .contains("barnets arena er barnehage").doesNotContain("kindergarten");
        assertThat(d.getElementById("rule-nittedal.level2.missing-consent").select("ul.when").text())
                .contains("foresattes samtykke er en av: nektet, trukket tilbake").doesNotContain("refused", "withdrawn");
        assertThat(d.getElementById("rule-nittedal.level2.evaluation").select("ul.when").text())
                .contains("stafettloggens status er i bruk").doesNotContain("active");
        assertThat(d.select("ul.when").text()).doesNotContain(" er given", " er not-asked", " er school", " er kindergarten");
        // a step is shown by the guide's own title for it, as signals and services by their labels
        assertThat(d.getElementById("rule-nittedal.level0.go-to-level-1").select("ul.when").text()).contains("steget saken er på er Avklaring (0.4)");
    }

    @Test
    void theFooterLinksToTheGuideForAuthorsWhichExists() {
        Element link = nittedal().selectFirst("footer a.author-guide");
        assertThat(link).isNotNull();
        assertThat(link.text()).isEqualTo("forfatterveiledningen");
        String path = link.attr("href").replaceFirst("^https://github\\.com/veiviser/veiviser/blob/main/", "");
        assertThat(path).isEqualTo("docs/forfatterveiledning.md");
        assertThat(Path.of("..").resolve(path)).as("the file the handbook links to, in this repository").isRegularFile();
    }

    @Test
    void parametersWithTheirDatedValues() {
        Document d = Jsoup.parse(Handbook.html(Guides.bundled("norge")));
        Element youth = d.getElementById("param-youth-consent-age");
        assertThat(youth).isNotNull();
        assertThat(youth.select("ul.values li")).isNotEmpty();
        assertThat(youth.select("ul.values").text()).contains("år");
        assertThat(youth.select("a[href^=#rule-]")).isNotEmpty();
    }

    @Test
    void everyInternalLinkHasItsAnchorAndAnchorsAreUnique() {
        for (String id : Guides.bundledIds()) {
            Document d = Jsoup.parse(Handbook.html(Guides.bundled(id)));
            var ids = d.select("[id]").eachAttr("id");
            assertThat(ids).as(id + ": unique ids").doesNotHaveDuplicates();
            for (Element a : d.select("a[href^=#]")) {
                assertThat(d.getElementById(a.attr("href").substring(1))).as(id + ": link " + a.attr("href")).isNotNull();
            }
        }
    }

    @Test
    void everyTextIsEscaped() {
        String html = Handbook.html(Guides.load(Path.of("src/test/resources/docs/escape/guide.yaml")));
        Document d = Jsoup.parse(html);
        assertThat(d.select("script")).isEmpty();
        assertThat(d.select("img, b, i, u, em, h1 + h1, table table")).isEmpty();
        assertThat(d.select("[onerror]")).isEmpty();
        assertThat(d.select("a[href^=javascript]")).as("no javascript: links").isEmpty();
        assertThat(d.select("h1").text()).isEqualTo("<script>alert('title')</script> & veileder");
        assertThat(d.getElementById("rule-r1").select("blockquote").text()).isEqualTo("</blockquote><script>quote()</script>");
        assertThat(d.getElementById("rule-r1").select(".law").text()).contains("<script>law()</script>");
        assertThat(d.getElementById("level-1").select(".criteria").text()).isEqualTo("\"quoted\" & 'single'");
        assertThat(html).contains("&lt;script&gt;");
    }

    @Test
    void writeCreatesTheFolderAndIndexHtml(@TempDir Path dir) throws Exception {
        Path index = Handbook.write(Guides.bundled("norge"), dir.resolve("a/b"));
        assertThat(index).isEqualTo(dir.resolve("a/b/index.html"));
        assertThat(Files.readString(index)).startsWith("<!DOCTYPE html>");
    }
}
