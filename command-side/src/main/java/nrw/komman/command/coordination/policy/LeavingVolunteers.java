package nrw.komman.command.coordination.policy;

import nrw.komman.command.coordination.BookingLedger;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.coordination.CancelAssignmentCommand;
import nrw.komman.kernel.privacy.VolunteerDataErasedEvent;
import nrw.komman.kernel.volunteer.VolunteerDeactivatedEvent;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.MetaData;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The policy that a volunteer who leaves (deactivated or erased) is in no live assignment any more: each one the
 * booking ledger knows is cancelled by the platform ({@link Actor#SYSTEM}'s account, with the volunteer's centre), with a reason code the pages word
 * ({@value #DEACTIVATED}, {@value #ERASED}; after erasure the reason is dropped with the volunteer's key).
 * <p>
 * The command side's only event handlers besides the grant chain's: a policy that must hold in the deciding
 * transaction, not eventually. It runs in the subscribing processor {@value #PROCESSING_GROUP} ({@link CoordinationPolicyConfiguration}): in the
 * unit of work and database transaction of the command that deactivated or erased the volunteer, right after its
 * events were appended, with failures propagated. The cancellations are sent on the local bus as nested units of
 * work and commit with it or not at all. A second pass lists the live assignments again with the volunteer's row of
 * the ledger locked, so an assignment booked at the same moment either is listed then or is booked after this commit
 * and sees the volunteer inactive (see {@code EventStoreVolunteerStanding}).
 */
@Component
@ProcessingGroup(LeavingVolunteers.PROCESSING_GROUP)
public class LeavingVolunteers {

    public static final String PROCESSING_GROUP = "coordination-policies";
    /** The reason code of an assignment cancelled because its volunteer was deactivated. */
    public static final String DEACTIVATED = "volunteer.deactivated";
    /** The reason code of an assignment cancelled because its volunteer's data was erased (not kept: the key is gone). */
    public static final String ERASED = "volunteer.erased";

    private final BookingLedger ledger;
    private final ObjectProvider<CommandGateway> gateway;

    public LeavingVolunteers(BookingLedger ledger, ObjectProvider<CommandGateway> gateway) {
        this.ledger = ledger;
        this.gateway = gateway;
    }

    @EventHandler
    public void on(VolunteerDeactivatedEvent event) {
        cancelLiveAssignments(event.volunteerId(), event.centreId(), DEACTIVATED);
    }

    @EventHandler
    public void on(VolunteerDataErasedEvent event) {
        cancelLiveAssignments(event.volunteerId(), event.centreId(), ERASED);
    }

    /**
     * The platform, for the volunteer's centre, says so explicitly: a message sent while the deactivation is handled
     * would otherwise take the centre of the deactivating coordinator from the correlation data, and the fact would
     * name a mixture of the two.
     */
    static Actor platformFor(CentreId centreId) {
        return new Actor(Actor.SYSTEM.account(), AccountRole.SYSTEM, centreId);
    }

    private void cancelLiveAssignments(VolunteerId volunteerId, CentreId centreId, String reason) {
        // first without the volunteer's row: a cancellation needs its request's lock, and a request confirming an
        // offer holds that lock while it waits for this row; holding the row here would close a cycle that neither
        // Axon nor the database sees. Then with the row, for an assignment booked while the first pass ran.
        java.util.Set<BookingLedger.LiveAssignment> done = new java.util.HashSet<>();
        cancel(ledger.liveAssignmentsWithoutLockOf(volunteerId), done, centreId, reason);
        cancel(ledger.liveAssignmentsOf(volunteerId), done, centreId, reason);
    }

    private void cancel(java.util.List<BookingLedger.LiveAssignment> assignments, java.util.Set<BookingLedger.LiveAssignment> done,
                        CentreId centreId, String reason) {
        for (BookingLedger.LiveAssignment live : assignments) {
            if (!done.add(live)) {
                continue;
            }
            try {
                gateway.getObject().sendAndWait(GenericCommandMessage.asCommandMessage(
                                new CancelAssignmentCommand(live.requestId(), live.assignmentId(), reason))
                        .andMetaData(MetaData.from(platformFor(centreId).toMetaData())));
            } catch (NotFoundException | RuleViolationException notLive) {
                // the request says the assignment is not live (any more): a stale row must not stop the deactivation
                ledger.release(live.assignmentId());
            }
        }
    }
}
