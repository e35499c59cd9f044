package nrw.komman.kernel.privacy;

import nrw.komman.kernel.volunteer.VolunteerId;

import java.time.LocalDate;
import java.util.List;

/** A retention run: when, under which rules, which volunteers it erased (ids only) and how many grant files are due. */
public record RetentionRunRecordedEvent(String runId, LocalDate runOn, int inactiveYears, int grantFileYears,
                                        List<VolunteerId> erased, int grantFilesDue) {
}
