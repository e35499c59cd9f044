package nrw.komman.web.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * E-mail of notices ({@code komman.mail.*}). The SMTP server itself is Spring Boot's {@code spring.mail.*}
 * (SPRING_MAIL_HOST, SPRING_MAIL_PORT, SPRING_MAIL_USERNAME, SPRING_MAIL_PASSWORD,
 * SPRING_MAIL_PROPERTIES_MAIL_SMTP_STARTTLS_ENABLE ...); without {@code spring.mail.host} no e-mail is written or sent.
 *
 * @param from         the sender of every e-mail
 * @param baseUrl      the platform's address the links in e-mails start with
 * @param maxAttempts  attempts of one e-mail before it is given up (FAILED, shown to administrators)
 * @param firstRetry   the pause after the first failed attempt; each further one is {@code retryFactor} times longer
 * @param retryFactor  how much longer each pause is than the one before
 * @param longestRetry the longest pause between two attempts
 * @param claim        how long an e-mail being sent is held by the sender: a node that dies while sending leaves it
 *                     to be sent again (with the same Message-ID) after this
 * @param batch        e-mails sent in one run of the delivery task
 */
@ConfigurationProperties("komman.mail")
public record NoticeMailProperties(@DefaultValue("noreply@komm-an.nrw.example") String from,
                                   @DefaultValue("http://localhost:8080") URI baseUrl,
                                   @DefaultValue("8") int maxAttempts,
                                   @DefaultValue("1m") Duration firstRetry,
                                   @DefaultValue("5") int retryFactor,
                                   @DefaultValue("6h") Duration longestRetry,
                                   @DefaultValue("2m") Duration claim,
                                   @DefaultValue("50") int batch) {

    public NoticeMailProperties {
        if (maxAttempts < 1 || retryFactor < 1 || batch < 1 || firstRetry.isNegative() || longestRetry.isNegative()
                || claim.isNegative()) {
            throw new IllegalArgumentException("komman.mail.max-attempts, retry-factor and batch must be at least 1, "
                    + "the pauses must not be negative");
        }
    }

    /** The pause after the {@code attempts}-th failed attempt: 1, 5, 25 ... minutes, at most {@link #longestRetry}. */
    public Duration pauseAfter(int attempts) {
        Duration pause = firstRetry;
        for (int i = 1; i < attempts && pause.compareTo(longestRetry) < 0; i++) {
            pause = pause.multipliedBy(retryFactor);
        }
        return pause.compareTo(longestRetry) > 0 ? longestRetry : pause;
    }

    /** The absolute address of a page of the platform. */
    public String link(String path) {
        String base = baseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }
}
