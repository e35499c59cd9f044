package nrw.komman.app.browser;

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

import java.util.UUID;

import static nrw.komman.app.support.TestAccounts.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator in headless Chromium: creating an account (a weak password and a taken user
 * name refused on the form), disabling and enabling it, setting a new password with which the
 * account then signs in, and the read models' status with the rebuild button. Every page is checked
 * by axe-core and saved as a screenshot (see {@link Browser}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdministratorInTheBrowserTest extends OnH2 {

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

    private WebElement row(String username) {
        return browser.driver().findElement(By.xpath("//tr[th[normalize-space(.)='" + username + "']]"));
    }

    /** Swagger UI is not our page (axe is not asked), but it must work under its Content-Security-Policy. */
    @Test
    void swagger_ui_shows_the_api_under_its_content_security_policy() {
        browser.driver().get("http://localhost:" + port + "/swagger-ui.html");
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.cssSelector(".opblock-tag")).isEmpty());
        assertThat(browser.driver().findElements(By.cssSelector(".opblock"))).isNotEmpty();
        browser.allowedByTheContentSecurityPolicy("swagger-ui");
    }

    @Test
    void an_administrator_creates_disables_enables_an_account_and_sets_its_password() {
        String username = "koordination." + UUID.randomUUID().toString().substring(0, 6);
        browser.signIn(ADMIN.username(), ADMIN.password());
        browser.page("verwaltung-konten");
        assertThat(browser.path()).isEqualTo("/verwaltung/konten");

        browser.click("Konto anlegen");
        browser.page("konto-formular");
        browser.type("username", username);
        browser.type("password", "kurz");
        browser.choose("role", "Koordinator*in");
        browser.choose("centreId", "Köln, Stadt (05315)");
        browser.clickAndAwaitNextPage(browser.find("form.form button[type=submit]"));
        browser.page("konto-passwort-zu-kurz");
        assertThat(browser.driver().getTitle()).startsWith("Fehler: ");
        assertThat(browser.text("#password-fehler")).contains("mindestens 12 Zeichen");
        assertThat(browser.find(".error-summary a[href='#password']").getText()).contains("mindestens 12 Zeichen");
        assertThat(browser.find("#username").getAttribute("value")).isEqualTo(username);
        assertThat(browser.find("#password").getAttribute("value")).as("a password is never sent back").isEmpty();
        assertThat(browser.find("#centreId option:checked").getText()).isEqualTo("Köln, Stadt (05315)");

        browser.type("password", "Ein-Sicheres-Passwort-2026");
        browser.clickAndAwaitNextPage(browser.find("form.form button[type=submit]"));
        browser.page("konto-angelegt");
        assertThat(browser.text("[role=status]")).isEqualTo("Das Konto " + username + " ist angelegt.");
        assertThat(row(username).getText()).contains("Koordinator*in", "05315", "aktiv");

        // the same name again is refused at the field
        browser.click("Konto anlegen");
        browser.type("username", username);
        browser.type("password", "Noch-Ein-Passwort-2026");
        browser.choose("role", "Rechnungsprüfung");
        browser.clickAndAwaitNextPage(browser.find("form.form button[type=submit]"));
        browser.page("konto-schon-vorhanden");
        assertThat(browser.text("#username-fehler")).contains(username);

        browser.open("/verwaltung/konten", "konten");
        // disabling asks first (ADR 31; ConfirmationStepsInTheBrowserTest covers cancelling)
        browser.clickAndAwaitNextPage(row(username).findElement(By.linkText("Sperren")));
        browser.page("konto-sperren-frage");
        browser.click("Ja, Konto sperren");
        browser.page("konto-gesperrt");
        assertThat(browser.text("[role=status]")).isEqualTo("Das Konto " + username + " ist gesperrt; es kann sich nicht mehr anmelden.");
        assertThat(row(username).getText()).contains("gesperrt");
        browser.clickAndAwaitNextPage(row(username).findElement(By.xpath(".//button[normalize-space(.)='Freigeben']")));
        browser.page("konto-freigegeben");
        assertThat(row(username).getText()).contains("aktiv");

        browser.clickAndAwaitNextPage(row(username).findElement(By.linkText("Passwort neu setzen")));
        browser.page("passwort-formular");
        browser.click("Passwort setzen");
        browser.page("passwort-leer");
        assertThat(browser.text("#password-fehler")).contains("Bitte ein Passwort angeben.");
        browser.type("password", "Neues-Langes-Passwort-2026");
        browser.click("Passwort setzen");
        browser.page("passwort-gesetzt");
        assertThat(browser.text("[role=status]")).isEqualTo("Das Passwort des Kontos " + username + " ist neu gesetzt.");

        // the read models and their rebuild
        browser.click("Lesemodelle");
        browser.page("lesemodelle");
        assertThat(browser.all("table tbody tr")).isNotEmpty();
        browser.click("Lesemodelle neu aufbauen");
        browser.page("lesemodelle-neuaufbau-frage");
        browser.click("Ja, neu aufbauen");
        browser.page("lesemodelle-neuaufbau");
        assertThat(browser.text("[role=status]")).startsWith("Der Neuaufbau der Lesemodelle läuft.");
        // the other tests share this application: wait until the replay has caught up
        ReadModels.awaitCaughtUp(new Api(port));
        browser.open("/verwaltung/lesemodelle", "lesemodelle-neu-aufgebaut");
        assertThat(browser.text("table tbody")).doesNotContain("wird neu aufgebaut").contains("Generation", "in Betrieb seit");

        // the new account signs in with its new password and lands on its centre
        browser.signIn(username, "Neues-Langes-Passwort-2026");
        browser.page("neues-konto-angemeldet");
        assertThat(browser.path()).isEqualTo("/zentrum");
        assertThat(browser.text("header")).contains(username, "Köln");
    }
}
