package nrw.komman.web.notification;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.access.Permissions;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import java.util.Map;

/**
 * An account's inbox (table {@code notice_inbox}, V44): its notices, newest first, and whether each was read. Every
 * question names the signed-in account and reaches only its own rows: another account's notice is unknown (404), the
 * same answer as for a notice that does not exist, so nobody learns which ids others have.
 */
@Component
public class NoticeInbox {

    /** How many notices a page or an API answer lists at most: the latest. */
    public static final int LATEST = 100;

    private static final Logger log = LoggerFactory.getLogger(NoticeInbox.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> FACTS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;
    private final Clock clock;

    @Autowired
    public NoticeInbox(JdbcTemplate jdbc, ObjectProvider<Clock> clock) {
        this(jdbc, clock.getIfUnique(Clock::systemUTC));
    }

    NoticeInbox(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * The latest notices of the account (all, or the unread ones), newest first, with how many there are in all.
     *
     * @param total  the account's notices of this selection, also those beyond the latest {@link #LATEST}
     * @param unread the account's unread notices
     */
    public record Latest(List<Notice> notices, long total, long unread) {

        /** The notices of the selection not listed, older than the ones that are. */
        public long older() {
            return Math.max(0, total - notices.size());
        }
    }

    public Latest latest(Actor actor, boolean unreadOnly) {
        String account = own(actor);
        String unread = unreadOnly ? " and read_at is null" : "";
        List<Notice> notices = jdbc.query("select * from notice_inbox where username = ?" + unread
                + " order by occurred_at desc, notice_id desc limit " + LATEST, NOTICE, account);
        long unreadCount = unreadCount(account);
        long total = unreadOnly ? unreadCount : notices.size() < LATEST ? notices.size()
                : count("select count(*) from notice_inbox where username = ?", account);
        return new Latest(notices, total, unreadCount);
    }

    /** The account's unread notices: one count on the index {@code ix_notice_inbox_unread}, for every page's header. */
    public long unreadCount(Actor actor) {
        return unreadCount(own(actor));
    }

    private long unreadCount(String account) {
        return count("select count(*) from notice_inbox where username = ? and read_at is null", account);
    }

    /** One of the account's notices; another account's is unknown. */
    public Notice get(Actor actor, String noticeId) {
        String account = own(actor);
        if (!NoticeLinks.couldBeNoticeId(noticeId)) {
            throw notFound();
        }
        return jdbc.query("select * from notice_inbox where username = ? and notice_id = ?", NOTICE, account, noticeId)
                .stream().findFirst().orElseThrow(NoticeInbox::notFound);
    }

    /** Marks one of the account's notices as read (again: nothing changes) and returns it. */
    @Transactional
    public Notice markRead(Actor actor, String noticeId) {
        Notice notice = get(actor, noticeId);
        if (!notice.read()) {
            jdbc.update("update notice_inbox set read_at = ? where username = ? and notice_id = ? and read_at is null",
                    at(clock.instant()), actor.account(), notice.noticeId());
        }
        return notice;
    }

    /** Marks every unread notice of the account as read; how many were unread. */
    @Transactional
    public int markAllRead(Actor actor) {
        String account = own(actor);
        return jdbc.update("update notice_inbox set read_at = ? where username = ? and read_at is null",
                at(clock.instant()), account);
    }

    /** The account asking, once it may have notices at all. */
    private static String own(Actor actor) {
        Permissions.require(actor, Action.READ_OWN_NOTICES);
        return actor.account();
    }

    private long count(String sql, String account) {
        Long n = jdbc.queryForObject(sql, Long.class, account);
        return n == null ? 0 : n;
    }

    private static NotFoundException notFound() {
        return new NotFoundException("notice.not-found", "Diese Benachrichtigung gibt es nicht.");
    }

    private static final RowMapper<Notice> NOTICE = (rs, i) -> new Notice(rs.getString("notice_id"), rs.getString("kind"),
            rs.getString("subject_id"), rs.getString("link"), facts(rs.getString("facts")), instant(rs, "occurred_at"),
            instant(rs, "read_at"));

    /** The facts as the outbox wrote them, a JSON object of strings; unreadable ones are none (the kind's title stays). */
    static Map<String, String> facts(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            Map<String, String> facts = JSON.readValue(json, FACTS);
            return facts == null ? Map.of() : facts;
        } catch (Exception e) {
            log.warn("Facts of a notice not readable: {}", e.getClass().getSimpleName());
            return Map.of();
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
