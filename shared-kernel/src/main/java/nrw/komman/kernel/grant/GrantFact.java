package nrw.komman.kernel.grant;

/**
 * The kinds of fact in a grant's history, one per event. The read model stores the code
 * ({@link #name()}); the web words it in the reader's language (bundle key {@code history.fact.<code>}).
 */
public enum GrantFact {
    APPLIED, REVIEWED, APPROVED, REJECTED, WITHDRAWN, AMENDED, RAISE_PROPOSED, RAISE_WITHDRAWN, FUNDS_REQUESTED, DISBURSED, USAGE_REPORTED, CLOSED, REPAID,
    // issue 19: the dates that matter, recorded by the platform when they pass, and what moves them
    USAGE_REPORT_DUE_SOON, USAGE_REPORT_OVERDUE, USAGE_REPORT_DUE_EXTENDED, TRANCHE_SPENT_REPORTED,
    TRANCHE_SPENDING_OVERDUE, REVIEW_OVERDUE, DECISION_OVERDUE
}
