package nrw.komman.web.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.SealedText;
import nrw.komman.kernel.volunteer.VolunteerEmailContact;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.slf4j.Logger;
import org.springframework.beans.factory.ObjectProvider;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sends the e-mails that are due ({@code notice_email} PENDING with {@code next_attempt_at} reached), each with its
 * fixed {@code message_id} as the Message-ID, so that a copy sent again is recognised as the same message. Before
 * sending, an e-mail is claimed for {@code komman.mail.claim} by a conditional update (status and the time it was
 * read): two senders never both send it, and a node that dies while sending leaves it to be sent again, with the same
 * Message-ID, after the claim has run out (at least once). Success: SENT. Failure: one attempt more, the next after a
 * growing pause (1, 5, 25 … minutes, at most 6 hours), the error's kind without personal data or stack; after the
 * last attempt FAILED and a warning in the log (administrators see it and can retry it).
 *
 * <p>A volunteer's e-mail (ADR 38) is sent only if the volunteer may still be e-mailed when it goes out (asked again,
 * {@link VolunteerNoticeFanOut#contactOf}) and its sealed link opens (the key exists; the address is the current one); otherwise it is
 * DROPPED, never retried. Once it is SENT or DROPPED its sealed token is cleared.
 * <p>Why this size: two kinds of recipient (accounts, volunteers) share the claim, the batch over one SMTP connection,
 * the retries and the outcome recording; only what is opened before sending differs.
 */
@Component
public class NoticeMailer {

    static final String PENDING = "PENDING";
    static final String DIGEST = "DIGEST";
    static final String SENT = "SENT";
    static final String FAILED = "FAILED";
    static final String DROPPED = "DROPPED";

    private static final Logger log = LoggerFactory.getLogger(NoticeMailer.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final NoticeMailSwitch mail;
    private final NoticeMailTexts texts;
    private final NoticeMailProperties properties;
    private final VolunteerNoticeFanOut volunteers;
    private final ObjectProvider<PersonalDataVault> vault;

    public NoticeMailer(JdbcTemplate jdbc, PlatformTransactionManager transactions, NoticeMailSwitch mail, NoticeMailTexts texts,
                        NoticeMailProperties properties, VolunteerNoticeFanOut volunteers, ObjectProvider<PersonalDataVault> vault) {
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.mail = mail;
        this.texts = texts;
        this.properties = properties;
        this.volunteers = volunteers;
        this.vault = vault;
    }

    /** What the claim needs of an e-mail row. */
    private interface Row {
        String noticeId();

        String recipient();

        int attempts();

        OffsetDateTime nextAttemptAt();
    }

    /** {@code nextAttemptAt} as an offset time, not a {@code Timestamp}: the claim compares it exactly (see claim). */
    private record Due(String noticeId, String recipient, String messageId, int attempts, OffsetDateTime nextAttemptAt,
                       String address, String language, String kind, String facts, String link, boolean enabled) implements Row {
    }

    /** A volunteer's e-mail: its link sealed under the volunteer's key, its facts from the outbox. */
    private record VolunteerDue(String noticeId, String recipient, String messageId, int attempts,
                                OffsetDateTime nextAttemptAt, VolunteerId volunteerId, String sealedToken, String kind,
                                String facts) implements Row {
    }

    /** What one run did (a volunteer's e-mail dropped counts as given up). */
    public record Outcome(int sent, int failedAttempts, int givenUp) {

        Outcome plus(Outcome other) {
            return new Outcome(sent + other.sent, failedAttempts + other.failedAttempts, givenUp + other.givenUp);
        }
    }

    /** Sends what is due at {@code now}, at most one batch to accounts and one to volunteers. */
    public Outcome sendDue(Instant now) {
        Optional<JavaMailSender> sender = mail.sender();
        if (sender.isEmpty()) {
            return new Outcome(0, 0, 0);
        }
        return sendDueToAccounts(sender.get(), now).plus(sendDueToVolunteers(sender.get(), now));
    }

    private Outcome sendDueToAccounts(JavaMailSender sender, Instant now) {
        List<Due> due = jdbc.query("select e.notice_id, e.recipient, e.message_id, e.attempts, e.next_attempt_at,"
                        + " a.email, a.language, i.kind, i.facts, i.link, a.enabled from notice_email e"
                        + " join account a on a.username = e.recipient"
                        + " join notice_inbox i on i.notice_id = e.notice_id and i.username = e.recipient"
                        + " where e.status = 'PENDING' and e.next_attempt_at <= ? and e.volunteer_id is null"
                        + " order by e.next_attempt_at, e.created_at fetch first " + properties.batch() + " rows only",
                (rs, i) -> new Due(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getBoolean(11)),
                Timestamp.from(now));
        int sent = 0;
        int failed = 0;
        int givenUp = 0;
        List<Due> ready = new ArrayList<>();
        List<MimeMessage> messages = new ArrayList<>();
        for (Due email : claim(due, now)) {
            if (email.address() == null || email.address().isBlank() || !email.enabled()) {
                // nobody to send it to any more: given up at once, visible to administrators
                givenUp += fail(email, now, email.enabled() ? "Das Konto hat keine E-Mail-Adresse mehr." : "Das Konto ist gesperrt.", true) ? 1 : 0;
                continue;
            }
            try {
                NoticeMailTexts.Mail text = texts.single(new NoticeMailTexts.Notice(email.kind(), email.facts(), email.link()),
                        email.recipient(), NoticeMailTexts.locale(email.language()));
                messages.add(message(sender, email.address(), email.messageId(), text));
                ready.add(email);
            } catch (RuntimeException | MessagingException e) {
                if (fail(email, now, describe(e), email.attempts() + 1 >= properties.maxAttempts())) {
                    failed++;
                }
            }
        }
        if (messages.isEmpty()) {
            return new Outcome(sent, failed, givenUp);
        }
        return sendBatch(sender, ready, messages, now, "last_error = null").plus(new Outcome(sent, failed, givenUp));
    }

    /**
     * The volunteers' e-mails that are due: asked again whether the volunteer may be e-mailed, opened, sent; dropped
     * when the volunteer may no longer be e-mailed or the key is gone (erased).
     */
    private Outcome sendDueToVolunteers(JavaMailSender sender, Instant now) {
        List<VolunteerDue> due = jdbc.query("select e.notice_id, e.recipient, e.message_id, e.attempts, e.next_attempt_at,"
                        + " e.volunteer_id, e.sealed_token, e.kind, o.facts from notice_email e"
                        + " join notice_outbox o on o.notice_id = e.notice_id"
                        + " where e.status = 'PENDING' and e.next_attempt_at <= ? and e.volunteer_id is not null"
                        + " order by e.next_attempt_at, e.created_at fetch first " + properties.batch() + " rows only",
                (rs, i) -> new VolunteerDue(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class), VolunteerId.parse(rs.getString(6).trim()), rs.getString(7),
                        rs.getString(8), rs.getString(9)),
                Timestamp.from(now));
        if (due.isEmpty()) {
            return new Outcome(0, 0, 0);
        }
        PersonalDataVault keys = vault.getIfAvailable();
        int failed = 0;
        int dropped = 0;
        List<VolunteerDue> ready = new ArrayList<>();
        List<MimeMessage> messages = new ArrayList<>();
        for (VolunteerDue email : claim(due, now)) {
            VolunteerEmailContact contact;
            try {
                contact = volunteers.contactOf(email.volunteerId());
            } catch (RuntimeException e) {
                failed += fail(email, now, describe(e), email.attempts() + 1 >= properties.maxAttempts()) ? 1 : 0;
                continue;
            }
            if (!contact.mayEmail()) {
                dropped += drop(email, contact.notBecause() == null ? "UNKNOWN" : contact.notBecause().name()) ? 1 : 0;
                continue;
            }
            // the address as it is now (a corrected one counts), opened by the query side from the volunteer's data
            Optional<String> address = Optional.ofNullable(contact.address()).filter(a -> !a.isBlank());
            Optional<String> token = open(keys, email.volunteerId(), email.sealedToken());
            if (address.isEmpty() || token.isEmpty()) {
                dropped += drop(email, "ERASED") ? 1 : 0; // the key is destroyed: nothing can be opened or sent
                continue;
            }
            if (!volunteers.resolves(email.volunteerId(), token.get())) {
                // a coordinator revoked the links since: the e-mail would carry a link that answers "ungültig"
                dropped += drop(email, "LINK_ENDED") ? 1 : 0;
                continue;
            }
            try {
                NoticeMailTexts.Mail text = texts.toVolunteer(new NoticeMailTexts.Notice(email.kind(), email.facts(),
                        VolunteerNoticeFanOut.linkOf(token.get())));
                messages.add(message(sender, address.get(), email.messageId(), text));
                ready.add(email);
            } catch (RuntimeException | MessagingException e) {
                if (fail(email, now, describe(e), email.attempts() + 1 >= properties.maxAttempts())) {
                    failed++;
                }
            }
        }
        Outcome before = new Outcome(0, failed, dropped);
        if (messages.isEmpty()) {
            return before;
        }
        // sent: what the mailer needed is not kept
        return sendBatch(sender, ready, messages, now, "last_error = null, sealed_token = null").plus(before);
    }

    private static Optional<String> open(PersonalDataVault keys, VolunteerId volunteer, String sealed) {
        return keys == null || sealed == null ? Optional.empty() : keys.openText(volunteer, new SealedText(sealed));
    }

    /** Not sent and never retried; the reason is a code (no personal data), the sealed data is cleared. */
    private boolean drop(VolunteerDue email, String because) {
        if (!"INACTIVE".equals(because)) {
            // no consent, erased or the link ended: the e-mailed link kept for the next e-mail is not kept either
            jdbc.update("delete from volunteer_email_link where volunteer_id = ?", email.volunteerId().toString());
        }
        log.debug("E-Mail an Ehrenamtliche*n {} zur Benachrichtigung {} nicht gesendet: {}", email.volunteerId(),
                email.noticeId(), because);
        return jdbc.update("update notice_email set status = 'DROPPED', last_error = ?,"
                + " sealed_token = null where notice_id = ? and recipient = ? and status = 'PENDING'",
                "Nicht gesendet (" + because + ")", email.noticeId(), email.recipient()) == 1;
    }

    /** Sends the batch over one connection and records each e-mail's outcome ({@code sentColumns}: what SENT clears). */
    private Outcome sendBatch(JavaMailSender sender, List<? extends Row> ready, List<MimeMessage> messages, Instant now,
                              String sentColumns) {
        int sent = 0;
        int failed = 0;
        int givenUp = 0;
        // one connection to the SMTP server for the whole batch; the sender says which messages failed
        Map<Object, Exception> failures = new IdentityHashMap<>();
        try {
            sender.send(messages.toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            failures.putAll(e.getFailedMessages());
            if (failures.isEmpty()) {
                messages.forEach(m -> failures.put(m, e));
            }
        } catch (RuntimeException e) {
            messages.forEach(m -> failures.put(m, e));
        }
        List<Object[]> delivered = new ArrayList<>();
        for (int i = 0; i < ready.size(); i++) {
            Row email = ready.get(i);
            Exception failure = failures.get(messages.get(i));
            if (failure == null) {
                delivered.add(new Object[]{Timestamp.from(now), email.noticeId(), email.recipient()});
                sent++;
            } else {
                boolean last = email.attempts() + 1 >= properties.maxAttempts();
                fail(email, now, describe(failure), last);
                if (last) {
                    givenUp++;
                } else {
                    failed++;
                }
            }
        }
        // one transaction for the batch's SENT (one commit, not one per e-mail)
        if (!delivered.isEmpty()) {
            transaction.executeWithoutResult(status -> jdbc.batchUpdate("update notice_email set status = 'SENT', sent_at = ?,"
                    + " attempts = attempts + 1, " + sentColumns + " where notice_id = ? and recipient = ? and status = 'PENDING'", delivered));
        }
        return new Outcome(sent, failed, givenUp);
    }

    /**
     * Holds the e-mails for this sender, in one transaction: each only if nobody changed it since it was read (status
     * and the time it was read); answers those held.
     */
    private <R extends Row> List<R> claim(List<R> due, Instant now) {
        if (due.isEmpty()) {
            return due;
        }
        Timestamp until = Timestamp.from(now.plus(properties.claim()));
        // the time read is compared as it was stored: a Timestamp passes through the JVM's local time, which on H2
        // is ambiguous in the hour the clocks go back, and the claim would then never match

        int[] held = transaction.execute(status -> jdbc.batchUpdate("update notice_email set next_attempt_at = ?"
                        + " where notice_id = ? and recipient = ? and status = 'PENDING' and next_attempt_at = ?",
                due.stream().map(e -> new Object[]{until, e.noticeId(), e.recipient(), e.nextAttemptAt()}).toList()));
        List<R> claimed = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            if (held != null && held[i] == 1) {
                claimed.add(due.get(i));
            }
        }
        return claimed;
    }

    private boolean fail(Row email, Instant now, String error, boolean last) {
        int attempts = email.attempts() + 1;
        if (last) {
            log.warn("Benachrichtigung per E-Mail aufgegeben nach {} Versuchen (Benachrichtigung {}, Konto {}): {}",
                    attempts, email.noticeId(), email.recipient(), error);
        }
        return jdbc.update("update notice_email set status = ?, attempts = ?, next_attempt_at = ?, last_error = ?"
                        + " where notice_id = ? and recipient = ? and status = 'PENDING'",
                last ? FAILED : PENDING, attempts, Timestamp.from(now.plus(properties.pauseAfter(attempts))),
                error, email.noticeId(), email.recipient()) == 1;
    }

    /** Sends one e-mail with its fixed Message-ID (the digest). */
    void send(JavaMailSender sender, String address, String messageId, NoticeMailTexts.Mail text) throws MessagingException {
        sender.send(message(sender, address, messageId, text));
    }

    /** An e-mail with its fixed Message-ID (JavaMailSenderImpl keeps an explicitly set one when it sends). */
    private MimeMessage message(JavaMailSender sender, String address, String messageId, NoticeMailTexts.Mail text)
            throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(address);
        helper.setSubject(text.subject());
        helper.setText(text.text(), text.html());
        message.setHeader("Message-ID", messageId);
        return message;
    }

    /** The error's kind and the mail server's answer, without addresses or a stack: it is shown to administrators. */
    static String describe(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : ": " + root.getMessage().replaceAll("[\\w.+-]+@[\\w.-]+", "…");
        String text = root.getClass().getSimpleName() + message;
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
