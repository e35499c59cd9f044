package nrw.komman.app.browser;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.Api.Login;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.Requests;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import static nrw.komman.app.support.TestAccounts.DUESSELDORF;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox in headless Chromium (issue 19): a coordinator sees the unread count in the header, opens the inbox,
 * follows a notice to its grant and the count drops; the notice settings refuse a wrong address next to its field and
 * save nothing, then save and show again what was chosen; another centre's coordinator cannot open the notice. The
 * notices are written into the inbox as the delivery writes them. The coordinator is of a centre no other journey
 * uses, so no notice of another test lands in this inbox. Every page is checked by axe-core (see {@link Browser}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoticesInTheBrowserTest extends OnH2 {

    /** Kreis Mettmann: this test's centre alone. */
    private static final String METTMANN = "05158";
    private static final Login COORDINATOR = new Login("mettmann.koordination", "Mettmann-Passwort-2026");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private Browser browser;
    private String grant;

    @BeforeAll
    void start() {
        Api api = new Api(port);
        TestAccounts.createAll(api);
        TestAccounts.createCoordinator(api, COORDINATOR, METTMANN);
        Api.Response applied = api.post("/api/grants", Requests.grant(LocalDate.now(ZoneId.of("Europe/Berlin")).getYear(), "8000.00"),
                COORDINATOR);
        assertThat(applied.status()).as(applied.toString()).isEqualTo(201);
        grant = applied.text("grantId");
        browser = new Browser(port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.visited().forEach(page -> System.out.println("visited " + page));
            browser.close();
        }
    }

    private String notice(String kind, String facts, Instant occurredAt) {
        String id = UUID.randomUUID().toString();
        jdbc.update("""
                        insert into notice_inbox (notice_id, username, kind, subject_id, link, facts, occurred_at)
                        values (?, ?, ?, ?, ?, ?, ?)""",
                id, COORDINATOR.username(), kind, grant, "/zuwendungen/" + grant, facts, occurredAt.atOffset(ZoneOffset.UTC));
        return id;
    }

    private WebElement headerNotices() {
        return browser.find(".header-notices a");
    }

    @Test
    void a_coordinator_follows_a_notice_to_its_grant_and_the_count_drops_and_sets_how_notices_come() {
        jdbc.update("delete from notice_inbox where username = ?", COORDINATOR.username());
        String overdue = notice("USAGE_REPORT_OVERDUE", "{\"title\":\"Ankommenstreffpunkt Kalk\",\"dueOn\":\"2027-06-30\"}",
                Instant.now().minusSeconds(60));
        notice("TRANCHE_DISBURSED", "{\"title\":\"Ankommenstreffpunkt Kalk\",\"amountCents\":\"300000\"}", Instant.now().minusSeconds(3600));

        browser.signIn(COORDINATOR.username(), COORDINATOR.password());
        browser.page("benachrichtigungen-kopf");
        assertThat(headerNotices().getText()).isEqualTo("Benachrichtigungen (2)");
        assertThat(headerNotices().getAttribute("aria-label")).isEqualTo("Benachrichtigungen (2): 2 ungelesen");

        browser.clickAndAwaitNextPage(headerNotices());
        browser.page("benachrichtigungen");
        assertThat(browser.path()).isEqualTo("/benachrichtigungen");
        assertThat(browser.text("main").replace('\u00A0', ' ')).contains("2 Benachrichtigungen sind ungelesen.",
                "Ungelesen", "Verwendungsnachweis überfällig",
                "Der Verwendungsnachweis für „Ankommenstreffpunkt Kalk“ war am 30.06.2027 fällig und ist noch nicht eingereicht.",
                "Für „Ankommenstreffpunkt Kalk“ sind 3.000,00 € ausgezahlt.");

        browser.clickAndAwaitNextPage(browser.driver().findElement(By.linkText("Verwendungsnachweis überfällig")));
        browser.page("benachrichtigung-zur-zuwendung");
        assertThat(browser.path()).isEqualTo("/zuwendungen/" + grant);
        assertThat(headerNotices().getText()).isEqualTo("Benachrichtigungen (1)");

        browser.clickAndAwaitNextPage(headerNotices());
        browser.page("benachrichtigungen-eine-gelesen");
        browser.click("Alle als gelesen markieren");
        browser.page("benachrichtigungen-alle-gelesen");
        assertThat(browser.text("[role=status]")).isEqualTo("Eine Benachrichtigung ist als gelesen markiert.");
        assertThat(headerNotices().getText()).isEqualTo("Benachrichtigungen");
        assertThat(headerNotices().getAttribute("aria-label")).isEqualTo("Benachrichtigungen: keine ungelesen");

        // settings: a wrong address is said next to its field, and nothing is saved
        browser.click("Einstellungen für Benachrichtigungen");
        browser.page("benachrichtigungen-einstellungen");
        browser.type("email", "mettmann@");
        browser.tick("English");
        browser.tick("aus");
        browser.click("Einstellungen speichern");
        browser.page("benachrichtigungen-einstellungen-fehler");
        assertThat(browser.driver().getTitle()).startsWith("Fehler: ");
        assertThat(browser.text("#email-fehler")).contains("Die E-Mail-Adresse ist ungültig.");
        assertThat(browser.find(".error-summary a[href='#email']").getText()).contains("ungültig");
        assertThat(browser.find("#email").getAttribute("aria-describedby")).contains("email-fehler");
        assertThat(jdbc.queryForObject("select email from account where username = ?", String.class, COORDINATOR.username())).isNull();
        assertThat(jdbc.queryForObject("select count(*) from notice_preference where username = ?", Integer.class,
                COORDINATOR.username())).isZero();

        browser.type("email", "ki@mettmann.example");
        browser.click("Einstellungen speichern");
        browser.page("benachrichtigungen-einstellungen-gespeichert");
        assertThat(browser.text("[role=status]")).isEqualTo("Ihre Einstellungen für Benachrichtigungen sind gespeichert.");
        assertThat(browser.find("#email").getAttribute("value")).isEqualTo("ki@mettmann.example");
        assertThat(browser.find("#delivery-GRANT_APPROVED-OFF").isSelected()).isTrue();
        assertThat(browser.find("input[name=language][value=en]").isSelected()).isTrue();

        // another centre's coordinator cannot open this notice
        browser.signIn(DUESSELDORF.username(), DUESSELDORF.password());
        browser.open("/benachrichtigungen/" + overdue, "fremde-benachrichtigung");
        assertThat(browser.driver().getTitle()).startsWith("Nicht gefunden");
        assertThat(jdbc.queryForObject("select count(*) from notice_inbox where notice_id = ? and read_at is null", Integer.class,
                overdue)).isZero(); // read by its owner above, untouched since
    }
}
