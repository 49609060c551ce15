package no.veiviser.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import no.veiviser.Guide;
import no.veiviser.Guides;
import no.veiviser.scenario.Scenario;
import no.veiviser.scenario.ScenarioReport;
import no.veiviser.scenario.ScenarioRunner;
import no.veiviser.scenario.Scenarios;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workbench page in a real browser ({@link Chromium}). Screenshots of the five views go to
 * {@code target/workbench-screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchBrowserTest {
    static final Path SHOTS = Path.of("target", "workbench-screenshots");

    @TempDir
    static Path dir;
    static WorkbenchServer server;
    static Chromium chromium;
    static WebDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        Chromium.requirePresent("WorkbenchBrowserTest");
        WorkbenchFixture.copyGuides(dir, List.of("norge", "nittedal", "ovre-eiker"));
        server = WorkbenchServer.start(new WorkbenchServer.Options("127.0.0.1", 0, true, List.of(dir)));
        chromium = Chromium.open(server.address(), 1280, 1400);
        browser = chromium.browser;
        wait = chromium.wait;
        Files.createDirectories(SHOTS);
        new Select(browser.findElement(By.id("guide-select"))).selectByValue("nittedal");
        wait.until(d -> d.findElements(By.id("signal-violence-suspected")).size() == 1
                && d.findElements(By.cssSelector("#decision .level")).size() == 1);
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

    static void shot(String name) throws Exception {
        js("window.scrollTo(0, 0)");
        chromium.shot(SHOTS.resolve(name + ".png"));
    }

    static Object js(String script, Object... args) {
        return chromium.js(script, args);
    }

    static void view(String hash) {
        chromium.view(hash);
    }

    @Test
    @Order(1)
    void a_suspected_violence_case_gives_the_same_day_finding_and_no_guardian_finding() throws Exception {
        view("sak");
        WebElement age = browser.findElement(By.id("f-age"));
        age.clear();
        age.sendKeys("10");
        new Select(browser.findElement(By.id("f-setting"))).selectByValue("school");
        js("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}))",
                browser.findElement(By.id("f-asOf")), "2026-11-24");
        browser.findElement(By.id("signal-violence-suspected")).click();
        new Select(browser.findElement(By.id("f-reporterService"))).selectByValue("school");
        // Wait for the render of the last change: earlier renders are replaced, and their elements go stale.
        wait.until(d -> d.findElement(By.id("decision")).getAttribute("data-settled") != null);
        WebElement card = wait.until(d -> d.findElements(By.cssSelector("#decision [data-code='contact-child-welfare-or-police-same-day']"))
                .stream().findFirst().orElse(null));
        assertThat(card.findElement(By.cssSelector(".due")).getText()).startsWith("2026-11-24");
        assertThat(card.getText()).contains("Nivå 0 › 1. Er situasjonen akutt?"); // the section of the guide it comes from
        assertThat(browser.findElements(By.cssSelector("#decision [data-code='involve-guardians']"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("#decision [data-code='do-not-notify-guardians']"))).hasSize(1);
        WebElement why = card.findElement(By.cssSelector("details.why"));
        why.findElement(By.tagName("summary")).click();
        // the signal by its label, not its code: the code was jargon to an adviser (issue 29 item 11); it stays in the title
        assertThat(why.findElement(By.cssSelector(".conditions")).getText()).contains("Mistanke om vold i nære relasjoner");
        shot("1-prov-en-sak");
    }

    @Test
    @Order(2)
    void save_as_scenario_gives_yaml_that_passes_as_a_scenario() throws Exception {
        browser.findElement(By.id("scenario-name")).sendKeys("mistanke om vold: samme dag, uten foresatte");
        browser.findElement(By.id("save-scenario")).click();
        String yaml = wait.until(d -> {
            String v = d.findElement(By.id("scenario-yaml")).getAttribute("value");
            return v == null || v.isBlank() ? null : v;
        });
        JsonNode tree = new YAMLMapper().readTree(yaml);
        assertThat(tree.get("scenarios").get(0).get("case").get("concern").get("signals").get(0).asText()).isEqualTo("violence-suspected");
        Path file = Files.writeString(dir.resolve("saved-scenario.yaml"), yaml);
        Guide guide = Guides.load(dir.resolve("nittedal/guide.yaml"));
        List<Scenario> read = Scenarios.read(guide, List.of(file));
        assertThat(read).hasSize(1);
        assertThat(read.get(0).expect().includes()).extracting(Scenario.ExpectedFinding::code).contains("contact-child-welfare-or-police-same-day");
        ScenarioReport report = ScenarioRunner.run(guide.compile(), read);
        assertThat(report.passed()).as(report.toText()).isTrue();
    }

    @Test
    @Order(3)
    void the_scenarios_run_with_pass_fail_and_coverage_on_levels_and_steps() throws Exception {
        view("scenarier");
        wait.until(d -> d.findElement(By.id("scenario-summary")).getText().contains("0 feiler"));
        assertThat(browser.findElements(By.cssSelector("#scenario-list li.pass")).size()).isGreaterThan(20);
        assertThat(browser.findElements(By.cssSelector("#scenario-list li.fail"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector(".coverage-level")).size()).isGreaterThanOrEqualTo(4);
        assertThat(browser.findElements(By.cssSelector(".rule-boxes li.covered")).size()).isGreaterThan(10);
        wait.until(d -> d.findElement(By.id("verify-status")).getText().matches("\\d+ invarianter, \\d+ brutt\\."));
        assertThat(browser.findElements(By.cssSelector("#invariant-list li[data-invariant]"))).isNotEmpty();
        shot("2-scenarier");
    }

    @Test
    @Order(4)
    void a_typo_in_the_editor_is_shown_at_its_line_and_column() throws Exception {
        view("rediger");
        WebElement editor = wait.until(d -> {
            WebElement e = d.findElement(By.id("editor"));
            return e.getAttribute("value").contains("involve-guardians-within") ? e : null;
        });
        String text = editor.getAttribute("value");
        int line = (int) text.substring(0, text.indexOf("unit: weeks")).lines().count();
        setEditor(text.replaceFirst("unit: weeks", "unit: weekz"));
        WebElement problem = wait.until(d -> d.findElements(By.cssSelector("#problems .problem.error")).stream().findFirst().orElse(null));
        assertThat(problem.getText()).contains("linje " + line + ", kolonne 11").contains("weekz");
        problem.findElement(By.cssSelector("button.goto")).click();
        Number caret = (Number) js("return document.getElementById('editor').selectionStart");
        assertThat(text.substring(caret.intValue())).startsWith("weeks");
        shot("3-rediger");
        setEditor(text);
        wait.until(d -> d.findElement(By.id("editor-status")).getText().equals("Ingen feil."));
    }

    static void setEditor(String text) {
        chromium.setEditor(text);
    }

    @Test
    @Order(5)
    void a_text_that_states_the_old_value_by_hand_is_flagged_in_the_impact_view_and_the_placeholder_reads_fire_uker() throws Exception {
        view("rediger");
        String text = browser.findElement(By.id("editor")).getAttribute("value");
        assertThat(text).contains("helst innen {involve-guardians-within:words} fra bekymringen oppstod");
        String threeWeeks = text.replaceFirst("(involve-guardians-within:\\n(?:    .*\\n)*?    value: )4", "$13");
        assertThat(threeWeeks).isNotEqualTo(text);
        js("document.getElementById('population-size').value = '0'");
        // by hand: the text goes on saying "fire uker" under a three-week due date, and the impact view says so
        setEditor(threeWeeks.replace("{involve-guardians-within:words}", "fire uker"));
        view("endringer");
        browser.findElement(By.id("compute-impact")).click();
        WebElement stale = wait.until(d -> d.findElements(By.cssSelector(
                "#impact-stale li[data-rule='nittedal.level1.involve-guardians'][data-parameter='involve-guardians-within']")).stream().findFirst().orElse(null));
        assertThat(stale.getText()).contains("«fire uker»").contains("nå 3 uker (var 4 uker)").contains("{involve-guardians-within:words}");
        stale.findElement(By.cssSelector("button.goto")).click();
        wait.until(d -> d.findElement(By.id("view-rediger")).isDisplayed());
        String line = (String) js("const e = document.getElementById('editor'); const v = e.value, c = e.selectionStart;"
                + " return v.slice(v.lastIndexOf('\\n', c - 1) + 1, v.indexOf('\\n', c));");
        assertThat(line).contains("text:");
        // from the parameter: nothing to warn of
        setEditor(threeWeeks);
        view("endringer");
        browser.findElement(By.id("compute-impact")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#impact-scenarios li.bar")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#impact-stale"))).isEmpty();
        setEditor(text);
        js("document.getElementById('population-size').value = '2000'");
        // the decision reads the words the placeholder makes
        view("sak");
        browser.findElement(By.id("signal-violence-suspected")).click();
        browser.findElement(By.id("signal-wellbeing-concern")).click();
        wait.until(d -> d.findElement(By.id("decision")).getAttribute("data-settled") != null);
        WebElement card = wait.until(d -> d.findElements(By.cssSelector("#decision [data-code='involve-guardians'] .finding-text"))
                .stream().findFirst().orElse(null));
        assertThat(card.getText()).contains("helst innen fire uker fra bekymringen oppstod").doesNotContain("{");
    }

    @Test
    @Order(6)
    void changing_the_four_week_parameter_shows_the_due_date_group_with_its_count() throws Exception {
        view("rediger");
        String text = browser.findElement(By.id("editor")).getAttribute("value");
        String changed = text.replaceFirst("(involve-guardians-within:\\n(?:    .*\\n)*?    value: )4", "$16");
        assertThat(changed).isNotEqualTo(text);
        setEditor(changed);
        view("endringer");
        browser.findElement(By.id("compute-impact")).click();
        // the chart is HTML since issue 29 item 6 (an SVG cut its labels and shrank its text on small screens)
        WebElement bar = wait.until(d -> d.findElements(By.cssSelector("#impact-scenarios li.bar[data-kind='due-moved'][data-subject='involve-guardians']"))
                .stream().findFirst().orElse(null));
        int count = Integer.parseInt(bar.getAttribute("data-count"));
        assertThat(count).isPositive();
        assertThat(bar.getText()).contains(String.valueOf(count)).contains("Frist flyttes");
        assertThat(browser.findElements(By.cssSelector("#impact-population li.bar[data-kind='due-moved']"))).isNotEmpty();
        shot("4-hva-endres");
        // an example case opens in Prøv en sak
        js("document.querySelector('#impact-population details.examples').open = true");
        browser.findElement(By.cssSelector("#impact-population button.open-case")).click();
        // it asks first: the case in the form was replaced without a word before (issue 29 item 5)
        wait.until(d -> d.findElements(By.cssSelector("#impact-population .confirm-open")).stream().findFirst().orElse(null)).click();
        wait.until(d -> d.findElement(By.id("view-sak")).isDisplayed());
        wait.until(d -> d.findElements(By.cssSelector("#decision .level")).size() == 1);
    }

    @Test
    @Order(7)
    void the_handbook_shows_the_guide_as_it_stands() throws Exception {
        view("handbok");
        WebElement frame = browser.findElement(By.id("handbook"));
        wait.until(d -> {
            d.switchTo().frame(frame);
            try {
                return d.findElements(By.tagName("h1")).stream().anyMatch(h -> h.getText().contains("Nittedal") || h.getText().contains("BTI"));
            } finally {
                d.switchTo().defaultContent();
            }
        });
        shot("5-handbok");
    }

    @Test
    @Order(8)
    void the_page_switches_to_english_and_fits_360_px() throws Exception {
        view("sak");
        browser.findElement(By.id("lang-switch")).click();
        wait.until(d -> d.findElement(By.id("tab-sak")).getText().equals("Try a case"));
        assertThat(js("return document.documentElement.lang")).isEqualTo("en");
        browser.findElement(By.id("lang-switch")).click();
        wait.until(d -> d.findElement(By.id("tab-sak")).getText().equals("Prøv en sak"));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(360, 800));
        Number width = (Number) js("return document.documentElement.scrollWidth");
        assertThat(width.intValue()).isLessThanOrEqualTo(360);
        shot("6-prov-en-sak-360px");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1400));
    }

    /**
     * axe-core (from npm: {@code .ci/run} packs axe-core 4.14.1 and passes {@code -Dveiviser.axe=<axe.min.js>}) in the
     * page, on each of the five views: no WCAG 2.1 A/AA violation of any impact (issue 29 asks for none; this test
     * counted only serious and critical ones before).
     */
    @Test
    @Order(9)
    void axe_core_finds_no_wcag_2_1_aa_violation_in_any_view() throws Exception {
        String axePath = System.getProperty("veiviser.axe", "");
        if (axePath.isEmpty() || !Files.isRegularFile(Path.of(axePath))) {
            String message = "axe-core check skipped: give -Dveiviser.axe=<path to axe.min.js> (npm pack axe-core@4.14.1)";
            if ("required".equals(System.getProperty("veiviser.browser"))) {
                Assertions.fail(message.replace("skipped", "required"));
            }
            Assumptions.abort(message);
        }
        String axe = Files.readString(Path.of(axePath));
        StringBuilder found = new StringBuilder();
        for (String view : List.of("sak", "scenarier", "rediger", "endringer", "handbok")) {
            view(view);
            if (view.equals("scenarier")) {
                wait.until(d -> !d.findElements(By.cssSelector(".coverage-level")).isEmpty());
            }
            if (view.equals("endringer") && browser.findElements(By.cssSelector("#impact li.bar")).isEmpty()) {
                browser.findElement(By.id("compute-impact")).click();
                wait.until(d -> !d.findElements(By.cssSelector("#impact li.bar, #impact .impact-summary")).isEmpty());
            }
            js(axe);
            Object result = ((JavascriptExecutor) browser).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                    + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                    + ".then(r => done(r.violations"
                    + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))"
                    + ".catch(e => done(['axe failed: ' + e]));");
            for (Object v : (List<?>) result) {
                found.append(view).append(": ").append(v).append('\n');
            }
        }
        assertThat(found.toString()).isEmpty();
    }

    @Test
    @Order(10)
    void the_page_had_no_script_errors_through_all_views() {
        List<?> errors = (List<?>) js("return window.__errors || []");
        assertThat(errors).isEmpty();
    }

}
