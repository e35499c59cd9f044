package nrw.komman.kernel.report;

/** The finished report of a background job; answers nothing (404) while it is not done. */
public record FetchReportJobResultQuery(String jobId) {
}
