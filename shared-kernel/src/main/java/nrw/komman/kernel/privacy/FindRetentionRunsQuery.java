package nrw.komman.kernel.privacy;

/** The latest retention runs, by hand or on the platform's schedule, newest first. Administrators only. */
public record FindRetentionRunsQuery() {
}
