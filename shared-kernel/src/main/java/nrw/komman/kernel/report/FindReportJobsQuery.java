package nrw.komman.kernel.report;

/** The recent background reports the asking account may read (its own centre's, or all for the state's readers). */
public record FindReportJobsQuery() {
}
