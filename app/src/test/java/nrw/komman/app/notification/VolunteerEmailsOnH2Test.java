package nrw.komman.app.notification;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.Api.Response;
import nrw.komman.app.support.FormClient;
import nrw.komman.app.support.HelpRequests;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.TestAccounts;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.SealedText;
import nrw.komman.kernel.volunteer.VolunteerId;
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

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mail to volunteers (issue 19, ADR 38) on the embedded default with a real SMTP server (GreenMail) and real HTTP:
 * only with the consent to e-mail, one e-mail with an e-mailed personal link that works next to the handed-over
 * one, stopped through the link itself, and nothing sent once the volunteer withdrew or was erased before it went
 * out. The delivery's tasks are off; the test drives fan-out and sending by hand.
 */
@TestPropertySource(properties = {"komman.notices.enabled=false", "komman.mail.max-attempts=3",
        "komman.mail.base-url=https://komm-an.example.org", "spring.mail.host=127.0.0.1",
        "spring.mail.properties.mail.smtp.connectiontimeout=2000", "spring.mail.properties.mail.smtp.timeout=5000"})
class VolunteerEmailsOnH2Test extends OnH2 {

    private static final Mailbox MAILBOX = new Mailbox();
    private static final Pattern LINK = Pattern.compile("https://komm-an\\.example\\.org/mein-einsatz/([A-Za-z0-9_-]{43})");
    private static final ZoneId NRW = ZoneId.of("Europe/Berlin");

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
    PersonalDataVault vault;

    private Api api;

    @BeforeEach
    void accountsAndServer() {
        MAILBOX.start();
        api = new Api(port);
        TestAccounts.createAll(api);
        fanOut.fanOutAll(now());
    }

    @AfterAll
    static void stopServer() {
        MAILBOX.stop();
    }

