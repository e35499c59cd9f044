package nrw.komman.app.browser;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nrw.komman.app.support.TestAccounts.KOELN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordinator's main journeys at phone width (390 × 844 CSS pixels, a common phone) in headless Chromium (ADR 31):
 * nothing but a scroll region is wider than the screen, the navigation waits behind a "Menü" button that opens with
 * the keyboard, the actions in a wide table's last column can be scrolled into view and used, chart labels are at
 * least 12 px tall, and axe finds nothing serious at this width. At desktop width the navigation stays visible.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PhoneInTheBrowserTest extends OnH2 {

    private static final int PHONE_WIDTH = 390;
    private static final int PHONE_HEIGHT = 844;

    @LocalServerPort
    int port;

    private Browser browser;
    private String volunteerId;
    private String volunteerName;

    @BeforeAll
    void start() {
        Api api = new Api(port);
        TestAccounts.createAll(api);
        volunteerName = "Zahra Ahmadi " + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = new HashMap<>();
        body.put("name", volunteerName);
        body.put("email", "zahra." + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        body.put("languages", List.of("fa", "de"));
        body.put("interests", List.of("INTERPRETING"));
        body.put("consent", Map.of("document", "Einwilligung Datenverarbeitung Ehrenamtskoordination",
                "version", "2024-01", "givenAt", "2025-01-15T10:00:00Z"));
        body.put("registeredOn", "2025-01-15");
        Api.Response registered = api.post("/api/centres/05315/volunteers", body, KOELN);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        volunteerId = registered.text("volunteerId");
        Api.Response logged = api.post("/api/volunteers/" + volunteerId + "/activities", Map.of(
                "date", LocalDate.now(ZoneId.of("Europe/Berlin")).toString(), "minutes", 75, "category", "INTERPRETING",
                "note", "Elterngespräch in der Grundschule am Rhein mit Übersetzung"), KOELN);
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        browser = new Browser(port);
    }

    @BeforeEach
    void phone() {
        browser.driver().manage().window().setSize(new Dimension(PHONE_WIDTH, PHONE_HEIGHT));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.visited().forEach(page -> System.out.println("visited " + page));
            browser.close();
        }
    }

    /** Whether the browser renders the element (content-visibility and display of every ancestor counted). */
    private boolean rendered(WebElement element) {
        return Boolean.TRUE.equals(script("return arguments[0].checkVisibility()", element));
    }

    private Object script(String js, Object... arguments) {
        return ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(js, arguments);
    }

    /** The page at phone width: as wide as the screen, and nothing sticks out except inside a scroll region. */
    private void fitsThePhone(String name) {
        assertThat(((Number) script("return window.innerWidth")).intValue()).as("the viewport").isEqualTo(PHONE_WIDTH);
        @SuppressWarnings("unchecked")
        List<String> sticking = (List<String>) script("""
                const out = [];
                for (const e of document.body.querySelectorAll('*')) {
                  if (e.closest('.table-scroll')) continue;
                  let clipped = false; // inside a visually hidden element (1 px, overflow hidden): for screen readers only
                  for (let a = e; a && !clipped; a = a.parentElement)
                    clipped = getComputedStyle(a).overflow === 'hidden' && a.getBoundingClientRect().width <= 1;
                  if (clipped) continue;
                  const r = e.getBoundingClientRect();
                  if (r.width > 0 && (r.right > window.innerWidth + 0.5 || r.left < -0.5) && getComputedStyle(e).position !== 'absolute')
                    out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right));
                }
                return out;""");
        assertThat(sticking).as("elements wider than the screen outside a scroll region on %s", name).isEmpty();
        @SuppressWarnings("unchecked")
        List<String> beyond = (List<String>) script("""
                const out = [];
                for (const e of document.body.querySelectorAll('*')) {
                  if (e.parentElement && e.parentElement.closest('.table-scroll')) continue;
                  const r = e.getBoundingClientRect();
                  if (r.right > window.innerWidth + 0.5 || e.scrollWidth > window.innerWidth)
                    out.push(e.tagName + '.' + e.className + ' ' + Math.round(r.left) + '..' + Math.round(r.right) + ' scroll ' + e.scrollWidth + ' ' + (e.textContent || '').trim().substring(0, 40));
                }
                return out;""");
        assertThat(((Number) script("return document.documentElement.scrollWidth")).intValue())
                .as("the page's width on %s; reaching beyond the screen: %s", name, beyond).isLessThanOrEqualTo(PHONE_WIDTH);
        // the navigation waits behind the menu button
        WebElement menu = browser.find("details.nav-menu");
        assertThat(menu.getAttribute("open")).as("the menu starts closed").isNull();
        assertThat(browser.find("summary.nav-menu-button").isDisplayed()).isTrue();
        assertThat(browser.all(".main-nav a")).as("the bar and the closed menu").noneMatch(this::rendered);
        assertThat(browser.find(".site-header").getSize().getHeight()).as("the header's height on %s", name)
                .isLessThanOrEqualTo(PHONE_HEIGHT / 5);
    }

    @Test
    void the_coordinators_main_journeys_fit_a_phone_and_the_menu_opens_with_the_keyboard() {
        browser.signIn(KOELN.username(), KOELN.password());
        browser.page("telefon-uebersicht");
        assertThat(browser.path()).isEqualTo("/zentrum");
        fitsThePhone("start page");

        // chart labels: SVG text scales with the drawing, so measure what is rendered
        @SuppressWarnings("unchecked")
        List<Number> labelSizes = (List<Number>) script("""
                return [...document.querySelectorAll('figure.chart svg[viewBox]')].flatMap(svg => {
                  const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
                  return [...svg.querySelectorAll('text')].map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
                });""");
        assertThat(labelSizes).as("the chart's labels in px").isNotEmpty().allSatisfy(size ->
                assertThat(size.doubleValue()).isGreaterThanOrEqualTo(12.0));

        // the menu: a button with a name, opened with the keyboard, its links then listed one under the other
        WebElement button = browser.find("summary.nav-menu-button");
        assertThat(button.getAccessibleName()).isEqualTo("Menü");
        script("arguments[0].focus()", button);
        button.sendKeys(Keys.ENTER);
        assertThat(browser.find("details.nav-menu").getAttribute("open")).isNotNull();
        List<WebElement> links = browser.all(".nav-menu .main-nav a");
        assertThat(links).as("the coordinator's entries, Einsatzanfragen among them").hasSize(8).allMatch(this::rendered);
        assertThat(browser.all(".nav-bar .main-nav a")).as("the bar stays away").noneMatch(this::rendered);
        assertThat(links.get(1).getLocation().getY()).as("one link under the other")
                .isGreaterThan(links.get(0).getLocation().getY());
        browser.page("telefon-menue-offen");
        button.sendKeys(Keys.ENTER);
        assertThat(browser.all(".main-nav a")).noneMatch(this::rendered);

        button.sendKeys(Keys.ENTER);
        browser.clickAndAwaitNextPage(browser.driver().findElement(By.xpath("//details//a[normalize-space(.)='Ehrenamtliche']")));
        browser.page("telefon-ehrenamtliche");
        assertThat(browser.path()).isEqualTo("/ehrenamtliche");
        fitsThePhone("roster");

        browser.open("/ehrenamtliche/neu", "telefon-registrieren");
        fitsThePhone("register");

        browser.open("/ehrenamtliche/" + volunteerId, "telefon-person");
        fitsThePhone("volunteer page");
        // the activities table is wider than the screen: it scrolls in its region, which says so
        WebElement region = browser.find("#einsaetze ~ .table-scroll");
        assertThat(region.getAttribute("role")).isEqualTo("region");
        assertThat(region.getAttribute("tabindex")).isEqualTo("0");
        assertThat(((Number) script("return arguments[0].scrollWidth - arguments[0].clientWidth", region)).intValue())
                .as("the table is wider than its region").isPositive();
        assertThat(script("return getComputedStyle(arguments[0], '::before').visibility", region)).isEqualTo("visible");
        assertThat(script("return getComputedStyle(arguments[0], '::before').content", region).toString()).contains("seitlich wischen");
        // "Korrigieren" in the last column scrolls into view and works
        WebElement correct = region.findElement(By.linkText("Korrigieren"));
        script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", correct);
        assertThat(((Number) script("return arguments[0].getBoundingClientRect().right", correct)).doubleValue())
                .isLessThanOrEqualTo(PHONE_WIDTH);
        assertThat(((Number) script("return window.scrollX")).intValue()).as("the page itself did not scroll sideways").isZero();
        assertThat(region.findElement(By.linkText("Zurücknehmen")).isDisplayed()).isTrue();
        browser.clickAndAwaitNextPage(correct);
        browser.page("telefon-korrektur");
        assertThat(browser.path()).endsWith("/korrektur");
        fitsThePhone("correction");

        browser.open("/ehrenamtliche/" + volunteerId + "/einsaetze/neu", "telefon-einsatz-erfassen");
        fitsThePhone("log an activity");

        browser.open("/zentrum/einsaetze", "telefon-einsatzprotokoll");
        fitsThePhone("activity log");

        browser.open("/zentrum/anfragen", "telefon-einsatzanfragen");
        fitsThePhone("requests for help");

        browser.open("/zentrum/anfragen/neu", "telefon-neue-einsatzanfrage");
        fitsThePhone("new request for help");

        browser.open("/berichte", "telefon-berichte");
        fitsThePhone("reports");
    }

    @Test
    void at_desktop_width_the_navigation_stays_visible_without_a_menu_button() {
        browser.driver().manage().window().setSize(new Dimension(1280, 1000));
        browser.signIn(KOELN.username(), KOELN.password());
        browser.page("desktop-uebersicht");
        assertThat(browser.find("summary.nav-menu-button").isDisplayed()).isFalse();
        assertThat(browser.all(".nav-menu .main-nav a")).noneMatch(this::rendered);
        List<WebElement> links = browser.all(".nav-bar .main-nav a");
        assertThat(links).as("the coordinator's entries, Einsatzanfragen among them").hasSize(8).allMatch(this::rendered);
        assertThat(links.get(5).getLocation().getY()).as("in one row").isEqualTo(links.get(0).getLocation().getY());
        browser.click("Ehrenamtliche");
        browser.page("desktop-ehrenamtliche");
        assertThat(browser.path()).isEqualTo("/ehrenamtliche");
    }
}
