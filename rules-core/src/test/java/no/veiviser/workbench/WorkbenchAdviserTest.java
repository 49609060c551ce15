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
    /** Screenshots for docs/workbench/ (copied there by hand when the page changes): 1400 and 400 px wide. */
    static final Path SHOTS = Path.of("target", "workbench-screenshots");

    /** The window at 1400 px and at 400 px, as {@code name-1400.png} and {@code name-400.png}, each after {@code prepare}. */
    static void shots(String name, Runnable prepare) throws Exception {
        page.js("window.scrollTo(0, 0)");
        prepare.run();
        page.shot(SHOTS.resolve(name + "-1400.png"));
        page.resize(400, 900);
        try {
            page.js("window.scrollTo(0, 0)");
            prepare.run();
            page.shot(SHOTS.resolve(name + "-400.png"));
        } finally {
            page.resize(1400, 900);
        }
    }

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

    @Test
    @Order(11)
    void screenshots_of_the_case_view_at_1400_and_400_px() throws Exception {
        violenceCase();
        shots("case-view", () -> page.js("document.getElementById('show-decision').click(); window.scrollTo(0, 0);"
                + " document.getElementById('decision-panel').scrollTop = 0"));
        page.js("document.getElementById('show-form').click()");
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

    /** Item 7: a case error is marked on its field (message beside it, aria-invalid, focus moved), never the guide's editor. */
    @Test
    @Order(3)
    void an_impossible_age_is_marked_on_the_age_field_and_focus_goes_there() {
        violenceCase();
        page.js("document.getElementById('f-setting').focus()");
        type("f-age", "-3");
        settled();
        WebElement age = page.wait.until(d -> "true".equals(d.findElement(By.id("f-age")).getAttribute("aria-invalid"))
                ? d.findElement(By.id("f-age")) : null);
        WebElement message = byId(age.getAttribute("aria-describedby"));
        assertThat(message.isDisplayed()).isTrue();
        assertThat(message.getText()).isEqualTo("må være mellom 0 og 30, ikke -3");
        assertThat(page.js("return document.activeElement.id")).isEqualTo("f-age");
        // the panel names the field and takes the reader there; nothing in it opens the guide's editor at "linje 1"
        WebElement decision = byId("decision");
        assertThat(decision.findElements(By.cssSelector("button.goto"))).isEmpty();
        assertThat(decision.getText()).contains("Alder (år)").doesNotContain("linje");
        type("f-age", "10");
        settled();
        page.wait.until(d -> d.findElement(By.id("f-age")).getAttribute("aria-invalid") == null);
        assertThat(page.browser.findElements(By.cssSelector("#case-fields .field-error"))).isEmpty();
    }

    /** Item 10: the form has a field for every fact of the vocabulary, and gives back whole the case it was given. */
    @Test
    @Order(4)
    void the_form_holds_every_fact_of_the_vocabulary_and_gives_back_the_case_it_was_given() throws Exception {
        page.view("sak");
        @SuppressWarnings("unchecked")
        List<String> paths = (List<String>) page.js("return [...document.querySelectorAll('#case-fields [data-path]')].map(e => e.dataset.path)");
        java.util.Set<String> form = new java.util.TreeSet<>(paths);
        form.removeAll(java.util.Set.of("asOf", "child.birthDate")); // the case file's, not fields of the vocabulary
        assertThat(form).isEqualTo(new java.util.TreeSet<>(no.veiviser.internal.engine.Field.paths()));
        String full = """
                {"asOf": "2026-11-24",
                 "child": {"age": 10, "setting": "school", "livesInMunicipality": false},
                 "concern": {"since": "2026-11-01", "signals": ["wellbeing-concern"], "uncertainPlacement": true, "progress": "worse"},
                 "case": {"level": 1, "step": "1.1", "guardiansInvolved": true, "services": ["school"], "individualPlan": true,
                          "childCoordinator": true, "closing": true, "referred": "2026-10-01"},
                 "meeting": {"held": "2026-11-10", "outcome": "change-level", "level": 2, "next": "2026-12-10"},
                 "consent": {"guardians": "given", "youth": "refused", "written": true,
                             "stafettlogg": {"guardians": "given", "youth": "not-asked", "written": true},
                             "individualPlan": {"guardians": "withdrawn", "youth": "given", "written": true}},
                 "childWelfare": {"informed": true, "recommendsFollowUp": true, "decision": true, "measureActive": true, "informedOn": "2026-11-05"},
                 "stafettlogg": {"status": "active", "holder": "school"},
                 "reporter": {"service": "school", "adultService": true},
                 "adult": {"hasChildren": false, "socialAssistance": "ongoing", "refugeeSettledOn": "2020-01-01",
                           "patientCondition": "mental-illness", "patientIsSibling": false}}
                """;
        page.js("window.veiviser.openCase(JSON.parse(arguments[0]))", full);
        String back = (String) page.js("return JSON.stringify(window.veiviser.formCase())");
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        assertThat(json.readTree(back)).isEqualTo(json.readTree(full));
        settled();
    }

    /** Item 11: "Hvorfor?" in the vocabulary's words, withheld rules by their descriptions, a word without JavaScript. */
    @Test
    @Order(5)
    void why_and_withheld_speak_norwegian_and_the_page_without_script_says_why_it_is_empty() {
        violenceCase();
        byId("signal-wellbeing-concern").click();
        settled();
        WebElement card = page.wait.until(d -> d.findElement(By.id("finding-contact-child-welfare-or-police-same-day")));
        card.findElement(By.cssSelector("details.why summary")).click();
        String why = card.findElement(By.cssSelector(".conditions")).getText();
        assertThat(why).doesNotContain("concern.").doesNotContain("concept ").doesNotContain("contains")
                .contains("Mistanke om vold i nære relasjoner").contains("Begrepet «");
        List<WebElement> withheld = page.browser.findElements(By.cssSelector("#decision .withheld li"));
        assertThat(withheld).isNotEmpty();
        for (WebElement w : withheld) {
            String rule = w.getAttribute("data-rule");
            assertThat(w.findElement(By.cssSelector(".withheld-rule")).getText()).isNotEqualTo(rule).doesNotContain(rule);
            assertThat(w.findElement(By.cssSelector(".withheld-by")).getText()).doesNotMatch("[a-z0-9-]+(\\.[a-z0-9-]+)+");
        }
        try (Chromium off = Chromium.openWithoutScript(server.address())) {
            assertThat(off.browser.findElement(By.tagName("body")).getText()).contains("Arbeidsbenken trenger JavaScript");
        }
    }

    /** Item 5: an impact example shows its decision before and after side by side; opening it asks before replacing the form. */
    @Test
    @Order(6)
    void impact_examples_show_before_and_after_and_ask_before_replacing_the_form() {
        page.view("rediger");
        String text = page.wait.until(d -> d.findElement(By.id("editor")).getAttribute("value"));
        String sixWeeks = text.replaceFirst("(involve-guardians-within:\\n(?:    .*\\n)*?    value: )4", "$16");
        assertThat(sixWeeks).isNotEqualTo(text);
        page.setEditor(sixWeeks);
        page.view("endringer");
        page.js("document.getElementById('population-size').value = '500'");
        byId("compute-impact").click();
        WebElement example = page.wait.until(d -> d.findElements(By.cssSelector("#impact-scenarios li.example")).stream().findFirst().orElse(null));
        page.js("document.querySelector('#impact-scenarios details.examples').open = true");
        example.findElement(By.cssSelector("button.compare-case")).click();
        WebElement compare = page.wait.until(d -> example.findElements(By.cssSelector(".compare")).stream().findFirst().orElse(null));
        String before = compare.findElement(By.cssSelector(".before")).getText();
        String after = compare.findElement(By.cssSelector(".after")).getText();
        assertThat(before).isNotEqualTo(after);
        assertThat(compare.findElements(By.cssSelector(".before li.changed"))).isNotEmpty();
        assertThat(compare.findElements(By.cssSelector(".after li.changed"))).isNotEmpty();
        assertThat(compare.findElement(By.cssSelector(".after li.changed")).getText()).contains("frist");
        // the form is replaced only when the adviser says so
        String form = (String) page.js("return JSON.stringify(window.veiviser.formCase())");
        example.findElement(By.cssSelector("button.open-case")).click();
        WebElement confirm = page.wait.until(d -> example.findElements(By.cssSelector(".confirm")).stream().findFirst().orElse(null));
        assertThat(byId("view-endringer").isDisplayed()).isTrue();
        assertThat(page.js("return JSON.stringify(window.veiviser.formCase())")).isEqualTo(form);
        confirm.findElement(By.cssSelector(".confirm-cancel")).click();
        assertThat(example.findElements(By.cssSelector(".confirm"))).isEmpty();
        assertThat(page.js("return JSON.stringify(window.veiviser.formCase())")).isEqualTo(form);
        example.findElement(By.cssSelector("button.open-case")).click();
        page.wait.until(d -> example.findElements(By.cssSelector(".confirm-open")).stream().findFirst().orElse(null)).click();
        page.wait.until(d -> d.findElement(By.id("view-sak")).isDisplayed());
        page.wait.until(d -> !form.equals(page.js("return JSON.stringify(window.veiviser.formCase())")));
        page.setEditor(text);
    }

    /** Item 6: bars as long as their share, labels whole, Norwegian words and decimal commas, the limit said. */
    @Test
    @Order(7)
    void the_chart_is_proportional_whole_and_norwegian_and_says_its_limit() throws Exception {
        page.view("rediger");
        String text = page.wait.until(d -> d.findElement(By.id("editor")).getAttribute("value"));
        page.setEditor(text.replaceFirst("(involve-guardians-within:\\n(?:    .*\\n)*?    value: )4", "$16"));
        page.view("endringer");
        page.js("document.getElementById('population-size').value = '500000'");
        String shown = (String) page.js("return document.getElementById('impact').innerHTML");
        byId("compute-impact").click();
        WebElement error = page.wait.until(d -> d.findElement(By.id("population-error")).isDisplayed() ? d.findElement(By.id("population-error")) : null);
        assertThat(error.getText().replace('\u00a0', ' ')).contains("100 000");
        assertThat(byId("population-size").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(page.js("return document.getElementById('impact').innerHTML")).isEqualTo(shown); // nothing ran
        page.js("document.getElementById('population-size').value = '500'");
        byId("compute-impact").click();
        page.wait.until(d -> !d.findElements(By.cssSelector("#impact-population li.bar")).isEmpty());
        assertThat(byId("population-error").isDisplayed()).isFalse();
        assertThat(byId("impact").getText()).doesNotContain("null"); // no stale texts wrote "null" above the chart
        List<WebElement> bars = page.browser.findElements(By.cssSelector("#impact li.bar"));
        for (WebElement bar : bars) {
            String label = bar.findElement(By.cssSelector(".bar-label")).getText();
            String count = bar.findElement(By.cssSelector(".bar-count")).getText().replace('\u00a0', ' ');
            assertThat(label).doesNotEndWith("…").doesNotContain("days");
            assertThat(count).matches("\\d[\\d ]* saker? \\(\\d+(,\\d)? %\\)");
            Number cases = Long.parseLong(bar.findElement(By.xpath("..")).getAttribute("data-cases"));
            double share = Long.parseLong(bar.getAttribute("data-count")) / cases.doubleValue();
            Number fill = (Number) page.js("return arguments[0].querySelector('.bar-fill').getBoundingClientRect().width", bar);
            Number track = (Number) page.js("return arguments[0].querySelector('.bar-track').clientWidth", bar);
            assertThat(fill.doubleValue()).as(label).isCloseTo(Math.max(2, share * track.doubleValue()), org.assertj.core.data.Offset.offset(2.0));
        }
        assertThat(page.browser.findElement(By.cssSelector("#impact-scenarios li.bar[data-kind='due-moved'][data-subject='involve-guardians'] .bar-label"))
                .getText()).contains("(+14 dager)");
        shots("impact-view", () -> { });
        page.resize(400, 900);
        Number size = (Number) page.js("return parseFloat(getComputedStyle(document.querySelector('#impact .bar-label')).fontSize)");
        assertThat(size.doubleValue()).isGreaterThanOrEqualTo(14);
        assertThat(((Number) page.js("return document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(400);
        page.resize(1400, 900);
        page.setEditor(text);
    }

    /**
     * Item 9: a skip link takes the keyboard to the decision, the signals come in groups, at 400 px a switch shows the
     * decision at once, only a short summary is live, and the impact result is announced.
     */
    @Test
    @Order(8)
    void a_skip_link_reaches_the_decision_and_a_small_screen_switches_to_it() {
        violenceCase();
        assertThat(byId("decision").getAttribute("aria-live")).isNull();
        assertThat(byId("decision-live").getAttribute("aria-live")).isEqualTo("polite");
        String live = page.wait.until(d -> {
            String x = d.findElement(By.id("decision-live")).getAttribute("textContent");
            return x.startsWith("Anbefalt nivå") ? x : null;
        });
        assertThat(live.length()).isLessThan(120);
        // Tab from the top of the page, as after loading it: the focus starting point put before the first element
        page.js("window.scrollTo(0, 0); const s = document.createElement('span'); s.tabIndex = -1; document.body.prepend(s); s.focus(); s.remove();");
        org.openqa.selenium.interactions.Actions keys = new org.openqa.selenium.interactions.Actions(page.browser);
        int presses = 0;
        while (!"skip-decision".equals(page.js("return document.activeElement.id")) && presses < 10) {
            keys.sendKeys(org.openqa.selenium.Keys.TAB).perform();
            presses++;
        }
        assertThat(presses).isLessThanOrEqualTo(3);
        keys.sendKeys(org.openqa.selenium.Keys.ENTER).perform();
        page.wait.until(d -> "decision-heading".equals(page.js("return document.activeElement.id")));
        assertThat(page.browser.findElements(By.cssSelector("#group-signal details.signal-group")).size()).isGreaterThanOrEqualTo(3);
        page.resize(400, 900);
        try {
            byId("show-form").click();
            byId("signal-concerning-absence").click();
            settled();
            byId("show-decision").click();
            assertThat(byId("show-decision").getAttribute("aria-pressed")).isEqualTo("true");
            assertThat(byId("case-form").isDisplayed()).isFalse();
            Number top = (Number) page.js("return document.getElementById('decision-panel').getBoundingClientRect().top");
            Number height = (Number) page.js("return window.innerHeight");
            assertThat(top.doubleValue()).isBetween(-1.0, height.doubleValue() / 2);
            assertThat(byId("decision-summary").isDisplayed()).isTrue();
            byId("show-form").click();
        } finally {
            page.resize(1400, 900);
        }
        page.view("endringer");
        page.js("document.getElementById('population-size').value = '200'");
        byId("compute-impact").click();
        page.wait.until(d -> d.findElement(By.id("impact-status")).getText().startsWith("Ferdig beregnet."));
        assertThat(byId("impact-status").getAttribute("role")).isEqualTo("status");
    }

    /** Item 8: with --edit, "Lagre som scenario" writes the guide's scenario file and the scenario runs under Scenarier. */
    @Test
    @Order(9)
    void save_as_scenario_writes_the_scenario_file_and_read_only_says_how_to_save() throws Exception {
        violenceCase();
        String name = "vold, lagret fra arbeidsbenken";
        byId("scenario-name").clear();
        byId("scenario-name").sendKeys(name);
        byId("save-scenario").click();
        page.wait.until(d -> d.findElement(By.id("scenario-status")).getText().startsWith("Lagret «" + name + "»"));
        Path file = dir.resolve("nittedal/scenarios/arbeidsbenk.yaml");
        String written = Files.readString(file);
        assertThat(written).contains(name).contains("contact-child-welfare-or-police-same-day");
        no.veiviser.Guide guide = no.veiviser.Guides.load(dir.resolve("nittedal/guide.yaml"));
        no.veiviser.scenario.ScenarioReport report = no.veiviser.scenario.ScenarioRunner.run(guide.compile(),
                no.veiviser.scenario.Scenarios.read(guide, List.of(file)));
        assertThat(report.passed()).as(report.toText()).isTrue();
        page.view("scenarier");
        page.wait.until(d -> d.findElements(By.cssSelector("#scenario-list li.pass")).stream().anyMatch(li -> li.getText().contains(name)));
        // the same name again is refused, and the file is left as it was
        page.view("sak");
        byId("save-scenario").click();
        page.wait.until(d -> d.findElement(By.id("scenario-status")).getText().startsWith("Scenarioet ble ikke lagret"));
        assertThat(Files.readString(file)).isEqualTo(written);
        // read-only: the page says how to save instead
        try (WorkbenchServer readOnly = WorkbenchServer.start(new WorkbenchServer.Options("127.0.0.1", 0, false, List.of(dir)));
             Chromium other = Chromium.open(readOnly.address(), 1400, 900)) {
            new Select(other.browser.findElement(By.id("guide-select"))).selectByValue("nittedal");
            other.wait.until(d -> d.findElements(By.cssSelector("#decision .level")).size() == 1);
            other.browser.findElement(By.id("save-scenario")).click();
            String said = other.wait.until(d -> {
                String x = d.findElement(By.id("scenario-status")).getText();
                return x.isEmpty() ? null : x;
            });
            assertThat(said).contains("--edit").contains("scenarios/");
            assertThat(other.browser.findElement(By.id("scenario-yaml")).getAttribute("value")).contains("scenarios:");
        }
        assertThat(Files.readString(file)).isEqualTo(written);
    }

    /**
     * Item 2: four weeks made three; the refused save names each failing scenario and its file, opens the file in the
     * page at the scenario, and after showing each expectation before and after, accepts the new decision when asked;
     * then the guide saves.
     */
    @Test
    @Order(10)
    void a_refused_save_names_the_scenarios_opens_their_files_and_accepts_the_new_decision_after_review() throws Exception {
        page.view("rediger");
        String text = page.wait.until(d -> d.findElement(By.id("editor")).getAttribute("value"));
        String threeWeeks = text.replaceFirst("(involve-guardians-within:\\n(?:    .*\\n)*?    value: )4", "$13");
        assertThat(threeWeeks).isNotEqualTo(text);
        page.setEditor(threeWeeks);
        page.wait.until(d -> d.findElement(By.id("editor-status")).getText().equals("Ingen feil."));
        byId("save-guide").click();
        String failing = "#problems li.problem.error:not([data-file=''])";
        WebElement first = page.wait.until(d -> d.findElements(By.cssSelector(failing)).stream().findFirst().orElse(null));
        String name = first.getAttribute("data-file");
        assertThat(first.getText()).contains("scenario '").contains(name);
        shots("editor-after-failed-save", () -> page.js("document.getElementById('editor-status').scrollIntoView({block: 'center'})"));
        first.findElement(By.cssSelector("button.open-scenario-file")).click();
        page.wait.until(d -> d.findElement(By.id("view-scenarier")).isDisplayed()
                && name.equals(d.findElement(By.id("scenario-file-select")).getAttribute("value")));
        String at = (String) page.js("const e = document.getElementById('scenario-editor'); const v = e.value, c = e.selectionStart;"
                + " return v.slice(c, v.indexOf('\\n', c));");
        assertThat(at).contains("name:");
        page.view("rediger");
        Path file = dir.resolve("nittedal/scenarios/" + name);
        String before = Files.readString(file);
        int count = page.browser.findElements(By.cssSelector(failing)).size();
        assertThat(count).isPositive();
        for (int i = 0; i < count; i++) {
            WebElement item = page.browser.findElements(By.cssSelector(failing)).get(i);
            item.findElement(By.cssSelector("button.accept-expectation")).click();
            WebElement box = page.wait.until(d -> item.findElements(By.cssSelector(".accept")).stream().findFirst().orElse(null));
            assertThat(box.findElements(By.cssSelector("button.confirm-accept"))).as(item.getText()).hasSize(1);
            String was = box.findElement(By.cssSelector(".before pre")).getText();
            String will = box.findElement(By.cssSelector(".after pre")).getText();
            assertThat(will).isNotEqualTo(was);
            if (i == 0) {
                assertThat(Files.readString(file)).isEqualTo(before); // shown, not yet written
            }
            box.findElement(By.cssSelector("button.confirm-accept")).click();
            page.wait.until(d -> item.getAttribute("class").contains("accepted"));
        }
        assertThat(Files.readString(file)).isNotEqualTo(before);
        byId("save-guide").click();
        page.wait.until(d -> d.findElement(By.id("editor-status")).getText().startsWith("Lagret"));
        assertThat(page.browser.findElements(By.cssSelector("#problems .problem.error"))).isEmpty();
    }
}
