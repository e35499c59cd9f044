package nrw.komman.command.volunteer;

import nrw.komman.command.centre.CentreRegistry;
import nrw.komman.command.common.Actors;
import nrw.komman.command.common.German;
import nrw.komman.command.common.Today;
import nrw.komman.command.grant.GrantRegistry;
import nrw.komman.command.grant.GrantRegistry.GrantFacts;
import nrw.komman.kernel.activity.ActivityCorrectedEvent;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.ActivityLoggedEvent;
import nrw.komman.kernel.activity.ActivityWithdrawnEvent;
import nrw.komman.kernel.activity.CorrectActivityCommand;
import nrw.komman.kernel.activity.LogActivityCommand;
import nrw.komman.kernel.activity.WithdrawActivityCommand;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.grant.FundingYear;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.volunteer.DeactivateVolunteerCommand;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.ReactivateVolunteerCommand;
import nrw.komman.kernel.volunteer.RegisterVolunteerCommand;
import nrw.komman.kernel.volunteer.UpdateVolunteerProfileCommand;
import nrw.komman.kernel.volunteer.VolunteerDeactivatedEvent;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerProfileUpdatedEvent;
import nrw.komman.kernel.volunteer.VolunteerReactivatedEvent;
import nrw.komman.kernel.volunteer.VolunteerRegisteredEvent;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A volunteer (Ehrenamtliche/r) of one centre, with the activities (Einsätze) logged for them.
 * Activities live inside this aggregate because their rules need its state (active, registered on).
 * <p>
 * Personal data (languages and interests included) is sealed by the {@link PersonalDataVault} before it
 * enters an event, and this aggregate keeps none of it: only ids, status, dates and the activities'
 * minimal state.
 */
@Aggregate
public class Volunteer {

    @AggregateIdentifier
    private VolunteerId volunteerId;
    private CentreId centreId;
    private boolean active;
    private LocalDate registeredOn;
    private final Map<ActivityId, ActivityState> activities = new HashMap<>();

    /** All an activity needs to remember: facts are never changed, only corrected or withdrawn. */
    enum ActivityState { RECORDED, WITHDRAWN }

    protected Volunteer() {
        // for Axon
    }

    @CommandHandler
    public Volunteer(RegisterVolunteerCommand command, MetaData metaData, Clock clock,
                     CentreRegistry centres, EmailRegistry emails, PersonalDataVault vault) {
        Actor actor = Actors.of(metaData);
        requireActsFor(actor, command.centreId());
        LocalDate today = Today.in(clock);
        LocalDate registeredOn = command.registeredOn() == null ? today : command.registeredOn();
        if (registeredOn.isAfter(today)) {
            throw new InvalidInputException("volunteer.registered-on.future",
                    "Das Datum der Registrierung darf nicht in der Zukunft liegen.");
        }
        CentreRegistry.CentreFacts centre = centres.requireOpenOn(command.centreId(), today);
        if (registeredOn.isBefore(centre.establishedOn())) {
            throw new RuleViolationException("volunteer.registered-before-centre",
                    "Das Datum der Registrierung liegt vor der Einrichtung des Integrationszentrums ("
                            + German.date(centre.establishedOn()) + ").");
        }
        emails.register(command.volunteerId(), command.personalData().email());
        apply(new VolunteerRegisteredEvent(command.volunteerId(), command.centreId(),
                vault.seal(command.volunteerId(), command.personalData()), command.consent(), registeredOn),
                Actors.metaDataOf(actor));
    }

    @CommandHandler
    public void handle(UpdateVolunteerProfileCommand command, MetaData metaData, EmailRegistry emails,
                       PersonalDataVault vault) {
        Actor actor = Actors.of(metaData);
        requireActsFor(actor, centreId);
        emails.changeAddress(volunteerId, command.personalData().email(), active);
        apply(new VolunteerProfileUpdatedEvent(volunteerId, centreId, vault.seal(volunteerId, command.personalData())),
                Actors.metaDataOf(actor));
    }

    @CommandHandler
    public void handle(DeactivateVolunteerCommand command, MetaData metaData, Clock clock, EmailRegistry emails) {
        Actor actor = Actors.of(metaData);
        requireActsFor(actor, centreId);
        if (!active) {
            throw new RuleViolationException("volunteer.already-inactive", "Die Person ist bereits inaktiv.");
        }
        emails.release(volunteerId);
        apply(new VolunteerDeactivatedEvent(volunteerId, centreId, Today.in(clock)), Actors.metaDataOf(actor));
    }

    @CommandHandler
    public void handle(ReactivateVolunteerCommand command, MetaData metaData, Clock clock, EmailRegistry emails) {
        Actor actor = Actors.of(metaData);
        requireActsFor(actor, centreId);
        if (active) {
            throw new RuleViolationException("volunteer.already-active", "Die Person ist bereits aktiv.");
        }
        emails.reclaim(volunteerId);
        apply(new VolunteerReactivatedEvent(volunteerId, centreId, Today.in(clock)), Actors.metaDataOf(actor));
    }

