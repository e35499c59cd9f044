package nrw.komman.kernel.privacy;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A retention run as its record ({@link RetentionRunRecordedEvent}) tells it, without the erased ids.
 *
 * @param startedBy     the account that started it; {@code system} for a run on the platform's schedule
 * @param scheduled     run by the platform on its schedule (ADR 39), not by an administrator
 * @param erased        how many volunteers it erased
 * @param grantFilesDue grant files whose keeping period had ended on that day
 */
public record RetentionRunSummary(String runId, LocalDate runOn, Instant recordedAt, String startedBy, boolean scheduled,
                                  int inactiveYears, int grantFileYears, int erased, int grantFilesDue) {
}
