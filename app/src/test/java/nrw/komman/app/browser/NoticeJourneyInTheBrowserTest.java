package nrw.komman.app.browser;

import nrw.komman.app.notification.Mailbox;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.Api.Login;
import nrw.komman.app.support.OnH2;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nrw.komman.app.support.TestAccounts.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19's journey in headless Chromium, with nothing written by hand: each role's notice reaches its inbox and its
 * e-mail (a real SMTP server, GreenMail), and the notice leads to the work it announces. A coordinator of Herford,
 * a grant officer and a ministry official set their addresses in their notice settings; the coordinator applies for
 * a grant; the officer sees the unread count, follows the notice to the review page and reviews, having received the
 * e-mail with the same link; the ministry hears of the review the same way and approves; the coordinator sees
 * "bewilligt" in the inbox and by e-mail. The delivery runs as in production (the scheduler's task), only more often.
 * Herford is this test's centre alone and the officer and the ministry official are its own accounts, so every
 * count here is of this journey. Every page is checked by axe-core (see {@link Browser}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "komman.notices.every=500ms",
        "db-scheduler.polling-interval=500ms", "spring.mail.properties.mail.smtp.connectiontimeout=2000",
        "spring.mail.properties.mail.smtp.timeout=5000"})
class NoticeJourneyInTheBrowserTest extends OnH2 {

    /** Kreis Herford: this journey's centre alone. */
    private static final String HERFORD = "05758";
    private static final String PASSWORD = "Reise-Passwort-2026";
    private static final Login COORDINATOR = new Login("herford.koordination", PASSWORD);
    private static final Login OFFICER = new Login("bezreg.reise", PASSWORD);
    private static final Login MINISTRY = new Login("ministerium.reise", PASSWORD);
    private static final String COORDINATOR_ADDRESS = "ki@kreis-herford.example";
    private static final String OFFICER_ADDRESS = "foerderung@bezreg-detmold.example";
    private static final String MINISTRY_ADDRESS = "integration@mkjfgfi.example";
    private static final int YEAR = LocalDate.now(ZoneId.of("Europe/Berlin")).getYear();
    private static final Duration DELIVERY = Duration.ofSeconds(60);

    private static final Mailbox MAILBOX = new Mailbox();
    /** The application's port, fixed before it starts: the links in the e-mails must lead back to it. */
    private static final int PORT = freePort();

    @DynamicPropertySource
    static void smtpAndAddress(DynamicPropertyRegistry registry) {
        MAILBOX.start();
        registry.add("spring.mail.port", MAILBOX::port);
        registry.add("server.port", () -> PORT);
        registry.add("komman.mail.base-url", () -> "http://localhost:" + PORT);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    private Api api;
    private Browser browser;

    @BeforeAll
    void start() {
        assertThat(port).as("the links in the e-mails name this port").isEqualTo(PORT);
        api = new Api(port);
        TestAccounts.createCoordinator(api, COORDINATOR, HERFORD);
        account(OFFICER, "GRANT_OFFICER");
        account(MINISTRY, "MINISTRY");
        Api.Response budget = api.put("/api/budgets/" + YEAR + "/PART_II_A", Map.of("amount", "50000000.00", "reason", "Haushaltsplan"),
                MINISTRY);
        assertThat(budget.status()).as(budget.toString()).isIn(204, 409);
        browser = new Browser(port);
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.visited().forEach(page -> System.out.println("visited " + page));
            browser.close();
        }
        MAILBOX.stop();
    }