    @CommandHandler
    public void handle(LogActivityCommand command, MetaData metaData, Clock clock, GrantRegistry grants,
                       PersonalDataVault vault) {
        Actor actor = Actors.of(metaData);
        requireActsFor(actor, centreId);
        if (activities.containsKey(command.activityId())) {
            throw new RuleViolationException("activity.duplicate", "Dieser Einsatz ist bereits erfasst.");
        }
        requireActive();
        checkDateAndGrant(command.date(), command.grantId(), Today.in(clock), grants);
        apply(new ActivityLoggedEvent(command.activityId(), volunteerId, centreId, command.date(), command.minutes(),
                command.category(), vault.sealText(volunteerId, command.note()), command.grantId()),
                Actors.metaDataOf(actor));
    }

    @CommandHandler
    public void handle(CorrectActivityCommand command, MetaData metaData, Clock clock, GrantRegistry grants,
                       PersonalDataVault vault) {
        Actor actor = Actors.of(metaData);
        requireActsFor(actor, centreId);
        requireCurrent(command.activityId());
        requireActive();
        checkDateAndGrant(command.date(), command.grantId(), Today.in(clock), grants);
        // the whole corrected activity: the logged fact stays as it was
        apply(new ActivityCorrectedEvent(command.activityId(), volunteerId, centreId, command.date(), command.minutes(),
                command.category(), vault.sealText(volunteerId, command.note()), command.grantId(), command.reason()),
                Actors.metaDataOf(actor));
    }

    @CommandHandler
    public void handle(WithdrawActivityCommand command, MetaData metaData) {
        Actor actor = Actors.of(metaData);
        requireActsFor(actor, centreId);
        requireCurrent(command.activityId());
        // allowed while inactive: a mistake is withdrawn whenever it is noticed
        apply(new ActivityWithdrawnEvent(command.activityId(), volunteerId, centreId, command.reason()),
                Actors.metaDataOf(actor));
    }

    private static void requireActsFor(Actor actor, CentreId centre) {
        if (!actor.actsFor(centre)) {
            throw new ForbiddenException("volunteer.forbidden",
                    "Nur Koordinatorinnen und Koordinatoren des Integrationszentrums verwalten dessen Ehrenamtliche.");
        }
    }

    private void requireActive() {
        if (!active) {
            throw new RuleViolationException("activity.volunteer-inactive",
                    "Die Person ist inaktiv; Einsätze können erst nach einer Reaktivierung erfasst oder korrigiert werden.");
        }
    }

    private void requireCurrent(ActivityId activityId) {
        ActivityState state = activities.get(activityId);
        if (state == null) {
            throw new NotFoundException("activity.unknown", "Diesen Einsatz gibt es bei dieser Person nicht.");
        }
        if (state == ActivityState.WITHDRAWN) {
            throw new RuleViolationException("activity.withdrawn", "Dieser Einsatz wurde bereits zurückgenommen.");
        }
    }

    private void checkDateAndGrant(LocalDate date, GrantId grantId, LocalDate today, GrantRegistry grants) {
        if (date.isAfter(today)) {
            throw new InvalidInputException("activity.future-date", "Das Datum des Einsatzes darf nicht in der Zukunft liegen.");
        }
        if (date.isBefore(registeredOn)) {
            throw new RuleViolationException("activity.before-registration",
                    "Das Datum des Einsatzes liegt vor der Registrierung der Person (" + German.date(registeredOn) + ").");
        }
        if (grantId == null) {
            return;
        }
        GrantFacts grant = grants.find(grantId).orElseThrow(() -> new RuleViolationException("activity.grant.unknown",
                "Die angegebene Zuwendung gibt es nicht."));
        if (!grant.centreId().equals(centreId)) {
            throw new RuleViolationException("activity.grant.other-centre",
                    "Die angegebene Zuwendung gehört zu einem anderen Integrationszentrum.");
        }
        if (!grant.isApproved()) {
            throw new RuleViolationException("activity.grant.not-approved",
                    "Die angegebene Zuwendung ist nicht bewilligt.");
        }
        if (!FundingYear.contains(grant.fundingYear(), date)) {
            throw new RuleViolationException("activity.grant.other-year",
                    "Der Einsatz liegt nicht im Förderjahr " + grant.fundingYear() + " der angegebenen Zuwendung.");
        }
    }

    @EventSourcingHandler
    void on(VolunteerRegisteredEvent event) {
        volunteerId = event.volunteerId();
        centreId = event.centreId();
        registeredOn = event.registeredOn();
        active = true;
    }

    @EventSourcingHandler
    void on(VolunteerDeactivatedEvent event) {
        active = false;
    }

    @EventSourcingHandler
    void on(VolunteerReactivatedEvent event) {
        active = true;
    }

    @EventSourcingHandler
    void on(ActivityLoggedEvent event) {
        activities.put(event.activityId(), ActivityState.RECORDED);
    }

    @EventSourcingHandler
    void on(ActivityWithdrawnEvent event) {
        activities.put(event.activityId(), ActivityState.WITHDRAWN);
    }
}
