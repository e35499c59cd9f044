package nrw.komman.command.privacy;

import nrw.komman.command.common.Actors;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.privacy.RetentionRunRecordedEvent;
import nrw.komman.kernel.privacy.RunRetentionCommand;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.access.Permissions;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One run of the retention rules (ADR 9), started by an administrator: every volunteer inactive for the
 * configured number of full years is erased (reason RETENTION), and the run is recorded with the ids it erased
 * and the number of grant files whose keeping period has ended. The requesters' data of requests for help closed
 * or cancelled the configured number of full months ago is erased in the same run (issue 18); each such erasure
 * is its own {@code RequesterDataErasedEvent} (the run's record keeps its published form).
 * <p>
 * The whole run is one command and one database transaction: the erasures (each through the {@code Volunteer}
 * aggregate, which checks again that the volunteer is due) and the record commit together or not at all, so
 * the record never names an erasure that did not happen, and no erasure happens without the record. A run that
 * fails (for example because a coordinator changed one of the volunteers at the same moment) leaves nothing
 * behind and can simply be started again.
 */
@Aggregate
public class RetentionRun {

    /**
     * The run's date and a random suffix, e.g. {@code 2026-11-25-7f3a9c}. The shape matters: aggregate ids share
     * one namespace in the event store, and this one can never be a centre key, a budget id or a UUID.
     */
    private static final Pattern RUN_ID = Pattern.compile("\\d{4}-\\d{2}-\\d{2}-[A-Za-z0-9]{4,40}");

    @AggregateIdentifier
    private String runId;

    protected RetentionRun() {
        // for Axon
    }

    /* Create-if-missing: starting a run twice under the same id is a clear refusal, not a storage conflict. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RunRetentionCommand command, MetaData metaData, Clock clock, RetentionRules rules,
                       RetentionCandidates candidates, RetentionErasure erasure, DueGrantFiles grantFiles,
                       EndedHelpRequests endedRequests, RequesterErasure requesterErasure) {
        Actor actor = Actors.of(metaData);
        Permissions.require(actor, Action.RUN_RETENTION);
        if (command.runId() == null || !RUN_ID.matcher(command.runId()).matches()) {
            throw new InvalidInputException("retention.run-id.invalid",
                    "Die Kennung des Löschlaufs ist ungültig (Datum und Zufallsteil, z. B. 2026-11-25-7f3a9c).");
        }
        if (runId != null) {
            throw new RuleViolationException("retention.run.duplicate", "Dieser Löschlauf wurde bereits ausgeführt.");
        }
        LocalDate today = Nrw.today(clock);
        LocalDate inactiveCutoff = today.minusYears(rules.inactiveVolunteersYears());
        // the erasures say who started them: the platform's rule, run by this administrator's account
        Actor platform = new Actor(actor.account(), AccountRole.SYSTEM, null);
        List<VolunteerId> erased = new ArrayList<>();
        for (RetentionCandidates.InactiveVolunteer candidate : candidates.inactiveSinceOnOrBefore(inactiveCutoff)) {
            if (erasure.eraseIfDue(candidate.volunteerId(), inactiveCutoff, platform)) {
                erased.add(candidate.volunteerId());
            }
        }
        LocalDate requestCutoff = today.minusMonths(rules.requesterDataMonths());
        for (EndedHelpRequests.EndedHelpRequest ended : endedRequests.endedOnOrBefore(requestCutoff)) {
            requesterErasure.eraseIfDue(ended.requestId(), requestCutoff, platform);
        }
        int grantFilesDue = grantFiles.reportedOnOrBefore(today.minusYears(rules.grantFileYears()));
        apply(new RetentionRunRecordedEvent(command.runId(), today, rules.inactiveVolunteersYears(), rules.grantFileYears(),
                List.copyOf(erased), grantFilesDue), Actors.metaDataOf(actor));
    }

    @EventSourcingHandler
    void on(RetentionRunRecordedEvent event) {
        runId = event.runId();
    }
}
