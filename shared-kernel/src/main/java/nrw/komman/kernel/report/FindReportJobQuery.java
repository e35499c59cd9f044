package nrw.komman.kernel.report;

/** One background report's state; answers nothing (404) for an unknown id. */
public record FindReportJobQuery(String jobId) {
}
