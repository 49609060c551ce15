package no.veiviser.workbench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workbench page in Debian's Chromium, driven by Selenium (Selenium Manager off, the driver at
 * {@code /usr/bin/chromedriver}), for the browser tests. Without Chromium a test class is skipped with a message naming
 * the two packages, unless {@code -Dveiviser.browser=required} (as {@code .ci/run} sets), which makes that a failure.
 */
final class Chromium implements AutoCloseable {
    static final Path DRIVER = Path.of(System.getProperty("veiviser.chromedriver", "/usr/bin/chromedriver"));
    static final Path CHROMIUM = Path.of(System.getProperty("veiviser.chromium", "/usr/bin/chromium"));

    final WebDriver browser;
    final WebDriverWait wait;

    private Chromium(WebDriver browser) {
        this.browser = browser;
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        this.wait = new WebDriverWait(browser, Duration.ofSeconds(60));
    }

    /** Skips (or, with {@code -Dveiviser.browser=required}, fails) the calling test class when there is no Chromium. */
    static void requirePresent(String testClass) {
        if (Files.isExecutable(DRIVER) && Files.isExecutable(CHROMIUM)) {
            return;
        }
        String message = "browser tests skipped: no Chromium here; install the Debian packages chromium and chromium-driver";
        if ("required".equals(System.getProperty("veiviser.browser"))) {
            Assertions.fail(message.replace("skipped", "required") + " (-Dveiviser.browser=required)");
        }
        System.err.println(testClass + ": " + message);
        Assumptions.abort(message);
    }

    /** A headless Chromium in Norwegian at {@code width} x {@code height}, with the page at {@code address} loaded. */
    static Chromium open(URI address, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--lang=nb-NO");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        Chromium c = new Chromium(new ChromeDriver(service, options));
        c.browser.get(address.toString());
        c.wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        return c;
    }

    /** The page at {@code address} in a Chromium with JavaScript turned off, as some readers have it. */
    static Chromium openWithoutScript(URI address) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--lang=nb-NO");
        options.setExperimentalOption("prefs", java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        Chromium c = new Chromium(new ChromeDriver(service, options));
        c.browser.get(address.toString());
        return c;
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    /** Shows a view by its hash ({@code sak}, {@code rediger} ...) and waits until it is displayed. */
    void view(String hash) {
        js("location.hash = arguments[0]", hash);
        wait.until(d -> d.findElement(By.id("view-" + hash)).isDisplayed());
    }

    /** The editor's text replaced, as typing would (the input event starts the live check). */
    void setEditor(String text) {
        js("const e = document.getElementById('editor'); e.value = arguments[0]; e.dispatchEvent(new Event('input', {bubbles: true}))", text);
    }

    void resize(int width, int height) {
        browser.manage().window().setSize(new Dimension(width, height));
    }

    /** A screenshot of the window as it is scrolled, as a PNG file. */
    void shot(Path file) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        browser.quit();
    }
}
