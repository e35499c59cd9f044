package nrw.komman.kernel.grant;

/**
 * Where a grant stands in its life:
 * <pre>
 * APPLIED → REVIEWED → APPROVED → USAGE_REPORTED → CLOSED
 *    │          ├────→ REJECTED
 *    └──────────┴────→ WITHDRAWN (before the decision)
 * </pre>
 * An approved grant is amended and gets tranches disbursed; its usage report moves it on; checking the
 * report closes it with the repayment demand, and only repayments are recorded after that.
 */
public enum GrantStatus {
    APPLIED, REVIEWED, APPROVED, USAGE_REPORTED, CLOSED, REJECTED, WITHDRAWN;

    /** After these nothing happens to a grant except reading it (a closed grant still receives repayments). */
    public boolean isFinal() {
        return this == REJECTED || this == WITHDRAWN || this == CLOSED;
    }

    /** The statuses in which a grant's approved amount counts against the budget. */
    public boolean countsAgainstBudget() {
        return this == APPROVED || this == USAGE_REPORTED || this == CLOSED;
    }
}
