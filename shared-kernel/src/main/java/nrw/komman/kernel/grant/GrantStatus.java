package nrw.komman.kernel.grant;

/** Where a grant stands in its life: applied → reviewed → approved or rejected; withdrawn before the decision. */
public enum GrantStatus {
    APPLIED, REVIEWED, APPROVED, REJECTED, WITHDRAWN;

    /** After these nothing happens to a grant except reading it. */
    public boolean isFinal() {
        return this == REJECTED || this == WITHDRAWN;
    }
}
