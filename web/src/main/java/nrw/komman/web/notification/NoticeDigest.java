package nrw.komman.web.notification;

import nrw.komman.kernel.common.Nrw;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The daily digest: one e-mail per account with its notices that wait for it ({@code notice_email} DIGEST), which
 * then become SENT. The digest's Message-ID is that of its oldest notice, so a digest sent again after a crash
 * carries the same one. A digest that cannot be sent stays waiting (one attempt more, the error recorded) and goes
 * with the next day's; after the last attempt its notices are FAILED, shown to administrators like any e-mail.
 */
@Component
public class NoticeDigest {

    private static final Logger log = LoggerFactory.getLogger(NoticeDigest.class);

    private final JdbcTemplate jdbc;
    private final NoticeMailSwitch mail;
    private final NoticeMailTexts texts;
    private final NoticeMailer mailer;
    private final NoticeMailProperties properties;

    public NoticeDigest(JdbcTemplate jdbc, NoticeMailSwitch mail, NoticeMailTexts texts, NoticeMailer mailer,
                        NoticeMailProperties properties) {
        this.jdbc = jdbc;
        this.mail = mail;
        this.texts = texts;
        this.mailer = mailer;
        this.properties = properties;
    }

    private record Waiting(String noticeId, String recipient, String messageId, int attempts, String address,
                           String language, String kind, String facts, String link) {
    }

    /** Sends every account's digest of what waits at {@code now}; answers how many digests were sent. */
    public int sendDigests(Instant now) {
        Optional<JavaMailSender> sender = mail.sender();
        if (sender.isEmpty()) {
            return 0;
        }
        List<Waiting> waiting = jdbc.query("select e.notice_id, e.recipient, e.message_id, e.attempts,"
                        + " case when a.enabled then a.email end, a.language,"
                        + " i.kind, i.facts, i.link from notice_email e join account a on a.username = e.recipient"
                        + " join notice_inbox i on i.notice_id = e.notice_id and i.username = e.recipient"
                        + " where e.status = 'DIGEST' and e.created_at <= ? order by e.recipient, i.occurred_at, e.created_at",
                (rs, i) -> new Waiting(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9)), Timestamp.from(now));
        Map<String, List<Waiting>> byRecipient = new LinkedHashMap<>();
        waiting.forEach(w -> byRecipient.computeIfAbsent(w.recipient(), r -> new ArrayList<>()).add(w));
        int sent = 0;
        for (Map.Entry<String, List<Waiting>> entry : byRecipient.entrySet()) {
            List<Waiting> notices = entry.getValue();
            Waiting first = notices.get(0);
            try {
                if (first.address() == null || first.address().isBlank()) {
                    // a disabled account (someone who left) or one without an address gets nothing more
                    throw new IllegalStateException("Das Konto ist gesperrt oder hat keine E-Mail-Adresse mehr.");
                }
                NoticeMailTexts.Mail digest = texts.digest(notices.stream()
                                .map(w -> new NoticeMailTexts.Notice(w.kind(), w.facts(), w.link())).toList(),
                        entry.getKey(), Nrw.dateOf(now), NoticeMailTexts.locale(first.language()));
                mailer.send(sender.get(), first.address(),
                        messageId(entry.getKey(), notices.stream().map(Waiting::noticeId).toList()), digest);
                jdbc.batchUpdate("update notice_email set status = 'SENT', sent_at = ?, attempts = attempts + 1,"
                                + " last_error = null where notice_id = ? and recipient = ? and status = 'DIGEST'",
                        notices.stream().map(w -> new Object[]{Timestamp.from(now), w.noticeId(), w.recipient()}).toList());
                sent++;
            } catch (Exception e) {
                String error = NoticeMailer.describe(e);
                if (notices.stream().anyMatch(w -> w.attempts() + 1 >= properties.maxAttempts())) {
                    log.warn("Tägliche Zusammenfassung: Benachrichtigungen nach {} Versuchen aufgegeben (Konto {}): {}",
                            properties.maxAttempts(), entry.getKey(), error);
                }
                // each notice by its own count: one that came today is not given up with the old ones
                jdbc.batchUpdate("update notice_email set status = ?, attempts = attempts + 1, last_error = ?"
                                + " where notice_id = ? and recipient = ? and status = 'DIGEST'",
                        notices.stream().map(w -> new Object[]{w.attempts() + 1 >= properties.maxAttempts()
                                ? NoticeMailer.FAILED : NoticeMailer.DIGEST, error, w.noticeId(), w.recipient()}).toList());
            }
        }
        return sent;
    }

    /**
     * The digest's Message-ID, made from what it carries: the same notices sent again (a send whose success was not
     * recorded) keep their id, so the copy is recognised; a digest with one more notice is another message.
     */
    static String messageId(String recipient, List<String> noticeIds) {
        List<String> ids = noticeIds.stream().sorted().toList();
        try {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update(recipient.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            ids.forEach(id -> sha.update(("\n" + id).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return "<digest-" + java.util.HexFormat.of().formatHex(sha.digest(), 0, 16) + "@notices.komm-an.nrw>";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
