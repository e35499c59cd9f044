package nrw.komman.app.browser;

import com.fasterxml.jackson.databind.JsonNode;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.TestAccounts;
import nrw.komman.kernel.common.Money;
import nrw.komman.web.platform.page.GermanMoney;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nrw.komman.app.support.TestAccounts.AUDITOR;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.KOELN_CENTRE;
import static nrw.komman.app.support.TestAccounts.MINISTRY;
import static nrw.komman.app.support.TestAccounts.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A grant's whole life across the roles in headless Chromium: the ministry sets the budget on its
 * budget page; the coordinator of Köln applies, the Bezirksregierung reviews, the ministry approves;
 * the coordinator draws funds; the Bezirksregierung disburses two tranches (one above the approved
 * amount is refused on the form first); the ministry amends the grant (an amount below what is
 * disbursed is refused first); the coordinator submits the usage report through its confirmation
 * step, spending less than was disbursed; the Bezirksregierung checks it and closes the grant with
 * the repayment demand shown beforehand, and records the repayment; the auditor finds the grant with
 * the new register filters, sees "Kette unverändert" and downloads the history as CSV and PDF.
 * Error journeys: an approval beyond the centre's share of the budget refused on the decision form;
 * pages of other roles answered with the 403 page. Every page is checked by axe-core and saved as a
 * screenshot (see {@link Browser}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrantLifecycleInTheBrowserTest extends OnH2 {

    private static final ZoneId NRW = ZoneId.of("Europe/Berlin");

    @LocalServerPort
    int port;

    private Api api;
    private Browser browser;

    @BeforeAll
    void start() {
        api = new Api(port);
        TestAccounts.createAll(api);
        browser = new Browser(port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.visited().forEach(page -> System.out.println("visited " + page));
            browser.close();
        }
    }

    private static int thisYear() {
        return LocalDate.now(NRW).getYear();
    }

    /** Text with non-breaking spaces (as in "12.500,00 €") made plain, for comparisons. */
    private String text(String css) {
        return browser.text(css).replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    /** The value of a grant's fact on the page, by its label (the first list of facts that has it). */
    private String detail(String label) {
        return browser.driver().findElement(By.xpath("//dl[contains(@class,'details')]/div[dt[normalize-space(.)='" + label + "']]/dd"))
                .getText().replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    /** What is approved against a budget so far (0 without a row), from the API as the ministry. */
    private Money approvedSoFar(int year, String part, String centre) {
        Api.Response r = api.get("/api/budgets?fundingYear=" + year, MINISTRY);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode rows = r.json().path(centre == null ? "programmeParts" : "centres");
        for (JsonNode row : rows) {
            boolean sameCentre = centre == null ? row.path("centreId").isMissingNode() || row.path("centreId").isNull()
                    : centre.equals(row.path("centreId").asText());
            if (part.equals(row.path("programmePart").asText()) && sameCentre && row.hasNonNull("approved")) {
                return Money.parse(row.path("approved").asText());
            }
        }
        return Money.ZERO;
    }

    /** A state-wide budget with room for the test's grants (the API; the budget page has its own journey). */
    private void generousBudget(int year, String part) {
        Api.Response r = api.put("/api/budgets/" + year + "/" + part, Map.of("amount", "40000000.00", "reason", "Haushaltsplan"), MINISTRY);
        assertThat(r.status()).as(r.toString()).isIn(204, 409);
        if (r.status() == 409) {
            assertThat(r.body()).as("only an unchanged budget may be refused").contains("budget.unchanged");
        }
    }

    @Test
    void a_grant_lives_from_the_budget_to_the_repayment_and_the_auditor_files_its_verified_history() {
        int year = thisYear();
        String title = "Ehrenamtsbörse Mülheim " + UUID.randomUUID().toString().substring(0, 8);
        String part = "Teil II C – Information und Gewinnung Ehrenamtlicher";

        // the ministry sets the budget of Teil II C on its budget page
        Money budget = approvedSoFar(year, "PART_II_C", null).plus(Money.ofCents(5_000_000 + (System.nanoTime() % 100)));
        browser.signIn(MINISTRY.username(), MINISTRY.password());
        browser.page("ministerium-start");
        browser.click("Budgets");
        browser.page("budgets");
        assertThat(browser.text("h1")).isEqualTo("Budgets " + year);
        browser.click("Budget festlegen");
        browser.page("budget-formular");
        assertThat(browser.find("#fundingYear").getAttribute("value")).isEqualTo(String.valueOf(year));
        browser.choose("programmePart", part);
        browser.type("amount", GermanMoney.format(budget));
        browser.type("reason", "Haushaltsplan " + year);
        browser.click("Budget festlegen");
        browser.page("budget-festgelegt");
        assertThat(browser.path()).isEqualTo("/haushalt?jahr=" + year);
        assertThat(text("[role=status]")).isEqualTo("Das Budget (" + part + ", Förderjahr " + year + ", landesweit) beträgt jetzt "
                + GermanMoney.format(budget) + " €.");
        WebElement budgetRow = browser.driver().findElement(By.xpath("//section[@aria-labelledby='programmteile']//tr[th[normalize-space(.)='" + part + "']]"));
        assertThat(budgetRow.getText().replace('\u00A0', ' ')).contains(GermanMoney.format(budget) + " €");

        // the coordinator applies, the Bezirksregierung reviews, the ministry approves 18.000 €
        browser.signIn(KOELN.username(), KOELN.password());
        browser.page("koeln-start");
        browser.open("/zentrum/zuwendungen/neu", "antrag");
        browser.choose("programmePart", part);
        browser.type("title", title);
        browser.type("purpose", "Börse für neue Ehrenamtliche mit Infoabenden");
        browser.type("requestedAmount", "20.000,00");
        browser.click("Antrag stellen");
        browser.page("antrag-gestellt");
        String grantPath = browser.path();
        assertThat(grantPath).startsWith("/zuwendungen/");

        browser.signIn(OFFICER.username(), OFFICER.password());
        browser.page("bezreg-eingang");
        browser.click("Prüfen: " + title);
        browser.page("pruefung");
        browser.tick("Bewilligung empfohlen");
        browser.type("note", "Förderfähig.");
        browser.click("Prüfung abschließen");
        browser.page("geprueft");

        browser.signIn(MINISTRY.username(), MINISTRY.password());
        browser.page("ministerium-entscheidungen");
        browser.click("Entscheiden: " + title);
        browser.page("entscheidung");
        browser.tick("Bewilligen");
        browser.type("approvedAmount", "18.000,00");
        browser.click("Entscheidung speichern");
        browser.page("bewilligt");
        assertThat(text("[role=status]")).contains("ist mit 18.000,00 € bewilligt");
        assertThat(browser.all(".actions a")).extracting(WebElement::getText).containsExactly("Änderungsbescheid");

        // the coordinator draws funds
        browser.signIn(KOELN.username(), KOELN.password());
        browser.page("koeln-start-2");
        browser.open(grantPath, "koeln-bewilligt");
        assertThat(detail("Nächster Schritt")).isEqualTo("Mittelabruf möglich");
        assertThat(browser.all(".actions a")).extracting(WebElement::getText)
                .containsExactly("Mittel abrufen", "Verwendungsnachweis einreichen");
        browser.click("Mittel abrufen");
        browser.page("mittelabruf");
        assertThat(text("#amount-hinweis")).contains("Abrufbar sind noch 18.000,00 €");
        browser.type("amount", "8.000,00");
        browser.type("purpose", "Honorare und Raummiete bis Juni");
        browser.click("Mittel abrufen");
        browser.page("mittelabruf-gespeichert");
        assertThat(browser.path()).isEqualTo(grantPath);
        assertThat(text("[role=status]")).startsWith("Der Mittelabruf über 8.000,00 € für „" + title + "“ ist gespeichert.");
        assertThat(detail("Abgerufen, noch nicht ausgezahlt")).isEqualTo("8.000,00 €");
        assertThat(detail("Nächster Schritt")).isEqualTo("Auszahlung durch die Bezirksregierung");

        // the Bezirksregierung disburses from its worklist: first more than approved (refused), then the request, then a second tranche
        browser.signIn(OFFICER.username(), OFFICER.password());
        browser.page("bezreg-start");
        browser.click("Abrufe und Nachweise");
        browser.page("bezreg-arbeitsliste");
        assertThat(text("section[aria-labelledby=abrufe]")).contains(title, "8.000,00 €");
        browser.click("Auszahlen: " + title);
        browser.page("auszahlung");
        assertThat(browser.find("#amount").getAttribute("value")).isEqualTo("8.000,00");
        assertThat(browser.find("#disbursedOn").getAttribute("value")).isEqualTo(LocalDate.now(NRW).toString());
        browser.type("amount", "19.000");
        browser.click("Auszahlung erfassen");
        browser.page("auszahlung-zu-hoch");
        assertThat(browser.driver().getTitle()).startsWith("Fehler: ");
        assertThat(text("#amount-fehler")).contains("Insgesamt darf nicht mehr ausgezahlt werden als bewilligt");
        assertThat(text(".error-summary a[href='#amount']")).contains("nicht mehr ausgezahlt werden als bewilligt");
        assertThat(browser.find("#amount").getAttribute("value")).isEqualTo("19.000");
        assertThat(browser.find("#amount").getAttribute("aria-invalid")).isEqualTo("true");
        browser.type("amount", "8.000,00");
        browser.click("Auszahlung erfassen");
        browser.page("auszahlung-1");
        assertThat(text("[role=status]")).isEqualTo("Die Auszahlung von 8.000,00 € für „" + title + "“ (Köln, Stadt) ist erfasst.");
        assertThat(detail("Ausgezahlt")).isEqualTo("8.000,00 €");
        assertThat(detail("Abgerufen, noch nicht ausgezahlt")).isEqualTo("0,00 €");
        browser.click("Auszahlung erfassen");
        browser.page("auszahlung-2-formular");
        browser.type("amount", "4.000");
        browser.click("Auszahlung erfassen");
        browser.page("auszahlung-2");
        assertThat(detail("Ausgezahlt")).isEqualTo("12.000,00 €");

        // the ministry amends: below what is disbursed is refused, then 16.000 €
        browser.signIn(MINISTRY.username(), MINISTRY.password());
        browser.page("ministerium-start-2");
        browser.open(grantPath, "ministerium-zuwendung");
        browser.click("Änderungsbescheid");
        browser.page("aenderung");
        assertThat(browser.find("#approvedAmount").getAttribute("value")).isEqualTo("18.000,00");
        browser.type("approvedAmount", "11.000");
        browser.type("reason", "Kürzung");
        browser.click("Änderungsbescheid speichern");
        browser.page("aenderung-unter-ausgezahlt");
        assertThat(text("#approvedAmount-fehler")).contains("nicht unter dem bereits ausgezahlten Betrag (12.000,00 €)");
        assertThat(browser.find("#reason").getAttribute("value")).isEqualTo("Kürzung");
        browser.type("approvedAmount", "16.000,00");
        browser.type("reason", "Infoabende teilweise digital; Sachkosten gekürzt");
        browser.click("Änderungsbescheid speichern");
        browser.page("aenderung-gespeichert");
        assertThat(text("[role=status]")).endsWith("bewilligt sind jetzt 16.000,00 €.");
        assertThat(detail("Bewilligt")).isEqualTo("16.000,00 €");
        assertThat(detail("Ausgezahlt")).isEqualTo("12.000,00 €");

        // the coordinator submits the usage report: spent less than disbursed, through the confirmation step
        browser.signIn(KOELN.username(), KOELN.password());
        browser.page("koeln-start-3");
        browser.open(grantPath, "koeln-vor-nachweis");
        browser.click("Verwendungsnachweis einreichen");
        browser.page("nachweis-formular");
        assertThat(text(".notice-warning")).contains("nur einmal eingereicht");
        assertThat(browser.find("#amountSpent").getAttribute("value")).isEqualTo("12.000,00");
        String report = "Vier Infoabende mit 120 Gästen.\nDie Börse läuft weiter im Stadtteilbüro.";
        browser.type("amountSpent", "11.250,00");
        browser.type("report", report);
        browser.type("volunteersReached", "37");
        browser.click("Weiter zur Bestätigung");
        browser.page("nachweis-bestaetigen");
        assertThat(browser.text("h1")).isEqualTo("Verwendungsnachweis für „" + title + "“ verbindlich einreichen?");
        assertThat(text(".details")).contains("11.250,00 €", "750,00 € – wird nach der Prüfung", "37", "Die Börse läuft weiter");
        browser.click("Angaben ändern");
        browser.page("nachweis-aendern");
        assertThat(browser.find("#amountSpent").getAttribute("value")).isEqualTo("11.250,00");
        assertThat(browser.find("#report").getAttribute("value")).isEqualTo(report);
        browser.click("Weiter zur Bestätigung");
        browser.page("nachweis-bestaetigen-2");
        browser.click("Verwendungsnachweis verbindlich einreichen");
        browser.page("nachweis-eingereicht");
        assertThat(browser.path()).isEqualTo(grantPath);
        assertThat(text("[role=status]")).startsWith("Der Verwendungsnachweis für „" + title + "“ ist eingereicht.");
        assertThat(detail("Stand")).isEqualTo("Nachweis eingereicht");
        assertThat(detail("Nächster Schritt")).isEqualTo("Prüfung des Verwendungsnachweises");
        assertThat(detail("Sachbericht")).isEqualTo(report);
        assertThat(detail("Erreichte Ehrenamtliche")).isEqualTo("37");
        assertThat(browser.all(".actions a")).as("nothing more for the centre to do").isEmpty();

        // the Bezirksregierung checks the report and closes the grant, seeing the repayment demand before confirming
        browser.signIn(OFFICER.username(), OFFICER.password());
        browser.page("bezreg-start-2");
        browser.click("Abrufe und Nachweise");
        browser.page("bezreg-arbeitsliste-2");
        browser.click("Nachweis prüfen: " + title);
        browser.page("abschluss");
        assertThat(text("#rueckforderung")).contains("Ausgezahlt 12.000,00 €, verausgabt 11.250,00 €: Mit dem Abschluss werden 750,00 € zurückgefordert.");
        browser.click("Prüfung abschließen und Zuwendung schließen");
        browser.page("abschluss-ohne-vermerk");
        assertThat(text("#checkNote-fehler")).contains("Bitte einen Prüfvermerk angeben.");
        browser.type("checkNote", "Nachweis schlüssig; nicht verausgabte Mittel werden zurückgefordert.");
        browser.click("Prüfung abschließen und Zuwendung schließen");
        browser.page("abgeschlossen");
        assertThat(text("[role=status]")).endsWith("ist abgeschlossen. Zurückgefordert werden 750,00 €.");
        assertThat(detail("Stand")).isEqualTo("Abgeschlossen");
        assertThat(detail("Rückforderung")).isEqualTo("750,00 €");
        assertThat(detail("Rückforderung noch offen")).isEqualTo("750,00 €");
        assertThat(detail("Nächster Schritt")).isEqualTo("Rückzahlung von 750,00 €");

        // the repayment: more than outstanding is refused, then the full amount
        browser.click("Rückzahlung erfassen");
        browser.page("rueckzahlung");
        assertThat(browser.find("#amount").getAttribute("value")).isEqualTo("750,00");
        browser.type("amount", "800");
        browser.click("Rückzahlung erfassen");
        browser.page("rueckzahlung-zu-hoch");
        assertThat(text("#amount-fehler")).contains("Offen sind nur 750,00 €");
        browser.type("amount", "750,00");
        browser.click("Rückzahlung erfassen");
        browser.page("rueckzahlung-erfasst");
        assertThat(text("[role=status]")).isEqualTo("Die Rückzahlung von 750,00 € für „" + title + "“ ist erfasst. Noch offen: 0,00 €.");
        assertThat(detail("Zurückgezahlt")).isEqualTo("750,00 €");
        assertThat(detail("Rückforderung noch offen")).isEqualTo("0,00 €");
        assertThat(browser.all(".actions a")).as("nothing left to do").isEmpty();

        // the auditor finds it with the new filters, reads the history, sees the chain intact and downloads it
        browser.signIn(AUDITOR.username(), AUDITOR.password());
        browser.page("pruefung-start");
        browser.choose("teil", part);
        browser.choose("bezirk", "Köln");
        browser.click("Anzeigen");
        browser.page("pruefung-gefiltert");
        assertThat(text("table tbody")).contains(title, "16.000,00 €", "12.000,00 €", "Abgeschlossen");
        browser.click(title);
        browser.page("pruefung-zuwendung");
        List<WebElement> entries = browser.all(".timeline-entry");
        assertThat(entries).extracting(e -> e.findElement(By.cssSelector("h3 span")).getText()).containsExactly(
                "Antrag gestellt", "Geprüft", "Bewilligt", "Mittelabruf", "Auszahlung", "Auszahlung", "Änderungsbescheid",
                "Verwendungsnachweis", "Abgeschlossen", "Rückzahlung");
        assertThat(entries.get(5).getText().replace('\u00A0', ' ')).contains("Ausgezahlt insgesamt", "8.000,00 € → 12.000,00 €",
                OFFICER.username());
        assertThat(entries.get(6).getText().replace('\u00A0', ' ')).contains("18.000,00 € → 16.000,00 €", "Sachkosten gekürzt");
        assertThat(text("section.chain")).contains("Prüfung der Ereigniskette", "Kette unverändert.", entries.size() + " Ereignisse");
        String head = browser.text("code.hash");
        assertThat(head).matches("[0-9a-f]{64}");
        assertThat(browser.all(".actions a")).as("the auditor changes nothing").isEmpty();

        HttpResponse<byte[]> csv = browser.download(browser.find("a[href$='/verlauf.csv']").getAttribute("href"));
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment").contains(".csv");
        String csvText = new String(csv.body(), StandardCharsets.UTF_8);
        assertThat(csvText).contains(title, head);
        HttpResponse<byte[]> pdf = browser.download(browser.find("a[href$='/verlauf.pdf']").getAttribute("href"));
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment").contains(".pdf");
        assertThat(pdf.body().length).isGreaterThan(1000);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

        // the auditor reads the budgets, without a form
        browser.click("Budgets");
        browser.page("pruefung-budgets");
        assertThat(browser.all("a[href*='/haushalt/festlegen']")).isEmpty();
        assertThat(text("main")).contains("Budgets legt das Ministerium fest", "Teil II C");
    }

    @Test
    void an_approval_beyond_the_centres_share_of_the_budget_is_refused_on_the_decision_form() {
        int year = thisYear();
        String title = "Qualifizierung Ehrenamtlicher " + UUID.randomUUID().toString().substring(0, 8);
        String part = "Teil II D – Qualifizierung und Unterstützung Ehrenamtlicher";
        generousBudget(year, "PART_II_D");

        // applied and reviewed through the API (the pages for it have their own journey)
        Api.Response applied = api.post("/api/grants", Map.of("fundingYear", year, "programmePart", "PART_II_D", "title", title,
                "purpose", "Schulungsreihe für Sprachpat*innen", "requestedAmount", "9000.00"), KOELN);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        String grantId = applied.text("grantId");
        Api.Response reviewed = api.post("/api/grants/" + grantId + "/review", Map.of("recommendation", "APPROVE", "note", "Förderfähig"), OFFICER);
        assertThat(reviewed.status()).as(reviewed.toString()).isIn(200, 204);

        // the ministry gives Köln a share of Teil II D with only 5.000 € free
        Money share = approvedSoFar(year, "PART_II_D", KOELN_CENTRE).plus(Money.ofCents(500_000));
        browser.signIn(MINISTRY.username(), MINISTRY.password());
        browser.page("ministerium-start-anteil");
        browser.open("/haushalt/festlegen?jahr=" + year, "anteil-formular");
        browser.choose("programmePart", part);
        browser.choose("centreId", "Köln, Stadt (" + KOELN_CENTRE + ")");
        browser.type("amount", GermanMoney.format(share));
        browser.click("Budget festlegen");
        browser.page("anteil-festgelegt");
        assertThat(text("[role=status]")).contains(part, "Köln, Stadt", GermanMoney.format(share) + " €");

        // approving 9.000 € does not fit: refused on the form, the input kept
        browser.open("/entscheidungen", "entscheidungen-budget");
        browser.click("Entscheiden: " + title);
        browser.page("entscheidung-budget");
        browser.tick("Bewilligen");
        browser.type("approvedAmount", "9.000,00");
        browser.click("Entscheidung speichern");
        browser.page("entscheidung-budget-reicht-nicht");
        assertThat(browser.driver().getTitle()).startsWith("Fehler: ");
        assertThat(text("#approvedAmount-fehler")).contains("reicht nicht", "frei sind 5.000,00 €");
        assertThat(text(".error-summary")).contains("reicht nicht");
        assertThat(browser.find("#approvedAmount").getAttribute("value")).isEqualTo("9.000,00");

        // the ministry raises the share from the budget page, then the approval goes through
        browser.click("Budgets");
        browser.page("budgets-anteil");
        browser.click("Ändern: Köln, Stadt, " + part);
        browser.page("anteil-aendern");
        assertThat(browser.find("#amount").getAttribute("value")).isEqualTo(GermanMoney.format(share));
        assertThat(browser.find("#centreId option:checked").getText()).isEqualTo("Köln, Stadt (" + KOELN_CENTRE + ")");
        browser.type("amount", GermanMoney.format(share.plus(Money.ofCents(1_000_000))));
        browser.type("reason", "Mehrbedarf Qualifizierung");
        browser.click("Budget festlegen");
        browser.page("anteil-erhoeht");
        browser.open("/zuwendungen/" + grantId + "/entscheidung", "entscheidung-budget-2");
        browser.tick("Bewilligen");
        browser.type("approvedAmount", "9.000,00");
        browser.click("Entscheidung speichern");
        browser.page("entscheidung-budget-bewilligt");
        assertThat(text("[role=status]")).contains("ist mit 9.000,00 € bewilligt");

        // pages of other roles answer with the 403 page, also when typed in
        browser.open("/zentrum/zuwendungen/" + grantId + "/mittelabruf", "ministerium-mittelabruf-verboten");
        assertThat(browser.text("h1")).isEqualTo("Keine Berechtigung");
        browser.open("/bewirtschaftung", "ministerium-arbeitsliste-verboten");
        assertThat(browser.text("h1")).isEqualTo("Keine Berechtigung");
        browser.signIn(KOELN.username(), KOELN.password());
        browser.page("koeln-start-budget");
        browser.open("/haushalt", "koeln-budgets-verboten");
        assertThat(browser.text("h1")).isEqualTo("Keine Berechtigung");
        browser.open("/zuwendungen/" + grantId + "/auszahlung", "koeln-auszahlung-verboten");
        assertThat(browser.text("h1")).isEqualTo("Keine Berechtigung");
    }
}
