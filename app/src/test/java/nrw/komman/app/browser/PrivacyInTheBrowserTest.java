package nrw.komman.app.browser;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.Api.Response;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static nrw.komman.app.support.TestAccounts.ADMIN;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A volunteer's rights in headless Chromium: the coordinator downloads the information (PDF and JSON) from the
 * volunteer's page, records a withdrawal of consent through its confirmation page, erases another volunteer after
 * the confirmation page refused to go on without the tick, and sees no personal data afterwards; the administrator
 * looks at the retention rules' dry run and the run's confirmation. Every page is checked by axe-core and saved as
 * a screenshot (see {@link Browser}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyInTheBrowserTest extends OnH2 {

    private static final ZoneId NRW = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @LocalServerPort
    int port;

    private Browser browser;

    @BeforeAll
    void start() {
        TestAccounts.createAll(new Api(port));
        browser = new Browser(port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.visited().forEach(page -> System.out.println("visited " + page));
            browser.close();
        }
    }

    private record Person(String name, String email, String phone) {

        static Person unique(String given) {
            String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            int digits = Math.abs(unique.hashCode() % 10_000_000);
            return new Person(given + " Yılmaz " + unique, given.toLowerCase(Locale.ROOT) + "." + unique + "@example.org",
                    String.format("+49 221 %07d", digits));
        }
    }

    private String register(Person person) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", person.name());
        body.put("email", person.email());
        body.put("phone", person.phone());
        body.put("availability", "samstags");
        body.put("languages", List.of("tr", "de"));
        body.put("interests", List.of("EDUCATION"));
        body.put("consent", Map.of("document", "Einwilligung Datenverarbeitung Ehrenamtskoordination",
                "version", "2024-01", "givenAt", "2025-01-15T10:00:00Z"));
        body.put("registeredOn", "2025-01-15");
        Api api = new Api(port);
        Response registered = api.post("/api/centres/05315/volunteers", body, KOELN);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String id = registered.text("volunteerId");
        Map<String, Object> activity = new HashMap<>(Map.of("date", LocalDate.now(NRW).toString(), "minutes", 90,
                "category", "EDUCATION", "note", "Hausaufgaben mit " + person.name()));
        assertThat(api.post("/api/volunteers/" + id + "/activities", activity, KOELN).status()).isEqualTo(201);
        return id;
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString().replaceAll("\\s+", " ");
        }
    }

    @Test
    void a_coordinator_downloads_the_information_records_a_withdrawal_and_erases_after_confirming() throws Exception {
        Person kept = Person.unique("Elif");
        Person erased = Person.unique("Deniz");
        String keptId = register(kept);
        String erasedId = register(erased);

        browser.signIn(KOELN.username(), KOELN.password());
        browser.page("privacy-start");
        browser.open("/ehrenamtliche/" + erasedId, "privacy-ehrenamtliche-person");
        assertThat(browser.text("#datenschutz")).isEqualTo("Datenschutz");
        String pdfHref = browser.driver().findElement(By.linkText("Auskunft (PDF)")).getAttribute("href");
        String jsonHref = browser.driver().findElement(By.linkText("Auskunft (JSON)")).getAttribute("href");

        // the information, as the links hand it out in this session
        HttpResponse<byte[]> pdf = browser.download(pdfHref);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElse("")).contains("attachment", "auskunft-05315-");
        assertThat(pdfText(pdf.body())).contains("Auskunft über gespeicherte Daten", erased.name(), erased.email(), erased.phone(),
                "Art. 15", "Art. 21");
        HttpResponse<byte[]> json = browser.download(jsonHref);
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(new String(json.body(), StandardCharsets.UTF_8)).contains("\"name\" : \"" + erased.name() + "\"", erasedId);

        // erasure: the confirmation page names what goes and what stays, and insists on the tick
        browser.click("Personenbezogene Daten löschen");
        browser.page("privacy-loeschung-bestaetigen");
        assertThat(browser.text("h1")).isEqualTo("Personenbezogene Daten von " + erased.name() + " löschen?");
        assertThat(browser.text("main")).contains("Gelöscht werden sofort und endgültig", "E-Mail-Adresse und Telefonnummer",
                "Erhalten bleiben", "unter der pseudonymen Kennung " + erasedId);
        browser.click("Daten endgültig löschen");
        browser.page("privacy-loeschung-ohne-haekchen");
        assertThat(browser.driver().getTitle()).startsWith("Fehler: ");
        assertThat(browser.text(".error-summary")).contains("Bitte bestätigen Sie die Löschung mit dem Häkchen.");
        assertThat(new Api(port).get("/api/volunteers/" + erasedId, KOELN).json().path("erased").asBoolean())
                .as("nothing erased without the tick").isFalse();
        browser.tick("Ich bestätige, dass die personenbezogenen Daten von " + erased.name()
                + " sofort und endgültig gelöscht werden sollen. (Pflicht)");
        browser.click("Daten endgültig löschen");

        browser.page("privacy-geloescht");
        assertThat(browser.path()).isEqualTo("/ehrenamtliche/" + erasedId);
        assertThat(browser.text("[role=status]")).startsWith("Die personenbezogenen Daten sind gelöscht.");
        assertThat(browser.text("#geloescht")).contains("Daten gelöscht am " + LocalDate.now(NRW).format(GERMAN_DATE));
        assertThat(browser.driver().getPageSource()).doesNotContain(erased.name(), erased.email(), erased.phone(), "Yılmaz");
        assertThat(browser.driver().findElements(By.linkText("Personenbezogene Daten löschen"))).isEmpty();
        assertThat(browser.driver().findElements(By.linkText("Angaben ändern"))).isEmpty();
        assertThat(browser.text("#einsaetze + .table-scroll")).contains("1 Std. 30 Min.");
        browser.open("/ehrenamtliche/" + erasedId, "privacy-geloescht-spaeter");
        assertThat(browser.text("#geloescht")).contains("Die personenbezogenen Daten dieser Person wurden gelöscht.");
        assertThat(browser.driver().getPageSource()).doesNotContain(erased.name(), erased.email(), erased.phone());
        String pdfAfter = pdfText(browser.download(pdfHref).body());
        assertThat(pdfAfter).contains("gelöscht", erasedId).doesNotContain(erased.name(), erased.email(), erased.phone(), "Yılmaz");
        browser.open("/ehrenamtliche?suche=" + erased.email().substring(6, 14), "privacy-liste-ohne-geloeschte");
        assertThat(browser.text("main")).doesNotContain(erased.name());

        // withdrawal of consent: form, confirmation saying the data goes at once, done
        browser.open("/ehrenamtliche/" + keptId, "privacy-zweite-person");
        browser.click("Einwilligung widerrufen");
        browser.page("privacy-widerruf");
        assertThat(browser.find("#date").getAttribute("value")).isEqualTo(LocalDate.now(NRW).toString());
        browser.date("date", LocalDate.now(NRW).minusDays(1));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = '09:30'", browser.find("#time"));
        browser.click("Weiter zur Bestätigung");
        browser.page("privacy-widerruf-bestaetigen");
        String yesterday = LocalDate.now(NRW).minusDays(1).format(GERMAN_DATE);
        assertThat(browser.text(".notice-warning")).contains(yesterday + ", 09:30 Uhr", "sofort und endgültig gelöscht");
        browser.click("Widerruf erfassen und Daten löschen");
        browser.page("privacy-widerruf-erfasst");
        assertThat(browser.text("[role=status]")).startsWith("Der Widerruf ist erfasst.");
        assertThat(browser.driver().getPageSource()).doesNotContain(kept.name(), kept.email(), kept.phone());
        String withdrawn = pdfText(browser.download(browser.driver().findElement(By.linkText("Auskunft (PDF)")).getAttribute("href")).body());
        assertThat(withdrawn).contains("Widerrufen am", yesterday + " 09:30:00").doesNotContain(kept.name());
    }

    @Test
    void an_administrator_sees_the_dry_run_and_runs_the_rules_after_confirming() {
        browser.signIn(ADMIN.username(), ADMIN.password());
        browser.page("privacy-admin-start");
        browser.click("Aufbewahrung");
        browser.page("privacy-aufbewahrung");
        assertThat(browser.path()).isEqualTo("/verwaltung/aufbewahrung");
        assertThat(browser.text("main")).contains("Regeln", "inaktiv sind, werden gelöscht", "Verwendungsnachweis");
        browser.click("Löschlauf vorbereiten");
        browser.page("privacy-aufbewahrung-bestaetigen");
        browser.click("Löschlauf ausführen");
        browser.page("privacy-aufbewahrung-ohne-haekchen");
        assertThat(browser.text(".error-summary")).contains("Bitte bestätigen Sie den Löschlauf mit dem Häkchen.");
        browser.tick("Ich bestätige, dass der Löschlauf jetzt ausgeführt werden soll. (Pflicht)");
        browser.click("Löschlauf ausführen");
        browser.page("privacy-aufbewahrung-ausgefuehrt");
        assertThat(browser.path()).isEqualTo("/verwaltung/aufbewahrung");
        assertThat(browser.text("[role=status]")).contains("ist ausgeführt und protokolliert");
        assertThat(browser.text("main")).contains("Ergebnis des Löschlaufs");
    }
}
