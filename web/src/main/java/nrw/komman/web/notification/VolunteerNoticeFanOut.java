package nrw.komman.web.notification;

import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.DomainException;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.coordination.IssueVolunteerLinkCommand;
import nrw.komman.kernel.coordination.LinkChannel;
import nrw.komman.kernel.coordination.ResolveVolunteerLinkQuery;
import nrw.komman.kernel.coordination.VolunteerLinkResolution;
import nrw.komman.kernel.coordination.VolunteerLinkId;
import nrw.komman.kernel.volunteer.FetchVolunteerEmailContactQuery;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.SealedText;
import nrw.komman.kernel.volunteer.VolunteerEmailContact;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.web.coordination.VolunteerLinkTokens;
import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.QueryDispatcher;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.GenericMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Fans out the notices told to a volunteer (audience VOLUNTEER: asked for an assignment, reminded of one). A volunteer
 * has no account and no inbox: the notice becomes an e-mail or nothing. An e-mail only when e-mail is on and the
 * query side says the volunteer may be e-mailed now (active, not erased, an address, a current consent to e-mail,
 * {@link FetchVolunteerEmailContactQuery}); otherwise the notice is marked fanned out with nothing sent (ADR 38).
 *
 * <p>An e-mail carries the e-mailed personal link ({@link LinkChannel#EMAIL}): the one sent last while it still
 * resolves to the volunteer and works long enough for this notice (its token kept sealed under the volunteer's key in
 * {@code volunteer_email_link}), else a new one drawn here and issued as {@link Actor#SYSTEM}, which then replaces the
 * token in every e-mail still waiting. So every e-mail's link works, and the handed-over one keeps working. The e-mail
 * row holds the token sealed, never plain, and a fixed Message-ID; the address is read when it is sent. The command is
 * not part of the rows' transaction: a crash between the two issues another link on the next run, which replaces the
 * first one nobody has seen.
 */
@Component
public class VolunteerNoticeFanOut {

    private static final Logger log = LoggerFactory.getLogger(VolunteerNoticeFanOut.class);
    /** The e-mailed link works at least this long, and at least this long after the assignment's last day. */
    static final int MIN_DAYS = 30;
    static final int DAYS_AFTER_LAST_DAY = 14;
    /** The recipient of a volunteer's e-mail row: no account name has a colon. */
    static final String RECIPIENT_PREFIX = Actor.VOLUNTEER_PREFIX;
    /** The volunteer's own page, as {@code web.coordination.PersonalLinkPages} serves it. */
    static final String OWN_PAGE = "/mein-einsatz/";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final NoticeMailSwitch mail;
    private final NoticeDeliveryProperties properties;
    private final CommandDispatcher commands;
    private final QueryDispatcher queries;
    private final VolunteerLinkTokens tokens;
    private final ObjectProvider<PersonalDataVault> vault;

    public VolunteerNoticeFanOut(JdbcTemplate jdbc, PlatformTransactionManager transactions, NoticeMailSwitch mail,
                                 NoticeDeliveryProperties properties, CommandDispatcher commands, QueryDispatcher queries,
                                 VolunteerLinkTokens tokens, ObjectProvider<PersonalDataVault> vault) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.mail = mail;
        this.properties = properties;
        this.commands = commands;
        this.queries = queries;
        this.tokens = tokens;
        this.vault = vault;
    }

    private record Notice(String noticeId, String kind, String volunteerId, String facts, Instant occurredAt) {
    }

    /** A volunteer the query side does not know yet (a projection behind, a rebuild) is waited for this long. */
    static final Duration WAIT_FOR_UNKNOWN = Duration.ofHours(1);
    /** A notice that fails for other reasons is tried on every run for this long, then given up with a warning. */
    static final Duration GIVE_UP_AFTER = Duration.ofHours(24);

    /** Not now, next run: the volunteer is not known to the query side yet. */
    private static final class NotKnownYet extends RuntimeException {
        NotKnownYet() {
            super(null, null, false, false);
        }
    }

    /**
     * Everything that waits for volunteers, oldest first; answers how many notices were taken. A notice that could not
     * be taken for a passing reason (the query or the command timed out) stays for the next run and does not hold up
     * the others behind it.
     */
    public int fanOutAll(Instant now) {
        int total = 0;
        List<Notice> notices;
        boolean allTaken;
        do {
            notices = jdbc.query("select notice_id, kind, audience_volunteer, facts, occurred_at from notice_outbox"
                            + " where fanned_out_at is null and audience_role = 'VOLUNTEER'"
                            + " order by occurred_at, notice_id fetch first " + properties.batch() + " rows only",
                    (rs, i) -> new Notice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant()));
            allTaken = true;
            for (Notice notice : notices) {
                try {
                    fanOut(notice, now);
                    total++;
                } catch (DomainException refused) {
                    // refused for good (e.g. deactivated between the question and the link): nothing to send
                    markDone(notice, Timestamp.from(now), "refused: " + refused.code());
                    total++;
                } catch (NotKnownYet later) {
                    allTaken = false;
                } catch (RuntimeException e) {
                    if (notice.occurredAt().isBefore(now.minus(GIVE_UP_AFTER))) {
                        log.warn("Benachrichtigung {} an Ehrenamtliche*n {} aufgegeben nach {}: {}", notice.noticeId(),
                                notice.volunteerId(), GIVE_UP_AFTER, e.getClass().getSimpleName());
                        markDone(notice, Timestamp.from(now), "given up");
                        total++;
                    } else {
                        log.warn("Benachrichtigung {} an Ehrenamtliche*n {} wartet auf den nächsten Lauf: {}", notice.noticeId(),
                                notice.volunteerId(), e.getClass().getSimpleName());
                        allTaken = false;
                    }
                }
            }
        } while (allTaken && notices.size() == properties.batch());
        return total;
    }

    private void fanOut(Notice notice, Instant now) {
        Timestamp at = Timestamp.from(now);
        PersonalDataVault keys = vault.getIfAvailable();
        VolunteerId volunteer = notice.volunteerId() == null ? null : VolunteerId.parse(notice.volunteerId().trim());
        if (!mail.on() || keys == null || volunteer == null) {
            markDone(notice, at, keys == null ? "no key store in this role" : "e-mail is off");
            return;
        }
        VolunteerEmailContact contact = contactOf(volunteer);
        if (!contact.mayEmail()) {
            if ((contact.notBecause() == null || contact.notBecause() == VolunteerEmailContact.NotEmailed.UNKNOWN)
                    && notice.occurredAt().isAfter(now.minus(WAIT_FOR_UNKNOWN))) {
                throw new NotKnownYet(); // the query side is behind (or rebuilding): ask again on the next run
            }
            markDone(notice, at, contact.notBecause() == null ? "not known" : contact.notBecause().name());
            return;
        }
        Map<String, String> facts = NoticeMailTexts.facts(notice.facts());
        LocalDate expiresOn = expiresOn(facts, Nrw.dateOf(now));
        // the link the last e-mail carried, while it works and still works on the assignment's last day: every e-mail's
        // link keeps working
        Optional<String> reusable = currentLink(keys, volunteer, lastDay(facts).orElse(Nrw.dateOf(now)));
        String sealedToken;
        if (reusable.isPresent()) {
            sealedToken = reusable.get();
        } else {
            String token = tokens.draw();
            VolunteerLinkId linkId = VolunteerLinkId.random();
            commands.sendAndAwait(GenericCommandMessage.asCommandMessage(new IssueVolunteerLinkCommand(volunteer, linkId,
                            VolunteerLinkTokens.hash(token), expiresOn, LinkChannel.EMAIL))
                    .andMetaData(Actor.SYSTEM.toMetaData()), volunteer);
            sealedToken = keys.sealText(volunteer, token).ciphertext();
            String newToken = sealedToken;
            transaction.executeWithoutResult(status -> {
                jdbc.update("delete from volunteer_email_link where volunteer_id = ?", volunteer.toString());
                jdbc.update("insert into volunteer_email_link (volunteer_id, link_id, sealed_token, expires_on) values (?, ?, ?, ?)",
                        volunteer.toString(), linkId.toString(), newToken, java.sql.Date.valueOf(expiresOn));
                // the new link replaced the one e-mails still waiting carry: they carry the new one
                jdbc.update("update notice_email set sealed_token = ? where volunteer_id = ? and status in ('PENDING', 'FAILED')",
                        newToken, volunteer.toString());
            });
        }
        String token = sealedToken;
        transaction.executeWithoutResult(status -> {
            // a row that exists already (the notice taken twice) is left as it is: nobody is e-mailed twice
            Integer written = jdbc.queryForObject("select count(*) from notice_email where notice_id = ? and recipient = ?",
                    Integer.class, notice.noticeId(), recipientOf(volunteer));
            if (written == null || written == 0) {
                jdbc.update("insert into notice_email (notice_id, recipient, kind, message_id, status, attempts,"
                                + " next_attempt_at, created_at, volunteer_id, sealed_token)"
                                + " values (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?)",
                        notice.noticeId(), recipientOf(volunteer), notice.kind(), messageId(), at, at, volunteer.toString(),
                        token);
            }
            jdbc.update("update notice_outbox set fanned_out_at = ? where notice_id = ? and fanned_out_at is null",
                    at, notice.noticeId());
        });
    }

    /**
     * The sealed token of the e-mailed link last sent to the volunteer, if it still resolves to them (not revoked, not
     * replaced, the volunteer active) and works at least until {@code until} (the assignment's last day); otherwise
     * empty, and a new one is issued.
     */
    private Optional<String> currentLink(PersonalDataVault keys, VolunteerId volunteer, LocalDate until) {
        List<String> rows = jdbc.queryForList("select sealed_token from volunteer_email_link where volunteer_id = ? "
                + "and expires_on >= ?", String.class, volunteer.toString(), until);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String sealed = rows.get(0);
        Optional<String> token = keys.openText(volunteer, new SealedText(sealed));
        if (token.isEmpty()) {
            return Optional.empty();
        }
        return resolves(volunteer, token.get()) ? Optional.of(sealed) : Optional.empty();
    }

    /**
     * Whether the token's link works now and is the volunteer's: not revoked, replaced or expired, the volunteer active
     * and not erased (the resolution a volunteer opening it gets).
     */
    boolean resolves(VolunteerId volunteer, String token) {
        try {
            return queries.optional(new GenericMessage<>(new ResolveVolunteerLinkQuery(VolunteerLinkTokens.hash(token)),
                            Actor.PERSONAL_LINK.toMetaData()), VolunteerLinkResolution.class)
                    .filter(link -> link.volunteerId().equals(volunteer)).isPresent();
        } catch (DomainException gone) {
            return false; // revoked, expired, deactivated, erased: a new link, or a refusal, follows
        }
    }

    /** Nothing to send: the notice is done; the log says why at debug level (no personal data, the volunteer's id only). */
    private void markDone(Notice notice, Timestamp at, String why) {
        log.debug("Keine E-Mail an Ehrenamtliche*n {} zur Benachrichtigung {} ({})", notice.volunteerId(), notice.noticeId(), why);
        jdbc.update("update notice_outbox set fanned_out_at = ? where notice_id = ? and fanned_out_at is null", at, notice.noticeId());
    }

    /** Whether and where the volunteer may be e-mailed now, as the platform asks it (also the mailer before it sends). */
    VolunteerEmailContact contactOf(VolunteerId volunteer) {
        return queries.optional(new GenericMessage<>(new FetchVolunteerEmailContactQuery(volunteer), Actor.SYSTEM.toMetaData()),
                        VolunteerEmailContact.class)
                .orElse(VolunteerEmailContact.not(volunteer, null, VolunteerEmailContact.NotEmailed.UNKNOWN));
    }

    /** The path of the volunteer's own page behind a token (the e-mail makes it absolute). */
    static String linkOf(String token) {
        return OWN_PAGE + token;
    }

    static String recipientOf(VolunteerId volunteer) {
        return RECIPIENT_PREFIX + volunteer;
    }

    /**
     * The last day the e-mailed link works: two weeks after the assignment's last day (the reminder's day, else the
     * first day), and never less than {@value #MIN_DAYS} days from today, so that the volunteer can still answer and
     * see the assignment afterwards.
     */
    static LocalDate expiresOn(Map<String, String> facts, LocalDate today) {
        LocalDate floor = today.plusDays(MIN_DAYS);
        return lastDay(facts).map(last -> last.plusDays(DAYS_AFTER_LAST_DAY)).filter(after -> after.isAfter(floor))
                .orElse(floor);
    }

    /** The assignment's last day: its last day, else the reminder's day, else its first day. */
    static Optional<LocalDate> lastDay(Map<String, String> facts) {
        String last = facts.getOrDefault("lastDay", facts.getOrDefault("day", facts.get("firstDay")));
        return Optional.ofNullable(last).map(LocalDate::parse);
    }

    private static String messageId() {
        return "<" + UUID.randomUUID() + "@notices.komm-an.nrw>";
    }
}
