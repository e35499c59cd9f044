package nrw.komman.web.notification;

import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/** Writes inbox and e-mail rows as the delivery does (web.notification's other half), for the tests of what people see. */
final class NoticeRows {

    private final JdbcTemplate jdbc;

    NoticeRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void clear() {
        jdbc.update("delete from notice_inbox");
        jdbc.update("delete from notice_email");
        jdbc.update("delete from notice_preference");
    }

    /** A notice in the account's inbox; its id. */
    String inbox(String username, String kind, String link, String facts, Instant occurredAt) {
        String id = UUID.randomUUID().toString();
        inbox(id, username, kind, link, facts, occurredAt);
        return id;
    }

    void inbox(String noticeId, String username, String kind, String link, String facts, Instant occurredAt) {
        jdbc.update("""
                        insert into notice_inbox (notice_id, username, kind, subject_id, link, facts, occurred_at, read_at)
                        values (?, ?, ?, ?, ?, ?, ?, null)""",
                noticeId, username, kind, UUID.randomUUID().toString(), link, facts, occurredAt.atOffset(ZoneOffset.UTC));
    }

    void email(String noticeId, String recipient, String kind, String status, int attempts, String lastError, Instant createdAt) {
        jdbc.update("""
                        insert into notice_email (notice_id, recipient, kind, message_id, status, attempts, next_attempt_at,
                                                  last_error, created_at, sent_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, null)""",
                noticeId, recipient, kind, "<" + noticeId + "." + recipient + "@komm-an.nrw.example>", status, attempts,
                createdAt.atOffset(ZoneOffset.UTC), lastError, createdAt.atOffset(ZoneOffset.UTC));
    }

    boolean read(String noticeId, String username) {
        return jdbc.queryForObject("select count(*) from notice_inbox where notice_id = ? and username = ? and read_at is not null",
                Integer.class, noticeId, username) == 1;
    }

    long unread(String username) {
        return jdbc.queryForObject("select count(*) from notice_inbox where username = ? and read_at is null", Long.class, username);
    }
}
