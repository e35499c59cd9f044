package nrw.komman.query.common;

/**
 * The names of the query side's event processors. The application configures both as pooled
 * streaming processors sequenced by centre (bean {@code centreSequencingPolicy}).
 */
public final class ProcessingGroups {

    /** Centres, volunteer roster, activity log and the per-centre activity statistics. */
    public static final String CENTRE_VIEWS = "centre-views";

    /** Grants register, grant history and the budgets (budget use is summed from the grants). */
    public static final String GRANT_VIEWS = "grant-views";

    private ProcessingGroups() {
    }
}
