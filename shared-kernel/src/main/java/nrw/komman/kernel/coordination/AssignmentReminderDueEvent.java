package nrw.komman.kernel.coordination;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.volunteer.VolunteerId;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The day before an occurrence of a confirmed assignment came (a deadline of the request, recorded by the platform):
 * the volunteer is reminded, by e-mail and only with their consent.
 *
 * @param day      the day of the occurrence
 * @param startsAt when it starts
 */
public record AssignmentReminderDueEvent(HelpRequestId requestId, AssignmentId assignmentId, VolunteerId volunteerId,
                                         CentreId centreId, LocalDate day, Instant startsAt) {
}
