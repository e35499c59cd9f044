package nrw.komman.app.browser;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.Budgets;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.ReadModels;
import nrw.komman.app.support.Requests;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static nrw.komman.app.support.TestAccounts.ADMIN;
import static nrw.komman.app.support.TestAccounts.AUDITOR;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.KOELN_CENTRE;
import static nrw.komman.app.support.TestAccounts.MINISTRY;
import static nrw.komman.app.support.TestAccounts.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A documentation tool, not a test of behaviour: full-page screenshots of the pages people use most, each at phone
 * (390×844) and desktop (1280×1000) width, for the before/after pictures of a change (issue 17). It runs only when
 * asked for, with the folder as the system property {@code screenshots.dir} or the environment variable
 * {@code SCREENSHOTS_DIR}:
 * <pre>
 * SCREENSHOTS_DIR=/tmp/screens ./mvnw -o -q -pl app -am test -Dtest=ScreenshotTour \
 *     -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false
 * </pre>
 * It writes {@code NN-page-phone.png} and {@code NN-page-desktop.png}; the numbers are fixed, so the same picture has
 * the same name in every run. The data (two volunteers of the same name, activities with a corrected and a withdrawn
 * one, a grant with history) is made over the API; forms are filled by their labels where possible. A step that fails
 * (a form that changed, a page that is gone) skips its pictures with a message instead of failing the tour; axe-core is
 * not asked here, the browser tests do that. It asserts only that the sign-in page was photographed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf("wanted")
class ScreenshotTour extends OnH2 {

    private static final ZoneId NRW = ZoneId.of("Europe/Berlin");
    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;
    private static final int DESKTOP_WIDTH = 1280;
    private static final int DESKTOP_HEIGHT = 1000;

    @LocalServerPort
    int port;

    private Api api;
    private Browser browser;
    private ChromeDriver driver;
    private Path dir;
    private final List<String> written = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();

    // the data set
    private String amina;
    private String aminaTwin;
    private String corrected;
    private String grant;

    static boolean wanted() {
        return folder() != null;
    }

    private static String folder() {
        String property = System.getProperty("screenshots.dir");
        if (property != null && !property.isBlank()) {
            return property;
        }
        String env = System.getenv("SCREENSHOTS_DIR");
        return env == null || env.isBlank() ? null : env;
    }

    @BeforeAll
    void start() throws IOException {
        dir = Path.of(folder()).toAbsolutePath();
        Files.createDirectories(dir);
        api = new Api(port);
        TestAccounts.createAll(api);
        step("the data set", this::data);
        browser = new Browser(port);
        driver = (ChromeDriver) browser.driver();
    }