    @Test
    void the_coordinator_the_grant_officer_and_the_ministry_each_hear_of_their_step_in_the_inbox_and_by_e_mail() {
        String title = "Ankommen in Herford " + UUID.randomUUID().toString().substring(0, 8);
        String base = "http://localhost:" + port;

        // each sets the address for notices in the browser
        settings(COORDINATOR, COORDINATOR_ADDRESS, "koordination");
        settings(OFFICER, OFFICER_ADDRESS, "bezreg");
        settings(MINISTRY, MINISTRY_ADDRESS, "ministerium");

        // the coordinator applies
        browser.signIn(COORDINATOR.username(), COORDINATOR.password());
        browser.page("herford-start");
        browser.open("/zentrum/zuwendungen/neu", "herford-antrag");
        browser.choose("programmePart", "Teil II A – Ankommenstreffpunkte");
        browser.type("title", title);
        browser.type("purpose", "Offener Treffpunkt für neu Zugewanderte, zweimal in der Woche");
        browser.type("requestedAmount", "9.500,00");
        browser.click("Antrag stellen");
        browser.page("herford-antrag-gestellt");
        String grantPath = browser.path();
        assertThat(grantPath).matches("/zuwendungen/[0-9a-f-]{36}");
        String grant = grantPath.substring("/zuwendungen/".length());
        assertThat(inbox(COORDINATOR)).as("an application is not the centre's own notice").isEmpty();

        // the grant officer: the e-mail, the unread count, the notice, the review page
        Mailbox.Mail applied = mailAbout(OFFICER_ADDRESS, title);
        assertThat(applied.subject()).isEqualTo("KOMM-AN NRW: Neuer Antrag „" + title + "“ zu prüfen");
        assertThat(plainText(applied.text())).contains("über 9.500,00 €", base + "/zuwendungen/" + grant + "/pruefung");
        assertThat(applied.html()).contains("href=\"" + base + "/zuwendungen/" + grant + "/pruefung\"");
        browser.signIn(OFFICER.username(), OFFICER.password());
        browser.page("bezreg-start");
        assertThat(headerNotices().getText()).isEqualTo("Benachrichtigungen (1)");
        browser.clickAndAwaitNextPage(headerNotices());
        browser.page("bezreg-benachrichtigungen");
        assertThat(plain("main")).contains("Eine Benachrichtigung ist ungelesen.", "Neuer Antrag auf Zuwendung",
                "Der Antrag „" + title + "“ für " + YEAR + " über 9.500,00 € wartet auf die Prüfung.");
        browser.clickAndAwaitNextPage(browser.driver().findElement(By.linkText("Neuer Antrag auf Zuwendung")));
        browser.page("bezreg-pruefung-aus-der-benachrichtigung");
        assertThat(browser.path()).isEqualTo("/zuwendungen/" + grant + "/pruefung");
        assertThat(headerNotices().getText()).as("read by following it").isEqualTo("Benachrichtigungen");
        browser.tick("Bewilligung empfohlen");
        browser.type("note", "Förderfähig, Bedarf im Kreis belegt.");
        browser.click("Prüfung abschließen");
        browser.page("bezreg-geprueft");

        // the ministry: the e-mail, the notice, the decision page; approves
        Mailbox.Mail reviewed = mailAbout(MINISTRY_ADDRESS, title);
        assertThat(reviewed.subject()).isEqualTo("KOMM-AN NRW: Antrag „" + title + "“ geprüft, Entscheidung offen");
        assertThat(reviewed.text()).contains("Empfehlung: bewilligen", base + "/zuwendungen/" + grant + "/entscheidung");
        browser.signIn(MINISTRY.username(), MINISTRY.password());
        browser.page("ministerium-start");
        assertThat(headerNotices().getText()).isEqualTo("Benachrichtigungen (1)");
        browser.clickAndAwaitNextPage(headerNotices());
        browser.page("ministerium-benachrichtigungen");
        assertThat(plain("main")).contains("Antrag geprüft, Entscheidung offen",
                "Der Antrag „" + title + "“ ist geprüft und wartet auf die Entscheidung.");
        browser.clickAndAwaitNextPage(browser.driver().findElement(By.linkText("Antrag geprüft, Entscheidung offen")));
        browser.page("ministerium-entscheidung-aus-der-benachrichtigung");
        assertThat(browser.path()).isEqualTo("/zuwendungen/" + grant + "/entscheidung");
        browser.tick("Bewilligen");
        browser.type("approvedAmount", "9.000,00");
        browser.click("Entscheidung speichern");
        browser.page("ministerium-bewilligt");
        assertThat(plain("[role=status]")).contains("ist mit 9.000,00 € bewilligt");

        // the coordinator: "bewilligt" by e-mail and in the inbox, and on to the grant
        Mailbox.Mail approved = mailAbout(COORDINATOR_ADDRESS, title);
        assertThat(approved.subject()).isEqualTo("KOMM-AN NRW: Zuwendung „" + title + "“ bewilligt");
        assertThat(plainText(approved.text())).contains("9.000,00 €", base + "/zuwendungen/" + grant);
        browser.signIn(COORDINATOR.username(), COORDINATOR.password());
        browser.page("herford-start-bewilligt");
        assertThat(headerNotices().getText()).isEqualTo("Benachrichtigungen (1)");
        browser.clickAndAwaitNextPage(headerNotices());
        browser.page("herford-benachrichtigungen");
        assertThat(plain("main")).contains("Zuwendung bewilligt", "„" + title + "“ ist bewilligt: 9.000,00 €.");
        browser.clickAndAwaitNextPage(browser.driver().findElement(By.linkText("Zuwendung bewilligt")));
        browser.page("herford-zuwendung-aus-der-benachrichtigung");
        assertThat(browser.path()).isEqualTo(grantPath);

        // each heard of their own step only, once, in the inbox and by e-mail
        assertThat(inbox(OFFICER)).containsExactly("GRANT_APPLIED");
        assertThat(inbox(MINISTRY)).containsExactly("GRANT_REVIEWED");
        assertThat(inbox(COORDINATOR)).containsExactly("GRANT_APPROVED");
        assertThat(MAILBOX.receivedBy(OFFICER_ADDRESS)).extracting(Mailbox.Mail::messageId).containsExactly(applied.messageId());
        assertThat(MAILBOX.receivedBy(MINISTRY_ADDRESS)).extracting(Mailbox.Mail::messageId).containsExactly(reviewed.messageId());
        assertThat(MAILBOX.receivedBy(COORDINATOR_ADDRESS)).extracting(Mailbox.Mail::messageId).containsExactly(approved.messageId());
    }

