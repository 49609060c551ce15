package no.veiviser.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The workbench as a policy adviser uses it (issue 29), in Chromium: what is urgent comes first, saving says what
 * happened and nothing older, the case form marks its own errors. Each test failed against the page before its change.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchAdviserTest {
    @TempDir
    static Path dir;
    static WorkbenchServer server;
    static Chromium page;

    @BeforeAll
    static void start() {
        Chromium.requirePresent("WorkbenchAdviserTest");
        WorkbenchFixture.copyGuides(dir, List.of("norge", "nittedal", "ovre-eiker"));
        server = WorkbenchServer.start(new WorkbenchServer.Options("127.0.0.1", 0, true, List.of(dir)));
        page = Chromium.open(server.address(), 1400, 900);
        new Select(page.browser.findElement(By.id("guide-select"))).selectByValue("nittedal");
        page.wait.until(d -> d.findElements(By.id("signal-violence-suspected")).size() == 1
                && d.findElements(By.cssSelector("#decision .level")).size() == 1);
    }

    @AfterAll
    static void stop() {
        if (page != null) {
            page.close();
        }
        if (server != null) {
            server.close();
        }
    }

    static WebElement byId(String id) {
        return page.browser.findElement(By.id(id));
    }

    static void type(String id, String value) {
        page.js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))", byId(id), value);
    }

    /** Waits for the render of the last change of the form (earlier renders are replaced, their elements stale). */
    static void settled() {
        page.wait.until(d -> d.findElement(By.id("decision")).getAttribute("data-settled") != null);
    }

    /** A pupil (10, at school, reported by the school) suspected of being hit at home since four days before asOf. */
    static void violenceCase() {
        page.view("sak");
        byId("case-reset").click();
        type("f-asOf", "2026-11-24");
        type("f-age", "10");
        new Select(byId("f-setting")).selectByValue("school");
        type("f-since", "2026-11-20");
        byId("signal-violence-suspected").click();
        new Select(byId("f-reporterService")).selectByValue("school");
        settled();
    }

    /** Item 4: the summary first (what is overdue or due today, what must not be done), the cards by urgency. */
    @Test
    @Order(1)
    void the_overdue_same_day_contact_and_what_must_not_be_done_come_first() {
        violenceCase();
        WebElement decision = byId("decision");
        WebElement summary = decision.findElement(By.cssSelector(":scope > :first-child"));
        assertThat(summary.getAttribute("id")).isEqualTo("decision-summary");
        WebElement urgent = summary.findElement(By.cssSelector(".urgent"));
        assertThat(urgent.findElements(By.cssSelector("[data-for='contact-child-welfare-or-police-same-day']"))).hasSize(1);
        assertThat(urgent.getText()).contains("forfalt").contains("2026-11-20");
        WebElement never = summary.findElement(By.cssSelector(".must-not"));
        assertThat(never.findElements(By.cssSelector("[data-for='do-not-notify-guardians']"))).hasSize(1);
        assertThat(never.getText()).contains("Ikke varsle foresatte");
        // the first card is the overdue one, then the acute ones; the child's right to be heard (no due, ordinary) after
        List<String> order = decision.findElements(By.cssSelector(".finding")).stream().map(e -> e.getAttribute("data-code")).toList();
        assertThat(order.get(0)).isEqualTo("contact-child-welfare-or-police-same-day");
        assertThat(order.indexOf("act-immediately")).isLessThan(order.indexOf("child-right-to-be-heard"));
        assertThat(order.indexOf("do-not-notify-guardians")).isLessThan(order.indexOf("child-right-to-be-heard"));
        // the sticky panel fits the window: what does not fit scrolls inside it
        Number panel = (Number) page.js("return document.querySelector('.decision').getBoundingClientRect().height");
        Number window = (Number) page.js("return window.innerHeight");
        assertThat(panel.doubleValue()).isLessThanOrEqualTo(window.doubleValue());
    }

    /** Item 3: after a refused save, a save that succeeds leaves no error of the refused one beside "Lagret". */
    @Test
    @Order(2)
    void a_successful_save_clears_the_errors_of_the_refused_one() throws Exception {
        page.view("rediger");
        page.wait.until(d -> d.findElement(By.id("editor")).getAttribute("value").contains("involve-guardians-within"));
        // a scenario beside the guide that no version of it passes: the save is refused with its failure
        Path extra = dir.resolve("nittedal/scenarios/zz-adviser.yaml");
        Files.writeString(extra, """
                scenarios:
                  - name: an empty case at level three
                    case: {asOf: 2026-11-24}
                    expect: {level: 3}
                """);
        byId("save-guide").click();
        page.wait.until(d -> !d.findElements(By.cssSelector("#problems .problem.error")).isEmpty());
        assertThat(byId("problems").getText()).contains("an empty case at level three");
        Files.delete(extra);
        byId("save-guide").click();
        page.wait.until(d -> d.findElement(By.id("editor-status")).getText().startsWith("Lagret"));
        assertThat(page.browser.findElements(By.cssSelector("#problems .problem.error"))).isEmpty();
    }
}
