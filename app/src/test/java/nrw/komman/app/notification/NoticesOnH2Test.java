package nrw.komman.app.notification;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.Api.Login;
import nrw.komman.app.support.Api.Response;
import nrw.komman.app.support.Budgets;
import nrw.komman.app.support.HelpRequests;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.TestAccounts;
import nrw.komman.web.notification.NoticeDigest;
import nrw.komman.web.notification.NoticeFanOut;
import nrw.komman.web.notification.NoticeMailer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static nrw.komman.app.support.Requests.grant;
import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.Requests.with;
import static nrw.komman.app.support.TestAccounts.ADMIN;
import static nrw.komman.app.support.TestAccounts.DUESSELDORF;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.MINISTRY;
import static nrw.komman.app.support.TestAccounts.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Notices on the embedded default with a real SMTP server (GreenMail): the outbox row is written in the event's
 * transaction, fanned out to the accounts of its role only, sent by e-mail by each account's choice, retried with
 * growing pauses and the same Message-ID, given up after the last attempt. The delivery's tasks are off here; the
 * test drives fan-out, sending and the digest by hand at chosen moments (the scheduler runs them in the two-node
 * and kill tests).
 */
@TestPropertySource(properties = {"komman.notices.enabled=false", "komman.mail.max-attempts=3",
        "komman.mail.base-url=https://komm-an.example.org", "spring.mail.host=127.0.0.1",
        "spring.mail.properties.mail.smtp.connectiontimeout=2000", "spring.mail.properties.mail.smtp.timeout=5000"})
class NoticesOnH2Test extends OnH2 {

    private static final Mailbox MAILBOX = new Mailbox();
    private static final String PASSWORD = "Benachrichtigung-Test-2026";
    private static final int YEAR = LocalDate.now(ZoneId.of("Europe/Berlin")).getYear();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", MAILBOX::port);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NoticeFanOut fanOut;

    @Autowired
    NoticeMailer mailer;

    @Autowired
    NoticeDigest digest;

    private Api api;

    @BeforeEach
    void accountsAndServer() {
        MAILBOX.start();
        api = new Api(port);
        TestAccounts.createAll(api);
        Budgets.ensure(api, YEAR, "PART_II_A");
        // what earlier tests left in the outbox goes to the accounts that existed then, not to this test's new ones
        fanOut.fanOutAll(now());
    }

    @AfterAll
    static void stopServer() {
        MAILBOX.stop();
    }

    @Test
    void an_event_and_its_notice_are_stored_in_one_transaction_or_not_at_all() {
        String title = "Outbox " + UUID.randomUUID();
        String grantId = apply(title);

        Map<String, Object> row = jdbc.queryForMap("select * from notice_outbox where subject_id = ? and kind = 'GRANT_APPLIED'", grantId);
        String eventId = jdbc.queryForObject("select event_identifier from domain_event_entry where aggregate_identifier = ?"
                + " and sequence_number = 0", String.class, grantId);
        assertThat(row.get("cause_event_id")).as("the notice names the event that caused it").isEqualTo(eventId);
        assertThat(row.get("audience_role")).isEqualTo("GRANT_OFFICER");
        assertThat(row.get("audience_centre")).isNull();
        assertThat(row.get("link")).isEqualTo("/zuwendungen/" + grantId + "/pruefung");
        assertThat((String) row.get("facts")).contains("\"title\":\"" + title + "\"", "\"centre\":\"05315\"", "\"fundingYear\":\"" + YEAR + "\"");
        assertThat(row.get("fanned_out_at")).isNull();

        // a command whose transaction fails after its event was appended (here: the grant's hash chain) leaves no notice
        jdbc.update("insert into grant_audit_chain (grant_id, sequence_number, event_identifier, link, recorded_at) values (?, 1, ?, ?, ?)",
                grantId, "conflicting-" + UUID.randomUUID(), "0".repeat(64), Timestamp.from(Instant.now()));
        try {
            Response review = api.post("/api/grants/" + grantId + "/review", Map.of("recommendation", "APPROVE", "note", "x"), OFFICER);
            assertThat(review.status()).as(review.toString()).isEqualTo(500);
        } finally {
            jdbc.update("delete from grant_audit_chain where grant_id = ? and sequence_number = 1", grantId);
        }
        assertThat(count("select count(*) from notice_outbox where subject_id = ?", grantId)).as("only the application's notice").isEqualTo(1);

        // and a notice that cannot be written takes its command with it: no event without its notice
        long applications = count("select count(*) from domain_event_entry where payload_type like '%GrantAppliedEvent'");
        jdbc.execute("alter table notice_outbox rename to notice_outbox_away");
        try {
            Response refused = api.post("/api/grants", grant(YEAR, "1000.00"), KOELN);
            assertThat(refused.status()).as(refused.toString()).isEqualTo(500);
        } finally {
            jdbc.execute("alter table notice_outbox_away rename to notice_outbox");
        }
        assertThat(count("select count(*) from domain_event_entry where payload_type like '%GrantAppliedEvent'"))
                .as("the application rolled back with its notice").isEqualTo(applications);

        // the stored event has exactly its one notice (handling an event again writes none: NoticeOutboxTest)
        assertThat(count("select count(*) from notice_outbox where cause_event_id = ?", eventId)).isEqualTo(1);
    }

