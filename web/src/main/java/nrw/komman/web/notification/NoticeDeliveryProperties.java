package nrw.komman.web.notification;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.LocalTime;

/**
 * The delivery of notices ({@code komman.notices.*}).
 *
 * @param every    how often the delivery task fans out new notices and sends the e-mails that are due
 * @param batch    notices of the outbox fanned out in one transaction
 * @param digestAt the time of day (NRW) of the daily digest
 * @param enabled  false: no delivery task and no digest task on this node (tests that drive them by hand)
 */
@ConfigurationProperties("komman.notices")
public record NoticeDeliveryProperties(@DefaultValue("5s") Duration every,
                                       @DefaultValue("200") int batch,
                                       @DefaultValue("07:00") String digestAt,
                                       @DefaultValue("true") boolean enabled) {

    public NoticeDeliveryProperties {
        if (every.isZero() || every.isNegative() || batch < 1) {
            throw new IllegalArgumentException("komman.notices.every must be positive and komman.notices.batch at least 1");
        }
        digestTime(digestAt);
    }

    /** The digest's time of day, "07:00". */
    public LocalTime digestTime() {
        return digestTime(digestAt);
    }

    private static LocalTime digestTime(String text) {
        try {
            return LocalTime.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("komman.notices.digest-at is a time of day such as 07:00, not " + text);
        }
    }
}
