package nrw.komman.command.coordination;

import nrw.komman.command.centre.CentreRegistry;
import nrw.komman.command.common.Actors;
import nrw.komman.command.grant.GrantRegistry;
import nrw.komman.command.grant.GrantRegistry.GrantFacts;
import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.access.Permissions;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.LogActivityCommand;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.coordination.AskVolunteerCommand;
import nrw.komman.kernel.coordination.AssignmentCancelledEvent;
import nrw.komman.kernel.coordination.AssignmentConfirmedEvent;
import nrw.komman.kernel.coordination.AssignmentDeclinedEvent;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.AssignmentLapsedEvent;
import nrw.komman.kernel.coordination.AssignmentNoShowRecordedEvent;
import nrw.komman.kernel.coordination.AssignmentOfferedEvent;
import nrw.komman.kernel.coordination.AssignmentReminderDueEvent;
import nrw.komman.kernel.coordination.AssignmentStatus;
import nrw.komman.kernel.coordination.AssignmentTookPlaceEvent;
import nrw.komman.kernel.coordination.CancelAssignmentCommand;
import nrw.komman.kernel.coordination.CancelHelpRequestCommand;
import nrw.komman.kernel.coordination.CloseHelpRequestCommand;
import nrw.komman.kernel.coordination.ConfirmAssignmentCommand;
import nrw.komman.kernel.coordination.DeclineAssignmentCommand;
import nrw.komman.kernel.coordination.EraseRequesterDataCommand;
import nrw.komman.kernel.coordination.HelpRequestCancelledEvent;
import nrw.komman.kernel.coordination.HelpRequestClosedEvent;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.HelpRequestOpenedEvent;
import nrw.komman.kernel.coordination.HelpRequestUnstaffedEvent;
import nrw.komman.kernel.coordination.OfferToVolunteersCommand;
import nrw.komman.kernel.coordination.OpenHelpRequestCommand;
import nrw.komman.kernel.coordination.RecordAssignmentTookPlaceCommand;
import nrw.komman.kernel.coordination.RecordNoShowCommand;
import nrw.komman.kernel.coordination.ReplaceAssignmentCommand;
import nrw.komman.kernel.coordination.ScheduleRequestDatesCommand;
import nrw.komman.kernel.coordination.RequesterDataErasedEvent;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.coordination.VolunteerAskedEvent;
import nrw.komman.kernel.grant.FundingYear;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.privacy.ErasureReason;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.SealedText;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A request for help (Einsatzanfrage) of one centre with its assignments (geplante Einsätze): who was asked or
 * offered a place, who confirmed, declined, was cancelled, and what took place. The request and its assignments are
 * one consistency boundary: "never beyond the number asked for" needs all of them at once. That no volunteer is in
 * two overlapping assignments of different requests is a set-based check, the {@link BookingLedger}, in the same
 * transaction.
 * <p>
 * The requester's name and contact, the place, the note and the reason of a cancelled request are sealed under the
 * request's own key ({@link HelpRequestId#subject()}), destroyed when its retention ends; reasons of declines and
 * cancellations of an assignment under the volunteer's key, so their erasure removes them too. The aggregate keeps
 * none of it.
 * <p>
 * Its dates (issue 19, rule 23) are Axon deadlines like the grant's (ADR 36): a confirmation schedules the reminder of
 * the assignment's next occurrence, the opening the check whether the request is staffed in time. The deadline
 * handler records the fact as the platform, once, and only while it still applies; nothing is ever cancelled.
 * <p>Why this size: one handler per command of a request's life (open, ask, offer, confirm, decline, cancel, replace,
 * call off, close, took place, no-show, erase) and one per event, with the small named checks they share, and one
 * deadline handler for its dates; the stateless rules live in {@code Schedule} and {@code CoordinationRules}, the
 * set-based one in the ledger, the times of the dates in {@code StaffingDates}.
 */
@Aggregate
public class HelpRequest {

    /**
     * The reason recorded on each assignment cancelled with its whole request: a code the pages put into words; the
     * request's own reason is sealed under the request's key only.
     */
    public static final String REQUEST_CANCELLED = "help-request.cancelled";

