package nrw.komman.web.notification;

import nrw.komman.kernel.notification.NoticeDelivery;
import nrw.komman.kernel.notification.NoticeKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Fans the notices of the outbox ({@code notice_outbox}, written by the command side) out to the people told: for
 * every enabled account of the notice's role (coordinators: of the notice's centre only) a row in its inbox, and,
 * when e-mail is on and the account has an address, an e-mail row by its choice for the kind ({@code
 * notice_preference}, else {@link NoticeKind#defaultDelivery()}): IMMEDIATELY a PENDING e-mail, DAILY_DIGEST one
 * that waits for the digest, OFF none. Oldest first, a batch per transaction, which also marks the notices fanned
 * out: a crash leaves a batch either wholly done or wholly waiting. Rows that exist already are left as they are,
 * so a batch done twice (two nodes, a restart) tells nobody twice. An account created later does not receive what
 * was told before it existed. The volunteers' own notices (audience VOLUNTEER: e-mail only, with their consent) are
 * fanned out by {@link VolunteerNoticeFanOut} in the same run.
 */
@Component
public class NoticeFanOut {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final NoticeMailSwitch mail;
    private final NoticeDeliveryProperties properties;
    private final VolunteerNoticeFanOut volunteers;

    public NoticeFanOut(JdbcTemplate jdbc, PlatformTransactionManager transactions, NoticeMailSwitch mail,
                        NoticeDeliveryProperties properties, VolunteerNoticeFanOut volunteers) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.mail = mail;
        this.properties = properties;
        this.volunteers = volunteers;
    }

    private record Notice(String noticeId, String kind, String role, String centre, String subjectId, String link,
                          String facts, Timestamp occurredAt) {
    }

    private record Recipient(String username, String email, String delivery) {
    }

    /** Fans out everything that waits, batch by batch, the accounts' notices and then the volunteers'; answers how many notices. */
    public int fanOutAll(Instant now) {
        int total = 0;
        int done;
        do {
            done = fanOutBatch(now);
            total += done;
        } while (done == properties.batch());
        return total + volunteers.fanOutAll(now);
    }

    /** One batch of the oldest notices not fanned out yet, in one transaction. */
    public int fanOutBatch(Instant now) {
        Integer done = transaction.execute(status -> {
            List<Notice> notices = jdbc.query("select notice_id, kind, audience_role, audience_centre, subject_id, link,"
                            + " facts, occurred_at from notice_outbox where fanned_out_at is null and audience_role <> 'VOLUNTEER'"
                            + " order by occurred_at, notice_id fetch first " + properties.batch() + " rows only",
                    (rs, i) -> new Notice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8)));
            boolean email = mail.on();
            Timestamp at = Timestamp.from(now);
            for (Notice notice : notices) {
                fanOut(notice, email, at);
            }
            if (!notices.isEmpty()) {
                List<Object[]> ids = notices.stream().map(n -> new Object[]{at, n.noticeId()}).toList();
                jdbc.batchUpdate("update notice_outbox set fanned_out_at = ? where notice_id = ? and fanned_out_at is null", ids);
            }
            return notices.size();
        });
        return done == null ? 0 : done;
    }

    private void fanOut(Notice notice, boolean email, Timestamp now) {
        NoticeKind kind = kindOf(notice.kind());
        List<Recipient> recipients = jdbc.query("select a.username, a.email, p.delivery from account a"
                        + " left join notice_preference p on p.username = a.username and p.kind = ?"
                        + " where a.role = ? and a.enabled = true and (a.role <> 'COORDINATOR' or a.centre_id = ?)"
                        + " and not exists (select 1 from notice_inbox i where i.notice_id = ? and i.username = a.username)",
                (rs, i) -> new Recipient(rs.getString(1), rs.getString(2), rs.getString(3)),
                notice.kind(), notice.role(), notice.centre(), notice.noticeId());
        List<Object[]> inbox = new ArrayList<>();
        List<Object[]> emails = new ArrayList<>();
        for (Recipient recipient : recipients) {
            inbox.add(new Object[]{notice.noticeId(), recipient.username(), notice.kind(), notice.subjectId(),
                    notice.link(), notice.facts(), notice.occurredAt()});
            NoticeDelivery delivery = recipient.delivery() == null || kind == null
                    ? (kind == null ? NoticeDelivery.OFF : kind.defaultDelivery())
                    : NoticeDelivery.valueOf(recipient.delivery());
            if (email && recipient.email() != null && !recipient.email().isBlank() && delivery != NoticeDelivery.OFF) {
                emails.add(new Object[]{notice.noticeId(), recipient.username(), notice.kind(), messageId(),
                        delivery == NoticeDelivery.DAILY_DIGEST ? NoticeMailer.DIGEST : NoticeMailer.PENDING, now, now});
            }
        }
        if (!inbox.isEmpty()) {
            jdbc.batchUpdate("insert into notice_inbox (notice_id, username, kind, subject_id, link, facts, occurred_at)"
                    + " values (?, ?, ?, ?, ?, ?, ?)", inbox);
        }
        if (!emails.isEmpty()) {
            jdbc.batchUpdate("insert into notice_email (notice_id, recipient, kind, message_id, status, attempts,"
                    + " next_attempt_at, created_at) values (?, ?, ?, ?, ?, 0, ?, ?)", emails);
        }
    }

    /** The Message-ID every attempt of the e-mail carries: fixed when the row is written. */
    private String messageId() {
        return "<" + UUID.randomUUID() + "@notices.komm-an.nrw>";
    }

    private static NoticeKind kindOf(String code) {
        try {
            return NoticeKind.valueOf(code);
        } catch (IllegalArgumentException unknown) {
            return null; // a kind of a newer version: inbox only
        }
    }
}
