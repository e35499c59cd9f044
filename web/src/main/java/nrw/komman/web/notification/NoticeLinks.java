package nrw.komman.web.notification;

import java.util.regex.Pattern;

/**
 * Where a notice may lead: a path of this application only. A link that could leave it (a scheme, {@code //host},
 * a backslash that browsers read as a slash, spaces or control characters) is not followed, so a notice can never
 * send anyone elsewhere.
 */
final class NoticeLinks {

    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9/_.~%=&+\\-]*(\\?[A-Za-z0-9/_.~%=&+\\-]*)?");
    /** The ids the delivery writes (UUIDs): anything else is unknown without asking the database. */
    private static final Pattern NOTICE_ID = Pattern.compile("[A-Za-z0-9-]{1,36}");

    private NoticeLinks() {
    }

    /** Whether the link is a path of this application. */
    static boolean isLocal(String link) {
        return link != null && link.length() <= 300 && LOCAL_PATH.matcher(link).matches();
    }

    /** Whether a notice could have this id. */
    static boolean couldBeNoticeId(String noticeId) {
        return noticeId != null && NOTICE_ID.matcher(noticeId).matches();
    }
}
