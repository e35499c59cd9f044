package nrw.komman.app.notification;

import com.fasterxml.jackson.databind.JsonNode;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.Api.Login;
import nrw.komman.app.support.Api.Response;
import nrw.komman.app.support.HelpRequests;
import nrw.komman.app.support.OnPostgres;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nrw.komman.app.support.Requests.grant;
import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.Requests.with;
import static nrw.komman.app.support.TestAccounts.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The four roles' notices on PostgreSQL, delivered as in production by the database scheduler's task (only more often)
 * to a real SMTP server (GreenMail), all through the API: a coordinator of Lippe applies, the grant officer hears of
 * it, reviews; the ministry hears of that, approves; the coordinator hears "approved". The coordinator asks two
 * volunteers for a request: the one who consented to e-mail gets one e-mail with her link and says yes through it,
 * and the coordinator hears of it; the one who did not consent gets nothing once the delivery has taken his notice.
 * Each account's inbox (the API's list) holds its own role's notice about the item and nothing else, and each e-mail
 * is received once. Lippe and the three accounts are this test's alone.
 */
@TestPropertySource(properties = {"spring.mail.host=127.0.0.1", "komman.notices.every=500ms",
        "db-scheduler.polling-interval=500ms", "komman.mail.base-url=https://komm-an.example.org",
        "spring.mail.properties.mail.smtp.connectiontimeout=2000", "spring.mail.properties.mail.smtp.timeout=5000"})
class NoticesOfEveryRoleOnPostgresTest extends OnPostgres {

    /** Kreis Lippe: this test's centre alone. */
    private static final String LIPPE = "05766";
    private static final String PASSWORD = "Alle-Rollen-Passwort-2026";
    private static final Login COORDINATOR = new Login("lippe.koordination", PASSWORD);
    private static final Login OFFICER = new Login("bezreg.alle-rollen", PASSWORD);
    private static final Login MINISTRY = new Login("ministerium.alle-rollen", PASSWORD);
    private static final Pattern LINK = Pattern.compile("https://komm-an\\.example\\.org/mein-einsatz/([A-Za-z0-9_-]{43})");
    private static final ZoneId NRW = ZoneId.of("Europe/Berlin");
    private static final Duration DELIVERY = Duration.ofSeconds(60);

    private static final Mailbox MAILBOX = new Mailbox();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        MAILBOX.start();
        registry.add("spring.mail.port", MAILBOX::port);
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @AfterAll
    static void stopServer() {
        MAILBOX.stop();
    }

