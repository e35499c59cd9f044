package nrw.komman.command.coordination;

import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.volunteer.VolunteerId;

import java.util.List;

/**
 * Port: the set-based check that no volunteer is in two overlapping live assignments (issue 18). Every change runs
 * in the command's transaction and first locks the volunteer's own row, so two bookings of one volunteer that race
 * each other are checked one after the other, on one node or many. A refusal throws and leaves the ledger as it was.
 * <p>
 * It also remembers every live assignment (asked, offered, confirmed), so the platform finds a volunteer's live
 * assignments without a read model (the policy that cancels them when the volunteer is deactivated or erased).
 */
public interface BookingLedger {

    /** Locks the volunteer's row for the rest of the transaction (creating it the first time). */
    void lock(VolunteerId volunteerId);

    /**
     * Holds the volunteer's time for every occurrence of the schedule for this assignment (asked, or an offer
     * accepted).
     *
     * @throws nrw.komman.kernel.common.RuleViolationException assignment.volunteer.booked when another live
     *                                                         assignment of the volunteer overlaps
     */
    void hold(VolunteerId volunteerId, AssignmentId assignmentId, HelpRequestId requestId, Schedule schedule);

    /** Remembers an offer: a live assignment that holds no time until it is accepted. */
    void offer(VolunteerId volunteerId, AssignmentId assignmentId, HelpRequestId requestId);

    /** The assignment is no longer live (declined, cancelled, lapsed, its request closed): its time is free again. */
    void release(AssignmentId assignmentId);

    /** The assignment stays a fact but holds no more time (its request was closed). */
    void releaseTime(AssignmentId assignmentId);

    /** The volunteer's live assignments, locking the volunteer's row first. */
    List<LiveAssignment> liveAssignmentsOf(VolunteerId volunteerId);

    /** The volunteer's live assignments as committed now, without taking the volunteer's row. */
    List<LiveAssignment> liveAssignmentsWithoutLockOf(VolunteerId volunteerId);

    record LiveAssignment(HelpRequestId requestId, AssignmentId assignmentId) {
    }
}
