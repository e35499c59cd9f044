package nrw.komman.web.notification;

/** Where an e-mail of a notice stands (table {@code notice_email}, V44). */
public enum NoticeEmailStatus {
    /** Waiting, or retrying at its next attempt. */
    PENDING,
    /** Waiting for the recipient's daily digest. */
    DIGEST,
    SENT,
    /** Given up after the last attempt; an administrator may retry it. */
    FAILED,
    /** A volunteer's e-mail not sent: consent withdrawn, volunteer erased or deactivated before it went out; never retried. */
    DROPPED
}
