package nrw.komman.app.browser;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Debian's headless Chromium through its chromedriver, against the running application. Every page
 * the tests look at goes through {@link #page}: it waits for the page, saves a screenshot under
 * {@code target/screenshots/} and runs axe-core on it, failing on any violation (of any impact) and on anything the
 * Content-Security-Policy blocked.
 * A missing browser or driver fails the tests (CI installs both, see {@code .ci/run}); it never skips.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final AtomicInteger SHOTS = new AtomicInteger();

    private final String base;
    private final Path profile;
    private final ChromeDriver driver;
    private final List<String> visited = new ArrayList<>();

    Browser(int port) {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            fail("The browser tests need Debian's Chromium and its driver: " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (apt-get install chromium chromium-driver; .ci/run does it).");
        }
        this.base = "http://localhost:" + port;
        try {
            this.profile = Files.createTempDirectory("komman-chromium-");
            Files.createDirectories(SCREENSHOTS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--user-data-dir=" + profile,
                "--window-size=1280,1000", "--lang=de-DE", "--disable-dev-shm-usage");
        options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL")); // to see Content-Security-Policy violations
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withEnvironment(java.util.Map.of("LANGUAGE", "de_DE", "LANG", "de_DE.UTF-8")) // German date fields, as in the field
                .build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens an address of the application and checks the page. */
    void open(String path, String name) {
        driver.get(base + path);
        page(name);
    }

    /** The page now shown: waits for it, saves a screenshot, runs axe-core. */
    void page(String name) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        String file = String.format("%03d-%s.png", SHOTS.incrementAndGet(), name);
        screenshot(SCREENSHOTS.resolve(file));
        visited.add(file + " " + driver.getCurrentUrl());
        allowedByTheContentSecurityPolicy(name);
        accessible(name);
    }

    /** Chromium reports every blocked inline style, script or foreign resource on its console. */
    void allowedByTheContentSecurityPolicy(String name) {
        List<String> violations = driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy"))
                .toList();
        assertThat(violations).as("Content-Security-Policy violations on %s (%s)", name, driver.getCurrentUrl()).isEmpty();
    }

    private void screenshot(Path target) {
        Dimension normal = driver.manage().window().getSize();
        try {
            Number height = (Number) driver.executeScript(
                    "return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight)");
            driver.manage().window().setSize(new Dimension(normal.getWidth(), Math.max(normal.getHeight(), height.intValue() + 140)));
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(normal);
        }
    }

    /**
     * Any violation fails, whatever its impact: the moderate {@code landmark-unique} stood on nearly every page for
     * weeks while only serious and critical ones failed, printed and unread.
     */
    private void accessible(String name) {
        Results results = new AxeBuilder().analyze(driver);
        assertThat(results.isErrored()).as("axe-core could not analyse %s: %s", name, results.getErrorMessage()).isFalse();
        List<Rule> violations = results.getViolations();
        assertThat(violations).as("accessibility violations on %s (%s):%n%s", name, driver.getCurrentUrl(),
                violations.stream().map(v -> "- " + v.getImpact() + " " + v.getId() + ": " + v.getHelp() + " at "
                                + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(", ")))
                        .collect(Collectors.joining("\n"))).isEmpty();
    }

    // ---- small helpers ---------------------------------------------------------------------------

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text(String css) {
        return find(css).getText();
    }

    void type(String id, String value) {
        WebElement field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(value);
    }

    /** Sets a date field's value directly (typing into date inputs depends on the browser's locale). */
    void date(String id, java.time.LocalDate value) {
        driver.executeScript("arguments[0].value = arguments[1]", driver.findElement(By.id(id)), value == null ? "" : value.toString());
    }

    /** Ticks the checkbox whose label reads {@code label}. */
    void tick(String label) {
        WebElement labelElement = driver.findElement(By.xpath("//label[normalize-space(.)='" + label + "']"));
        WebElement box = driver.findElement(By.id(labelElement.getAttribute("for")));
        if (!box.isSelected()) {
            labelElement.click();
        }
    }

    void choose(String id, String visibleText) {
        new Select(driver.findElement(By.id(id))).selectByVisibleText(visibleText);
    }

    void click(String linkOrButtonText) {
        List<WebElement> matches = driver.findElements(By.xpath(
                "//a[normalize-space(.)='" + linkOrButtonText + "'] | //button[normalize-space(.)='" + linkOrButtonText + "']"));
        assertThat(matches).as("a link or button \"%s\" on %s", linkOrButtonText, driver.getCurrentUrl()).isNotEmpty();
        clickAndAwaitNextPage(matches.get(0));
    }

    /**
     * Clicks and waits until the browser has left the current document. Without the wait a following
     * {@code driver.get} can cancel the form's POST in flight (seen on CI: the sign-in's session cookie never
     * arrived and the next page was the sign-in form again).
     */
    void clickAndAwaitNextPage(WebElement element) {
        // a mark on the current window object; the next document starts without it
        driver.executeScript("window.kommanPreviousPage = true;");
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .ignoring(org.openqa.selenium.WebDriverException.class) // scripts may fail while the page changes
                .until(d -> ((JavascriptExecutor) d).executeScript("return window.kommanPreviousPage === undefined"));
    }

    String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    void signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        open("/login", "anmelden");
        type("username", username);
        type("password", password);
        clickAndAwaitNextPage(find("form button[type=submit]"));
    }

    /** A file behind a link of the current page, fetched with the browser's session (a headless download lands nowhere). */
    java.net.http.HttpResponse<byte[]> download(String href) {
        org.openqa.selenium.Cookie session = driver.manage().getCookieNamed("JSESSIONID");
        assertThat(session).as("the browser's session cookie").isNotNull();
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(href))
                            .header("Cookie", "JSESSIONID=" + session.getValue()).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    List<String> visited() {
        return visited;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            } catch (IOException ignored) {
                // a temporary folder: the system cleans it up
            }
        }
    }
}
