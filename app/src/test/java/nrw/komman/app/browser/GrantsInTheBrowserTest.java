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
import java.util.List;
import java.util.UUID;

import static nrw.komman.app.support.TestAccounts.AUDITOR;
import static nrw.komman.app.support.TestAccounts.DUESSELDORF;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.MINISTRY;
import static nrw.komman.app.support.TestAccounts.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A grant's journey across the roles in headless Chromium: the coordinator of Köln applies with a
 * German amount, the Bezirksregierung reviews it from its inbox, the ministry approves a smaller
 * amount after trying one above the request, looks at the state-wide overview down to the centre,
 * and the auditor finds the grant and reads its history as a timeline. Error journeys of the apply
 * form (an amount that is no amount, an ended funding year), the review form and the withdrawal;
 * another centre's coordinator opening the grant by its address; an unknown address.
 * Every page is checked by axe-core and saved as a screenshot (see {@link Browser}). Approvals need a
 * budget, so the ministry sets a generous one for Teil II A through the API first.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrantsInTheBrowserTest extends OnH2 {

    private static final ZoneId NRW = ZoneId.of("Europe/Berlin");

    @LocalServerPort
    int port;

    private Browser browser;

    @BeforeAll
    void start() {
        Api api = new Api(port);
        TestAccounts.createAll(api);
        // approvals need the ministry's budget: a generous one for Teil II A of this year (409 when it is already that amount)
        Api.Response budget = api.put("/api/budgets/" + thisYear() + "/PART_II_A",
                java.util.Map.of("amount", "40000000.00", "reason", "Haushaltsplan"), MINISTRY);
        assertThat(budget.status()).as(budget.toString()).isIn(204, 409);
        if (budget.status() == 409) {
            assertThat(budget.body()).as("only an unchanged budget may be refused").contains("budget.unchanged");
        }
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
        return browser.text(css).replace('\u00A0', ' ');
    }

    @Test
    void a_grant_is_applied_for_reviewed_approved_and_its_history_read_by_the_auditor() {
        String title = "Ankommenstreffpunkt Kalk " + UUID.randomUUID().toString().substring(0, 8);

        // the coordinator applies
        browser.signIn(KOELN.username(), KOELN.password());
        browser.page("koeln-uebersicht");
        browser.click("Zuwendung beantragen");
        browser.page("antrag-formular");
        assertThat(browser.find("#fundingYear").getAttribute("value")).as("the current year is the default")
                .isEqualTo(String.valueOf(thisYear()));
        browser.choose("programmePart", "Teil II A – Ankommenstreffpunkte");
        browser.type("title", title);
        browser.type("purpose", "Wöchentliches Begegnungscafé mit Beratung");
        browser.type("requestedAmount", "12.500,00");
        browser.click("Antrag stellen");

        browser.page("antrag-gestellt");
        assertThat(browser.path()).startsWith("/zuwendungen/");
        String grantPath = browser.path();
        assertThat(text("[role=status]")).isEqualTo("Der Antrag „" + title + "“ ist gestellt. Als Nächstes prüft ihn die Bezirksregierung.");
        assertThat(browser.text("h1")).isEqualTo(title);
        assertThat(text(".details")).contains("12.500,00 €", "Beantragt", "Antragsprüfung durch die Bezirksregierung");
        assertThat(browser.all(".timeline-entry")).hasSize(1);

        browser.click("Zuwendungen");
        browser.page("koeln-zuwendungen");
        assertThat(text("table tbody")).contains(title, "12.500,00 €", "Antragsprüfung durch die Bezirksregierung");

        // the Bezirksregierung reviews it from its inbox; an empty review is refused first
        browser.signIn(OFFICER.username(), OFFICER.password());
        browser.page("bezreg-eingang");
        assertThat(browser.path()).isEqualTo("/pruefung");
        browser.click("Prüfen: " + title);
        browser.page("pruefung-formular");
        browser.click("Prüfung abschließen");
        browser.page("pruefung-fehler");
        assertThat(browser.text(".error-summary")).contains("Bitte eine Empfehlung wählen.", "Bitte einen Prüfvermerk angeben.");
        assertThat(browser.text("#recommendation-fehler")).contains("Bitte eine Empfehlung wählen.");
        browser.tick("Bewilligung empfohlen");
        browser.type("note", "Förderfähig; Sachkosten plausibel.");
        browser.click("Prüfung abschließen");
        browser.page("pruefung-gespeichert");
        assertThat(browser.path()).isEqualTo("/pruefung");
        assertThat(text("[role=status]")).startsWith("Die Prüfung des Antrags „" + title + "“");
        assertThat(browser.driver().findElements(By.linkText("Prüfen: " + title))).isEmpty();

        // the ministry decides: an amount above the request is refused on the form, then a smaller one is approved
        browser.signIn(MINISTRY.username(), MINISTRY.password());
        browser.page("ministerium-entscheidungen");
        assertThat(browser.path()).isEqualTo("/entscheidungen");
        browser.click("Entscheiden: " + title);
        browser.page("entscheidung-formular");
        assertThat(browser.find("#approvedAmount").getAttribute("value")).isEqualTo("12.500,00");
        browser.tick("Bewilligen");
        browser.type("approvedAmount", "13.000");
        browser.type("note", "Wie beantragt");
        browser.click("Entscheidung speichern");
        browser.page("entscheidung-zu-hoch");
        assertThat(browser.driver().getTitle()).startsWith("Fehler: ");
        assertThat(text("#approvedAmount-fehler")).contains("darf den beantragten Betrag (12.500,00 €) nicht übersteigen");
        assertThat(text(".error-summary")).contains("nicht übersteigen");
        assertThat(browser.find("#approvedAmount").getAttribute("value")).isEqualTo("13.000");
        assertThat(browser.find("#note").getAttribute("value")).isEqualTo("Wie beantragt");
        browser.type("approvedAmount", "10.000,00");
        browser.type("note", "Sachkosten gekürzt");
        browser.click("Entscheidung speichern");
        browser.page("entscheidung-bewilligt");
        assertThat(browser.path()).isEqualTo(grantPath);
        assertThat(text("[role=status]")).contains("ist mit 10.000,00 € bewilligt");
        assertThat(text(".details")).contains("Bewilligt", "10.000,00 €", "Mittelabruf möglich");

        // the ministry's state-wide overview, down to the centre: counts and money, no names
        browser.click("Landesweite Übersicht");
        browser.page("landesweit");
        assertThat(browser.text("h1")).isEqualTo("Landesweite Übersicht " + thisYear());
        assertThat(browser.all("#bezirke + .table-scroll tbody tr")).hasSize(5);
        // two server-drawn charts: volunteers and hours per Regierungsbezirk, one bar each
        assertThat(browser.all("figure.chart svg[role=img]")).hasSize(2);
        assertThat(browser.all("#ehrenamtliche-diagramm-titel")).hasSize(1);
        assertThat(browser.all("figure.chart svg g.chart-bar")).hasSize(10);
        browser.click("Köln");
        browser.page("landesweit-bezirk-koeln");
        assertThat(browser.text("h1")).isEqualTo("Regierungsbezirk Köln, Förderjahr " + thisYear());
        browser.click("Köln, Stadt");
        browser.page("landesweit-zentrum-koeln");
        assertThat(browser.text("h1")).isEqualTo("Kommunales Integrationszentrum Köln, Stadt, Förderjahr " + thisYear());
        assertThat(text("main")).contains(title, "10.000,00 €");

        // the auditor finds the grant and reads its history
        browser.signIn(AUDITOR.username(), AUDITOR.password());
        browser.page("pruefung-suche");
        assertThat(browser.path()).isEqualTo("/zuwendungen");
        browser.choose("zentrum", "Köln, Stadt");
        browser.choose("status", "Bewilligt");
        browser.click("Anzeigen");
        browser.page("pruefung-suche-gefiltert");
        browser.click(title);
        browser.page("pruefung-verlauf");
        assertThat(browser.path()).isEqualTo(grantPath);
        List<WebElement> entries = browser.all(".timeline-entry");
        assertThat(entries).hasSize(3);
        assertThat(entries.get(0).getText().replace('\u00A0', ' ')).contains("Antrag gestellt", KOELN.username(), "Koordinator*in", "12.500,00 €");
        assertThat(entries.get(1).getText()).contains("Geprüft", OFFICER.username(), "Bewilligungsbehörde", "Beantragt → Geprüft",
                "Förderfähig; Sachkosten plausibel.");
        assertThat(entries.get(2).getText().replace('\u00A0', ' ')).contains("Bewilligt", MINISTRY.username(), "Ministerium",
                "Geprüft → Bewilligt", "10.000,00 €", "Sachkosten gekürzt").doesNotContain("— →");
        assertThat(entries.get(1).getText()).as("a review changes no amount: none shown, and no brackets in brackets")
                .contains(OFFICER.username() + ", Bewilligungsbehörde (Bezirksregierung)").doesNotContain("— →").doesNotContain("((");
        assertThat(browser.all(".actions a")).as("the auditor changes nothing").isEmpty();
    }

    @Test
    void the_apply_form_refuses_a_bad_amount_and_an_ended_year_keeps_the_input_and_a_withdrawal_needs_a_reason() {
        String title = "Sprachcafé Porz " + UUID.randomUUID().toString().substring(0, 8);
        browser.signIn(KOELN.username(), KOELN.password());
        browser.open("/zentrum/zuwendungen/neu", "antrag-fehler-formular");
        browser.type("fundingYear", String.valueOf(thisYear() - 1));
        browser.choose("programmePart", "Teil II B – Zusammenkommen, Orientierung, Begleitung");
        browser.type("title", title);
        browser.type("purpose", "Sprachcafé zweimal wöchentlich");
        browser.type("requestedAmount", "zwölftausend");
        browser.click("Antrag stellen");

        browser.page("antrag-betrag-falsch");
        assertThat(browser.driver().getTitle()).startsWith("Fehler: ");
        assertThat(browser.text("#requestedAmount-fehler")).contains("Bitte den Betrag in Euro mit Komma für die Cent angeben");
        assertThat(browser.find(".error-summary a[href='#requestedAmount']").getText()).contains("mit Komma");
        assertThat(browser.find("#requestedAmount").getAttribute("value")).isEqualTo("zwölftausend");
        assertThat(browser.find("#requestedAmount").getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.find("#title").getAttribute("value")).isEqualTo(title);

        browser.type("requestedAmount", "8.000,00");
        browser.click("Antrag stellen");
        browser.page("antrag-jahr-abgelaufen");
        assertThat(browser.text("#fundingYear-fehler")).contains("Dieses Förderjahr ist abgelaufen");
        assertThat(browser.text(".error-summary")).contains("Dieses Förderjahr ist abgelaufen");
        assertThat(browser.find("#requestedAmount").getAttribute("value")).isEqualTo("8.000,00");
        assertThat(browser.find("#programmePart option:checked").getText()).isEqualTo("Teil II B – Zusammenkommen, Orientierung, Begleitung");

        browser.type("fundingYear", String.valueOf(thisYear()));
        browser.click("Antrag stellen");
        browser.page("antrag-korrigiert-gestellt");
        assertThat(text(".details")).contains("8.000,00 €", String.valueOf(thisYear()));

        // withdrawing asks for a reason on a confirmation page
        browser.click("Antrag zurückziehen");
        browser.page("ruecknahme-bestaetigen");
        assertThat(text(".notice-warning")).contains(title, "8.000,00 €", "endgültig");
        browser.click("Antrag endgültig zurückziehen");
        browser.page("ruecknahme-ohne-grund");
        assertThat(browser.text("#reason-fehler")).contains("Bitte den Grund der Rücknahme angeben.");
        browser.type("reason", "Maßnahme wird von einem Verein getragen");
        browser.click("Antrag endgültig zurückziehen");
        browser.page("ruecknahme-gespeichert");
        assertThat(browser.text("[role=status]")).isEqualTo("Der Antrag „" + title + "“ ist zurückgezogen.");
        assertThat(text(".details")).contains("Zurückgezogen");
        assertThat(browser.all(".timeline-entry")).hasSize(2);
        assertThat(browser.driver().findElements(By.linkText("Antrag zurückziehen"))).isEmpty();
        String grantPath = browser.path();

        // another centre's coordinator gets the 403 page for this grant, also by typing its address
        browser.signIn(DUESSELDORF.username(), DUESSELDORF.password());
        browser.page("duesseldorf-uebersicht-zuwendungen");
        browser.open(grantPath, "fremde-zuwendung");
        assertThat(browser.text("h1")).isEqualTo("Keine Berechtigung");
        assertThat(browser.text("main")).doesNotContain(title);
        browser.open(grantPath + "/ruecknahme", "fremde-zuwendung-ruecknahme");
        assertThat(browser.text("h1")).isEqualTo("Keine Berechtigung");

        // an unknown address is a German page, not problem JSON
        browser.open("/gibt-es-nicht", "unbekannte-adresse");
        assertThat(browser.text("h1")).isEqualTo("Nicht gefunden");
    }
}
