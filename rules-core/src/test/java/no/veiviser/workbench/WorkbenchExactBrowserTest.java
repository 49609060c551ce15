package no.veiviser.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * "Hva endres?" in Chromium, exactly (issue 27 item 4): a change that touches only a rare class of cases is proved,
 * its class is listed with the facts that define it and its share of the generated cases, its witness opens in
 * "Prøv en sak", the proof shows a running status and stops on Stopp.
 */
class WorkbenchExactBrowserTest {
    /** The four-week rule, planted: no longer for a 16- or 17-year-old the health station sees who refused consent. */
    static final String RULE = "        - any:\n"
            + "            - concern.signals: {empty: false}\n"
            + "            - concern.since: {present: true}\n"
            + "    then:\n"
            + "      - code: involve-guardians\n";
    static final String PLANTED = RULE.replace("    then:\n", "        - not:\n"
            + "            all:\n"
            + "              - child.age: {in: [16, 17], ifMissing: false}\n"
            + "              - reporter.service: {in: [helsestasjon], ifMissing: false}\n"
            + "              - consent.youth: refused\n"
            + "    then:\n");

    @TempDir
    static Path dir;
    static WorkbenchServer server;
    static Chromium chromium;
    static WebDriver browser;

    @BeforeAll
    static void start() throws Exception {
        Chromium.requirePresent("WorkbenchExactBrowserTest");
        WorkbenchFixture.copyGuides(dir, List.of("norge", "nittedal"));
        server = WorkbenchServer.start(new WorkbenchServer.Options("127.0.0.1", 0, false, List.of(dir)));
        chromium = Chromium.open(server.address(), 1280, 1400);
        browser = chromium.browser;
        new Select(browser.findElement(By.id("guide-select"))).selectByValue("nittedal");
        chromium.wait.until(d -> d.findElements(By.cssSelector("#decision .level")).size() == 1);
    }

    @AfterAll
    static void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_rare_class_is_proved_listed_with_its_share_and_its_witness_opens_as_a_case_and_stopp_stops() throws Exception {
        chromium.view("rediger");
        String text = browser.findElement(By.id("editor")).getAttribute("value");
        assertThat(text).contains(RULE);
        chromium.setEditor(text.replace(RULE, PLANTED));
        chromium.view("endringer");
        chromium.js("const p = document.getElementById('population-size'); p.value = '2000'");

        // Stopp: the page stops waiting and says so; no result stands
        chromium.js("document.getElementById('prove-impact').click(); document.getElementById('stop-exact').click()");
        chromium.wait.until(d -> d.findElement(By.id("exact-status")).getText().equals("Stoppet."));
        assertThat(browser.findElements(By.id("impact-exact"))).isEmpty();

        // the proof runs with a status and a Stopp button, then lists the one difference and its classes
        browser.findElement(By.id("prove-impact")).click();
        assertThat(browser.findElement(By.id("exact-status")).getText()).startsWith("Beviser");
        WebElement change = chromium.wait.until(d -> d.findElements(
                By.cssSelector("#impact-exact li.exact-change[data-kind='code-removed'][data-subject='involve-guardians']")).stream().findFirst().orElse(null));
        assertThat(browser.findElement(By.id("stop-exact")).isDisplayed()).isFalse();
        assertThat(browser.findElements(By.cssSelector("#impact-exact li.exact-change"))).hasSize(1);
        List<WebElement> classes = change.findElements(By.cssSelector("li.exact-class"));
        assertThat(classes).isNotEmpty().allSatisfy(k -> assertThat(k.getText())
                .contains("child.age 16–17", "reporter.service = helsestasjon", "consent.youth = refused"));
        // each with its share of the 2,000 generated cases, and the difference's share as a chart
        assertThat(classes.get(0).getText()).containsPattern("— \\d+ \\(\\d+\\.\\d\\d%\\)");
        assertThat(browser.findElements(By.cssSelector("#impact-exact ul.chart li.bar[data-kind='code-removed']"))).hasSize(1);
        assertThat(browser.findElement(By.cssSelector("#impact-exact")).getText())
                .contains("Bevist: hver sak i en klasse har forskjellen, og ingen annen sak får en annen beslutning.");

        // the witness opens in Prøv en sak, once asked (as the examples do): a 16-year-old the health station sees, who refused consent
        classes.get(0).findElement(By.cssSelector("button.open-case")).click();
        chromium.wait.until(d -> d.findElements(By.cssSelector("#impact-exact .confirm-open")).stream().findFirst().orElse(null)).click();
        chromium.wait.until(d -> d.findElement(By.id("view-sak")).isDisplayed());
        chromium.wait.until(d -> d.findElements(By.cssSelector("#decision .level")).size() == 1);
        assertThat(browser.findElement(By.id("f-reporterService")).getAttribute("value")).isEqualTo("helsestasjon");
        assertThat(browser.findElement(By.id("f-consentYouth")).getAttribute("value")).isEqualTo("refused");
        assertThat((List<?>) chromium.js("return window.__errors || []")).isEmpty();
    }
}
