package nrw.komman.kernel.report;

/** Where a background report stands. */
public enum ReportJobStatus {
    QUEUED, RUNNING, DONE, FAILED
}
