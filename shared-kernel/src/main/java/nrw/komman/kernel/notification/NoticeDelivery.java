package nrw.komman.kernel.notification;

/** How an account wants a kind of notice by e-mail; the inbox receives every notice whatever is chosen here. */
public enum NoticeDelivery {
    /** An e-mail for each notice, as soon as it is there. */
    IMMEDIATELY,
    /** One e-mail a day with the notices of the day before. */
    DAILY_DIGEST,
    /** No e-mail; the inbox only. */
    OFF
}