    @Test
    void each_notice_reaches_the_accounts_of_its_role_in_their_language_and_nobody_else() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String koeln = address("koeln", suffix);
        String duesseldorf = address("duesseldorf", suffix);
        String officer = address("bezreg", suffix);
        String ministry = address("ministerium", suffix);
        email(KOELN, koeln, "de");
        email(DUESSELDORF, duesseldorf, "de");
        email(OFFICER, officer, "en");
        email(MINISTRY, ministry, "de");
        // a volunteer whose answer the coordinators hear of, without the volunteer's name
        String name = "Vorname" + suffix + " Nachname" + suffix;
        String volunteerEmail = "person." + suffix + "@example.org";
        String volunteer = created(api.post("/api/centres/05315/volunteers", volunteer(name, volunteerEmail), KOELN)).text("volunteerId");
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(10);
        String request = created(api.post("/api/centres/05315/help-requests",
                HelpRequests.once(day, LocalTime.of(9, 0), LocalTime.of(11, 0), 120, List.of("de"), 1), KOELN)).text("requestId");
        String assignment = created(api.post("/api/help-requests/" + request + "/assignments", Map.of("volunteerId", volunteer), KOELN))
                .text("assignmentId");
        ok(api.post("/api/help-requests/" + request + "/assignments/" + assignment + "/confirmation", Map.of(), KOELN));
        // a grant applied for, reviewed and approved
        String title = "Stimme " + suffix;
        String grantId = apply(title);
        ok(api.post("/api/grants/" + grantId + "/review", Map.of("recommendation", "APPROVE", "note", "förderfähig"), OFFICER));
        ok(api.post("/api/grants/" + grantId + "/approval", Map.of("approvedAmount", "900.00"), MINISTRY));

        Instant now = now();
        fanOut.fanOutAll(now);
        mailer.sendDue(now);

        assertThat(inbox(OFFICER, grantId)).containsExactly("GRANT_APPLIED");
        assertThat(inbox(MINISTRY, grantId)).containsExactly("GRANT_REVIEWED");
        assertThat(inbox(KOELN, grantId)).containsExactly("GRANT_APPROVED");
        assertThat(inbox(KOELN, request)).containsExactly("ASSIGNMENT_CONFIRMED");
        assertThat(inbox(DUESSELDORF, grantId)).as("a coordinator of another centre hears nothing of Köln's grant").isEmpty();
        assertThat(inbox(DUESSELDORF, request)).isEmpty();

        List<Mailbox.Mail> toOfficer = mailsAbout(officer, title);
        assertThat(toOfficer).hasSize(1);
        assertThat(toOfficer.get(0).subject()).isEqualTo("KOMM-AN NRW: New application \"" + title + "\" to review");
        assertThat(toOfficer.get(0).html()).contains("lang=\"en\"", "href=\"https://komm-an.example.org/zuwendungen/" + grantId + "/pruefung\"",
                "Review the application", "https://komm-an.example.org/benachrichtigungen/einstellungen");
        assertThat(toOfficer.get(0).messageId()).as("the Message-ID fixed in the e-mail's row")
                .isEqualTo(messageId(grantId, OFFICER));
        List<Mailbox.Mail> toMinistry = mailsAbout(ministry, title);
        assertThat(toMinistry).hasSize(1);
        assertThat(toMinistry.get(0).subject()).isEqualTo("KOMM-AN NRW: Antrag „" + title + "“ geprüft, Entscheidung offen");
        assertThat(toMinistry.get(0).text()).contains("Empfehlung: bewilligen", "https://komm-an.example.org/zuwendungen/" + grantId + "/entscheidung",
                "Sie erhalten diese E-Mail, weil Ihr Konto „" + MINISTRY.username() + "“");
        assertThat(toMinistry.get(0).html()).contains("lang=\"de\"").doesNotContain("<table", "style=");
        assertThat(mailsAbout(koeln, title)).extracting(Mailbox.Mail::subject).containsExactly("KOMM-AN NRW: Zuwendung „" + title + "“ bewilligt");
        assertThat(mailsAbout(duesseldorf, title)).isEmpty();

