package no.krr.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver (never a browser a tool
 * downloads): {@code krr.it.chromium} and {@code krr.it.chromedriver} name other binaries. Downloads
 * go to a directory of its own; screenshots to {@code target/console-screenshots/}. The browser's
 * console is read after every step that matters, so that a script error or a refusal by the
 * Content-Security-Policy fails the test.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "console-screenshots");
    static final Duration PATIENCE = Duration.ofSeconds(90);

    final ChromeDriver driver;
    final Path downloads;
    private final Path profile;

    private Browser(ChromeDriver driver, Path downloads, Path profile) {
        this.driver = driver;
        this.downloads = downloads;
        this.profile = profile;
    }

    static Browser start() {
        File binary = new File(System.getProperty("krr.it.chromium", "/usr/bin/chromium"));
        File chromedriver = new File(System.getProperty("krr.it.chromedriver", "/usr/bin/chromedriver"));
        if (!binary.canExecute() || !chromedriver.canExecute()) {
            throw new IllegalStateException("The console's browser tests need Debian's Chromium and its driver ("
                    + binary + ", " + chromedriver + "): apt-get install chromium chromium-driver (.ci/run does)");
        }
        try {
            Path downloads = Files.createTempDirectory("krr-console-downloads-");
            Path profile = Files.createTempDirectory("krr-console-profile-");
            ChromeOptions options = new ChromeOptions().setBinary(binary);
            // the flags that keep Chromium off a closed network and away from a root user's sandbox
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                    "--disable-quic", "--lang=nb-NO", "--window-size=1280,900", "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false, "intl.accept_languages", "nb-NO,nb"));
            LoggingPreferences logs = new LoggingPreferences();
            logs.enable(LogType.BROWSER, Level.ALL);
            options.setCapability("goog:loggingPrefs", logs);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            Files.createDirectories(SCREENSHOTS);
            return new Browser(driver, downloads, profile);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits (at most {@link #PATIENCE}) until the condition holds. */
    <T> T await(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100)).until(condition);
    }

    WebElement visible(String css) {
        return await(d -> {
            List<WebElement> found = d.findElements(By.cssSelector(css));
            return found.isEmpty() || !found.get(0).isDisplayed() ? null : found.get(0);
        });
    }

    void click(String css) {
        visible(css).click();
    }

    String text(String css) {
        return visible(css).getText();
    }

    /** Scrolls the element to the top of the window, for the screenshot. */
    void scrollTo(String css) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'start'});", find(css));
    }

    void narrow() {
        driver.manage().window().setSize(new Dimension(400, 900));
    }

    void wide() {
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    /** Whether the page is wider than the window (a horizontal scroll bar). */
    boolean overflows() {
        return (Boolean) driver.executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
    }

    /** The form fields of the page that no label names. */
    @SuppressWarnings("unchecked")
    List<String> unlabelledFields() {
        return (List<String>) driver.executeScript("return [...document.querySelectorAll('input:not([type=hidden]),select,textarea')]"
                + ".filter(e => e.offsetParent !== null && e.labels.length === 0 && !e.getAttribute('aria-label'))"
                + ".map(e => e.outerHTML);");
    }

    void screenshot(String name) {
        try {
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The errors the page's console reported since the last call (script errors, CSP refusals). */
    List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                // a page's own 4xx answers (a refused call it shows) are logged too; they are not faults
                .filter(message -> !message.contains("Failed to load resource"))
                .collect(Collectors.toList());
    }

    @Override
    public void close() {
        driver.quit();
    }
}
