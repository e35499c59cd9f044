package nrw.komman.app.browser;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static nrw.komman.app.support.Requests.activity;
import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.KOELN_CENTRE;
import static nrw.komman.app.support.TestAccounts.MINISTRY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The annual report page as people read it (issue 17): a date before any data gets the same plain sentence for the
 * coordinator and the ministry, in the page's column and never a report of zeros; a report starts with its key figures
 * and jump links, says "Keine Daten." for an empty table instead of a chart of zeros, and keeps event positions and
 * checksums under a closed "Technische Angaben". Every page is checked by axe-core (see {@link Browser}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportPageInTheBrowserTest extends OnH2 {

    private static final ZoneId NRW = ZoneId.of("Europe/Berlin");
    /** Long before this test's database recorded anything (and after 2000, the earliest date the form takes). */
    private static final String BEFORE_ANY_DATA = "2001-06-30";

    @LocalServerPort
    int port;

    private Browser browser;
    private Api api;

    @BeforeAll
    void start() {
        api = new Api(port);
        TestAccounts.createAll(api);
        String volunteer = api.post("/api/centres/" + KOELN_CENTRE + "/volunteers",
                volunteer("Berichtsseite " + UUID.randomUUID().toString().substring(0, 6),
                        "berichtsseite." + UUID.randomUUID() + "@example.org"), KOELN).text("volunteerId");
        assertThat(api.post("/api/volunteers/" + volunteer + "/activities", activity(LocalDate.now(NRW), 90, "INTERPRETING"), KOELN)
                .status()).isEqualTo(201);
        browser = new Browser(port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void a_date_before_any_data_gets_the_coordinator_and_the_ministry_the_same_sentence_and_no_report_of_zeros() {
        browser.signIn(KOELN.username(), KOELN.password());
        browser.page("berichtsseite-koordination-angemeldet");
        browser.open("/berichte?jahr=2016&stand=" + BEFORE_ANY_DATA, "berichtsseite-koordination-keine-daten");
        String coordinator = browser.text("#keine-daten");
        assertThat(coordinator).contains("Zum Stand 30.06.2001 gibt es für das Integrationszentrum Köln, Stadt noch keine Daten.")
                .doesNotContain(KOELN_CENTRE);
        noReportOfZeros();

        browser.signIn(MINISTRY.username(), MINISTRY.password());
        browser.page("berichtsseite-ministerium-angemeldet");
        browser.open("/berichte?jahr=2016&stand=" + BEFORE_ANY_DATA, "berichtsseite-ministerium-keine-daten");
        assertThat(browser.text("#keine-daten")).contains("Zum Stand 30.06.2001 gibt es noch keine Daten.");
        noReportOfZeros();
        // the ministry asking for Köln gets the coordinator's very sentence
        browser.open("/berichte?jahr=2016&stand=" + BEFORE_ANY_DATA + "&zentrum=" + KOELN_CENTRE, "berichtsseite-ministerium-koeln-keine-daten");
        assertThat(browser.text("#keine-daten")).isEqualTo(coordinator);
        noReportOfZeros();

        // over the API: a problem whose detail is the same sentence, not a report of zeros
        Api.Response overApi = api.get("/api/reports/annual?fundingYear=2016&asOf=" + BEFORE_ANY_DATA, MINISTRY);
        assertThat(overApi.status()).isEqualTo(404);
        assertThat(overApi.body()).contains("Zum Stand 30.06.2001 gibt es noch keine Daten.").doesNotContain("lastEventPosition");
    }

    /** An answer, not an error: the title does not say "Fehler", the notice is in the page's column, nothing counts zeros. */
    private void noReportOfZeros() {
        assertThat(browser.driver().getTitle()).isEqualTo("Jahresbericht KOMM-AN NRW – KOMM-AN NRW");
        assertThat(browser.all("form #keine-daten, form .notice")).as("not squeezed into the filter form").isEmpty();
        assertThat(browser.all(".error-summary")).isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain("Position des letzten Ereignisses").doesNotContain(">-1<");
        assertThat(browser.all("main svg, #auf-einen-blick")).isEmpty();
    }

    @Test
    void a_wrong_date_or_centre_is_an_error_named_in_the_title_and_at_its_field_across_the_whole_form() {
        browser.signIn(MINISTRY.username(), MINISTRY.password());
        browser.page("berichtsseite-fehler-angemeldet");
        browser.open("/berichte?jahr=" + LocalDate.now(NRW).getYear() + "&stand=" + LocalDate.now(NRW) + "&zentrum=05999", "berichtsseite-unbekanntes-zentrum");
        assertThat(browser.driver().getTitle()).startsWith("Fehler: ");
        assertThat(browser.text("#zentrum-fehler")).contains("05999");
        assertThat(browser.find(".error-summary").getSize().getWidth()).as("the summary spans the form, not one of its columns")
                .isGreaterThan(browser.find("#zentrum").getSize().getWidth() * 2);

        browser.open("/berichte?jahr=" + LocalDate.now(NRW).getYear() + "&stand=" + LocalDate.now(NRW).plusDays(3), "berichtsseite-stichtag-in-der-zukunft");
        assertThat(browser.driver().getTitle()).startsWith("Fehler: ");
        assertThat(browser.text("#stand-fehler")).contains("nicht in der Zukunft");
    }

    @Test
    void the_report_starts_with_its_key_figures_and_jump_links_and_draws_no_chart_of_zeros() {
        // the application (and its database) is shared with the other browser tests: assert nothing about their data
        int year = LocalDate.now(NRW).getYear();
        browser.signIn(MINISTRY.username(), MINISTRY.password());
        browser.page("berichtsseite-bericht-angemeldet");
        browser.open("/berichte?jahr=" + year, "berichtsseite-bericht");
        assertThat(browser.driver().getTitle()).doesNotStartWith("Fehler");
        String summary = browser.text(".report-summary");
        assertThat(summary).containsPattern("\\d+ aktiv, davon \\d+ im Förderjahr neu registriert")
                .containsPattern("(\\d[\\d.]* Std\\.( \\d+ Min\\.)?|\\d+ Min\\.) in (1 Einsatz|[\\d.]+ Einsätzen)").contains("Berücksichtigt", "Integrationszentren");
        // the summary comes before every section it sums up
        String source = browser.driver().getPageSource();
        assertThat(source.indexOf("id=\"auf-einen-blick\"")).isPositive().isLessThan(source.indexOf("id=\"nach-stand\""));

        java.util.List<WebElement> links = browser.all("nav.on-this-page a");
        assertThat(links).extracting(WebElement::getText)
                .contains("Zuwendungen nach Stand", "Stunden je Monat", "Regierungsbezirke", "Integrationszentren", "Technische Angaben");
        for (WebElement link : links) {
            String target = link.getAttribute("href").replaceAll(".*#", "");
            assertThat(browser.all("[id='" + target + "']")).as("the jump link to #" + target + " has a target").hasSize(1);
        }
        // hours were recorded this year: their chart
        assertThat(browser.all("svg[aria-labelledby^='monats-diagramm']")).hasSize(1);

        // the centres with figures in the table, those without any named in one closed list, not 54 rows of zeros
        assertThat(browser.text("table[aria-labelledby='zentren'] tbody")).contains("Köln, Stadt");
        assertThat(browser.all("table[aria-labelledby='zentren'] tbody tr").size()
                + Integer.parseInt(browser.find("details.centres-without summary").getAttribute("textContent").replaceAll("\\D+", "")))
                .as("every centre, once").isEqualTo(54);
        assertThat(browser.find("details.centres-without").getAttribute("open")).isNull();
        assertThat(browser.all("table[aria-labelledby='zentren'] tbody tr")).as("no row of zeros").allSatisfy(row ->
                assertThat(row.findElements(org.openqa.selenium.By.cssSelector("td.number")))
                        .extracting(WebElement::getText).anyMatch(v -> !v.matches("0|0,00.€|0 Min\\.")));

        // a funding year without anything (it ended before the platform recorded a fact): no chart at all, and
        // "Keine Daten." where a table would list only zeros
        browser.open("/berichte?jahr=2016", "berichtsseite-leeres-jahr");
        assertThat(browser.all("main svg")).isEmpty();
        assertThat(browser.text(".report-summary")).contains("0 aktiv", "keine im Förderjahr");
        for (String section : new String[]{"nach-stand", "nach-kategorie", "monate", "zentren"}) {
            assertThat(browser.text("#" + section + " + p")).as(section).isEqualTo("Keine Daten.");
            assertThat(browser.all("table[aria-labelledby='" + section + "']")).as(section).isEmpty();
        }
    }

    @Test
    void an_official_sees_no_event_positions_in_the_body_and_finds_them_under_technical_details() {
        browser.signIn(MINISTRY.username(), MINISTRY.password());
        browser.page("berichtsseite-technik-angemeldet");
        browser.open("/berichte?jahr=" + LocalDate.now(NRW).getYear(), "berichtsseite-technik-zu");
        assertThat(browser.text("main")).doesNotContain("Position des letzten Ereignisses").doesNotContain("Prüfsumme")
                .doesNotContain("Berücksichtigte Ereignisse");
        WebElement details = browser.find("details#technische-angaben");
        assertThat(details.getAttribute("open")).as("closed until asked for").isNull();

        browser.find("details#technische-angaben summary").click();
        browser.page("berichtsseite-technik-offen");
        assertThat(browser.text("#technische-angaben")).contains("Position des letzten Ereignisses", "Prüfsumme");
    }
}
