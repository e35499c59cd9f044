package nrw.komman.kernel.privacy;

/** The dry run of the retention rules: what a run would erase today, and why. Administrators only. */
public record PlanRetentionQuery() {
}