    // ---------------------------------------------------------------- helpers

    /** The account's notice settings in the browser: its address, saved and shown again. */
    private void settings(Login account, String address, String name) {
        browser.signIn(account.username(), account.password());
        browser.page(name + "-start-einstellungen");
        browser.clickAndAwaitNextPage(headerNotices());
        browser.page(name + "-benachrichtigungen-leer");
        browser.click("Einstellungen für Benachrichtigungen");
        browser.page(name + "-einstellungen");
        browser.type("email", address);
        browser.click("Einstellungen speichern");
        browser.page(name + "-einstellungen-gespeichert");
        assertThat(browser.text("[role=status]")).isEqualTo("Ihre Einstellungen für Benachrichtigungen sind gespeichert.");
        assertThat(browser.find("#email").getAttribute("value")).isEqualTo(address);
    }

    /** The one e-mail about {@code title} to {@code address}, once the delivery has sent it. */
    private Mailbox.Mail mailAbout(String address, String title) {
        await().atMost(DELIVERY).pollInterval(Duration.ofMillis(200))
                .until(() -> MAILBOX.receivedBy(address).stream().anyMatch(m -> m.subject().contains(title)));
        List<Mailbox.Mail> mails = MAILBOX.receivedBy(address).stream().filter(m -> m.subject().contains(title)).toList();
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    private List<String> inbox(Login account) {
        return jdbc.queryForList("select kind from notice_inbox where username = ? order by occurred_at", String.class,
                account.username());
    }

    private WebElement headerNotices() {
        return browser.find(".header-notices a");
    }

    /** Text with non-breaking spaces (as in "9.000,00 €") made plain, for comparisons. */
    private String plain(String css) {
        return plainText(browser.text(css));
    }

    private static String plainText(String text) {
        return text.replace('\u00A0', ' ').replace('\u202F', ' ');
    }

    private void account(Login login, String role) {
        Map<String, Object> body = new HashMap<>(Map.of("username", login.username(), "password", login.password(), "role", role));
        Api.Response r = api.post("/api/admin/accounts", body, ADMIN);
        assertThat(r.status()).as(r.toString()).isIn(201, 409);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
