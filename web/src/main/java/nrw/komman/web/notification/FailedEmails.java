package nrw.komman.web.notification;

import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.access.Permissions;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.common.RuleViolationException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The e-mails of notices as administrators watch them (table {@code notice_email}, V44): the ones that could not be
 * delivered, and retrying one, which puts it back in line at once with its attempts counted from zero. It keeps its
 * message id, so a copy that did arrive after all is recognised as the same message. Only ids, kinds, the recipient's
 * account, counts, times and the delivery's error are shown: never an address or a text.
 */
@Component
public class FailedEmails {

    /** How many e-mails a list shows at most: the latest. */
    public static final int LATEST = 500;
    /** An account's name or a volunteer's id; anything else is unknown without asking the database. */
    private static final Pattern RECIPIENT = Pattern.compile("[A-Za-z0-9._@:-]{1,64}");

    private final JdbcTemplate jdbc;
    private final Clock clock;

    @Autowired
    public FailedEmails(JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
        this(jdbc, clock.getIfUnique(Clock::systemUTC));
    }

    FailedEmails(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One e-mail of a notice to one recipient. */
    public record NoticeEmail(String noticeId, String recipient, String kind, NoticeEmailStatus status, int attempts,
                              String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {
    }

    /** The e-mails in this status, the latest first. */
    public List<NoticeEmail> list(Actor actor, NoticeEmailStatus status) {
        Permissions.require(actor, Action.MONITOR_NOTICE_DELIVERY);
        return jdbc.query("select * from notice_email where status = ? order by created_at desc, notice_id, recipient limit "
                + LATEST, EMAIL, status.name());
    }

    /** How many e-mails could not be delivered, for the administrator's page. */
    public long failedCount(Actor actor) {
        Permissions.require(actor, Action.MONITOR_NOTICE_DELIVERY);
        Long n = jdbc.queryForObject("select count(*) from notice_email where status = 'FAILED'", Long.class);
        return n == null ? 0 : n;
    }

    /** Puts a failed e-mail back in line: PENDING, no attempts yet, due now. Only a failed one. */
    @Transactional
    public NoticeEmail retry(Actor actor, String noticeId, String recipient) {
        Permissions.require(actor, Action.MONITOR_NOTICE_DELIVERY);
        NoticeEmail email = find(noticeId, recipient);
        int changed = jdbc.update("""
                        update notice_email set status = 'PENDING', attempts = 0, next_attempt_at = ?
                        where notice_id = ? and recipient = ? and status = 'FAILED'""",
                at(clock.instant()), email.noticeId(), email.recipient());
        if (changed == 0) {
            throw new RuleViolationException("notice.delivery.not-failed",
                    "Diese E-Mail ist nicht fehlgeschlagen: Sie wird gerade zugestellt oder ist schon zugestellt.");
        }
        return find(noticeId, recipient);
    }

    private NoticeEmail find(String noticeId, String recipient) {
        if (!NoticeLinks.couldBeNoticeId(noticeId) || recipient == null || !RECIPIENT.matcher(recipient).matches()) {
            throw notFound();
        }
        return jdbc.query("select * from notice_email where notice_id = ? and recipient = ?", EMAIL, noticeId, recipient)
                .stream().findFirst().orElseThrow(FailedEmails::notFound);
    }

    private static NotFoundException notFound() {
        return new NotFoundException("notice.delivery.not-found", "Diese E-Mail einer Benachrichtigung gibt es nicht.");
    }

    private static final RowMapper<NoticeEmail> EMAIL = (rs, i) -> new NoticeEmail(rs.getString("notice_id"),
            rs.getString("recipient"), rs.getString("kind"), NoticeEmailStatus.valueOf(rs.getString("status")),
            rs.getInt("attempts"), rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "next_attempt_at"),
            instant(rs, "sent_at"));

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
