package nrw.komman.app.browser;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nrw.komman.app.support.TestAccounts.KOELN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordinator's journey of issue 18 in Chromium: a request for someone who speaks Dari next Tuesday 9:00–11:00,
 * the matches with their reasons in words, two asked, one decline and one confirmation recorded on their behalf,
 * and the board showing the request staffed. A cancellation asks first and needs its reason. Every page is checked by
 * axe-core.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelpRequestsInTheBrowserTest extends OnH2 {

    private static final ZoneId NRW = ZoneId.of("Europe/Berlin");

    @LocalServerPort
    int port;

    private Browser browser;
    private Api api;

    @BeforeAll
    void start() {
        api = new Api(port);
        TestAccounts.createAll(api);
        browser = new Browser(port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private static LocalDate nextTuesday() {
        return LocalDate.now(NRW).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
    }

    @Test
    void a_request_for_dari_is_matched_asked_declined_confirmed_and_staffed() {
        String mina = "Mina Sadat " + UUID.randomUUID().toString().substring(0, 6);
        String omid = "Omid Karimi " + UUID.randomUUID().toString().substring(0, 6);
        registerViaApi(mina);
        registerViaApi(omid);

        browser.signIn(KOELN.username(), KOELN.password());
        browser.open("/zentrum/anfragen", "einsatzanfragen-vorher");
        browser.click("Neue Einsatzanfrage");
        browser.page("einsatzanfrage-formular");

        browser.choose("category", "Begleitung zu Ämtern und Ärzt*innen");
        browser.tick("Dari");
        browser.tick("Einmalig");
        browser.date("day", nextTuesday());
        time("start", "09:00");
        time("end", "11:00");
        browser.type("hours", "2");
        browser.type("municipality", "Köln");
        browser.type("place", "Ausländerbehörde, Blumenthalstraße 33");
        browser.type("volunteersNeeded", "1");
        browser.type("requesterName", "Familie Rahimi");
        browser.type("requesterContact", "0221 5550123");
        browser.click("Einsatzanfrage speichern");

        browser.page("einsatzanfrage-mit-vorschlaegen");
        assertThat(browser.text("[role=status]")).isEqualTo("Die Einsatzanfrage ist gespeichert.");
        assertThat(browser.text("dl.facts")).contains("Familie Rahimi", "Dari", "9:00–11:00 Uhr", "0 von 1", "offen");
        String matches = browser.text("#vorschlaege-titel ~ form");
        assertThat(matches).contains(mina, omid, "spricht Dari", "interessiert an Begleitung zu Ämtern und Ärzt*innen",
                "zu der Zeit frei");
        assertThat(matches).doesNotContain("prs", "ACCOMPANIMENT");

        // ask both
        browser.tick(mina);
        browser.tick(omid);
        browser.click("Anfragen");
        browser.page("zwei-angefragt");
        assertThat(row(mina).getText()).contains("angefragt, Antwort steht aus");
        assertThat(row(omid).getText()).contains("angefragt, Antwort steht aus");

        // Mina said no on the phone, Omid said yes
        press(row(mina), "Absage eintragen");
        browser.page("absage-eingetragen");
        assertThat(browser.text("[role=status]")).isEqualTo("Die Absage ist eingetragen.");
        assertThat(row(mina).getText()).contains("hat abgesagt");
        press(row(omid), "Zusage eintragen");
        browser.page("zusage-eingetragen");
        assertThat(browser.text("[role=status]")).isEqualTo("Die Zusage ist eingetragen.");
        assertThat(row(omid).getText()).contains("hat zugesagt");
        assertThat(browser.text("dl.facts")).contains("1 von 1", "besetzt");
        String requestPage = browser.path();

        browser.open("/zentrum/anfragen", "einsatzanfragen-besetzt");
        WebElement boardRow = browser.driver().findElement(By.xpath(
                "//tr[td/a[contains(@href,'" + requestPage + "')]]"));
        assertThat(boardRow.getText()).contains("besetzt", "1 von 1", "Dari", "Köln");

        // cancelling the confirmed assignment asks first; one click changes nothing, and a reason is required
        browser.open(requestPage, "einsatzanfrage-besetzt");
        browser.clickAndAwaitNextPage(row(omid).findElement(By.linkText("Absagen")));
        browser.page("einsatz-absagen-bestaetigen");
        assertThat(browser.driver().getTitle()).startsWith("Einsatz von " + omid + " absagen?");
        browser.click("Abbrechen");
        browser.page("einsatz-absagen-abgebrochen");
        assertThat(row(omid).getText()).contains("hat zugesagt");
        browser.clickAndAwaitNextPage(row(omid).findElement(By.linkText("Absagen")));
        browser.click("Ja, Einsatz absagen");
        browser.page("einsatz-absagen-ohne-grund");
        assertThat(browser.text("#reason-fehler")).contains("Bitte geben Sie einen Grund an.");
        browser.type("reason", "Termin wurde verschoben");
        browser.click("Ja, Einsatz absagen");
        browser.page("einsatz-abgesagt");
        assertThat(browser.text("[role=status]")).isEqualTo("Der Einsatz ist abgesagt.");
        assertThat(row(omid).getText()).contains("von uns abgesagt", "Termin wurde verschoben");
    }

    @Test
    void a_request_with_every_problem_names_them_all_at_once() {
        browser.signIn(KOELN.username(), KOELN.password());
        browser.open("/zentrum/anfragen/neu", "einsatzanfrage-leer");
        browser.type("otherLanguages", "Klingonisch");
        browser.type("volunteersNeeded", "30");
        browser.click("Einsatzanfrage speichern");
        browser.page("einsatzanfrage-alle-fehler");
        assertThat(browser.driver().getTitle()).startsWith("Fehler: ");
        assertThat(browser.all(".error-summary a")).extracting(a -> a.getAttribute("href").replaceAll(".*#", "#"))
                .contains("#category", "#otherLanguages", "#kind", "#start", "#end", "#hours", "#municipality",
                        "#volunteersNeeded", "#requesterName");
        assertThat(browser.text("#volunteersNeeded-fehler")).contains("Es werden 1 bis 20 Ehrenamtliche angefragt.");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** The row of the assignments' table naming the volunteer. */
    private WebElement row(String name) {
        return browser.driver().findElement(By.xpath("//table[@aria-labelledby='einsaetze-titel']//tr[th[normalize-space(.)='" + name + "']]"));
    }

    private void press(WebElement row, String button) {
        browser.clickAndAwaitNextPage(row.findElement(By.xpath(".//button[normalize-space(.)='" + button + "']")));
    }

    /** Sets a time field's value directly (typing into time inputs depends on the browser's locale). */
    private void time(String id, String value) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]", browser.driver().findElement(By.id(id)), value);
    }

    private void registerViaApi(String name) {
        Api.Response r = api.post("/api/centres/" + TestAccounts.KOELN_CENTRE + "/volunteers", Map.of(
                "name", name,
                "email", "p." + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
                "languages", List.of("prs"), "interests", List.of("ACCOMPANIMENT"),
                "consent", Map.of("document", "Einwilligung Datenverarbeitung", "version", "2024-01",
                        "givenAt", "2025-01-15T10:00:00Z")), KOELN);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
    }
}
