package nrw.komman.app.browser;

import com.fasterxml.jackson.databind.JsonNode;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.ReadModels;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nrw.komman.app.support.TestAccounts.ADMIN;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Actions that cannot be undone or that affect everyone ask first (ADR 31), in headless Chromium: deactivating a
 * volunteer, disabling an account and rebuilding the read models each lead to a page that says what will happen; one
 * click no longer does it, "Abbrechen" changes nothing, only the red confirm button acts. The ways to the erasure
 * and the withdrawal of consent look like warnings, not like the download next to them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfirmationStepsInTheBrowserTest extends OnH2 {

    /** var(--error) in app.css: the confirm button is filled with it, the way there outlined. */
    private static final String DANGER_RED = "rgba(164, 0, 28, 1)";

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
            browser.visited().forEach(page -> System.out.println("visited " + page));
            browser.close();
        }
    }

    private String registerVolunteer(String name) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("email", "bestaetigung." + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
        body.put("languages", List.of("de"));
        body.put("interests", List.of("EDUCATION"));
        body.put("consent", Map.of("document", "Einwilligung Datenverarbeitung Ehrenamtskoordination",
                "version", "2024-01", "givenAt", "2025-01-15T10:00:00Z"));
        body.put("registeredOn", "2025-01-15");
        Api.Response registered = api.post("/api/centres/05315/volunteers", body, KOELN);
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        return registered.text("volunteerId");
    }

    private String volunteerStatus(String id) {
        return api.get("/api/volunteers/" + id, KOELN).json().path("status").asText();
    }

    @Test
    void deactivating_a_volunteer_asks_first_cancel_changes_nothing_and_only_the_confirm_button_deactivates() {
        String name = "Farid Rahimi " + UUID.randomUUID().toString().substring(0, 6);
        String id = registerVolunteer(name);
        browser.signIn(KOELN.username(), KOELN.password());
        browser.open("/ehrenamtliche/" + id, "bestaetigung-person");

        // the erasure and the withdrawal look like warnings, the information like a plain download
        WebElement erase = browser.driver().findElement(By.linkText("Personenbezogene Daten löschen"));
        WebElement withdraw = browser.driver().findElement(By.linkText("Einwilligung widerrufen"));
        WebElement information = browser.driver().findElement(By.linkText("Auskunft (PDF)"));
        assertThat(erase.getCssValue("color")).isEqualTo(DANGER_RED);
        assertThat(erase.getCssValue("border-top-color")).isEqualTo(DANGER_RED);
        assertThat(withdraw.getCssValue("color")).isEqualTo(DANGER_RED);
        assertThat(information.getCssValue("color")).isNotEqualTo(DANGER_RED);

        // one click asks, nothing more
        WebElement deactivate = browser.driver().findElement(By.linkText("Deaktivieren"));
        assertThat(deactivate.getCssValue("color")).isEqualTo(DANGER_RED);
        browser.clickAndAwaitNextPage(deactivate);
        browser.page("deaktivieren-frage");
        assertThat(browser.path()).isEqualTo("/ehrenamtliche/" + id + "/deaktivierung");
        assertThat(browser.text("h1")).isEqualTo(name + " deaktivieren?");
        assertThat(browser.text("main")).contains("keine Einsätze mehr erfasst", "wieder aktiv");
        assertThat(volunteerStatus(id)).as("asking deactivates nobody").isEqualTo("ACTIVE");
        WebElement confirm = browser.driver().findElement(By.xpath("//button[normalize-space(.)='Ja, deaktivieren']"));
        assertThat(confirm.getCssValue("background-color")).isEqualTo(DANGER_RED);

        // cancel: back on the volunteer's page, still active
        browser.click("Abbrechen");
        browser.page("deaktivieren-abgebrochen");
        assertThat(browser.path()).isEqualTo("/ehrenamtliche/" + id);
        assertThat(browser.text(".status")).isEqualTo("aktiv");
        assertThat(volunteerStatus(id)).isEqualTo("ACTIVE");

        // confirm: now inactive
        browser.click("Deaktivieren");
        browser.page("deaktivieren-frage-2");
        browser.click("Ja, deaktivieren");
        browser.page("deaktiviert-nach-bestaetigung");
        assertThat(browser.text("[role=status]")).isEqualTo(name + " ist jetzt inaktiv.");
        assertThat(volunteerStatus(id)).isEqualTo("INACTIVE");
        assertThat(browser.driver().findElements(By.linkText("Deaktivieren"))).isEmpty();

        // an old address of the question: nothing to confirm, said on the volunteer's page
        browser.open("/ehrenamtliche/" + id + "/deaktivierung", "deaktivieren-schon-inaktiv");
        assertThat(browser.path()).isEqualTo("/ehrenamtliche/" + id);
        assertThat(browser.text("[role=alert]")).contains("nicht aktiv");

        // reactivating undoes it and needs no question
        browser.click("Reaktivieren");
        browser.page("reaktiviert-ohne-frage");
        assertThat(volunteerStatus(id)).isEqualTo("ACTIVE");
    }

    private WebElement accountRow(String username) {
        return browser.driver().findElement(By.xpath("//tr[th[normalize-space(.)='" + username + "']]"));
    }

    @Test
    void disabling_an_account_asks_first_and_cancel_leaves_it_enabled() {
        String username = "bestaetigung." + UUID.randomUUID().toString().substring(0, 6);
        Api.Response created = api.post("/api/admin/accounts",
                Map.of("username", username, "password", "Bestaetigung-Passwort-2026", "role", "AUDITOR"), ADMIN);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        browser.signIn(ADMIN.username(), ADMIN.password());
        browser.open("/verwaltung/konten", "konten-vor-sperre");

        browser.clickAndAwaitNextPage(accountRow(username).findElement(By.linkText("Sperren")));
        browser.page("sperren-frage");
        assertThat(browser.text("h1")).isEqualTo("Konto " + username + " sperren?");
        assertThat(browser.text("main")).contains("sofort abgemeldet");
        assertThat(api.get("/api/admin/accounts/" + username, ADMIN).json().path("enabled").asBoolean())
                .as("asking disables nothing").isTrue();

        browser.click("Abbrechen");
        browser.page("sperren-abgebrochen");
        assertThat(browser.path()).isEqualTo("/verwaltung/konten");
        assertThat(accountRow(username).getText()).contains("aktiv");

        browser.clickAndAwaitNextPage(accountRow(username).findElement(By.linkText("Sperren")));
        browser.page("sperren-frage-2");
        browser.click("Ja, Konto sperren");
        browser.page("gesperrt-nach-bestaetigung");
        assertThat(browser.text("[role=status]")).isEqualTo("Das Konto " + username + " ist gesperrt; es kann sich nicht mehr anmelden.");
        assertThat(accountRow(username).getText()).contains("gesperrt");
        assertThat(api.get("/api/admin/accounts/" + username, ADMIN).json().path("enabled").asBoolean()).isFalse();
    }

    /** Each processor's rebuild generation (none: 0); a rebuild started raises one of them. */
    private List<String> generations() {
        List<String> generations = new ArrayList<>();
        for (JsonNode p : api.get("/api/admin/read-models", ADMIN).json()) {
            generations.add(p.path("processor").asText() + "=" + p.path("rebuild").path("generation").asInt(0));
        }
        return generations;
    }

    @Test
    void rebuilding_the_read_models_asks_first_and_cancel_starts_nothing() {
        ReadModels.awaitCaughtUp(api);
        List<String> before = generations();
        browser.signIn(ADMIN.username(), ADMIN.password());
        browser.open("/verwaltung/lesemodelle", "lesemodelle-vor-neuaufbau");

        browser.click("Lesemodelle neu aufbauen");
        browser.page("neuaufbau-frage");
        assertThat(browser.text("h1")).isEqualTo("Lesemodelle neu aufbauen?");
        assertThat(browser.text("main")).contains("belastet die Datenbank für alle");
        assertThat(generations()).as("asking starts no rebuild").isEqualTo(before);

        browser.click("Abbrechen");
        browser.page("neuaufbau-abgebrochen");
        assertThat(browser.path()).isEqualTo("/verwaltung/lesemodelle");
        assertThat(generations()).isEqualTo(before);

        browser.click("Lesemodelle neu aufbauen");
        browser.page("neuaufbau-frage-2");
        browser.click("Ja, neu aufbauen");
        browser.page("neuaufbau-nach-bestaetigung");
        assertThat(browser.text("[role=status]")).startsWith("Der Neuaufbau der Lesemodelle läuft.");
        // the command is only sent: the rebuild shows up in the status a moment later
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(2)).until(() -> !generations().equals(before));
        ReadModels.awaitCaughtUp(api); // the other tests share this application
    }
}
