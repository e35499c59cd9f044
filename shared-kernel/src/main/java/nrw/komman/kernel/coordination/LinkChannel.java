package nrw.komman.kernel.coordination;

/**
 * How a personal link reaches the volunteer. Each channel has one current link: a link sent by e-mail replaces the
 * last e-mailed one and leaves the one handed over (printed, copied) working, so that an e-mail never breaks the
 * paper in the volunteer's hand. A revocation ends both.
 */
public enum LinkChannel {
    /** Shown once to the coordinator, who prints or copies it for the volunteer. */
    HANDED_OVER,
    /** Drawn by the platform for an e-mail to a volunteer who agreed to e-mail. */
    EMAIL
}
