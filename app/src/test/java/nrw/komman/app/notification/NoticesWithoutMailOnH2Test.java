package nrw.komman.app.notification;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.TestAccounts;
import nrw.komman.web.notification.NoticeMailSwitch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static nrw.komman.app.support.Requests.grant;
import static nrw.komman.app.support.Requests.with;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static nrw.komman.app.support.TestAccounts.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The embedded default has no SMTP server: e-mail is off, and notices still reach the inbox, by the delivery task of
 * the database scheduler on its own, with no e-mail written for anyone, also not for an account with an address.
 */
class NoticesWithoutMailOnH2Test extends OnH2 {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    NoticeMailSwitch mail;

    @Test
    void without_an_smtp_host_notices_reach_the_inbox_only() {
        assertThat(mail.on()).as("no spring.mail.host, no e-mail").isFalse();
        Api api = new Api(port);
        TestAccounts.createAll(api);
        jdbc.update("update account set email = ? where username = ?", "bezreg.ohne-smtp@behoerde.example", OFFICER.username());

        String grantId = api.post("/api/grants", with(grant(LocalDate.now(ZoneId.of("Europe/Berlin")).getYear(), "1000.00"),
                "title", "Ohne SMTP " + UUID.randomUUID()), KOELN).text("grantId");

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> jdbc.queryForObject(
                "select count(*) from notice_inbox where username = ? and subject_id = ?", Long.class, OFFICER.username(), grantId) == 1);
        assertThat(jdbc.queryForObject("select count(*) from notice_email", Long.class)).isZero();
    }
}
