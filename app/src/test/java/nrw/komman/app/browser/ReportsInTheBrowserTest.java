package nrw.komman.app.browser;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.Budgets;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static nrw.komman.app.support.Requests.activity;
import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.KOELN_CENTRE;
import static nrw.komman.app.support.TestAccounts.MINISTRY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annual report in headless Chromium: the ministry opens "Berichte", sees the state's report of today with its
 * charts, narrows it to Köln, asks for a day before anything was recorded (and is told there is no data yet), downloads the CSV and types a date that is
 * no date; the coordinator of Köln gets the report of Köln only, without the centre field. Every page is checked by
 * axe-core and saved as a screenshot (see {@link Browser}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportsInTheBrowserTest extends OnH2 {

    private static final ZoneId NRW = ZoneId.of("Europe/Berlin");

    @LocalServerPort
    int port;

    private Browser browser;
    private String name;

    @BeforeAll
    void start() {
        Api api = new Api(port);
        TestAccounts.createAll(api);
        Budgets.ensure(api, LocalDate.now(NRW).getYear(), "PART_II_A");
        name = "Berichtsperson " + UUID.randomUUID().toString().substring(0, 6);
        String volunteer = api.post("/api/centres/" + KOELN_CENTRE + "/volunteers",
                volunteer(name, "bericht." + UUID.randomUUID() + "@example.org"), KOELN).text("volunteerId");
        api.post("/api/volunteers/" + volunteer + "/activities", activity(LocalDate.now(NRW), 90, "INTERPRETING"), KOELN);
        browser = new Browser(port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.visited().forEach(page -> System.out.println("visited " + page));
            browser.close();
        }
    }

    @Test
    void the_ministry_reads_the_state_report_narrows_it_to_a_centre_goes_back_in_time_and_downloads_it() {
        int year = LocalDate.now(NRW).getYear();
        browser.signIn(MINISTRY.username(), MINISTRY.password());
        browser.page("ministerium-angemeldet");
        browser.click("Berichte");
        browser.page("berichte");
        assertThat(browser.text("h1")).isEqualTo("Jahresbericht KOMM-AN NRW");
        browser.click("Bericht erstellen");
        browser.page("bericht-land");
        assertThat(browser.text("h1")).startsWith("Jahresbericht " + year + ", Stand ");
        assertThat(browser.all("main svg")).as("charts of months and of volunteers per region (no money approved: no chart of zeros)")
                .hasSizeGreaterThanOrEqualTo(2);
        assertThat(browser.text("main")).contains("Auf einen Blick", "Köln, Stadt", "Regierungsbezirke").doesNotContain(name);

        browser.click("Köln, Stadt");
        browser.page("bericht-koeln");
        assertThat(browser.text("h1")).startsWith("Jahresbericht " + year + " des Integrationszentrums Köln, Stadt");
        assertThat(browser.text("main")).contains("Dolmetschen");

        HttpResponse<byte[]> csv = browser.download(browser.find("a[href*='jahresbericht.csv']").getAttribute("href"));
        assertThat(csv.statusCode()).isEqualTo(200);
        String file = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(file).startsWith("KOMM-AN NRW Jahresbericht;Förderjahr;" + year).contains("Integrationszentrum 05315")
                .contains("Prüfsumme SHA-256").doesNotContain(name);
        // the checksum stands under "Technische Angaben", closed: its text is there, though not shown
        String checksum = browser.find("code.hash").getAttribute("textContent");
        assertThat(checksum).hasSize(64);
        assertThat(file.strip()).as("the file is the report on the page").endsWith(checksum);

        for (String format : new String[]{"pdf", "xlsx"}) {
            HttpResponse<byte[]> other = browser.download(browser.find("a[href*='jahresbericht." + format + "']").getAttribute("href"));
            assertThat(other.statusCode()).as(format).isEqualTo(200);
            assertThat(other.headers().firstValue("Content-Disposition").orElse(""))
                    .contains("komm-an-jahresbericht-" + year + "-stand-").contains("05315." + format);
            assertThat(other.body()).as(format).isNotEmpty();
            saveForPeople("bericht-koeln." + format, other.body());
        }
        assertThat(new String(browser.download(browser.find("a[href*='jahresbericht.pdf']").getAttribute("href")).body(),
                StandardCharsets.ISO_8859_1)).startsWith("%PDF-");

        // a day before the platform recorded anything: the centre was not on record yet, and the page says so by its name
        browser.date("stand", LocalDate.of(2020, 6, 30));
        browser.click("Bericht erstellen");
        browser.page("bericht-koeln-2020");
        assertThat(browser.text("#keine-daten")).contains("Zum Stand 30.06.2020 gibt es für das Integrationszentrum Köln, Stadt noch keine Daten.");
        // the state's report of that day: the same answer, not a report of zeros
        browser.open("/berichte?jahr=2020&stand=2020-06-30", "bericht-land-2020");
        assertThat(browser.text("#keine-daten")).contains("Zum Stand 30.06.2020 gibt es noch keine Daten.");
        assertThat(browser.text("main")).doesNotContain("Berücksichtigte Ereignisse");
        browser.open("/berichte?jahr=" + year + "&zentrum=" + KOELN_CENTRE, "bericht-koeln-wieder");

        // a date that is no date: the field says so and keeps what was typed
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].type = 'text'", browser.find("#stand"));
        browser.type("stand", "32.13.2026");
        browser.click("Bericht erstellen");
        browser.page("bericht-falsches-datum");
        assertThat(browser.text(".error-summary")).contains("Stichtag");
        assertThat(browser.text("#stand-fehler")).contains("Bitte den Stichtag als Datum angeben");
        // kept in the page (a browser with a date picker shows an unparsable value as empty)
        assertThat(browser.driver().getPageSource()).contains("value=\"32.13.2026\"");
    }

    @Test
    void a_large_report_is_made_in_the_background_and_opened_when_it_is_done() {
        browser.signIn(TestAccounts.AUDITOR.username(), TestAccounts.AUDITOR.password());
        browser.page("pruefung-angemeldet");
        browser.open("/berichte", "berichte-pruefung");
        browser.click("Im Hintergrund erstellen");
        browser.page("bericht-auftrag");
        assertThat(browser.text("[role=status]")).contains("im Hintergrund erstellt");
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
        for (int i = 0; !browser.text("#auftragsstand").equals("fertig") && System.nanoTime() < deadline; i++) {
            sleep(250);
            browser.click("Stand aktualisieren");
            browser.page("bericht-auftrag-" + i);
        }
        assertThat(browser.text("#auftragsstand")).isEqualTo("fertig");
        assertThat(browser.text("main")).contains("100 %").doesNotContain("Prüfsumme");
        assertThat(browser.find("#technische-angaben code.hash").getAttribute("textContent")).hasSize(64);
        browser.click("Bericht ansehen");
        browser.page("bericht-aus-auftrag");
        assertThat(browser.text("main")).contains("angefordert von " + TestAccounts.AUDITOR.username()).doesNotContain(name);
        HttpResponse<byte[]> xlsx = browser.download(browser.find("a[href$='bericht.xlsx']").getAttribute("href"));
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.body()).startsWith(new byte[]{'P', 'K'});
        // the list of background reports, for colleagues
        browser.open("/berichte", "berichte-mit-auftraegen");
        assertThat(browser.text("main")).contains("Berichte im Hintergrund", TestAccounts.AUDITOR.username(), "fertig");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The downloaded files next to the screenshots, so a person can open them. */
    private static void saveForPeople(String name, byte[] body) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(dir.resolve(name), body);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void a_coordinator_gets_the_report_of_their_own_centre_only() {
        browser.signIn(KOELN.username(), KOELN.password());
        browser.page("koordination-angemeldet");
        browser.click("Berichte");
        browser.page("berichte-koordination");
        browser.click("Bericht erstellen");
        browser.page("bericht-koordination");
        assertThat(browser.text("h1")).contains("des Integrationszentrums Köln, Stadt");
        assertThat(browser.all("#zentrum")).as("no centre to choose").isEmpty();
        assertThat(browser.text("main")).doesNotContain("Regierungsbezirke").doesNotContain(name);

        browser.open("/berichte?jahr=" + LocalDate.now(NRW).getYear() + "&zentrum=05111", "bericht-fremdes-zentrum");
        assertThat(browser.text("h1")).isEqualTo("Keine Berechtigung");
    }
}