    @Test
    void a_consenting_volunteer_asked_gets_one_e_mail_whose_link_shows_and_confirms_the_assignment() {
        String address = address("einverstanden");
        String volunteer = register("Leyla Aksoy", address, true);
        String handedOver = created(api.post("/api/volunteers/" + volunteer + "/link", Map.of(), KOELN)).text("token");
        LocalDate day = LocalDate.now(NRW).plusDays(10);
        String request = openRequest(day);
        String assignment = ask(request, volunteer);

        Instant now = now();
        fanOut.fanOutAll(now);
        Map<String, Object> row = jdbc.queryForMap("select * from notice_email where volunteer_id = ?", volunteer);
        assertThat(row.get("status")).isEqualTo("PENDING");
        assertThat(row.get("recipient")).isEqualTo("volunteer:" + volunteer);
        assertThat(row).as("no address is kept with the e-mail: it is read when the e-mail goes out")
                .doesNotContainKey("sealed_address").doesNotContainKey("SEALED_ADDRESS");
        String sealedToken = (String) row.get("sealed_token");
        assertThat(sealedToken).isNotBlank();
        mailer.sendDue(now);

        List<Mailbox.Mail> mails = MAILBOX.receivedBy(address);
        assertThat(mails).as("exactly one e-mail to the volunteer's address").hasSize(1);
        Mailbox.Mail mail = mails.get(0);
        assertThat(mail.subject()).isEqualTo("KOMM-AN NRW: Anfrage für einen Einsatz: Begleitung zu Ämtern und Ärzt*innen");
        assertThat(mail.text()).contains("„Köln", Nrw(day), "Beginn 09:00 Uhr", "In English", "Keine E-Mails mehr erhalten",
                "https://komm-an.example.org/mein-einsatz/");
        assertThat(mail.messageId()).isEqualTo(row.get("message_id"));
        String token = token(mail);
        assertThat(token).isNotEqualTo(handedOver);
        assertThat(sealedToken).doesNotContain(token);
        assertThat(vault.openText(VolunteerId.parse(volunteer), new SealedText(sealedToken)))
                .as("the token is kept sealed under the volunteer's key").contains(token);
        assertThat(mail.all()).as("the e-mail names nobody else and no account").doesNotContain("Konto", "Familie Noori");
        Map<String, Object> sent = jdbc.queryForMap("select * from notice_email where volunteer_id = ?", volunteer);
        assertThat(sent.get("status")).isEqualTo("SENT");
        assertThat(sent.get("sealed_token")).as("nothing kept once sent").isNull();

        FormClient browser = new FormClient(port);
        FormClient.Page page = browser.get("/mein-einsatz/" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Leyla Aksoy", "Begleitung zu Ämtern und Ärzt*innen", Nrw(day), "Keine E-Mails mehr erhalten");
        FormClient.Page confirmed = browser.post("/mein-einsatz/" + token,
                "/mein-einsatz/" + token + "/einsaetze/" + assignment + "/zusage", Map.of());
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(302);
        assertThat(confirmed.location()).endsWith("/mein-einsatz/" + token + "?gespeichert=zusage");
        assertThat(api.get("/api/volunteers/" + volunteer + "/assignments", KOELN).body()).contains("\"CONFIRMED\"");

        assertThat(new FormClient(port).get("/mein-einsatz/" + handedOver).status())
                .as("the e-mailed link leaves the handed-over one working").isEqualTo(200);
        // the notice is sent once: another run writes and sends nothing more
        fanOut.fanOutAll(now.plusSeconds(1));
        mailer.sendDue(now.plusSeconds(1));
        assertThat(MAILBOX.receivedBy(address)).hasSize(1);
    }

    @Test
    void a_volunteer_without_consent_to_e_mail_receives_nothing() {
        String address = address("ohne");
        String volunteer = register("Jonas Becker", address, false);
        String request = openRequest(LocalDate.now(NRW).plusDays(12));
        ask(request, volunteer);

        Instant now = now();
        fanOut.fanOutAll(now);
        mailer.sendDue(now);

        assertThat(jdbc.queryForObject("select count(*) from notice_outbox where audience_volunteer = ? and fanned_out_at is not null",
                Long.class, volunteer)).as("the fan-out has taken the volunteer's notice").isEqualTo(1);
        assertThat(jdbc.queryForObject("select count(*) from notice_email where volunteer_id = ?", Long.class, volunteer))
                .as("and written no e-mail").isZero();
        assertThat(MAILBOX.receivedBy(address)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from volunteer_link where volunteer_id = ?", Long.class, volunteer))
                .as("and issued no link").isZero();
    }

    @Test
    void withdrawn_through_the_link_page_the_e_mailed_link_stops_and_the_next_ask_sends_nothing() {
        String address = address("widerruf");
        String volunteer = register("Mariam Yousef", address, true);
        String handedOver = created(api.post("/api/volunteers/" + volunteer + "/link", Map.of(), KOELN)).text("token");
        ask(openRequest(LocalDate.now(NRW).plusDays(14)), volunteer);
        Instant now = now();
        fanOut.fanOutAll(now);
        mailer.sendDue(now);
        String token = token(MAILBOX.receivedBy(address).get(0));

        FormClient browser = new FormClient(port);
        FormClient.Page ask = browser.get("/mein-einsatz/" + token + "/keine-emails");
        assertThat(ask.status()).isEqualTo(200);
        assertThat(ask.body()).contains("Keine E-Mails mehr erhalten?", "Ja, keine E-Mails mehr");
        FormClient.Page stopped = browser.post("/mein-einsatz/" + token + "/keine-emails", "/mein-einsatz/" + token + "/keine-emails",
                Map.of());
        assertThat(stopped.status()).isEqualTo(302);
        assertThat(stopped.location()).endsWith("/mein-einsatz/keine-emails-mehr").doesNotContain(token);
        assertThat(browser.get("/mein-einsatz/keine-emails-mehr").body()).contains("Sie erhalten von uns keine E-Mails mehr.");

        assertThat(new FormClient(port).get("/mein-einsatz/" + token).status()).as("the e-mailed link stopped").isEqualTo(404);
        assertThat(new FormClient(port).get("/mein-einsatz/" + handedOver).status()).as("the handed-over one works").isEqualTo(200);
        assertThat(api.get("/api/volunteers/" + volunteer + "/email-consent", KOELN).text("withdrawnAt")).isNotNull();
        // the access export (Art. 15) lists the consent to e-mail with its withdrawal next to the other consent
        com.fasterxml.jackson.databind.JsonNode consents = api.get("/api/volunteers/" + volunteer + "/data-export", KOELN)
                .json().get("consents");
        assertThat(consents).hasSize(2);
        assertThat(consents.get(1).get("document").asText()).isEqualTo("Einwilligung Kontakt per E-Mail");
        assertThat(consents.get(1).get("version").asText()).isEqualTo("2026-01");
        assertThat(consents.get(1).get("withdrawnAt").isNull()).isFalse();

        ask(openRequest(LocalDate.now(NRW).plusDays(15)), volunteer);
        fanOut.fanOutAll(now.plusSeconds(5));
        mailer.sendDue(now.plusSeconds(5));
        assertThat(MAILBOX.receivedBy(address)).as("nothing after the withdrawal").hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from notice_email where volunteer_id = ?", Long.class, volunteer)).isEqualTo(1);
    }

    @Test
    void an_e_mail_whose_volunteer_was_erased_withdrew_or_was_deactivated_before_it_went_out_is_dropped_not_sent() {
        String erasedAddress = address("geloescht");
        String erased = register("Tomasz Nowak", erasedAddress, true);
        String withdrawnAddress = address("zurueckgezogen");
        String withdrawn = register("Amira Saleh", withdrawnAddress, true);
        String deactivatedAddress = address("inaktiv");
        String deactivated = register("Karim Haddad", deactivatedAddress, true);
        String request = openRequest(LocalDate.now(NRW).plusDays(16));
        ask(request, erased);
        ask(request, withdrawn);
        ask(request, deactivated);
        Instant now = now();
        fanOut.fanOutAll(now);
        assertThat(status(erased)).isEqualTo("PENDING");
        assertThat(status(withdrawn)).isEqualTo("PENDING");
        assertThat(status(deactivated)).isEqualTo("PENDING");

        Response erasure = api.post("/api/volunteers/" + erased + "/erasure", Map.of("reason", "REQUEST"), KOELN);
        assertThat(erasure.status()).as(erasure.toString()).isBetween(200, 204);
        Response withdrawal = api.post("/api/volunteers/" + withdrawn + "/email-consent/withdrawal", Map.of(), KOELN);
        assertThat(withdrawal.status()).as(withdrawal.toString()).isEqualTo(204);
        Response deactivation = api.post("/api/volunteers/" + deactivated + "/deactivation", Map.of(), KOELN);
        assertThat(deactivation.status()).as(deactivation.toString()).isEqualTo(204);
        mailer.sendDue(now.plusSeconds(1));
        mailer.sendDue(now.plus(1, ChronoUnit.HOURS));

        assertThat(MAILBOX.receivedBy(erasedAddress)).isEmpty();
        assertThat(MAILBOX.receivedBy(withdrawnAddress)).isEmpty();
        assertThat(MAILBOX.receivedBy(deactivatedAddress)).isEmpty();
        for (String volunteer : List.of(erased, withdrawn, deactivated)) {
            Map<String, Object> row = jdbc.queryForMap("select * from notice_email where volunteer_id = ?", volunteer);
            assertThat(row.get("status")).as("dropped, listed for administrators, never retried").isEqualTo("DROPPED");
            assertThat(row.get("sealed_token")).isNull();
            assertThat(row.get("sent_at")).isNull();
        }
        Response listed = api.get("/api/admin/notice-deliveries?status=DROPPED", TestAccounts.ADMIN);
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        assertThat(listed.body()).contains("volunteer:" + erased, "volunteer:" + withdrawn, "Nicht gesendet (NO_CONSENT)",
                "Nicht gesendet (INACTIVE)").doesNotContain(erasedAddress);
    }

    @Test
    void every_e_mail_carries_a_link_that_works_and_goes_to_the_address_as_corrected_before_it_is_sent() {
        String mistyped = address("vertippt");
        String volunteer = register("Samira Haidari", mistyped, true);
        // asked for two requests: two e-mails, the first one's link must keep working after the second is sent
        ask(openRequest(LocalDate.now(NRW).plusDays(20)), volunteer);
        Instant now = now();
        fanOut.fanOutAll(now);
        mailer.sendDue(now);
        String first = token(MAILBOX.receivedBy(mistyped).get(0));

        String corrected = address("richtig");
        Map<String, Object> profile = new HashMap<>(volunteer("Samira Haidari", corrected));
        profile.remove("consent");
        profile.remove("registeredOn");
        Response changed = api.put("/api/volunteers/" + volunteer + "/profile", profile, KOELN);
        assertThat(changed.status()).as(changed.toString()).isEqualTo(204);
        ask(openRequest(LocalDate.now(NRW).plusDays(21)), volunteer);
        fanOut.fanOutAll(now.plusSeconds(1));
        mailer.sendDue(now.plusSeconds(1));

        assertThat(MAILBOX.receivedBy(mistyped)).as("nothing more to the old address").hasSize(1);
        assertThat(MAILBOX.receivedBy(corrected)).hasSize(1);
        String second = token(MAILBOX.receivedBy(corrected).get(0));
        assertThat(second).as("the link still works, so the next e-mail carries the same").isEqualTo(first);
        assertThat(new FormClient(port).get("/mein-einsatz/" + first).status()).isEqualTo(200);

        // a coordinator revokes the links: an e-mail waiting then would carry a dead link, so it is dropped, and the
        // next one carries a new link that works
        ask(openRequest(LocalDate.now(NRW).plusDays(22)), volunteer);
        fanOut.fanOutAll(now.plusSeconds(2));
        Response revoked = api.post("/api/volunteers/" + volunteer + "/link/revocation", Map.of(), KOELN);
        assertThat(revoked.status()).as(revoked.toString()).isBetween(200, 204);
        mailer.sendDue(now.plusSeconds(2));
        assertThat(MAILBOX.receivedBy(corrected)).hasSize(1);
        assertThat(jdbc.queryForObject("select last_error from notice_email where volunteer_id = ? and status = 'DROPPED'",
                String.class, volunteer)).isEqualTo("Nicht gesendet (LINK_ENDED)");
        ask(openRequest(LocalDate.now(NRW).plusDays(23)), volunteer);
        fanOut.fanOutAll(now.plusSeconds(3));
        mailer.sendDue(now.plusSeconds(3));
        assertThat(MAILBOX.receivedBy(corrected)).hasSize(2);
        String third = token(MAILBOX.receivedBy(corrected).get(1));
        assertThat(third).isNotEqualTo(first);
        assertThat(new FormClient(port).get("/mein-einsatz/" + third).status()).isEqualTo(200);
        assertThat(new FormClient(port).get("/mein-einsatz/" + first).status()).isEqualTo(404);
    }

    @Test
    void a_link_that_ends_before_the_next_assignments_last_day_is_replaced_by_a_new_one_in_the_next_e_mail() {
        String address = address("spaeter");
        String volunteer = register("Yusuf Demir", address, true);
        // the first e-mail's link works until 14 days after its day, at least 30 days: day 34 from today
        ask(openRequest(LocalDate.now(NRW).plusDays(20)), volunteer);
        Instant now = now();
        fanOut.fanOutAll(now);
        mailer.sendDue(now);
        String first = token(MAILBOX.receivedBy(address).get(0));

        // an assignment on day 60 outlasts it: the next e-mail brings a new link
        ask(openRequest(LocalDate.now(NRW).plusDays(60)), volunteer);
        fanOut.fanOutAll(now.plusSeconds(1));
        mailer.sendDue(now.plusSeconds(1));

        assertThat(MAILBOX.receivedBy(address)).hasSize(2);
        String second = token(MAILBOX.receivedBy(address).get(1));
        assertThat(second).as("a link that ends before the assignment's last day is not reused").isNotEqualTo(first);
        assertThat(new FormClient(port).get("/mein-einsatz/" + second).status()).isEqualTo(200);
        // one e-mailed link is alive at a time (ADR 38): the earlier e-mail's link was replaced
        assertThat(new FormClient(port).get("/mein-einsatz/" + first).status()).as("the earlier e-mail's link").isEqualTo(404);
    }

    // ---------------------------------------------------------------- helpers

    private String register(String name, String address, boolean emailConsent) {
        Map<String, Object> body = new HashMap<>(volunteer(name, address));
        if (emailConsent) {
            body.put("emailConsent", Map.of("document", "Einwilligung Kontakt per E-Mail", "version", "2026-01",
                    "givenAt", "2025-01-15T11:00:00Z"));
        }
        return created(api.post("/api/centres/05315/volunteers", body, KOELN)).text("volunteerId");
    }

    private String openRequest(LocalDate day) {
        return created(api.post("/api/centres/05315/help-requests",
                HelpRequests.once(day, LocalTime.of(9, 0), LocalTime.of(11, 0), 120, List.of("de"), 2), KOELN)).text("requestId");
    }

    private String ask(String request, String volunteer) {
        return created(api.post("/api/help-requests/" + request + "/assignments", Map.of("volunteerId", volunteer), KOELN))
                .text("assignmentId");
    }

    private String status(String volunteer) {
        return jdbc.queryForObject("select status from notice_email where volunteer_id = ?", String.class, volunteer);
    }

    private static String token(Mailbox.Mail mail) {
        Matcher m = LINK.matcher(mail.text());
        assertThat(m.find()).as("the e-mail carries the volunteer's link: " + mail.text()).isTrue();
        return m.group(1);
    }

    private static String Nrw(LocalDate day) {
        return String.format("%02d.%02d.%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
    }

    private static String address(String who) {
        return who + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Response created(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r;
    }
}