    @AggregateIdentifier
    private HelpRequestId requestId;
    private CentreId centreId;
    private ActivityCategory category;
    private Schedule schedule;
    private int volunteersNeeded;
    private GrantId grantId;
    /** OPEN while it can be staffed (staffed or not), CANCELLED or CLOSED when it ended. */
    private State state;
    private LocalDate endedOn;
    private boolean requesterErased;
    private final Map<AssignmentId, Assignment> assignments = new LinkedHashMap<>();
    /** The occurrences whose reminder is recorded, per assignment: each once. */
    private final Set<Reminded> reminded = new HashSet<>();
    /** Whether the request was recorded as not staffed in time: once. */
    private boolean unstaffedRecorded;

    record Reminded(AssignmentId assignmentId, LocalDate day) {
    }

    enum State { OPEN, CANCELLED, CLOSED }

    /** What the request remembers of an assignment: whose it is, where it stands, which days are recorded. */
    record Assignment(VolunteerId volunteerId, AssignmentStatus status, Set<LocalDate> daysRecorded) {

        Assignment(VolunteerId volunteerId, AssignmentStatus status) {
            this(volunteerId, status, Set.of());
        }

        Assignment now(AssignmentStatus next) {
            return new Assignment(volunteerId, next, daysRecorded);
        }

        Assignment recorded(LocalDate day) {
            Set<LocalDate> days = new HashSet<>(daysRecorded);
            days.add(day);
            return new Assignment(volunteerId, status, Set.copyOf(days));
        }
    }

    protected HelpRequest() {
        // for Axon
    }

