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

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nrw.komman.app.support.TestAccounts.DUESSELDORF;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The coordinator's journeys through the real application in headless Chromium: signing in,
 * registering a volunteer, logging an activity, seeing it on the volunteer's page and the dashboard,
 * deactivating and reactivating, changing a volunteer's details, correcting and withdrawing an
 * activity; the error journeys of the forms; another centre's volunteer by
 * URL. Every page visited is checked by axe-core and saved as a screenshot (see {@link Browser}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoordinatorInTheBrowserTest extends OnH2 {

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

    private static LocalDate today() {
        return LocalDate.now(NRW);
    }

    @Test
    void a_coordinator_registers_a_volunteer_logs_an_activity_and_sees_it_on_the_volunteer_page_and_the_dashboard() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String name = "Amina Haddad " + unique;

        browser.signIn(KOELN.username(), KOELN.password());
        browser.page("uebersicht");
        assertThat(browser.path()).isEqualTo("/zentrum");
        assertThat(browser.text("header")).contains(KOELN.username(), "Koordinator*in", "Köln");
        assertThat(browser.text("h1")).isEqualTo("Kommunales Integrationszentrum Köln, Stadt");
        assertThat(browser.find("nav a[aria-current=page]").getText()).isEqualTo("Übersicht");

        browser.click("Ehrenamtliche registrieren");
        browser.page("registrieren");
        assertThat(browser.driver().getTitle()).isEqualTo("Ehrenamtliche registrieren – KOMM-AN NRW");
        browser.type("name", name);
        browser.type("email", "amina." + unique + "@example.org");
        browser.type("phone", "+49 221 555 0101");
        browser.tick("Arabisch");
        browser.tick("Deutsch");
        browser.tick("Begleitung zu Ämtern und Ärzt*innen");
        browser.tick("Die unterschriebene Einwilligung der Person liegt vor. (Pflicht)");
        browser.date("consentDate", today());
        browser.click("Registrieren");

        browser.page("ehrenamtliche-neu-registriert");
        assertThat(browser.text("[role=status]")).isEqualTo("Die Registrierung ist gespeichert.");
        assertThat(browser.text("h1")).isEqualTo(name);
        assertThat(browser.text(".details")).contains("Arabisch, Deutsch", "Begleitung zu Ämtern und Ärzt*innen",
                today().format(GERMAN_DATE));
        String volunteerPath = browser.path();

        browser.click("Einsatz erfassen");
        browser.page("einsatz-erfassen");
        assertThat(browser.find("#date").getAttribute("value")).as("no date is filled in silently").isEmpty();
        browser.date("date", today());
        browser.type("hours", "1");
        browser.type("minutes", "30");
        browser.choose("category", "Begleitung zu Ämtern und Ärzt*innen");
        browser.type("note", "Termin Ausländerbehörde");
        browser.click("Einsatz speichern");

        browser.page("einsatz-gespeichert");
        assertThat(browser.path()).isEqualTo(volunteerPath);
        assertThat(browser.text("[role=status]")).isEqualTo("Der Einsatz ist gespeichert.");
        WebElement row = browser.find("table tbody tr");
        assertThat(row.getText()).contains(today().format(GERMAN_DATE), "Begleitung zu Ämtern und Ärzt*innen",
                "1 Std. 30 Min.", "Termin Ausländerbehörde");
        assertThat(browser.text(".details")).contains("1 Std. 30 Min. in 1 Einsatz");

        browser.click("Übersicht");
        browser.page("uebersicht-mit-einsatz");
        assertThat(browser.text("#letzte-einsaetze + .table-scroll")).contains(name, "1 Std. 30 Min.");
        // the hours per month by category, drawn on the server as SVG, with the figures as a table
        assertThat(browser.find("figure.chart svg").getAttribute("role")).isEqualTo("img");
        assertThat(browser.all("figure.chart rect")).isNotEmpty();
        assertThat(browser.text(".chart-legend")).contains("Begleitung zu Ämtern und Ärzt*innen");
        List<WebElement> figures = browser.all(".figure-value");
        assertThat(figures).hasSize(3);
        assertThat(Integer.parseInt(figures.get(0).getText().replace(".", ""))).as("active volunteers").isPositive();
        assertThat(minutes(figures.get(1).getText())).as("time this month").isGreaterThanOrEqualTo(90);
        assertThat(minutes(figures.get(2).getText())).as("time this year").isGreaterThanOrEqualTo(90);

        // the roster: search and filters
        browser.click("Ehrenamtliche");
        browser.page("ehrenamtliche");
        browser.type("suche", unique);
        browser.choose("status", "aktiv");
        browser.choose("sprache", "Arabisch");
        browser.click("Anzeigen");
        browser.page("ehrenamtliche-gefiltert");
        assertThat(browser.text("#ergebnis")).isEqualTo("1 Ehrenamtliche*r");
        assertThat(browser.text("table tbody")).contains(name, "Arabisch, Deutsch", "1 Std. 30 Min.");
        browser.choose("status", "inaktiv");
        browser.click("Anzeigen");
        browser.page("ehrenamtliche-keine-treffer");
        assertThat(browser.text("#ergebnis")).isEqualTo("Keine Ehrenamtlichen");

        // deactivate (after its confirmation page, ADR 31) and reactivate with a POST button
        browser.open(volunteerPath, "ehrenamtliche-person");
        browser.click("Deaktivieren");
        browser.page("deaktivieren-frage");
        browser.click("Ja, deaktivieren");
        browser.page("deaktiviert");
        assertThat(browser.text("[role=status]")).isEqualTo(name + " ist jetzt inaktiv.");
        assertThat(browser.driver().findElements(By.linkText("Einsatz erfassen"))).isEmpty();
        browser.click("Reaktivieren");
        browser.page("reaktiviert");
        assertThat(browser.text("[role=status]")).isEqualTo(name + " ist wieder aktiv.");

        browser.click("Abmelden");
        browser.page("abgemeldet");
        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.text("[role=status]")).isEqualTo("Sie haben sich abgemeldet.");
        browser.open("/zentrum", "nach-abmeldung");
        assertThat(browser.path()).as("signed out: back to the sign-in page").isEqualTo("/login");
    }

    @Test
    void registering_without_a_name_and_with_a_bad_email_shows_both_errors_at_the_fields_and_in_a_summary_and_keeps_the_input() {
        browser.signIn(KOELN.username(), KOELN.password());
        browser.open("/ehrenamtliche/neu", "registrieren-leer");
        browser.type("email", "amina@beispiel");
        browser.type("phone", "0221 5550101");
        browser.type("availability", "dienstags");
        browser.tick("Persisch");
        browser.tick("Die unterschriebene Einwilligung der Person liegt vor. (Pflicht)");
        browser.date("consentDate", today());
        browser.click("Registrieren");

        browser.page("registrieren-fehler");
        assertThat(browser.driver().getTitle()).startsWith("Fehler: ");
        WebElement summary = browser.find(".error-summary");
        assertThat(summary.getAttribute("role")).isEqualTo("alert");
        assertThat(summary.findElements(By.cssSelector("a"))).extracting(a -> a.getAttribute("hash"))
                .as("in the order of the form").containsExactly("#name", "#email");
        assertThat(summary.getText()).contains("Bitte den Namen angeben.", "Bitte eine gültige E-Mail-Adresse angeben");
        assertThat(browser.text("#name-fehler")).contains("Bitte den Namen angeben.");
        assertThat(browser.text("#email-fehler")).contains("Bitte eine gültige E-Mail-Adresse angeben");
        assertThat(browser.find("#name").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#email").getAttribute("aria-describedby")).contains("email-fehler");
        // what the user typed is still there
        assertThat(browser.find("#email").getAttribute("value")).isEqualTo("amina@beispiel");
        assertThat(browser.find("#phone").getAttribute("value")).isEqualTo("0221 5550101");
        assertThat(browser.find("#availability").getAttribute("value")).isEqualTo("dienstags");
        assertThat(checkbox("Persisch").isSelected()).isTrue();
        assertThat(checkbox("Die unterschriebene Einwilligung der Person liegt vor. (Pflicht)").isSelected()).isTrue();
        // the summary's link leads to the field
        summary.findElement(By.cssSelector("a[href='#name']")).click();
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("name");
    }

    @Test
    void registering_an_email_already_registered_shows_the_rule_of_the_command_side_on_the_form() {
        String email = "doppelt." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        registerViaApi("Erste Person", email);
        browser.signIn(KOELN.username(), KOELN.password());
        browser.open("/ehrenamtliche/neu", "registrieren-doppelt");
        browser.type("name", "Zweite Person");
        browser.type("email", email);
        browser.tick("Die unterschriebene Einwilligung der Person liegt vor. (Pflicht)");
        browser.date("consentDate", today());
        browser.click("Registrieren");

        browser.page("registrieren-email-vergeben");
        assertThat(browser.path()).isEqualTo("/ehrenamtliche");
        assertThat(browser.text(".error-summary")).contains("E-Mail");
        assertThat(browser.all("#email-fehler")).hasSize(1);
        assertThat(browser.find("#name").getAttribute("value")).isEqualTo("Zweite Person");
    }

    @Test
    void logging_an_activity_of_25_hours_or_in_the_future_or_without_duration_and_category_is_refused_on_the_form() {
        String volunteerId = registerViaApi("Yusuf Demir", "yusuf." + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        browser.signIn(KOELN.username(), KOELN.password());
        String form = "/ehrenamtliche/" + volunteerId + "/einsaetze/neu";

        browser.open(form, "einsatz-leer");
        browser.click("Einsatz speichern");
        browser.page("einsatz-pflichtfelder");
        assertThat(browser.text(".error-summary")).contains("Bitte geben Sie das Datum an.", "Bitte geben Sie die Dauer an.",
                "Bitte eine Kategorie wählen.");
        assertThat(browser.text("#hours-fehler")).contains("Bitte geben Sie die Dauer an.");
        assertThat(browser.text("#category-fehler")).contains("Bitte eine Kategorie wählen.");

        browser.date("date", today());
        browser.type("hours", "25");
        browser.choose("category", "Dolmetschen");
        browser.click("Einsatz speichern");
        browser.page("einsatz-25-stunden");
        assertThat(browser.text("#hours-fehler")).contains("Ein Einsatz dauert höchstens 24 Stunden.");
        assertThat(browser.text(".error-summary")).contains("Ein Einsatz dauert höchstens 24 Stunden.");
        assertThat(browser.find("#hours").getAttribute("value")).isEqualTo("25");
        assertThat(browser.find("#category option:checked").getText()).isEqualTo("Dolmetschen");

        browser.type("hours", "1");
        browser.date("date", today().plusDays(1));
        browser.click("Einsatz speichern");
        browser.page("einsatz-zukunft");
        assertThat(browser.text("#date-fehler")).contains("Das Datum des Einsatzes darf nicht in der Zukunft liegen.");
        assertThat(browser.find("#date").getAttribute("value")).isEqualTo(today().plusDays(1).toString());

        browser.type("minutes", "anderthalb");
        browser.date("date", today());
        browser.click("Einsatz speichern");
        browser.page("einsatz-keine-zahl");
        assertThat(browser.text("#minutes-fehler")).contains("Bitte die Minuten als ganze Zahl angeben");
        assertThat(browser.find("#minutes").getAttribute("value")).isEqualTo("anderthalb");

        browser.open("/ehrenamtliche/" + volunteerId, "einsatz-nichts-gespeichert");
        assertThat(browser.text("#einsaetze")).isEqualTo("Einsätze (0)");
    }

    @Test
    void a_coordinator_changes_a_volunteers_details_and_a_missing_contact_is_refused_on_the_form() {
        String volunteerId = registerViaApi("Mariam Sultani", "mariam." + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        browser.signIn(KOELN.username(), KOELN.password());
        browser.open("/ehrenamtliche/" + volunteerId, "person-vor-aenderung");
        browser.click("Angaben ändern");
        browser.page("angaben-aendern");
        assertThat(browser.find("#name").getAttribute("value")).isEqualTo("Mariam Sultani");
        assertThat(checkbox("Ukrainisch").isSelected()).as("the recorded languages are ticked").isTrue();
        browser.find("#email").clear();
        browser.tick("Persisch");
        browser.click("Änderungen speichern");
        browser.page("angaben-ohne-kontakt");
        assertThat(browser.text("#email-fehler")).contains("Bitte eine E-Mail-Adresse oder eine Telefonnummer angeben.");
        assertThat(checkbox("Persisch").isSelected()).isTrue();
        browser.type("phone", "+49 221 555 0199");
        browser.click("Änderungen speichern");
        browser.page("angaben-geaendert");
        assertThat(browser.text("[role=status]")).isEqualTo("Die Angaben sind geändert.");
        assertThat(browser.text(".details")).contains("+49 221 555 0199", "Persisch, Ukrainisch");
    }

    @Test
    void a_logged_activity_is_corrected_and_then_withdrawn_each_with_a_reason() {
        String volunteerId = registerViaApi("Hamid Rahimi", "hamid." + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        Api.Response logged = new Api(port).post("/api/volunteers/" + volunteerId + "/activities", Map.of(
                "date", today().toString(), "minutes", 60, "category", "INTERPRETING", "note", "Elternabend"), KOELN);
        assertThat(logged.status()).as(logged.toString()).isEqualTo(201);
        browser.signIn(KOELN.username(), KOELN.password());
        browser.open("/ehrenamtliche/" + volunteerId, "einsatz-vor-korrektur");

        browser.click("Korrigieren");
        browser.page("korrektur-formular");
        assertThat(browser.find("#hours").getAttribute("value")).as("the logged facts are the defaults").isEqualTo("1");
        assertThat(browser.find("#minutes").getAttribute("value")).isEqualTo("0");
        assertThat(browser.find("#note").getAttribute("value")).isEqualTo("Elternabend");
        browser.type("hours", "2");
        browser.click("Korrektur speichern");
        browser.page("korrektur-ohne-grund");
        assertThat(browser.text("#reason-fehler")).contains("Bitte den Grund der Korrektur angeben.");
        assertThat(browser.find("#hours").getAttribute("value")).isEqualTo("2");
        browser.type("reason", "Dauer falsch erfasst");
        browser.click("Korrektur speichern");
        browser.page("korrektur-gespeichert");
        assertThat(browser.text("[role=status]")).isEqualTo("Die Korrektur des Einsatzes ist gespeichert.");
        assertThat(browser.text("table tbody tr")).contains("2 Std.", "korrigiert");

        browser.click("Zurücknehmen");
        browser.page("ruecknahme-einsatz");
        browser.click("Einsatz zurücknehmen");
        browser.page("ruecknahme-ohne-grund");
        assertThat(browser.text("#reason-fehler")).contains("Bitte den Grund der Rücknahme angeben.");
        browser.type("reason", "Einsatz hat nicht stattgefunden");
        browser.click("Einsatz zurücknehmen");
        browser.page("einsatz-zurueckgenommen");
        assertThat(browser.text("[role=status]")).isEqualTo("Der Einsatz ist zurückgenommen.");
        assertThat(browser.text("table tbody tr")).contains("zurückgenommen");
        assertThat(browser.driver().findElements(By.linkText("Korrigieren"))).isEmpty();
        assertThat(browser.text(".details")).contains("0 Min. in 0 Einsätzen");
        // listed, said so, and not counted
        assertThat(browser.text("#einsaetze")).isEqualTo("Einsätze (0)");
        assertThat(browser.text(".activity-count-note")).contains("1 Eintrag, davon 1 zurückgenommen");
    }

    @Test
    void a_coordinator_of_duesseldorf_opening_a_koeln_volunteer_by_url_gets_the_403_page_in_german() {
        String volunteerId = registerViaApi("Olena Koval", "olena." + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        browser.signIn(DUESSELDORF.username(), DUESSELDORF.password());
        browser.page("duesseldorf-uebersicht");
        assertThat(browser.text("header")).contains("Düsseldorf");

        browser.open("/ehrenamtliche/" + volunteerId, "fremdes-zentrum");
        assertThat(browser.text("h1")).isEqualTo("Keine Berechtigung");
        assertThat(browser.driver().getTitle()).isEqualTo("Keine Berechtigung – KOMM-AN NRW");
        assertThat(browser.text("main")).doesNotContain("Olena");

        browser.open("/ehrenamtliche/" + volunteerId + "/einsaetze/neu", "fremdes-zentrum-einsatz");
        assertThat(browser.text("h1")).isEqualTo("Keine Berechtigung");
        assertThat(browser.text("main")).doesNotContain("Olena");
    }

    @Test
    void other_roles_start_at_their_own_task_and_get_the_403_page_for_the_coordinators_pages() {
        browser.signIn(OFFICER.username(), OFFICER.password());
        browser.page("start-bezirksregierung");
        assertThat(browser.path()).isEqualTo("/pruefung");
        assertThat(browser.text("h1")).isEqualTo("Anträge zur Prüfung");
        assertThat(browser.text("header")).contains(OFFICER.username(), "Bewilligungsbehörde");

        browser.open("/zentrum", "bezirksregierung-zentrum");
        assertThat(browser.text("h1")).isEqualTo("Keine Berechtigung");

        browser.open("/barrierefreiheit", "barrierefreiheit");
        assertThat(browser.text("h1")).isEqualTo("Erklärung zur Barrierefreiheit");
    }

    @Test
    void a_wrong_password_is_said_on_the_sign_in_page() {
        browser.signIn(KOELN.username(), "falsch");
        browser.page("anmeldung-fehlgeschlagen");
        assertThat(browser.path()).startsWith("/login");
        assertThat(browser.text(".error-summary")).contains("Die Anmeldung ist fehlgeschlagen");
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private WebElement checkbox(String label) {
        WebElement labelElement = browser.driver().findElement(By.xpath("//label[normalize-space(.)='" + label + "']"));
        return browser.driver().findElement(By.id(labelElement.getAttribute("for")));
    }

    private String registerViaApi(String name, String email) {
        Api.Response r = new Api(port).post("/api/centres/" + TestAccounts.KOELN_CENTRE + "/volunteers", Map.of(
                "name", name, "email", email, "languages", List.of("uk"), "interests", List.of("INTERPRETING"),
                "consent", Map.of("document", "Einwilligung Datenverarbeitung", "version", "2024-01",
                        "givenAt", "2025-01-15T10:00:00Z")), KOELN);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("volunteerId");
    }

    /** "1.234 Std. 5 Min." → 74045; "45 Min." → 45 (the one way durations are shown, ADR 30). */
    private static long minutes(String shown) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(?:([\\d.]+) Std\\.)?\\s*(?:(\\d+) Min\\.)?$").matcher(shown.trim());
        assertThat(m.matches()).as("a duration as \"… Std. … Min.\": %s", shown).isTrue();
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1).replace(".", ""));
        return hours * 60 + (m.group(2) == null ? 0 : Long.parseLong(m.group(2)));
    }
}
