package nrw.komman.app.browser;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.MINISTRY;
import static nrw.komman.app.support.TestAccounts.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages of the dates that matter in grants (issue 19) in headless Chromium, each checked by axe-core: the
 * ministry's "Fristen" from its navigation, the form of a programme part's dates with every problem of a wrong input
 * next to its field, the approval form's due date (one within the funding year refused at the field); the grant
 * authority's "Frist verlängern" from the grant page with its errors; the centre's tranches with the button to report
 * one as spent. Nothing wrong is sent: the pages answer before any command.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GrantDatesInTheBrowserTest extends OnH2 {

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
            browser.close();
        }
    }

    private static int thisYear() {
        return LocalDate.now(ZoneId.of("Europe/Berlin")).getYear();
    }

    private String created(Api.Response r, String field) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.text(field);
    }

    private void ok(Api.Response r) {
        assertThat(r.status()).as(r.toString()).isIn(200, 202, 204);
    }

    private String grant(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("fundingYear", thisYear());
        body.put("programmePart", "PART_II_B");
        body.put("title", title);
        body.put("purpose", "Begleitung zu Ämtern und Ärzten");
        body.put("requestedAmount", "8000.00");
        return created(api.post("/api/grants", body, KOELN), "grantId");
    }

    @Test
    void the_pages_of_the_dates_say_every_problem_at_its_field_and_pass_axe() {
        Api.Response budget = api.put("/api/budgets/" + thisYear() + "/PART_II_B",
                Map.of("amount", "40000000.00", "reason", "Haushaltsplan"), MINISTRY);
        assertThat(budget.status()).as(budget.toString()).isIn(204, 409);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String approved = grant("Begleitung Kalk " + suffix);
        ok(api.post("/api/grants/" + approved + "/review", Map.of("recommendation", "APPROVE", "note", "förderfähig"), OFFICER));
        ok(api.post("/api/grants/" + approved + "/approval", Map.of("approvedAmount", "8000.00"), MINISTRY));
        ok(api.post("/api/grants/" + approved + "/disbursements", Map.of("amount", "3000.00",
                "disbursedOn", LocalDate.now(ZoneId.of("Europe/Berlin")).toString()), OFFICER));
        String reviewed = grant("Begleitung Mülheim " + suffix);
        ok(api.post("/api/grants/" + reviewed + "/review", Map.of("recommendation", "APPROVE", "note", "förderfähig"), OFFICER));

        // the ministry: its dates, from its navigation, and a wrong input named field by field
        browser.signIn(MINISTRY.username(), MINISTRY.password());
        browser.page("fristen-start");
        browser.click("Fristen");
        browser.page("fristen");
        assertThat(browser.text("h1")).isEqualTo("Fristen");
        assertThat(browser.text("table")).contains("Teil II B", "Monate nach Ende des Förderjahres");
        browser.open("/fristen/PART_II_B", "fristen-formular");
        browser.type("usageReportMonthsAfterYearEnd", "0");
        browser.type("reminderWeeksBefore", "");
        browser.type("reviewWithinWeeks", "sechs");
        browser.type("decisionWithinWeeks", "30");
        browser.click("Fristen speichern");
        browser.page("fristen-fehler");
        assertThat(browser.text(".error-summary")).contains("1 bis 24 Monate", "Wochen vor der Frist erinnert",
                "ganze Zahl", "1 bis 26 Wochen");
        assertThat(browser.find("#usageReportMonthsAfterYearEnd").getAttribute("aria-invalid")).isEqualTo("true");

        // the approval form offers the programme part's due date; one within the funding year is refused at its field
        browser.open("/zuwendungen/" + reviewed + "/entscheidung", "entscheidung-frist");
        assertThat(browser.find("#usageReportDue").getAttribute("value")).isNotBlank();
        browser.tick("Bewilligen");
        browser.type("approvedAmount", "8.000,00");
        browser.date("usageReportDue", LocalDate.of(thisYear(), 6, 1));
        browser.click("Entscheidung speichern");
        browser.page("entscheidung-frist-fehler");
        assertThat(browser.text("#usageReportDue-fehler")).contains("nach dem Ende des Förderjahres " + thisYear());

        // the grant authority: "Frist verlängern" from the grant page; an empty form names both fields
        browser.signIn(OFFICER.username(), OFFICER.password());
        browser.page("bezreg-start");
        browser.open("/zuwendungen/" + approved, "bezreg-zuwendung");
        assertThat(browser.text("section[aria-labelledby=tranchen]")).contains("Tranche 1", "3.000,00");
        browser.click("Frist verlängern");
        browser.page("frist-verlaengern");
        browser.date("dueOn", null);
        browser.type("reason", "");
        browser.click("Frist speichern");
        browser.page("frist-verlaengern-fehler");
        assertThat(browser.text(".error-summary")).contains("Bitte die neue Frist angeben.",
                "Bitte begründen, warum die Frist geändert wird.");

        // the centre: its tranches, each with the button to report it as spent
        browser.signIn(KOELN.username(), KOELN.password());
        browser.page("koeln-start");
        browser.open("/zuwendungen/" + approved, "koeln-tranchen");
        assertThat(browser.all("section[aria-labelledby=tranchen] button")).extracting(WebElement::getText)
                .containsExactly("Tranche 1 als verausgabt melden");
    }
}
