package nrw.komman.kernel.report;

import nrw.komman.kernel.centre.CentreId;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A background report and how far it got: {@code eventsProcessed} of {@code eventsTotal} (the event store's
 * head when it started), {@code secondsLeft} estimated from the pace so far (null when unknown). A finished
 * job names its report's checksum; a failed one says why.
 */
public record ReportJob(String jobId, int fundingYear, LocalDate asOf, Instant cutOff, CentreId centreId, String requestedBy,
                        ReportJobStatus status, long eventsProcessed, long eventsTotal, Instant requestedAt, Instant finishedAt,
                        Long secondsLeft, String checksum, String error) {

    /** Per cent done, 0–100. */
    public int percent() {
        if (status == ReportJobStatus.DONE) {
            return 100;
        }
        return eventsTotal <= 0 ? 0 : (int) Math.min(99, eventsProcessed * 100 / eventsTotal);
    }
}
