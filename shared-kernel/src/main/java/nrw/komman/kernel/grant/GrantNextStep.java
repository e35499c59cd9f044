package nrw.komman.kernel.grant;

import nrw.komman.kernel.common.Money;

/**
 * What is due next for a grant, and from whom. The read model stores the code ({@link #name()}); the
 * web words it in the reader's language, the repayment with the amount still outstanding.
 */
public enum GrantNextStep {
    /** The grant authority (Bezirksregierung) reviews the application. */
    REVIEW,
    /** The ministry decides. */
    DECISION,
    /** The grant authority disburses the funds the centre requested. */
    DISBURSEMENT,
    /** The centre may request funds not yet disbursed. */
    REQUEST_FUNDS,
    /** Everything is disbursed: the centre reports the use of the funds. */
    USAGE_REPORT,
    /** The grant authority checks the usage report. */
    REPORT_CHECK,
    /** The centre repays what is demanded back and still outstanding. */
    REPAYMENT,
    /** Nothing more is due. */
    NONE;

    /**
     * While approved it depends on the money: an open funds request waits for the grant authority,
     * undisbursed money may be drawn, and once everything is disbursed the usage report is due. A closed
     * grant waits for the repayment still outstanding. Null amounts count as zero.
     */
    public static GrantNextStep of(GrantStatus status, Money fundsRequested, Money disbursable, Money repaymentOutstanding) {
        return switch (status) {
            case APPLIED -> REVIEW;
            case REVIEWED -> DECISION;
            case APPROVED -> {
                if (positive(fundsRequested)) {
                    yield DISBURSEMENT;
                }
                yield positive(disbursable) ? REQUEST_FUNDS : USAGE_REPORT;
            }
            case USAGE_REPORTED -> REPORT_CHECK;
            case CLOSED -> positive(repaymentOutstanding) ? REPAYMENT : NONE;
            case REJECTED, WITHDRAWN -> NONE;
        };
    }

    private static boolean positive(Money amount) {
        return amount != null && !amount.isZero();
    }
}