    @CommandHandler
    public HelpRequest(OpenHelpRequestCommand command, MetaData metaData, Clock clock, CentreRegistry centres,
                       GrantRegistry grants, PersonalDataVault vault, DeadlineManager deadlines, StaffingDates dates) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.MANAGE_HELP_REQUESTS, command.centreId());
        centres.requireOpenOn(command.centreId(), Nrw.today(clock));
        checkGrant(command.grantId(), command.centreId(), command.schedule(), grants);
        VolunteerId subject = command.requestId().subject();
        apply(new HelpRequestOpenedEvent(command.requestId(), command.centreId(), command.category(), command.languages(),
                command.schedule(), command.minutes(), command.municipality(), vault.sealText(subject, command.place()),
                command.volunteersNeeded(), vault.sealText(subject, command.requesterName()),
                vault.sealText(subject, command.requesterContact()), vault.sealText(subject, command.note()),
                command.grantId()), Actors.metaDataOf(actor));
        Instant unstaffedAt = dates.unstaffedAt(command.schedule());
        if (unstaffedAt.isAfter(clock.instant())) {
            // a request opened within the lead time is not escalated: its coordinator knows it is not staffed yet
            scheduleDate(deadlines, unstaffedAt, RequestDate.unstaffed());
        }
    }

    @CommandHandler
    public void handle(AskVolunteerCommand command, MetaData metaData, Clock clock, VolunteerStanding volunteers,
                       BookingLedger ledger) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.MANAGE_HELP_REQUESTS, centreId);
        requireOpenPlaces(clock);
        requireNewAssignment(command.assignmentId(), command.volunteerId());
        // the volunteer's row first, then their standing: a deactivation racing this command is either seen here
        // or waits for the row and then cancels what this command booked (see EventStoreVolunteerStanding)
        ledger.lock(command.volunteerId());
        requireActiveVolunteerOfCentre(command.volunteerId(), volunteers);
        ledger.hold(command.volunteerId(), command.assignmentId(), requestId, schedule);
        apply(new VolunteerAskedEvent(requestId, command.assignmentId(), command.volunteerId(), centreId, schedule),
                Actors.metaDataOf(actor));
    }

    @CommandHandler
    public void handle(OfferToVolunteersCommand command, MetaData metaData, Clock clock, VolunteerStanding volunteers,
                       BookingLedger ledger) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.MANAGE_HELP_REQUESTS, centreId);
        requireOpenPlaces(clock);
        List<Map.Entry<VolunteerId, AssignmentId>> offers = new ArrayList<>(command.offers().entrySet());
        offers.sort(Comparator.comparing(e -> e.getKey().value()));
        if (new HashSet<>(command.offers().values()).size() < offers.size()) {
            throw new InvalidInputException("assignment.duplicate", "Jede Person braucht einen eigenen Einsatz.");
        }
        for (Map.Entry<VolunteerId, AssignmentId> offer : offers) {
            requireNewAssignment(offer.getValue(), offer.getKey());
            // as for asking: the row first (in the volunteers' order, so two offers never lock crosswise), then the
            // standing, so a deactivation racing this offer either is seen here or finds the offer to cancel
            ledger.lock(offer.getKey());
            requireActiveVolunteerOfCentre(offer.getKey(), volunteers);
        }
        MetaData recordedBy = Actors.metaDataOf(actor);
        for (Map.Entry<VolunteerId, AssignmentId> offer : offers) {
            // an offer holds no time: whoever accepts first is booked then (ConfirmAssignmentCommand)
            ledger.offer(offer.getKey(), offer.getValue(), requestId);
            apply(new AssignmentOfferedEvent(requestId, offer.getValue(), offer.getKey(), centreId, schedule), recordedBy);
        }
    }

    @CommandHandler
    public void handle(ConfirmAssignmentCommand command, MetaData metaData, Clock clock, VolunteerStanding volunteers,
                       BookingLedger ledger, DeadlineManager deadlines) {
        Actor actor = Actors.of(metaData);
        Assignment assignment = requireAssignment(command.assignmentId());
        requireResponder(actor, assignment);
        if (assignment.status() == AssignmentStatus.CONFIRMED) {
            throw new RuleViolationException("assignment.already-confirmed", "Dieser Einsatz ist bereits zugesagt.");
        }
        requireLive(assignment);
        requireNotEnded();
        requireNotPast(clock);
        if (confirmed() >= volunteersNeeded) {
            throw staffed();
        }
        if (assignment.status() == AssignmentStatus.OFFERED) {
            // first come, first served: the time is held only now, and only if the volunteer is still free then
            ledger.lock(assignment.volunteerId());
            requireActiveVolunteerOfCentre(assignment.volunteerId(), volunteers);
            ledger.hold(assignment.volunteerId(), command.assignmentId(), requestId, schedule);
        }
        MetaData recordedBy = Actors.metaDataOf(actor);
        apply(new AssignmentConfirmedEvent(requestId, command.assignmentId(), assignment.volunteerId(), centreId,
                actor.role() == AccountRole.VOLUNTEER), recordedBy);
        StaffingDates.nextToRemind(schedule, null, clock.instant()).ifPresent(next -> scheduleDate(deadlines,
                StaffingDates.reminderAt(next), RequestDate.reminder(command.assignmentId(), next.day())));
        if (confirmed() >= volunteersNeeded) {
            // staffed: whoever was still asked or offered a place is not needed any more, and their time is free
            for (Map.Entry<AssignmentId, Assignment> other : List.copyOf(assignments.entrySet())) {
                AssignmentStatus status = other.getValue().status();
                if (status == AssignmentStatus.ASKED || status == AssignmentStatus.OFFERED) {
                    ledger.release(other.getKey());
                    apply(new AssignmentLapsedEvent(requestId, other.getKey(), other.getValue().volunteerId(), centreId),
                            recordedBy);
                }
            }
        }
    }

    @CommandHandler
    public void handle(DeclineAssignmentCommand command, MetaData metaData, Clock clock, PersonalDataVault vault,
                       BookingLedger ledger) {
        Actor actor = Actors.of(metaData);
        Assignment assignment = requireAssignment(command.assignmentId());
        requireResponder(actor, assignment);
        requireLive(assignment);
        if (assignment.status() == AssignmentStatus.CONFIRMED) {
            // a yes taken back is a cancellation after a confirmation: it needs its reason and is kept as such (rule 16)
            throw new RuleViolationException("assignment.already-confirmed",
                    "Dieser Einsatz ist bereits zugesagt. Fällt er aus, storniert ihn die Koordination mit einer Begründung.");
        }
        ledger.release(command.assignmentId());
        apply(new AssignmentDeclinedEvent(requestId, command.assignmentId(), assignment.volunteerId(), centreId,
                actor.role() == AccountRole.VOLUNTEER, sealForVolunteer(assignment.volunteerId(), command.reason(), vault)),
                Actors.metaDataOf(actor));
    }

    @CommandHandler
    public void handle(CancelAssignmentCommand command, MetaData metaData, Clock clock, PersonalDataVault vault,
                       BookingLedger ledger) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.MANAGE_HELP_REQUESTS, centreId);
        Assignment assignment = requireAssignment(command.assignmentId());
        requireLive(assignment);
        if (assignment.status() == AssignmentStatus.CONFIRMED) {
            // a confirmed assignment whose time has come is a record of what happened (took place, or a no-show),
            // not something to call off: also not when its volunteer leaves afterwards
            requireNotPast(clock);
        }
        boolean afterConfirmation = requireReasonAfterConfirmation(assignment, command.reason());
        ledger.release(command.assignmentId());
        apply(new AssignmentCancelledEvent(requestId, command.assignmentId(), assignment.volunteerId(), centreId,
                afterConfirmation, sealForVolunteer(assignment.volunteerId(), command.reason(), vault)),
                Actors.metaDataOf(actor));
    }

    @CommandHandler
    public void handle(ReplaceAssignmentCommand command, MetaData metaData, Clock clock, PersonalDataVault vault,
                       VolunteerStanding volunteers, BookingLedger ledger) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.MANAGE_HELP_REQUESTS, centreId);
        Assignment assignment = requireAssignment(command.assignmentId());
        requireLive(assignment);
        boolean afterConfirmation = requireReasonAfterConfirmation(assignment, command.reason());
        requireNotEnded();
        requireNotPast(clock);
        requireNewAssignment(command.replacementId(), command.replacement());
        // every check of the new person before anything changes: a refusal leaves the first assignment as it was
        ledger.lock(command.replacement());
        requireActiveVolunteerOfCentre(command.replacement(), volunteers);
        ledger.hold(command.replacement(), command.replacementId(), requestId, schedule);
        ledger.release(command.assignmentId());
        MetaData recordedBy = Actors.metaDataOf(actor);
        apply(new AssignmentCancelledEvent(requestId, command.assignmentId(), assignment.volunteerId(), centreId,
                afterConfirmation, sealForVolunteer(assignment.volunteerId(), command.reason(), vault)), recordedBy);
        apply(new VolunteerAskedEvent(requestId, command.replacementId(), command.replacement(), centreId, schedule),
                recordedBy);
    }

    @CommandHandler
    public void handle(CancelHelpRequestCommand command, MetaData metaData, Clock clock, PersonalDataVault vault,
                       BookingLedger ledger, RequesterRetention retention) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.MANAGE_HELP_REQUESTS, centreId);
        requireNotEnded();
        LocalDate today = Nrw.today(clock);
        MetaData recordedBy = Actors.metaDataOf(actor);
        apply(new HelpRequestCancelledEvent(requestId, centreId, vault.sealText(requestId.subject(), command.reason())),
                recordedBy);
        boolean timeHasCome = !clock.instant().isBefore(lastOccurrence().startsAt());
        for (Map.Entry<AssignmentId, Assignment> entry : List.copyOf(assignments.entrySet())) {
            Assignment assignment = entry.getValue();
            if (assignment.status().live()) {
                ledger.release(entry.getKey());
                if (assignment.status() == AssignmentStatus.CONFIRMED && timeHasCome) {
                    // what took place (or not) is a record of the past, not something to call off
                    continue;
                }
                // the request's reason may speak of the requester, so the assignment carries only the code: the text
                // stays under the request's key and goes with the requester's erasure (rule 19)
                apply(new AssignmentCancelledEvent(requestId, entry.getKey(), assignment.volunteerId(), centreId,
                        assignment.status() == AssignmentStatus.CONFIRMED,
                        sealForVolunteer(assignment.volunteerId(), REQUEST_CANCELLED, vault)), recordedBy);
            }
        }
        retention.ended(requestId, centreId, today);
    }

    @CommandHandler
    public void handle(CloseHelpRequestCommand command, MetaData metaData, Clock clock, BookingLedger ledger,
                       RequesterRetention retention) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.MANAGE_HELP_REQUESTS, centreId);
        requireNotEnded();
        if (assignments.values().stream().anyMatch(a -> a.status() == AssignmentStatus.CONFIRMED)
                && clock.instant().isBefore(lastOccurrence().startsAt())) {
            // closing frees every volunteer's time: a yes still ahead would leave its volunteer bookable twice
            throw new RuleViolationException("help-request.close.confirmed-ahead",
                    "Ein zugesagter Einsatz dieser Anfrage liegt noch vor uns. Stornieren Sie ihn zuerst, oder schließen Sie "
                            + "die Anfrage nach seinem letzten Termin ab.");
        }
        LocalDate today = Nrw.today(clock);
        MetaData recordedBy = Actors.metaDataOf(actor);
        apply(new HelpRequestClosedEvent(requestId, centreId, today), recordedBy);
        for (Map.Entry<AssignmentId, Assignment> entry : List.copyOf(assignments.entrySet())) {
            Assignment assignment = entry.getValue();
            if (assignment.status().live()) {
                // a closed request holds nobody's time; a confirmed assignment stays what it was
                ledger.release(entry.getKey());
                if (assignment.status() != AssignmentStatus.CONFIRMED) {
                    apply(new AssignmentLapsedEvent(requestId, entry.getKey(), assignment.volunteerId(), centreId), recordedBy);
                }
            }
        }
        retention.ended(requestId, centreId, today);
    }

    /**
     * The assignment took place on a day: it becomes a logged activity of the volunteer, through the volunteer's own
     * aggregate and its rules, before this fact is applied. A refusal of the activity (the volunteer deactivated, the
     * grant no longer approved, ...) is the answer and nothing is recorded.
     */
    @CommandHandler
    public void handle(RecordAssignmentTookPlaceCommand command, MetaData metaData, Clock clock, ActivityLogging activities) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.MANAGE_HELP_REQUESTS, centreId);
        Assignment assignment = requireAssignment(command.assignmentId());
        requireRecordableDay(assignment, command.day(), clock);
        activities.log(new LogActivityCommand(assignment.volunteerId(), command.activityId(), command.day(), command.minutes(),
                category, null, grantId), actor);
        apply(new AssignmentTookPlaceEvent(requestId, command.assignmentId(), assignment.volunteerId(), centreId,
                command.day(), command.minutes(), category, grantId, command.activityId()), Actors.metaDataOf(actor));
    }

    /** Nobody came on a day: a fact that is counted, never an activity. */
    @CommandHandler
    public void handle(RecordNoShowCommand command, MetaData metaData, Clock clock) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.MANAGE_HELP_REQUESTS, centreId);
        Assignment assignment = requireAssignment(command.assignmentId());
        requireRecordableDay(assignment, command.day(), clock);
        apply(new AssignmentNoShowRecordedEvent(requestId, command.assignmentId(), assignment.volunteerId(), centreId,
                command.day()), Actors.metaDataOf(actor));
    }

    /** Erasure of the requester's data on request (DSGVO Art. 17), once the request has ended. */
    @CommandHandler
    public void handle(EraseRequesterDataCommand command, MetaData metaData, Clock clock, PersonalDataVault vault,
                       RequesterRetention retention) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.MANAGE_HELP_REQUESTS, centreId);
        if (requesterErased) {
            throw new RuleViolationException("help-request.requester-erased",
                    "Die Angaben zur anfragenden Person wurden bereits gelöscht.");
        }
        if (state == State.OPEN) {
            throw new RuleViolationException("help-request.not-ended",
                    "Die Angaben zur anfragenden Person werden gelöscht, wenn die Anfrage abgeschlossen oder abgesagt ist.");
        }
        erase(actor, command.reason(), vault, retention);
    }

    /**
     * A retention run asks (through {@code RequesterErasure}, in the run's transaction): erase if still due, that is
     * ended on {@code cutoff} or earlier and not erased, judged by this aggregate's own state.
     */
    public boolean eraseIfDue(Actor actor, LocalDate cutoff, LocalDate today, PersonalDataVault vault,
                              RequesterRetention retention) {
        if (requesterErased || endedOn == null || endedOn.isAfter(cutoff)) {
            return false;
        }
        erase(actor, ErasureReason.RETENTION, vault, retention);
        return true;
    }

    private void erase(Actor actor, ErasureReason reason, PersonalDataVault vault, RequesterRetention retention) {
        vault.shred(requestId.subject());
        retention.erased(requestId);
        apply(new RequesterDataErasedEvent(requestId, centreId, reason), Actors.metaDataOf(actor));
    }

    // ---- the dates (issue 19, rule 23) -----------------------------------------------------------------------------

    /**
     * A date of the request has come. Its fact is recorded by the platform, once, and only while it still applies:
     * checked here, since a cancelled, declined, replaced or called-off assignment and a staffed or ended request
     * leave their deadlines in place.
     */
    @DeadlineHandler(deadlineName = RequestDate.DEADLINE)
    void on(RequestDate date, Clock clock, DeadlineManager deadlines) {
        switch (date.kind()) {
            case REMINDER -> remind(date.assignmentId(), date.day(), clock.instant(), deadlines);
            case UNSTAFFED -> escalateIfUnstaffed(clock.instant());
        }
    }

    /**
     * The volunteer of a confirmed assignment is reminded of the occurrence on {@code day} if it is still ahead; the
     * next occurrence's reminder is scheduled from here (weekly requests), so each is scheduled once, by the one
     * before. An assignment no longer confirmed gets neither.
     */
    private void remind(AssignmentId assignmentId, LocalDate day, Instant now, DeadlineManager deadlines) {
        Assignment assignment = assignments.get(assignmentId);
        if (state != State.OPEN || assignment == null || assignment.status() != AssignmentStatus.CONFIRMED
                || reminded.contains(new Reminded(assignmentId, day))) {
            return;
        }
        Permissions.require(Actor.SYSTEM, Action.MANAGE_HELP_REQUESTS, centreId);
        schedule.occurrences().stream().filter(o -> o.day().equals(day) && now.isBefore(o.startsAt())).findFirst()
                .ifPresent(occurrence -> apply(new AssignmentReminderDueEvent(requestId, assignmentId,
                        assignment.volunteerId(), centreId, day, occurrence.startsAt()), Actors.metaDataOf(Actor.SYSTEM)));
        // a reminder that came too late (after downtime) records nothing, but the following ones still come
        StaffingDates.nextToRemind(schedule, day, now).ifPresent(next -> scheduleDate(deadlines,
                StaffingDates.reminderAt(next), RequestDate.reminder(assignmentId, next.day())));
    }

    /**
     * The platform asks a request recorded before its dates existed to schedule those still ahead: the unstaffed check
     * (when not recorded and still ahead) and the next reminder of each confirmed assignment. Records nothing; a date
     * scheduled twice records its fact once (the reminder chain of a duplicate ends at its first, refused, firing).
     */
    @CommandHandler
    public void handle(ScheduleRequestDatesCommand command, MetaData metaData, Clock clock, DeadlineManager deadlines,
                       StaffingDates dates) {
        Actor actor = Actors.of(metaData);
        if (actor.role() != AccountRole.SYSTEM) {
            throw Action.MANAGE_HELP_REQUESTS.refusal().exception();
        }
        Permissions.require(actor, Action.MANAGE_HELP_REQUESTS, centreId);
        if (state != State.OPEN) {
            return;
        }
        Instant now = clock.instant();
        Instant unstaffedAt = dates.unstaffedAt(schedule);
        if (!unstaffedRecorded && unstaffedAt.isAfter(now)) {
            scheduleDate(deadlines, unstaffedAt, RequestDate.unstaffed());
        }
        assignments.forEach((assignmentId, assignment) -> {
            if (assignment.status() == AssignmentStatus.CONFIRMED) {
                StaffingDates.nextToRemind(schedule, null, now).ifPresent(next -> scheduleDate(deadlines,
                        StaffingDates.reminderAt(next), RequestDate.reminder(assignmentId, next.day())));
            }
        });
    }

    /**
     * Fewer confirmed than needed while the request is open and has not begun: the coordinators are told, once. A
     * check that comes only after the first occurrence began (the scheduler was down) records nothing: "starts soon"
     * would no longer be true, and the board shows the request's state anyway.
     */
    private void escalateIfUnstaffed(Instant now) {
        long confirmed = confirmed();
        if (state != State.OPEN || unstaffedRecorded || confirmed >= volunteersNeeded
                || !now.isBefore(schedule.occurrences().get(0).startsAt())) {
            return;
        }
        Permissions.require(Actor.SYSTEM, Action.MANAGE_HELP_REQUESTS, centreId);
        apply(new HelpRequestUnstaffedEvent(requestId, centreId, schedule.occurrences().get(0).startsAt(), (int) confirmed,
                volunteersNeeded), Actors.metaDataOf(Actor.SYSTEM));
    }

    /**
     * Schedules a date of this request. The deadline carries the platform as its actor, not the person whose command
     * scheduled it: the fact it may record is the platform's.
     */
    private static void scheduleDate(DeadlineManager deadlines, Instant at, RequestDate date) {
        deadlines.schedule(at, RequestDate.DEADLINE, new GenericMessage<>(date).withMetaData(Actor.SYSTEM.toMetaData()));
    }

    // ---- the rules -------------------------------------------------------------------------------------------------

    private static void checkGrant(GrantId grantId, CentreId centreId, Schedule schedule, GrantRegistry grants) {
        if (grantId == null) {
            return;
        }
        GrantFacts grant = grants.requireApprovedOf(grantId, centreId, "help-request");
        if (!FundingYear.contains(grant.fundingYear(), schedule.firstDay())
                || !FundingYear.contains(grant.fundingYear(), schedule.lastDay())) {
            throw new RuleViolationException("help-request.grant.other-year",
                    "Die Termine liegen nicht alle im Förderjahr " + grant.fundingYear() + " der angegebenen Zuwendung.");
        }
    }

    /** Nobody more is asked or offered a place of a request that ended, is staffed or lies in the past. */
    private void requireOpenPlaces(Clock clock) {
        requireNotEnded();
        if (confirmed() >= volunteersNeeded) {
            throw staffed();
        }
        requireNotPast(clock);
    }

    private void requireNotEnded() {
        if (state != State.OPEN) {
            throw new RuleViolationException("help-request.closed", state == State.CANCELLED
                    ? "Diese Einsatzanfrage wurde abgesagt." : "Diese Einsatzanfrage ist abgeschlossen.");
        }
    }

    /** Past once its last occurrence has begun: nobody can still say yes to it. */
    private Schedule.Occurrence lastOccurrence() {
        List<Schedule.Occurrence> occurrences = schedule.occurrences();
        return occurrences.get(occurrences.size() - 1);
    }

    private void requireNotPast(Clock clock) {
        if (!clock.instant().isBefore(lastOccurrence().startsAt())) {
            throw new RuleViolationException("assignment.past", "Dieser Einsatz liegt in der Vergangenheit.");
        }
    }

    private void requireNewAssignment(AssignmentId assignmentId, VolunteerId volunteerId) {
        if (assignments.containsKey(assignmentId)) {
            throw new RuleViolationException("assignment.duplicate", "Dieser Einsatz ist bereits erfasst.");
        }
        boolean alreadyLive = assignments.values().stream()
                .anyMatch(a -> a.volunteerId().equals(volunteerId) && a.status().live());
        if (alreadyLive) {
            throw new RuleViolationException("assignment.volunteer.already-asked",
                    "Diese Person ist für diese Anfrage bereits angefragt.");
        }
    }

    /**
     * Only active volunteers of the request's centre are asked. A volunteer of another centre is reported as unknown,
     * like one that does not exist: the answer tells nothing about another centre.
     */
    private void requireActiveVolunteerOfCentre(VolunteerId volunteerId, VolunteerStanding volunteers) {
        VolunteerStanding.Standing standing = volunteers.find(volunteerId)
                .filter(s -> s.centreId().equals(centreId))
                .orElseThrow(() -> new NotFoundException("volunteer.unknown",
                        "Diese Person ist bei diesem Integrationszentrum nicht registriert."));
        if (!standing.active()) {
            throw new RuleViolationException("volunteer.inactive",
                    "Die Person ist inaktiv; nur aktive Ehrenamtliche können angefragt werden.");
        }
    }

    private Assignment requireAssignment(AssignmentId assignmentId) {
        Assignment assignment = assignments.get(assignmentId);
        if (assignment == null) {
            throw new NotFoundException("assignment.unknown", "Diesen Einsatz gibt es bei dieser Anfrage nicht.");
        }
        return assignment;
    }

    private static void requireLive(Assignment assignment) {
        if (!assignment.status().live()) {
            throw new RuleViolationException("assignment.not-live",
                    "Dieser Einsatz ist nicht mehr offen: er wurde abgesagt, storniert oder ist entfallen.");
        }
    }

    /**
     * A coordinator of the centre answers for the volunteer (who told them), or the volunteer themself through their
     * link: never another volunteer.
     */
    private void requireResponder(Actor actor, Assignment assignment) {
        Permissions.require(actor, Action.RESPOND_TO_ASSIGNMENT, centreId);
        if (actor.role() == AccountRole.VOLUNTEER && !actor.actsAsVolunteer(assignment.volunteerId().value())) {
            throw Action.RESPOND_TO_ASSIGNMENT.refusal().exception();
        }
    }

    /** A confirmed assignment is cancelled only with its reason, which is kept. Returns whether it was confirmed. */
    private static boolean requireReasonAfterConfirmation(Assignment assignment, String reason) {
        boolean confirmed = assignment.status() == AssignmentStatus.CONFIRMED;
        if (confirmed && reason == null) {
            throw new InvalidInputException("assignment.cancel.reason-missing",
                    "Ein zugesagter Einsatz wird nur mit Begründung storniert.");
        }
        return confirmed;
    }

    /** Took place or nobody came: only for a confirmed assignment, on one of its days, not in the future, once a day. */
    private void requireRecordableDay(Assignment assignment, LocalDate day, Clock clock) {
        if (assignment.status() != AssignmentStatus.CONFIRMED) {
            throw new RuleViolationException("assignment.not-confirmed",
                    "Nur ein zugesagter Einsatz kann als stattgefunden oder nicht wahrgenommen erfasst werden.");
        }
        if (!schedule.hasDay(day)) {
            throw new InvalidInputException("assignment.day.not-scheduled",
                    "Am " + Nrw.date(day) + " war dieser Einsatz nicht geplant.");
        }
        if (day.isAfter(Nrw.today(clock))) {
            throw new RuleViolationException("assignment.day.future", "Der Tag liegt in der Zukunft.");
        }
        if (assignment.daysRecorded().contains(day)) {
            throw new RuleViolationException("assignment.day.already-recorded",
                    "Für den " + Nrw.date(day) + " ist bei diesem Einsatz schon etwas erfasst.");
        }
    }

    /** Sealed under the volunteer's key; nothing once that key is destroyed (the reason could only be kept in plain text). */
    private static SealedText sealForVolunteer(VolunteerId volunteerId, String text, PersonalDataVault vault) {
        return text == null || vault.isShredded(volunteerId) ? null : vault.sealText(volunteerId, text);
    }

    private long confirmed() {
        return assignments.values().stream().filter(a -> a.status() == AssignmentStatus.CONFIRMED).count();
    }

    private static RuleViolationException staffed() {
        return new RuleViolationException("help-request.staffed",
                "Diese Anfrage ist bereits voll besetzt: so viele Personen wie gesucht haben zugesagt.");
    }

    // ---- state -----------------------------------------------------------------------------------------------------

    @EventSourcingHandler
    void on(HelpRequestOpenedEvent event) {
        requestId = event.requestId();
        centreId = event.centreId();
        category = event.category();
        schedule = event.schedule();
        volunteersNeeded = event.volunteersNeeded();
        grantId = event.grantId();
        state = State.OPEN;
    }

    @EventSourcingHandler
    void on(VolunteerAskedEvent event) {
        assignments.put(event.assignmentId(), new Assignment(event.volunteerId(), AssignmentStatus.ASKED));
    }

    @EventSourcingHandler
    void on(AssignmentOfferedEvent event) {
        assignments.put(event.assignmentId(), new Assignment(event.volunteerId(), AssignmentStatus.OFFERED));
    }

    @EventSourcingHandler
    void on(AssignmentConfirmedEvent event) {
        assignments.computeIfPresent(event.assignmentId(), (id, a) -> a.now(AssignmentStatus.CONFIRMED));
    }

    @EventSourcingHandler
    void on(AssignmentDeclinedEvent event) {
        assignments.computeIfPresent(event.assignmentId(), (id, a) -> a.now(AssignmentStatus.DECLINED));
    }

    @EventSourcingHandler
    void on(AssignmentCancelledEvent event) {
        assignments.computeIfPresent(event.assignmentId(), (id, a) -> a.now(AssignmentStatus.CANCELLED));
    }

    @EventSourcingHandler
    void on(AssignmentLapsedEvent event) {
        assignments.computeIfPresent(event.assignmentId(), (id, a) -> a.now(AssignmentStatus.LAPSED));
    }

    @EventSourcingHandler
    void on(AssignmentTookPlaceEvent event) {
        assignments.computeIfPresent(event.assignmentId(), (id, a) -> a.recorded(event.day()));
    }

    @EventSourcingHandler
    void on(AssignmentNoShowRecordedEvent event) {
        assignments.computeIfPresent(event.assignmentId(), (id, a) -> a.recorded(event.day()));
    }

    @EventSourcingHandler
    void on(HelpRequestCancelledEvent event, @Timestamp Instant recordedAt) {
        state = State.CANCELLED;
        endedOn = Nrw.dateOf(recordedAt); // the event names no day: the day it was recorded
    }

    @EventSourcingHandler
    void on(HelpRequestClosedEvent event) {
        state = State.CLOSED;
        endedOn = event.closedOn();
    }

    @EventSourcingHandler
    void on(RequesterDataErasedEvent event) {
        requesterErased = true;
    }

    @EventSourcingHandler
    void on(AssignmentReminderDueEvent event) {
        reminded.add(new Reminded(event.assignmentId(), event.day()));
    }

    @EventSourcingHandler
    void on(HelpRequestUnstaffedEvent event) {
        unstaffedRecorded = true;
    }
}
