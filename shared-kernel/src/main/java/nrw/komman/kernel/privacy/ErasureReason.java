package nrw.komman.kernel.privacy;

/** Why a volunteer's personal data was erased (DSGVO Art. 17). Never free text: it would be personal data itself. */
public enum ErasureReason {
    /** The volunteer asked for erasure (Art. 17(1)). */
    REQUEST,
    /** The volunteer withdrew consent (Art. 17(1)(b)). */
    CONSENT_WITHDRAWN,
    /** The retention period ran out (Art. 5(1)(e)). */
    RETENTION
}