        List<Mailbox.Mail> answers = MAILBOX.receivedBy(koeln).stream().filter(m -> m.all().contains("/zentrum/anfragen/" + request)).toList();
        assertThat(answers).hasSize(1);
        assertThat(answers.get(0).text()).contains("Eine angefragte Person hat für die Einsatzanfrage „Begleitung zu Ämtern und Ärzt*innen“",
                String.format("%02d.%02d.%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear()));
        for (Mailbox.Mail mail : MAILBOX.received()) {
            assertThat(mail.all()).as("no e-mail names the volunteer: " + mail.subject())
                    .doesNotContain("Vorname" + suffix, "Nachname" + suffix, volunteerEmail, volunteer);
        }
    }

    @Test
    void off_means_the_inbox_only_and_the_daily_digest_sends_one_e_mail_later() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Login digestOfficer = account("bezreg.digest." + suffix, "GRANT_OFFICER");
        Login quietMinistry = account("ministerium.still." + suffix, "MINISTRY");
        String digestAddress = address("digest", suffix);
        email(digestOfficer, digestAddress, "de");
        email(quietMinistry, address("still", suffix), "de");
        prefer(digestOfficer, "GRANT_APPLIED", "DAILY_DIGEST");
        prefer(quietMinistry, "GRANT_REVIEWED", "OFF");

        String first = apply("Erster " + suffix);
        String second = apply("Zweiter " + suffix);
        ok(api.post("/api/grants/" + first + "/review", Map.of("recommendation", "REJECT", "note", "nicht förderfähig"), OFFICER));
        Instant now = now();
        fanOut.fanOutAll(now);
        mailer.sendDue(now);

        assertThat(inbox(quietMinistry, first)).containsExactly("GRANT_REVIEWED");
        assertThat(count("select count(*) from notice_email where recipient = ?", quietMinistry.username()))
                .as("OFF: no e-mail at all").isZero();
        assertThat(inbox(digestOfficer, first)).containsExactly("GRANT_APPLIED");
        assertThat(MAILBOX.receivedBy(digestAddress)).as("the digest waits for its hour").isEmpty();
        assertThat(jdbc.queryForList("select status from notice_email where recipient = ?", String.class, digestOfficer.username()))
                .containsExactly("DIGEST", "DIGEST");

        digest.sendDigests(now.plusSeconds(1));
        digest.sendDigests(now.plusSeconds(2));

        List<Mailbox.Mail> digests = MAILBOX.receivedBy(digestAddress);
        assertThat(digests).as("one e-mail with both notices, once").hasSize(1);
        assertThat(digests.get(0).subject()).startsWith("KOMM-AN NRW: 2 neue Benachrichtigungen");
        assertThat(digests.get(0).text()).contains("Erster " + suffix, "Zweiter " + suffix, "/zuwendungen/" + second + "/pruefung",
                "einmal am Tag");
        assertThat(jdbc.queryForList("select status from notice_email where recipient = ?", String.class, digestOfficer.username()))
                .containsExactly("SENT", "SENT");
    }

