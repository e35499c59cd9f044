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
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nrw.komman.app.support.TestAccounts.KOELN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The volunteer's personal link in headless Chromium (issue 18): the coordinator issues a link on the volunteer's
 * page and sees its address once; the volunteer opens it in a browser of their own, without an account, confirms the
 * assignment they were asked for, changes their availability, downloads their Ehrenamtsnachweis and reads their page in
 * English; the coordinator sees the availability in words, revokes the link after its confirmation page (cancel first
 * changes nothing) and the link stops working. Every page is checked by axe-core (see {@link Browser}).
 *
 * <p>It needs the command and query sides of coordination (help requests, assignments, links, certificates).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VolunteerLinkInTheBrowserTest extends OnH2 {

    private static final ZoneId NRW = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    @LocalServerPort
    int port;

    private Browser coordinator;
    private Browser volunteer;

    @BeforeAll
    void start() {
        TestAccounts.createAll(new Api(port));
        coordinator = new Browser(port);
        volunteer = new Browser(port); // a browser of its own: no cookie, no account
    }

    @AfterAll
    void stop() {
        for (Browser browser : new Browser[]{coordinator, volunteer}) {
            if (browser != null) {
                browser.visited().forEach(page -> System.out.println("visited " + page));
                browser.close();
            }
        }
    }

    private String register(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("email", "link." + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        body.put("availability", "dienstags vormittags");
        body.put("languages", List.of("prs", "de"));
        body.put("interests", List.of("ACCOMPANIMENT"));
        body.put("consent", Map.of("document", "Einwilligung Datenverarbeitung Ehrenamtskoordination",
                "version", "2024-01", "givenAt", "2025-01-15T10:00:00Z"));
        body.put("registeredOn", "2025-01-15");
        Api api = new Api(port);
        Response registered = api.post("/api/centres/05315/volunteers", body, KOELN);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        String id = registered.text("volunteerId");
        Response activity = api.post("/api/volunteers/" + id + "/activities", new HashMap<>(Map.of(
                "date", LocalDate.now(NRW).minusDays(1).toString(), "minutes", 90, "category", "ACCOMPANIMENT")), KOELN);
        assertThat(activity.status()).as(activity.toString()).isEqualTo(201);
        return id;
    }

    /** A request for Dari-speaking help next Tuesday morning, and the volunteer asked for it. */
    private String askFor(String volunteerId, LocalDate day) {
        Map<String, Object> request = new HashMap<>();
        request.put("category", "ACCOMPANIMENT");
        request.put("languages", List.of("prs"));
        request.put("schedule", Map.of("firstDay", day.toString(), "lastDay", day.toString(), "weekdays", List.of(),
                "start", "09:00", "end", "12:00"));
        request.put("minutes", 120);
        request.put("municipality", "Köln");
        request.put("place", "Ausländerbehörde, Blumenberger Straße");
        request.put("volunteersNeeded", 1);
        request.put("requesterName", "Familie Ahmadi");
        request.put("requesterContact", "+49 221 555 0199");
        request.put("note", "Termin um 9:30");
        Api api = new Api(port);
        Response opened = api.post("/api/centres/05315/help-requests", request, KOELN);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        String requestId = opened.text("requestId");
        Response asked = api.post("/api/help-requests/" + requestId + "/assignments", Map.of("volunteerId", volunteerId), KOELN);
        assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
        return asked.text("assignmentId");
    }

    /** Submits the page's form whose action ends so, as the browser would, and returns the answer's bytes. */
    private HttpResponse<byte[]> submit(Browser browser, String actionEnd) throws IOException, InterruptedException {
        String action = browser.find("form[action$='" + actionEnd + "']").getAttribute("action");
        String csrf = browser.find("form[action$='" + actionEnd + "'] input[name=_csrf]").getAttribute("value");
        org.openqa.selenium.Cookie session = browser.driver().manage().getCookieNamed("JSESSIONID");
        assertThat(session).as("the session that holds the form's CSRF token").isNotNull();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(action))
                        .header("Cookie", "JSESSIONID=" + session.getValue())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Ticks a cell of the weekly table, checking its (visually hidden) label names day and part of the day. */
    private void tickSlot(String key, String label) {
        org.openqa.selenium.WebElement box = volunteer.driver().findElement(By.id("zeit-" + key));
        assertThat(volunteer.driver().findElement(By.cssSelector("label[for='zeit-" + key + "']")).getAttribute("textContent"))
                .isEqualTo(label);
        if (!box.isSelected()) {
            box.click();
        }
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PdfReader reader = new PdfReader(pdf)) {
            return new PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", " ");
        }
    }

    @Test
    void the_coordinator_issues_a_link_the_volunteer_answers_through_it_and_a_revoked_link_stops() throws Exception {
        String name = "Mariam Rahimi " + UUID.randomUUID().toString().substring(0, 6);
        String volunteerId = register(name);
        LocalDate tuesday = LocalDate.now(NRW).with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        String assignmentId = askFor(volunteerId, tuesday);

        // the coordinator issues the link: its address once, with a print view
        coordinator.signIn(KOELN.username(), KOELN.password());
        coordinator.open("/ehrenamtliche/" + volunteerId, "link-ehrenamtliche-person");
        assertThat(coordinator.text("#persoenlicher-link")).isEqualTo("Persönlicher Link");
        assertThat(coordinator.text(".personal-link")).contains("keinen gültigen Link");
        coordinator.click("Link erzeugen");
        coordinator.page("link-erzeugt");
        assertThat(coordinator.text("h1")).isEqualTo("Persönlicher Link für " + name);
        String url = coordinator.find("#persoenlicher-link-adresse").getAttribute("value");
        assertThat(url).matches("http://localhost:" + port + "/mein-einsatz/[A-Za-z0-9_-]{43}");
        String token = url.substring(url.lastIndexOf('/') + 1);
        coordinator.click("Fertig");
        coordinator.page("link-gueltig");
        String until = LocalDate.now(NRW).plusDays(180).format(GERMAN_DATE);
        assertThat(coordinator.text(".personal-link")).contains("Link gültig bis " + until).doesNotContain(token);
        assertThat(coordinator.driver().getPageSource()).doesNotContain(token);

        // the volunteer, in a browser of their own: their page, the assignment, yes
        volunteer.driver().get(url);
        volunteer.page("link-eigene-seite");
        assertThat(volunteer.text("h1")).isEqualTo("Hallo " + name);
        assertThat(volunteer.text("#einsatz-" + assignmentId)).contains("Begleitung zu Ämtern und Ärzt*innen",
                tuesday.format(GERMAN_DATE), "09:00–12:00 Uhr", "Köln", "Sie wurden gefragt");
        assertThat(volunteer.text("main")).contains("Meine Stunden", "1 Std. 30 Min.");
        volunteer.clickAndAwaitNextPage(volunteer.find("#einsatz-" + assignmentId + " form[action$='/zusage'] button"));
        volunteer.page("link-zugesagt");
        assertThat(volunteer.text("[role=status]")).isEqualTo("Danke! Sie haben zugesagt.");
        assertThat(volunteer.text("#einsatz-" + assignmentId)).contains("Sie haben zugesagt.");
        assertThat(volunteer.all("#einsatz-" + assignmentId + " form")).isEmpty();

        // availability: the table, a slot ticked, a time away
        volunteer.click("Meine Verfügbarkeit ändern");
        volunteer.page("link-verfuegbarkeit");
        tickSlot("TUESDAY:MORNING", "Dienstag Vormittag");
        tickSlot("THURSDAY:EVENING", "Donnerstag Abend");
        LocalDate holiday = LocalDate.now(NRW).plusMonths(2);
        volunteer.date("away[0].from", holiday);
        volunteer.date("away[0].until", holiday.minusDays(3));
        volunteer.click("Verfügbarkeit speichern");
        volunteer.page("link-verfuegbarkeit-fehler");
        assertThat(volunteer.text(".error-summary")).contains("Der letzte Tag darf nicht vor dem ersten liegen.");
        volunteer.date("away[0].until", holiday.plusDays(7));
        volunteer.click("Verfügbarkeit speichern");
        volunteer.page("link-verfuegbarkeit-gespeichert");
        assertThat(volunteer.text("[role=status]")).isEqualTo("Die Verfügbarkeit ist gespeichert.");
        assertThat(volunteer.text("main")).contains("Dienstag: Vormittag", "Donnerstag: Abend",
                "abwesend vom " + holiday.format(GERMAN_DATE) + " bis " + holiday.plusDays(7).format(GERMAN_DATE));

        // the Ehrenamtsnachweis, and its public check
        HttpResponse<byte[]> pdf = submit(volunteer, "/nachweis.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String text = pdfText(pdf.body());
        assertThat(text).contains("Ehrenamtsnachweis", name, "Begleitung zu Ämtern", "1 Std. 30 Min.", "/nachweis/");
        String check = text.substring(text.indexOf("/nachweis/"));
        String certificateId = check.substring("/nachweis/".length(), "/nachweis/".length() + 36);
        volunteer.open("/nachweis/" + certificateId, "link-nachweis-pruefen");
        assertThat(volunteer.text("[role=status]")).startsWith("Dieser Nachweis ist echt: ausgestellt von");

        // the page in English
        volunteer.driver().get(url + "?lang=en");
        volunteer.page("link-english");
        assertThat(volunteer.text("h1")).isEqualTo("Hello " + name);
        volunteer.driver().get(url + "?lang=de");
        volunteer.page("link-deutsch");

        // the coordinator sees the availability in words, and revokes: cancel first, then yes
        coordinator.open("/ehrenamtliche/" + volunteerId, "link-verfuegbarkeit-koordination");
        assertThat(coordinator.text("section.availability")).contains("Dienstag: Vormittag", "Donnerstag: Abend");
        coordinator.click("Link sperren");
        coordinator.page("link-sperren-bestaetigen");
        assertThat(coordinator.text("h1")).isEqualTo("Link von " + name + " sperren?");
        coordinator.click("Abbrechen");
        coordinator.page("link-sperren-abgebrochen");
        assertThat(coordinator.text(".personal-link")).contains("Link gültig bis " + until);
        volunteer.driver().get(url);
        volunteer.page("link-noch-gueltig");
        assertThat(volunteer.text("h1")).isEqualTo("Hallo " + name);
        coordinator.click("Link sperren");
        coordinator.page("link-sperren-bestaetigen-2");
        coordinator.click("Ja, Link sperren");
        coordinator.page("link-gesperrt");
        assertThat(coordinator.text("[role=status]")).isEqualTo("Der Link ist gesperrt. Er funktioniert nicht mehr.");
        assertThat(coordinator.text(".personal-link")).contains("keinen gültigen Link");

        // the link stops: one page that names nothing, and the API says so too
        volunteer.driver().get(url);
        volunteer.page("link-ungueltig");
        assertThat(volunteer.text("h1")).isEqualTo("Link ungültig");
        assertThat(volunteer.driver().getPageSource()).doesNotContain(name).doesNotContain("Mariam");
        assertThat(new Api(port).get("/api/link/" + token, null).status()).isEqualTo(404);
        assertThat(volunteer.driver().findElements(By.cssSelector("form[action*='/zusage']"))).isEmpty();
    }
}