    @Test
    void each_role_hears_of_its_step_in_its_inbox_and_by_e_mail_and_a_volunteer_without_consent_hears_nothing() {
        Api api = new Api(port);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String coordinatorAddress = "ki." + suffix + "@kreis-lippe.example";
        String officerAddress = "foerderung." + suffix + "@bezreg-detmold.example";
        String ministryAddress = "integration." + suffix + "@mkjfgfi.example";
        TestAccounts.createCoordinator(api, COORDINATOR, LIPPE);
        account(api, OFFICER, "GRANT_OFFICER");
        account(api, MINISTRY, "MINISTRY");
        settings(api, COORDINATOR, coordinatorAddress);
        settings(api, OFFICER, officerAddress);
        settings(api, MINISTRY, ministryAddress);
        int year = LocalDate.now(NRW).getYear();
        Response budget = api.put("/api/budgets/" + year + "/PART_II_A", Map.of("amount", "50000000.00", "reason", "Haushaltsplan"),
                MINISTRY);
        assertThat(budget.status()).as(budget.toString()).isIn(204, 409);

        // the grant: applied, reviewed, approved; each step heard by the next role only
        String title = "Alle Rollen " + suffix;
        String grantId = created(api.post("/api/grants", with(grant(year, "4000.00"), "title", title), COORDINATOR)).text("grantId");
        Mailbox.Mail applied = theMailAbout(officerAddress, grantId);
        assertThat(applied.subject()).isEqualTo("KOMM-AN NRW: Neuer Antrag „" + title + "“ zu prüfen");
        assertThat(inbox(api, OFFICER, grantId)).containsExactly("GRANT_APPLIED");
        ok(api.post("/api/grants/" + grantId + "/review", Map.of("recommendation", "APPROVE", "note", "förderfähig"), OFFICER));

        Mailbox.Mail reviewed = theMailAbout(ministryAddress, grantId);
        assertThat(reviewed.subject()).isEqualTo("KOMM-AN NRW: Antrag „" + title + "“ geprüft, Entscheidung offen");
        assertThat(inbox(api, MINISTRY, grantId)).containsExactly("GRANT_REVIEWED");
        ok(api.post("/api/grants/" + grantId + "/approval", Map.of("approvedAmount", "3500.00"), MINISTRY));

        Mailbox.Mail approved = theMailAbout(coordinatorAddress, grantId);
        assertThat(approved.subject()).isEqualTo("KOMM-AN NRW: Zuwendung „" + title + "“ bewilligt");
        assertThat(inbox(api, COORDINATOR, grantId)).containsExactly("GRANT_APPROVED");
        assertThat(inbox(api, OFFICER, grantId)).as("the officer hears of the application only").containsExactly("GRANT_APPLIED");
        assertThat(inbox(api, MINISTRY, grantId)).as("the ministry of the review only").containsExactly("GRANT_REVIEWED");

        // the volunteers: one consented to e-mail, one did not; both are asked
        String consenting = "selin." + suffix + "@example.org";
        String silent = "jonas." + suffix + "@example.org";
        String her = register(api, "Selin Yıldız " + suffix, consenting, true);
        String him = register(api, "Jonas Wolf " + suffix, silent, false);
        LocalDate day = LocalDate.now(NRW).plusDays(10);
        String request = created(api.post("/api/centres/" + LIPPE + "/help-requests",
                HelpRequests.once(day, LocalTime.of(9, 0), LocalTime.of(11, 0), 120, List.of("de"), 2), COORDINATOR)).text("requestId");
        String herAssignment = ask(api, request, her);
        ask(api, request, him);

        await().atMost(DELIVERY).pollInterval(Duration.ofMillis(200)).until(() -> !MAILBOX.receivedBy(consenting).isEmpty());
        List<Mailbox.Mail> toHer = MAILBOX.receivedBy(consenting);
        assertThat(toHer).hasSize(1);
        assertThat(toHer.get(0).subject()).isEqualTo("KOMM-AN NRW: Anfrage für einen Einsatz: Begleitung zu Ämtern und Ärzt*innen");
        Matcher link = LINK.matcher(toHer.get(0).text());
        assertThat(link.find()).as("her personal link in the e-mail:%n%s", toHer.get(0).text()).isTrue();
        // she says yes through the e-mailed link, without an account
        Response yes = api.post("/api/link/" + link.group(1) + "/assignments/" + herAssignment + "/confirmation", Map.of(), null);
        assertThat(yes.status()).as(yes.toString()).isBetween(200, 204);

        Mailbox.Mail confirmed = theMailAbout(coordinatorAddress, request);
        assertThat(confirmed.subject()).isEqualTo("KOMM-AN NRW: Zusage für die Einsatzanfrage „Begleitung zu Ämtern und Ärzt*innen“");
        assertThat(confirmed.all()).as("the coordinator's e-mail names no volunteer").doesNotContain("Selin", "Yıldız", consenting);
        assertThat(inbox(api, COORDINATOR, request)).containsExactly("ASSIGNMENT_CONFIRMED");
        assertThat(inbox(api, OFFICER, request)).as("a request is the centre's business").isEmpty();
        assertThat(inbox(api, MINISTRY, request)).isEmpty();

        // he did not consent: once the delivery has taken his notice, no e-mail was written or sent
        await().atMost(DELIVERY).pollInterval(Duration.ofMillis(200)).until(() -> count(
                "select count(*) from notice_outbox where audience_volunteer = ? and fanned_out_at is not null", him) == 1);
        assertThat(count("select count(*) from notice_outbox where audience_volunteer = ?", him)).as("his notice was there").isEqualTo(1);
        assertThat(count("select count(*) from notice_email where volunteer_id = ?", him)).isZero();
        assertThat(MAILBOX.receivedBy(silent)).isEmpty();
        assertThat(MAILBOX.receivedBy(consenting)).as("she was asked once").hasSize(1);
        for (String address : List.of(coordinatorAddress, officerAddress, ministryAddress)) {
            List<String> ids = MAILBOX.receivedBy(address).stream().map(Mailbox.Mail::messageId).toList();
            assertThat(ids).as("each e-mail to %s received once", address).doesNotHaveDuplicates();
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The one e-mail to {@code address} whose link names the item, once the scheduled delivery has sent it. */
    private static Mailbox.Mail theMailAbout(String address, String subject) {
        await().atMost(DELIVERY).pollInterval(Duration.ofMillis(200))
                .until(() -> MAILBOX.receivedBy(address).stream().anyMatch(m -> m.all().contains(subject)));
        List<Mailbox.Mail> mails = MAILBOX.receivedBy(address).stream().filter(m -> m.all().contains(subject)).toList();
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    /** The kinds of the account's notices about one item, from the inbox as its owner reads it (the API). */
    private static List<String> inbox(Api api, Login account, String subject) {
        Response r = api.get("/api/notices", account);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<String> kinds = new ArrayList<>();
        for (JsonNode notice : r.json().get("notices")) {
            if (subject.equals(notice.get("subjectId").asText())) {
                kinds.add(notice.get("kind").asText());
            }
        }
        return kinds;
    }

    private static void settings(Api api, Login account, String address) {
        Response r = api.put("/api/notices/settings", Map.of("email", address, "language", "de"), account);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.text("email")).isEqualTo(address);
    }

    private static void account(Api api, Login login, String role) {
        Map<String, Object> body = new HashMap<>(Map.of("username", login.username(), "password", login.password(), "role", role));
        Response r = api.post("/api/admin/accounts", body, ADMIN);
        assertThat(r.status()).as(r.toString()).isIn(201, 409);
    }

    private static String register(Api api, String name, String address, boolean emailConsent) {
        Map<String, Object> body = new HashMap<>(volunteer(name, address));
        if (emailConsent) {
            body.put("emailConsent", Map.of("document", "Einwilligung Kontakt per E-Mail", "version", "2026-01",
                    "givenAt", "2025-01-15T11:00:00Z"));
        }
        return created(api.post("/api/centres/" + LIPPE + "/volunteers", body, COORDINATOR)).text("volunteerId");
    }

    private static String ask(Api api, String request, String volunteer) {
        return created(api.post("/api/help-requests/" + request + "/assignments", Map.of("volunteerId", volunteer), COORDINATOR))
                .text("assignmentId");
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    private static Response created(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    private static void ok(Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 204);
    }
}