    @Test
    void an_e_mail_that_cannot_be_sent_is_retried_after_growing_pauses_with_the_same_message_id_then_given_up() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Login officer = account("bezreg.versuch." + suffix, "GRANT_OFFICER");
        String address = address("versuch", suffix);
        email(officer, address, "de");
        MAILBOX.stop();
        try {
            String grantId = apply("Wiederholt " + suffix);
            Instant t0 = now();
            fanOut.fanOutAll(t0);

            mailer.sendDue(t0);
            Map<String, Object> once = row(grantId, officer);
            assertThat(once.get("status")).isEqualTo("PENDING");
            assertThat(once.get("attempts")).isEqualTo(1);
            assertThat(instant(once.get("next_attempt_at"))).as("the first pause").isEqualTo(t0.plus(Duration.ofMinutes(1)));
            assertThat((String) once.get("last_error")).isNotBlank().doesNotContain("@", "\tat ");

            mailer.sendDue(t0.plusSeconds(30));
            assertThat(row(grantId, officer).get("attempts")).as("not due yet").isEqualTo(1);

            Instant t1 = t0.plus(Duration.ofMinutes(1));
            mailer.sendDue(t1);
            Map<String, Object> twice = row(grantId, officer);
            assertThat(twice.get("attempts")).isEqualTo(2);
            assertThat(instant(twice.get("next_attempt_at"))).as("a longer pause").isEqualTo(t1.plus(Duration.ofMinutes(5)));

            MAILBOX.start();
            mailer.sendDue(t1.plus(Duration.ofMinutes(5)));
            Map<String, Object> sent = row(grantId, officer);
            assertThat(sent.get("status")).isEqualTo("SENT");
            List<Mailbox.Mail> received = MAILBOX.receivedBy(address);
            assertThat(received).hasSize(1);
            assertThat(received.get(0).messageId()).as("the same Message-ID as every attempt").isEqualTo(sent.get("message_id"));

            // given up after the last attempt (komman.mail.max-attempts=3 here), and never tried again
            MAILBOX.stop();
            String lost = apply("Aufgegeben " + suffix);
            Instant u0 = now().plus(Duration.ofHours(1));
            fanOut.fanOutAll(u0);
            mailer.sendDue(u0);
            mailer.sendDue(u0.plus(Duration.ofMinutes(1)));
            mailer.sendDue(u0.plus(Duration.ofMinutes(6)));
            Map<String, Object> failed = row(lost, officer);
            assertThat(failed.get("status")).isEqualTo("FAILED");
            assertThat(failed.get("attempts")).isEqualTo(3);
            MAILBOX.start();
            mailer.sendDue(u0.plus(Duration.ofDays(1)));
            assertThat(row(lost, officer).get("status")).isEqualTo("FAILED");
            assertThat(MAILBOX.receivedBy(address)).isEmpty();
        } finally {
            MAILBOX.start();
        }
    }

    // ---------------------------------------------------------------- helpers

    private String apply(String title) {
        return created(api.post("/api/grants", with(grant(YEAR, "1000.00"), "title", title), KOELN)).text("grantId");
    }

    private Login account(String username, String role) {
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "password", PASSWORD, "role", role));
        assertThat(api.post("/api/admin/accounts", body, ADMIN).status()).isEqualTo(201);
        return new Login(username, PASSWORD);
    }

    private void email(Login account, String address, String language) {
        assertThat(jdbc.update("update account set email = ?, language = ? where username = ?", address, language, account.username()))
                .isEqualTo(1);
    }

    private void prefer(Login account, String kind, String delivery) {
        jdbc.update("insert into notice_preference (username, kind, delivery) values (?, ?, ?)", account.username(), kind, delivery);
    }

    private List<String> inbox(Login account, String subject) {
        return jdbc.queryForList("select kind from notice_inbox where username = ? and subject_id = ? order by occurred_at",
                String.class, account.username(), subject);
    }

    private Map<String, Object> row(String grantId, Login recipient) {
        return jdbc.queryForMap("select e.* from notice_email e join notice_outbox o on o.notice_id = e.notice_id"
                + " where o.subject_id = ? and e.recipient = ?", grantId, recipient.username());
    }

    private String messageId(String grantId, Login recipient) {
        return (String) row(grantId, recipient).get("message_id");
    }

    private List<Mailbox.Mail> mailsAbout(String address, String title) {
        return MAILBOX.receivedBy(address).stream().filter(m -> m.subject().contains(title)).toList();
    }

    private long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
    }

    /** Now, to the millisecond: the databases keep microseconds, so a moment written is the moment read back. */
    private static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static Instant instant(Object timestamp) {
        if (timestamp instanceof Timestamp t) {
            return t.toInstant();
        }
        if (timestamp instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalArgumentException("not a moment: " + timestamp);
    }

    private static String address(String who, String suffix) {
        return who + "." + suffix + "@behoerde.example";
    }

    private static Response created(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }

    private static void ok(Response r) {
        assertThat(r.status()).as(r.toString()).isBetween(200, 204);
    }
}
