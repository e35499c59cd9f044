package nrw.komman.app.browser;

import com.fasterxml.jackson.databind.JsonNode;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nrw.komman.app.support.TestAccounts.KOELN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The activity forms as a coordinator uses them (issue 17): every error of the input in one answer, whichever layer
 * finds it; no date filled in silently; the duration entered as hours and minutes; durations shown one way and
 * activities counted one way on the volunteer's page and the dashboard (ADR 30). Every page is checked by axe-core.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ActivityFormsInTheBrowserTest extends OnH2 {

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

    private static LocalDate today() {
        return LocalDate.now(NRW);
    }

    @Test
    void an_activity_of_1500_minutes_dated_tomorrow_gets_both_errors_in_one_answer() {
        String volunteerId = registerViaApi("Ruta Haile");
        browser.signIn(KOELN.username(), KOELN.password());
        browser.open("/ehrenamtliche/" + volunteerId + "/einsaetze/neu", "einsatz-formular");

        browser.date("date", today().plusDays(1));
        browser.type("minutes", "1500");
        browser.click("Einsatz speichern");

        browser.page("einsatz-alle-fehler-auf-einmal");
        assertThat(browser.driver().getTitle()).startsWith("Fehler: ");
        assertThat(browser.text("#date-fehler")).contains("Das Datum des Einsatzes darf nicht in der Zukunft liegen.");
        assertThat(browser.text("#hours-fehler")).contains("Ein Einsatz dauert höchstens 24 Stunden.");
        assertThat(browser.text("#category-fehler")).contains("Bitte eine Kategorie wählen.");
        // the summary names all three and links to the fields, in the order of the form
        assertThat(browser.all(".error-summary a")).extracting(a -> a.getAttribute("href").replaceAll(".*#", "#"))
                .containsExactly("#date", "#hours", "#category");
        assertThat(browser.find("#minutes").getAttribute("value")).isEqualTo("1500");
        assertThat(activities(volunteerId)).isEmpty();
    }

    @Test
    void an_empty_date_is_an_error_never_today() {
        String volunteerId = registerViaApi("Samir Nouri");
        browser.signIn(KOELN.username(), KOELN.password());
        browser.open("/ehrenamtliche/" + volunteerId + "/einsaetze/neu", "einsatz-ohne-vorgabe");
        assertThat(browser.find("#date").getAttribute("value")).as("no date is filled in for the coordinator").isEmpty();

        browser.type("hours", "1");
        browser.choose("category", "Dolmetschen");
        browser.click("Einsatz speichern");

        browser.page("einsatz-ohne-datum");
        assertThat(browser.driver().getTitle()).startsWith("Fehler: ");
        assertThat(browser.text("#date-fehler")).contains("Bitte geben Sie das Datum an.");
        assertThat(browser.text(".error-summary")).contains("Bitte geben Sie das Datum an.");
        assertThat(activities(volunteerId)).isEmpty();

        // both duration fields empty is an error too, said once at the duration
        browser.date("date", today());
        browser.find("#hours").clear();
        browser.click("Einsatz speichern");
        browser.page("einsatz-ohne-dauer");
        assertThat(browser.text("#hours-fehler")).contains("Bitte geben Sie die Dauer an.");
        assertThat(browser.all("#date-fehler")).isEmpty();
        assertThat(activities(volunteerId)).isEmpty();
    }

    @Test
    void hours_and_minutes_land_as_minutes_and_a_correction_shows_them_split() {
        String volunteerId = registerViaApi("Lina Sarwari");
        browser.signIn(KOELN.username(), KOELN.password());
        browser.open("/ehrenamtliche/" + volunteerId + "/einsaetze/neu", "einsatz-stunden-minuten");
        assertThat(browser.text("fieldset.duration legend")).contains("Dauer");

        browser.date("date", today());
        browser.type("hours", "2");
        browser.type("minutes", "15");
        browser.choose("category", "Dolmetschen");
        browser.click("Einsatz speichern");

        browser.page("einsatz-2-std-15-min");
        assertThat(browser.text("[role=status]")).isEqualTo("Der Einsatz ist gespeichert.");
        List<JsonNode> logged = activities(volunteerId);
        assertThat(logged).hasSize(1);
        assertThat(logged.get(0).path("minutes").asInt()).isEqualTo(135);
        assertThat(browser.text("#einsaetze + .table-scroll")).contains("2 Std. 15 Min.");

        // only minutes, hours left empty: 45 minutes
        browser.click("Korrigieren");
        browser.page("korrektur-stunden-minuten");
        assertThat(browser.find("#hours").getAttribute("value")).isEqualTo("2");
        assertThat(browser.find("#minutes").getAttribute("value")).isEqualTo("15");
        browser.find("#hours").clear();
        browser.type("minutes", "45");
        browser.type("reason", "Dauer falsch erfasst");
        browser.click("Korrektur speichern");
        browser.page("korrektur-45-min");
        assertThat(browser.text("[role=status]")).isEqualTo("Die Korrektur des Einsatzes ist gespeichert.");
        assertThat(activities(volunteerId).get(0).path("minutes").asInt()).isEqualTo(45);
    }

    @Test
    void the_volunteer_page_and_the_dashboard_count_the_same_activities_and_show_durations_one_way() {
        browser.signIn(KOELN.username(), KOELN.password());
        browser.open("/zentrum", "uebersicht-vorher");
        long minutesBefore = minutes(browser.all(".figure-value").get(2).getText());
        long activitiesBefore = count(browser.all(".figure-note").get(1).getText());

        String volunteerId = registerViaApi("Nura Ahmadi");
        String kept = logViaApi(volunteerId, 108);
        withdrawViaApi(volunteerId, logViaApi(volunteerId, 30));
        withdrawViaApi(volunteerId, logViaApi(volunteerId, 45));

        browser.open("/ehrenamtliche/" + volunteerId, "einsaetze-mit-zurueckgenommenen");
        assertThat(kept).isNotBlank();
        assertThat(browser.text("#einsaetze")).isEqualTo("Einsätze (1)");
        assertThat(browser.text(".activity-count-note"))
                .isEqualTo("3 Einträge, davon 2 zurückgenommen. Zurückgenommene Einsätze zählen nicht mit.");
        assertThat(browser.text(".details")).contains("1 Std. 48 Min. in 1 Einsatz");
        assertThat(browser.all("#einsaetze + .activity-count-note + .table-scroll tbody tr")).hasSize(3);
        assertThat(browser.text("#einsaetze ~ .table-scroll")).contains("1 Std. 48 Min.", "30 Min.", "45 Min.");

        browser.open("/zentrum", "uebersicht-nachher");
        assertThat(minutes(browser.all(".figure-value").get(2).getText()) - minutesBefore)
                .as("the dashboard's hours this year grew by the one activity that counts").isEqualTo(108);
        assertThat(count(browser.all(".figure-note").get(1).getText()) - activitiesBefore)
                .as("and its count by one, as on the volunteer's page").isEqualTo(1);
        assertThat(browser.text(".figure-value")).doesNotContain(",");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private List<JsonNode> activities(String volunteerId) {
        Api.Response r = api.get("/api/volunteers/" + volunteerId + "/activities", KOELN);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> items = new java.util.ArrayList<>();
        r.json().path("items").forEach(items::add);
        return items;
    }

    private String logViaApi(String volunteerId, int minutes) {
        Api.Response r = api.post("/api/volunteers/" + volunteerId + "/activities", Map.of(
                "date", today().toString(), "minutes", minutes, "category", "INTERPRETING"), KOELN);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("activityId");
    }

    private void withdrawViaApi(String volunteerId, String activityId) {
        Api.Response r = api.post("/api/volunteers/" + volunteerId + "/activities/" + activityId + "/withdrawal",
                Map.of("reason", "doppelt erfasst"), KOELN);
        assertThat(r.status()).as(r.toString()).isEqualTo(204);
    }

    /** "1.234 Std. 5 Min." → 74045; "45 Min." → 45: the one way durations are shown (ADR 30). */
    private static long minutes(String shown) {
        Matcher m = Pattern.compile("^(?:([\\d.]+) Std\\.)?\\s*(?:(\\d+) Min\\.)?$").matcher(shown.trim());
        assertThat(m.matches()).as("a duration as \"… Std. … Min.\": %s", shown).isTrue();
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1).replace(".", ""));
        return hours * 60 + (m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
    }

    /** "in 1.234 Einsätzen" → 1234. */
    private static long count(String text) {
        Matcher m = Pattern.compile("([\\d.]+)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Long.parseLong(m.group(1).replace(".", ""));
    }

    private String registerViaApi(String name) {
        Api.Response r = api.post("/api/centres/" + TestAccounts.KOELN_CENTRE + "/volunteers", Map.of(
                "name", name + " " + UUID.randomUUID().toString().substring(0, 8),
                "email", "p." + UUID.randomUUID().toString().substring(0, 8) + "@example.org",
                "languages", List.of("uk"), "interests", List.of("INTERPRETING"),
                "consent", Map.of("document", "Einwilligung Datenverarbeitung", "version", "2024-01",
                        "givenAt", "2025-01-15T10:00:00Z")), KOELN);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("volunteerId");
    }
}
