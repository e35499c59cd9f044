package nrw.komman.kernel.activity;

/**
 * The columns a centre's activity log can be sorted by. Names are sealed in the read model (ADR 22), so the
 * query side sorts a period's entries in memory; ties fall back to the log's order (newest first, then the id).
 */
public enum ActivityLogSort {
    DATE,
    /** By the volunteer's name regardless of case; erased volunteers (no name) last. */
    VOLUNTEER,
    /** By the category's German name. */
    CATEGORY,
    DURATION,
    /** By the grant's title; entries without a grant last. */
    GRANT,
    /** Logged, corrected, withdrawn. */
    STATUS
}
