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

import static nrw.komman.app.support.TestAccounts.KOELN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The volunteer forms as coordinators use them (issue 17), in headless Chromium against the real application: an
 * empty registration names every problem at once, the consent's day is never assumed nor in the future, a
 * possible duplicate is a warning with "Trotzdem registrieren", languages are chosen by name (Dari among them),
 * and the volunteer's page starts with the person, not an id. Every page is checked by axe-core (see {@link Browser}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VolunteerFormsInTheBrowserTest extends OnH2 {

    private static final ZoneId NRW = ZoneId.of("Europe/Berlin");
    private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final String CONSENT = "Die unterschriebene Einwilligung der Person liegt vor. (Pflicht)";

    @LocalServerPort
    int port;

    private Browser browser;

    @BeforeAll
    void start() {
        TestAccounts.createAll(new Api(port));
        browser = new Browser(port);
        browser.signIn(KOELN.username(), KOELN.password());
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

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void an_empty_registration_names_every_problem_in_one_answer_including_the_contact_rule() {
        browser.open("/ehrenamtliche/neu", "ehrenamt-registrieren-leer");
        assertThat(browser.find("#consentDate").getAttribute("value")).as("the day of the consent is not assumed").isEmpty();
        browser.type("otherLanguages", "Klingonisch");
        browser.click("Registrieren");

        browser.page("ehrenamt-registrieren-alle-fehler");
        assertThat(browser.driver().getTitle()).startsWith("Fehler: ");
        WebElement summary = browser.find(".error-summary");
        assertThat(summary.findElements(By.cssSelector("a"))).extracting(a -> a.getAttribute("hash"))
                .as("every problem at once, in the order of the form")
                .containsExactly("#name", "#email", "#otherLanguages", "#consentGiven1", "#consentDate");
        assertThat(summary.getText()).contains("Bitte den Namen angeben.",
                "Bitte eine E-Mail-Adresse oder eine Telefonnummer angeben.", "„Klingonisch“ kennen wir nicht als Sprache.",
                "Ohne unterschriebene Einwilligung", "Bitte das Datum der Einwilligung angeben.");
        assertThat(browser.find("#email").getAttribute("aria-describedby")).contains("email-fehler");
        assertThat(browser.find("#consentDate").getAttribute("aria-invalid")).isEqualTo("true");
    }

    @Test
    void a_consent_signed_tomorrow_is_refused_and_nobody_is_registered() {
        String suffix = unique();
        String name = "Morgen Person " + suffix;
        browser.open("/ehrenamtliche/neu", "ehrenamt-einwilligung-morgen");
        browser.type("name", name);
        browser.type("phone", "0221 5550123");
        browser.tick(CONSENT);
        browser.date("consentDate", today().plusDays(1));
        browser.click("Registrieren");

        browser.page("ehrenamt-einwilligung-morgen-fehler");
        assertThat(browser.driver().getTitle()).startsWith("Fehler: ");
        assertThat(browser.text("#consentDate-fehler")).contains("Die Einwilligung kann nicht in der Zukunft unterschrieben sein.");
        assertThat(browser.find("#consentDate").getAttribute("value")).isEqualTo(today().plusDays(1).toString());
        assertThat(new Api(port).get("/api/centres/" + TestAccounts.KOELN_CENTRE + "/volunteers?search=" + suffix, KOELN)
                .json().path("totalItems").asLong()).isZero();
    }

    @Test
    void a_name_already_registered_warns_and_trotzdem_registrieren_registers() {
        String suffix = unique();
        registerViaApi("Samira Okafor " + suffix, "samira." + suffix + "@example.org");
        String typed = "  samira   OKAFOR " + suffix;

        browser.open("/ehrenamtliche/neu", "ehrenamt-doppelt-registrieren");
        browser.type("name", typed);
        browser.type("phone", "0221 5550456");
        browser.tick(CONSENT);
        browser.date("consentDate", today());
        browser.click("Registrieren");

        browser.page("ehrenamt-doppelt-warnung");
        assertThat(browser.path()).isEqualTo("/ehrenamtliche");
        assertThat(browser.driver().getTitle()).as("a warning, not an error").doesNotStartWith("Fehler: ");
        assertThat(browser.all(".error-summary")).isEmpty();
        String warning = browser.text("#moegliche-doppelung");
        assertThat(warning).contains("Ist die Person schon registriert?", "Samira Okafor " + suffix,
                "registriert seit " + today().format(GERMAN_DATE), "E-Mail s…@example.org")
                .doesNotContain("samira." + suffix);
        assertThat(browser.find("#name").getAttribute("value")).isEqualTo(typed);

        browser.click("Trotzdem registrieren");
        browser.page("ehrenamt-doppelt-trotzdem");
        assertThat(browser.text("[role=status]")).isEqualTo("Die Registrierung ist gespeichert.");
        assertThat(browser.text("h1")).isEqualTo("samira OKAFOR " + suffix);
    }

    @Test
    void dari_is_chosen_by_name_and_every_language_is_shown_by_name() {
        String name = "Farid Rahimi " + unique();
        browser.open("/ehrenamtliche/neu", "ehrenamt-sprachen");
        assertThat(browser.text("main")).doesNotContain("ISO");
        assertThat(browser.all("#sprachen-liste option")).extracting(o -> o.getAttribute("value")).contains("Dari", "Tigre", "Amharisch");
        browser.type("name", name);
        browser.type("email", "farid." + unique() + "@example.org");
        browser.tick("Deutsch");
        browser.type("otherLanguages", "Dari, Tigre");
        browser.tick(CONSENT);
        browser.date("consentDate", today().minusDays(3));
        browser.click("Registrieren");

        browser.page("ehrenamt-sprachen-registriert");
        assertThat(browser.text("h1")).isEqualTo(name);
        assertThat(browser.text(".details")).contains("Dari, Deutsch, Tigre");

        browser.click("Angaben ändern");
        browser.page("ehrenamt-sprachen-bearbeiten");
        assertThat(checkbox("Dari").isSelected()).as("Dari is one of the boxes").isTrue();
        assertThat(browser.find("#otherLanguages").getAttribute("value")).isEqualTo("Tigre");
    }

    @Test
    void the_volunteer_page_starts_with_the_person_shows_the_day_of_the_consent_and_keeps_the_id_behind_a_click() {
        String name = "Lina Kaya " + unique();
        String id = registerViaApi(name, "lina." + unique() + "@example.org");
        browser.open("/ehrenamtliche/" + id, "ehrenamt-person-kopf");
        assertThat(browser.text("h1")).isEqualTo(name);
        String details = browser.text(".details");
        assertThat(details).contains("erteilt am 15.01.2025").doesNotContain("Uhr").doesNotContain(id);
        WebElement technical = browser.find("details.technical");
        assertThat(technical.getText()).isEqualTo("Technische Angaben");
        technical.findElement(By.tagName("summary")).click();
        assertThat(technical.getText()).contains(id);
    }

    private WebElement checkbox(String label) {
        WebElement labelElement = browser.driver().findElement(By.xpath("//label[normalize-space(.)='" + label + "']"));
        return browser.driver().findElement(By.id(labelElement.getAttribute("for")));
    }

    private String registerViaApi(String name, String email) {
        Api.Response r = new Api(port).post("/api/centres/" + TestAccounts.KOELN_CENTRE + "/volunteers", Map.of(
                "name", name, "email", email, "languages", List.of("prs"), "interests", List.of("INTERPRETING"),
                "consent", Map.of("document", "Einwilligung Datenverarbeitung", "version", "2024-01",
                        "givenAt", "2025-01-15T10:00:00Z")), KOELN);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text("volunteerId");
    }
}