    @AfterAll
    void stop() {
        written.forEach(file -> System.out.println("screenshot " + dir.resolve(file)));
        skipped.forEach(reason -> System.out.println("SKIPPED " + reason));
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void photographs_the_pages_at_phone_and_desktop_width() {
        LocalDate today = LocalDate.now(NRW);
        int year = today.getYear();

        step("01 sign-in", () -> {
            driver.manage().deleteAllCookies();
            get("/login");
            shoot("01-anmelden");
        });

        // the coordinator of Köln
        step("sign-in as coordinator", () -> signIn(KOELN));
        step("02 start page", () -> {
            get("/");
            shoot("02-start");
        });
        step("03 roster", () -> {
            get("/ehrenamtliche");
            shoot("03-ehrenamtliche");
        });
        step("04 register form", () -> {
            get("/ehrenamtliche/neu");
            shoot("04-registrieren");
        });
        step("05 register form submitted empty", () -> {
            get("/ehrenamtliche/neu");
            submit("Registrieren");
            shoot("05-registrieren-leer-abgeschickt");
        });
        step("06 volunteer page", () -> {
            get("/ehrenamtliche/" + need(amina, "the volunteer"));
            shoot("06-ehrenamtliche-person");
        });
        step("07 log-activity form", () -> {
            get("/ehrenamtliche/" + need(amina, "the volunteer") + "/einsaetze/neu");
            shoot("07-einsatz-erfassen");
        });
        step("08 log-activity form with 1500 minutes and tomorrow", () -> {
            get("/ehrenamtliche/" + need(amina, "the volunteer") + "/einsaetze/neu");
            duration(25, 0);
            date(today.plusDays(1), "Datum");
            chooseFirst("Kategorie");
            submit("Einsatz speichern");
            shoot("08-einsatz-1500-minuten-morgen");
        });
        step("09 correction form", () -> {
            get("/ehrenamtliche/" + need(amina, "the volunteer") + "/einsaetze/" + need(corrected, "the activity") + "/korrektur");
            shoot("09-einsatz-korrigieren");
        });
        step("10 dashboard", () -> {
            get("/zentrum");
            shoot("10-uebersicht-zentrum");
        });
        step("11 annual report, coordinator", () -> {
            get("/berichte?jahr=" + year);
            shoot("11-jahresbericht-koordination");
        });
        step("12 annual report before any data, coordinator", () -> {
            get("/berichte?jahr=2020&stand=2020-06-30");
            shoot("12-jahresbericht-koordination-2020");
        });
        step("13 grant page with history, coordinator", () -> {
            get("/zuwendungen/" + need(grant, "the grant"));
            shoot("13-zuwendung-koordination");
        });

        // the ministry
        step("sign-in as ministry", () -> signIn(MINISTRY));
        step("14 state-wide figures", () -> {
            get("/landesweit");
            shoot("14-landesweit-ministerium");
        });
        step("15 annual report, ministry", () -> {
            get("/berichte?jahr=" + year);
            shoot("15-jahresbericht-ministerium");
        });
        step("16 annual report before any data, ministry", () -> {
            get("/berichte?jahr=2020&stand=2020-06-30");
            shoot("16-jahresbericht-ministerium-2020");
        });

        // the auditor
        step("sign-in as auditor", () -> signIn(AUDITOR));
        step("17 grant page with history, auditor", () -> {
            get("/zuwendungen/" + need(grant, "the grant"));
            shoot("17-zuwendung-pruefung");
        });

        // the administrator
        step("sign-in as administrator", () -> signIn(ADMIN));
        step("18 accounts", () -> {
            get("/verwaltung/konten");
            shoot("18-konten");
        });
        step("19 read models", () -> {
            get("/verwaltung/lesemodelle");
            shoot("19-lesemodelle");
        });

        assertThat(dir.resolve("01-anmelden-phone.png")).as("the sign-in page at phone width").exists();
        assertThat(dir.resolve("01-anmelden-desktop.png")).as("the sign-in page at desktop width").exists();
    }

    // ---- the data set, over the API (its shape changes less than the forms) -----------------------

    private void data() {
        LocalDate today = LocalDate.now(NRW);
        int year = today.getYear();
        // two people of the same name, registered on different days
        amina = created(api.post("/api/centres/" + KOELN_CENTRE + "/volunteers",
                Requests.volunteer("Amina Haddad", "amina.haddad@example.org"), KOELN), "volunteerId");
        aminaTwin = created(api.post("/api/centres/" + KOELN_CENTRE + "/volunteers",
                Requests.with(Requests.with(Requests.volunteer("Amina Haddad", "a.haddad@example.net"),
                        "phone", "+49 221 555 0177"), "registeredOn", "2025-09-02"), KOELN), "volunteerId");
        String yusuf = created(api.post("/api/centres/" + KOELN_CENTRE + "/volunteers",
                Requests.with(Requests.volunteer("Yusuf Demir", "yusuf.demir@example.org"), "languages", List.of("tr", "de")),
                KOELN), "volunteerId");

        corrected = created(api.post("/api/volunteers/" + amina + "/activities",
                Requests.activity(today.minusDays(2), 60, "INTERPRETING"), KOELN), "activityId");
        Map<String, Object> correction = Requests.with(Requests.activity(today.minusDays(2), 90, "INTERPRETING"),
                "reason", "Dauer falsch erfasst");
        ok(api.post("/api/volunteers/" + amina + "/activities/" + corrected + "/correction", correction, KOELN));
        created(api.post("/api/volunteers/" + amina + "/activities",
                Requests.with(Requests.activity(today.minusDays(9), 45, "ACCOMPANIMENT"), "note", "Termin beim Jobcenter"), KOELN),
                "activityId");
        String withdrawn = created(api.post("/api/volunteers/" + amina + "/activities",
                Requests.with(Requests.activity(today.minusDays(5), 120, "LANGUAGE_SUPPORT"), "note", "Sprachcafé"), KOELN),
                "activityId");
        ok(api.post("/api/volunteers/" + amina + "/activities/" + withdrawn + "/withdrawal",
                Map.of("reason", "doppelt erfasst"), KOELN));
        created(api.post("/api/volunteers/" + aminaTwin + "/activities",
                Requests.with(Requests.activity(today, 30, "INTERPRETING"), "note", "Elterngespräch Grundschule"), KOELN),
                "activityId");
        created(api.post("/api/volunteers/" + yusuf + "/activities",
                Requests.with(Requests.activity(today.minusDays(1), 180, "ACCOMPANIMENT"), "note", "Wohnungsbesichtigung"), KOELN),
                "activityId");

        // a grant with a history: applied, reviewed, approved, funds requested and disbursed, amended
        Budgets.ensure(api, year, "PART_II_A");
        grant = created(api.post("/api/grants", Requests.grant(year, "25000.00"), KOELN), "grantId");
        ok(api.post("/api/grants/" + grant + "/review", Map.of("recommendation", "APPROVE", "note", "Förderfähig, Kostenplan plausibel"), OFFICER));
        ok(api.post("/api/grants/" + grant + "/approval", Map.of("approvedAmount", "20000.00"), MINISTRY));
        ok(api.post("/api/grants/" + grant + "/fund-requests", Map.of("amount", "8000.00", "purpose", "Honorare und Raummiete bis Juni"), KOELN));
        ok(api.post("/api/grants/" + grant + "/disbursements", Map.of("amount", "8000.00", "disbursedOn", today.toString()), OFFICER));
        ok(api.post("/api/grants/" + grant + "/amendments", Map.of("approvedAmount", "18000.00", "reason", "Raummiete entfällt"), MINISTRY));
        ReadModels.awaitCaughtUp(api);
    }

    private static String created(Api.Response r, String field) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 204);
        return r.text(field);
    }

    private static void ok(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 204);
    }

    private static String need(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(what + " was not created");
        }
        return value;
    }

    // ---- steps and pictures ---------------------------------------------------------------------

    /** Runs a step; a failure skips its pictures with a message (the tour documents, it does not test). */
    private void step(String name, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException | AssertionError e) {
            String reason = name + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            skipped.add(reason);
            System.out.println("SKIPPED " + reason);
        }
    }

    private void get(String path) {
        driver.get("http://localhost:" + port + path);
        awaitLoaded();
    }

    private void awaitLoaded() {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d ->
                "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    private void signIn(Api.Login who) {
        driver.manage().deleteAllCookies();
        get("/login");
        field("username", "Benutzername").sendKeys(who.username());
        field("password", "Passwort").sendKeys(who.password());
        browser.clickAndAwaitNextPage(driver.findElement(By.cssSelector("main form button[type=submit], form button[type=submit]")));
        awaitLoaded();
        assertThat(driver.getCurrentUrl()).as("signed in as " + who.username()).doesNotContain("/login");
    }

    /** The page now shown, full length, at phone and at desktop width (the same document, laid out again). */
    private void shoot(String name) {
        if (!name.startsWith("01-") && driver.getCurrentUrl().contains("/login")) {
            throw new IllegalStateException("not signed in: the sign-in page is shown instead");
        }
        picture(name + "-phone.png", PHONE_WIDTH, PHONE_HEIGHT, true);
        picture(name + "-desktop.png", DESKTOP_WIDTH, DESKTOP_HEIGHT, false);
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    @SuppressWarnings("unchecked")
    private void picture(String file, int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
        // the whole page's height at this width; as wide as the screen, so what a phone cuts off stays cut off
        Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        double pageHeight = Math.max(height, ((Number) content.get("height")).doubleValue());
        Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", pageHeight, "scale", 1)));
        try {
            Files.write(dir.resolve(file), Base64.getDecoder().decode((String) shot.get("data")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        written.add(file);
    }

    // ---- forms by their labels (the field names may change) -------------------------------------

    /** The field labelled with one of the texts, or else the one with the id. */
    private WebElement field(String id, String... labels) {
        for (String label : labels) {
            List<WebElement> found = driver.findElements(By.xpath("//label[contains(normalize-space(.), '" + label + "')]"));
            for (WebElement l : found) {
                String target = l.getAttribute("for");
                if (target != null && !driver.findElements(By.id(target)).isEmpty()) {
                    return driver.findElement(By.id(target));
                }
                List<WebElement> inner = l.findElements(By.cssSelector("input, select, textarea"));
                if (!inner.isEmpty()) {
                    return inner.get(0);
                }
            }
        }
        return driver.findElement(By.id(id));
    }

    /** 25 hours: in hours and minutes where the form asks so, else in minutes. */
    private void duration(int hours, int minutes) {
        List<WebElement> hourFields = driver.findElements(By.xpath("//label[contains(normalize-space(.), 'Stunden')]"));
        if (!hourFields.isEmpty()) {
            type(field("hours", "Stunden"), String.valueOf(hours));
            type(field("minutes", "Minuten"), String.valueOf(minutes));
        } else {
            type(field("minutes", "Minuten", "Dauer"), String.valueOf(hours * 60 + minutes));
        }
    }

    private static void type(WebElement field, String value) {
        field.clear();
        field.sendKeys(value);
    }

    /** A date field's value set directly (typing into date inputs depends on the browser's locale). */
    private void date(LocalDate value, String label) {
        driver.executeScript("arguments[0].value = arguments[1]", field("date", label), value.toString());
    }

    private void chooseFirst(String label) {
        Select select = new Select(field("category", label));
        for (WebElement option : select.getOptions()) {
            if (!option.getAttribute("value").isBlank()) {
                select.selectByValue(option.getAttribute("value"));
                return;
            }
        }
    }

    /** The form's button with that text, or else the last submit button in the page's main part. */
    private void submit(String text) {
        List<WebElement> buttons = driver.findElements(By.xpath("//main//button[normalize-space(.)='" + text + "']"));
        if (buttons.isEmpty()) {
            buttons = driver.findElements(By.cssSelector("main form button[type=submit]"));
            if (!buttons.isEmpty()) {
                buttons = List.of(buttons.get(buttons.size() - 1));
            }
        }
        assertThat(buttons).as("a button \"%s\" on %s", text, driver.getCurrentUrl()).isNotEmpty();
        browser.clickAndAwaitNextPage(buttons.get(0));
        awaitLoaded();
    }
}
