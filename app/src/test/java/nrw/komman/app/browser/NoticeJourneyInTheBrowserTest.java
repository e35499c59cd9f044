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
 * a grant officer and a ministry official set their addresses in their notice settings. The grant: the coordinator
 * applies; the officer sees the unread count, follows the notice to the review page and reviews, having received the
 * e-mail with the same link; the ministry hears of the review the same way and approves; the coordinator sees
 * "bewilligt" in the inbox and by e-mail. The volunteer: the coordinator registers her with her consent to e-mail,
 * opens a request and asks her; her e-mail brings her personal link, which the browser opens without signing in, and
 * she says yes; the coordinator hears of it, without her name, in the inbox and by e-mail. The delivery runs as in
 * production (the scheduler's task), only more often, and the links in the e-mails lead back to this server.
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
        // each sets the address for notices in the browser
        settings(COORDINATOR, COORDINATOR_ADDRESS, "koordination");
        settings(OFFICER, OFFICER_ADDRESS, "bezreg");
        settings(MINISTRY, MINISTRY_ADDRESS, "ministerium");
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
        assertThat(inbox(COORDINATOR, grant)).as("an application is not the centre's own notice").isEmpty();

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
        assertThat(inbox(OFFICER, grant)).containsExactly("GRANT_APPLIED");
        assertThat(inbox(MINISTRY, grant)).containsExactly("GRANT_REVIEWED");
        assertThat(inbox(COORDINATOR, grant)).containsExactly("GRANT_APPROVED");
        assertThat(mailsAbout(OFFICER_ADDRESS, grant)).extracting(Mailbox.Mail::messageId).containsExactly(applied.messageId());
        assertThat(mailsAbout(MINISTRY_ADDRESS, grant)).extracting(Mailbox.Mail::messageId).containsExactly(reviewed.messageId());
        assertThat(mailsAbout(COORDINATOR_ADDRESS, grant)).extracting(Mailbox.Mail::messageId).containsExactly(approved.messageId());
    }

    @Test
    void a_volunteer_asked_by_e_mail_confirms_through_the_e_mailed_link_and_the_coordinator_hears_of_it() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String name = "Nadia Rahimi " + suffix;
        String address = "nadia." + suffix + "@example.org";
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(10);

        // the coordinator registers the volunteer with her consent to be contacted by e-mail
        browser.signIn(COORDINATOR.username(), COORDINATOR.password());
        browser.page("herford-start-ehrenamt");
        browser.open("/ehrenamtliche/neu", "herford-ehrenamt-registrieren");
        browser.type("name", name);
        browser.type("email", address);
        browser.tick("Deutsch");
        browser.type("otherLanguages", "Dari");
        browser.tick("Begleitung zu Ämtern und Ärzt*innen");
        browser.tick("Die unterschriebene Einwilligung der Person liegt vor. (Pflicht)");
        browser.date("consentDate", day.minusDays(10));
        browser.tick("Die unterschriebene Einwilligung in den Kontakt per E-Mail liegt vor.");
        browser.date("emailConsentDate", day.minusDays(10));
        browser.click("Registrieren");
        browser.page("herford-ehrenamt-registriert");
        assertThat(browser.text("[role=status]")).isEqualTo("Die Registrierung ist gespeichert.");
        assertThat(browser.text("h1")).isEqualTo(name);
        assertThat(browser.text("main")).contains("Kontakt per E-Mail", "Eingewilligt (Fassung");

        // opens a request and asks her
        browser.open("/zentrum/anfragen/neu", "herford-einsatzanfrage");
        browser.choose("category", "Begleitung zu Ämtern und Ärzt*innen");
        browser.tick("Dari");
        browser.tick("Einmalig");
        browser.date("day", day);
        time("start", "09:00");
        time("end", "11:00");
        browser.type("hours", "2");
        browser.type("municipality", "Herford");
        browser.type("place", "Kreishaus, Amtshausstraße 3");
        browser.type("volunteersNeeded", "1");
        browser.type("requesterName", "Familie Haidari");
        browser.click("Einsatzanfrage speichern");
        browser.page("herford-einsatzanfrage-mit-vorschlaegen");
        String requestPath = browser.path();
        assertThat(requestPath).matches("/zentrum/anfragen/[0-9a-f-]{36}");
        String request = requestPath.substring("/zentrum/anfragen/".length());
        browser.tick(name);
        browser.click("Anfragen");
        browser.page("herford-angefragt");
        assertThat(row(name).getText()).contains("angefragt, Antwort steht aus");

        // her e-mail arrives, with her own link
        await().atMost(DELIVERY).pollInterval(Duration.ofMillis(200)).until(() -> !MAILBOX.receivedBy(address).isEmpty());
        List<Mailbox.Mail> toHer = MAILBOX.receivedBy(address);
        assertThat(toHer).hasSize(1);
        Mailbox.Mail asked = toHer.get(0);
        assertThat(asked.subject()).isEqualTo("KOMM-AN NRW: Anfrage für einen Einsatz: Begleitung zu Ämtern und Ärzt*innen");
        String date = String.format("%02d.%02d.%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
        assertThat(plainText(asked.text())).contains("Begleitung zu Ämtern und Ärzt*innen", date, "Beginn 09:00 Uhr", "Herford");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("http://localhost:" + port + "/mein-einsatz/[A-Za-z0-9_-]{20,}")
                .matcher(asked.text());
        assertThat(link.find()).as("the personal link in the e-mail:%n%s", asked.text()).isTrue();
        assertThat(asked.html()).contains("href=\"" + link.group() + "\"");

        // she opens it, without signing in, and says yes
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(link.group());
        browser.page("mein-einsatz-aus-der-email");
        assertThat(browser.text("h1")).isEqualTo("Hallo " + name);
        browser.clickAndAwaitNextPage(browser.find("form[action$='/zusage'] button"));
        browser.page("mein-einsatz-zugesagt");
        assertThat(browser.text("[role=status]")).isEqualTo("Danke! Sie haben zugesagt.");

        // the coordinator hears of it in the inbox and by e-mail, without her name, and follows it to the request
        await().atMost(DELIVERY).pollInterval(Duration.ofMillis(200)).until(() -> !mailsAbout(COORDINATOR_ADDRESS, request).isEmpty());
        List<Mailbox.Mail> confirmed = mailsAbout(COORDINATOR_ADDRESS, request);
        assertThat(confirmed).hasSize(1);
        assertThat(confirmed.get(0).subject()).isEqualTo("KOMM-AN NRW: Zusage für die Einsatzanfrage „Begleitung zu Ämtern und Ärzt*innen“");
        assertThat(confirmed.get(0).all()).doesNotContain(name, address);
        browser.signIn(COORDINATOR.username(), COORDINATOR.password());
        browser.page("herford-start-zusage");
        assertThat(headerNotices().getText()).isEqualTo("Benachrichtigungen (1)");
        browser.clickAndAwaitNextPage(headerNotices());
        browser.page("herford-benachrichtigungen-zusage");
        assertThat(plain("main")).contains("Zusage zu einer Einsatzanfrage",
                "Eine angefragte Person hat für die Einsatzanfrage am " + date + " zugesagt.");
        browser.clickAndAwaitNextPage(browser.driver().findElement(By.linkText("Zusage zu einer Einsatzanfrage")));
        browser.page("herford-einsatzanfrage-zugesagt");
        assertThat(browser.path()).isEqualTo(requestPath);
        assertThat(row(name).getText()).contains("hat zugesagt");
        assertThat(inbox(COORDINATOR, request)).containsExactly("ASSIGNMENT_CONFIRMED");
        assertThat(MAILBOX.receivedBy(address)).as("she was asked once, and told nothing of her own answer").hasSize(1);
    }

    // ---------------------------------------------------------------- helpers

    /** The row of the request's assignments naming the volunteer. */
    private WebElement row(String name) {
        return browser.driver().findElement(By.xpath("//table[@aria-labelledby='einsaetze-titel']//tr[th[normalize-space(.)='" + name + "']]"));
    }

    /** Sets a time field's value directly (typing into time inputs depends on the browser's locale). */
    private void time(String id, String value) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("arguments[0].value = arguments[1]", browser.driver().findElement(By.id(id)), value);
    }

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

    /** The kinds of notice about one item (a grant, a request) in the account's inbox. */
    private List<String> inbox(Login account, String subject) {
        return jdbc.queryForList("select kind from notice_inbox where username = ? and subject_id = ? order by occurred_at",
                String.class, account.username(), subject);
    }

    /** Every e-mail to {@code address} that names the item (its id is in the link). */
    private List<Mailbox.Mail> mailsAbout(String address, String subject) {
        return MAILBOX.receivedBy(address).stream().filter(m -> m.all().contains(subject)).toList();
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
