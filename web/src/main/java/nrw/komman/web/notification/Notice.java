package nrw.komman.web.notification;

import java.time.Instant;
import java.util.Map;

/**
 * One notice in an account's inbox (table {@code notice_inbox}): its kind (a {@code NoticeKind}'s name), the item it is
 * about and the path that opens it, the facts its text is made of, when it happened and when the account read it.
 */
public record Notice(String noticeId, String kind, String subjectId, String link, Map<String, String> facts,
                     Instant occurredAt, Instant readAt) {

    public boolean read() {
        return readAt != null;
    }
}
