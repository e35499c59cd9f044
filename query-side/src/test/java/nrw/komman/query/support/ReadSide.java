package nrw.komman.query.support;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityCorrectedEvent;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.ActivityLoggedEvent;
import nrw.komman.kernel.activity.ActivityWithdrawnEvent;
import nrw.komman.kernel.budget.BudgetId;
import nrw.komman.kernel.budget.BudgetSetEvent;
import nrw.komman.kernel.centre.CentreEstablishedEvent;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.FundsRequestedEvent;
import nrw.komman.kernel.grant.GrantAmendedEvent;
import nrw.komman.kernel.grant.GrantAppliedEvent;
import nrw.komman.kernel.grant.GrantApprovedEvent;
import nrw.komman.kernel.grant.GrantClosedEvent;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantRejectedEvent;
import nrw.komman.kernel.grant.GrantReviewedEvent;
import nrw.komman.kernel.grant.GrantWithdrawnEvent;
import nrw.komman.kernel.grant.RepaymentReceivedEvent;
import nrw.komman.kernel.grant.TrancheDisbursedEvent;
import nrw.komman.kernel.grant.UsageReportSubmittedEvent;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.Recommendation;
import nrw.komman.kernel.privacy.ConsentWithdrawnEvent;
import nrw.komman.kernel.privacy.ErasureReason;
import nrw.komman.kernel.privacy.VolunteerDataErasedEvent;
import nrw.komman.kernel.volunteer.AesGcmPersonalDataVault;
import nrw.komman.kernel.volunteer.ConsentRecord;
import nrw.komman.kernel.volunteer.SealedConsent;
import nrw.komman.kernel.volunteer.InMemoryKeyRing;
import nrw.komman.kernel.volunteer.PersonalData;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.VolunteerDeactivatedEvent;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerProfileUpdatedEvent;
import nrw.komman.kernel.volunteer.VolunteerReactivatedEvent;
import nrw.komman.kernel.volunteer.VolunteerRegisteredEvent;
import nrw.komman.query.activity.ActivityProjection;
import nrw.komman.query.activity.ActivityReasonProjection;
import nrw.komman.query.activity.ActivityQueries;
import nrw.komman.query.activity.CentreDashboardQueries;
import nrw.komman.query.budget.BudgetProjection;
import nrw.komman.query.coordination.CoordinationFiguresQueries;
import nrw.komman.query.coordination.HelpRequestProjection;
import nrw.komman.query.coordination.HelpRequestQueries;
import nrw.komman.query.coordination.MatchQueries;
import nrw.komman.query.coordination.VolunteerCoordinationProjection;
import nrw.komman.query.coordination.VolunteerLinkQueries;
import nrw.komman.query.budget.BudgetQueries;
import nrw.komman.query.centre.CentreProjection;
import nrw.komman.query.centre.CentreQueries;
import nrw.komman.query.grant.GrantProjection;
import nrw.komman.query.grant.GrantQueries;
import nrw.komman.query.grant.ProgrammeDatesProjection;
import nrw.komman.query.grant.ProgrammeDatesQueries;
import nrw.komman.query.ministry.MinistryQueries;
import nrw.komman.query.privacy.RetentionPlanQueries;
import nrw.komman.query.privacy.VolunteerDataExportQueries;
import nrw.komman.query.volunteer.VolunteerProjection;
import nrw.komman.query.volunteer.VolunteerQueries;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The whole query side on a fresh database: every projection behind Axon's own annotation adapter
 * (so {@code @Timestamp}, {@code @SequenceNumber}, metadata and {@code @ResetHandler} resolve as in
 * the application) and every query handler, called as plain Java methods. Events are recorded, so
 * a test can reset and replay them.
 */
public final class ReadSide {

    public static final CentreId KOELN = new CentreId("05315");
    public static final CentreId DUESSELDORF = new CentreId("05111");
    public static final CentreId VIERSEN = new CentreId("05166");
    public static final CentreId AACHEN = new CentreId("05334002");
    public static final CentreId DORTMUND = new CentreId("05913");

    public static final Actor COORDINATOR_KOELN = Actor.coordinator("koordination.koeln", KOELN);
    public static final Actor COORDINATOR_DUESSELDORF = Actor.coordinator("koordination.duesseldorf", DUESSELDORF);
    public static final Actor GRANT_OFFICER = Actor.of("bezreg.arnsberg", nrw.komman.kernel.common.AccountRole.GRANT_OFFICER);
    public static final Actor MINISTRY = Actor.of("ministerium", nrw.komman.kernel.common.AccountRole.MINISTRY);
    public static final Actor AUDITOR = Actor.of("innenrevision", nrw.komman.kernel.common.AccountRole.AUDITOR);
    public static final Actor ADMINISTRATOR = Actor.of("betrieb", nrw.komman.kernel.common.AccountRole.ADMINISTRATOR);

    /** "Today" for the query handlers: hours "this year" are hours of 2025. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T10:00:00Z"), ZoneId.of("Europe/Berlin"));

    public final InMemoryKeyRing keyRing = new InMemoryKeyRing();
    public final PersonalDataVault vault = new AesGcmPersonalDataVault(keyRing);
    public final NamedParameterJdbcTemplate jdbc = TestDatabase.jdbc();

    public final CentreProjection centreProjection = new CentreProjection(jdbc);
    public final VolunteerProjection volunteerProjection = new VolunteerProjection(jdbc, vault);
    public final ActivityProjection activityProjection = new ActivityProjection(jdbc, vault);
    public final ActivityReasonProjection activityReasonProjection = new ActivityReasonProjection(jdbc);
    public final GrantProjection grantProjection = new GrantProjection(jdbc);
    public final ProgrammeDatesProjection programmeDatesProjection = new ProgrammeDatesProjection(jdbc);
    public final nrw.komman.query.privacy.RetentionRunProjection retentionRunProjection =
            new nrw.komman.query.privacy.RetentionRunProjection(jdbc);
    public final HelpRequestProjection helpRequestProjection = new HelpRequestProjection(jdbc);
    public final VolunteerCoordinationProjection volunteerCoordinationProjection = new VolunteerCoordinationProjection(jdbc);

    public final CentreQueries centres = new CentreQueries(jdbc);
    public final VolunteerQueries volunteers = new VolunteerQueries(jdbc, vault, CLOCK);
    public final ActivityQueries activities = new ActivityQueries(jdbc, vault);
    public final CentreDashboardQueries dashboards = new CentreDashboardQueries(jdbc, vault);
    public final GrantQueries grants = new GrantQueries(jdbc);
    public final ProgrammeDatesQueries programmeDates = new ProgrammeDatesQueries(jdbc);
    public final MinistryQueries ministry = new MinistryQueries(jdbc);
    public final BudgetProjection budgetProjection = new BudgetProjection(jdbc);
    public final BudgetQueries budgets = new BudgetQueries(jdbc);
    public final VolunteerDataExportQueries exports = new VolunteerDataExportQueries(jdbc, vault, CLOCK);
    /** The dry run with the default periods: volunteers inactive for 3 years, grant files 5 years after the report. */
    public final HelpRequestQueries helpRequests = new HelpRequestQueries(jdbc, vault, CLOCK);
    public final MatchQueries matching = new MatchQueries(jdbc, vault, CLOCK);
    public final VolunteerLinkQueries links = new VolunteerLinkQueries(jdbc, vault, CLOCK);
    public final CoordinationFiguresQueries coordinationFigures = new CoordinationFiguresQueries(jdbc, CLOCK);
    public final RetentionPlanQueries retention = new RetentionPlanQueries(jdbc, vault, CLOCK, 3, 5);

    /** The processing groups as the application runs them. */
    private final List<AnnotationEventHandlerAdapter> centreViews = List.of(
            new AnnotationEventHandlerAdapter(centreProjection),
            new AnnotationEventHandlerAdapter(volunteerProjection),
            new AnnotationEventHandlerAdapter(activityProjection),
            new AnnotationEventHandlerAdapter(activityReasonProjection),
            new AnnotationEventHandlerAdapter(helpRequestProjection),
            new AnnotationEventHandlerAdapter(volunteerCoordinationProjection),
            new AnnotationEventHandlerAdapter(retentionRunProjection));
    private final List<AnnotationEventHandlerAdapter> grantViews = List.of(
            new AnnotationEventHandlerAdapter(grantProjection),
            new AnnotationEventHandlerAdapter(budgetProjection),
            new AnnotationEventHandlerAdapter(programmeDatesProjection));

    private final List<EventMessage<?>> recorded = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private final Map<BudgetId, Money> budgetAmounts = new HashMap<>();
    private Instant now = Instant.parse("2025-01-02T08:00:00Z");

    public static MetaData as(Actor actor) {
        return MetaData.from(actor.toMetaData());
    }

    // ------------------------------------------------------------------ publishing

    /** Publishes an event as the actor did it, a minute after the previous one. */
    public DomainEventMessage<?> publish(Object payload, Actor actor) {
        now = now.plus(Duration.ofMinutes(1));
        return publishAt(payload, actor, now);
    }

    /** Moves the time of the next events on, e.g. to the day a request was staffed. */
    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    public DomainEventMessage<?> publishAt(Object payload, Actor actor, Instant at) {
        String aggregate = aggregateOf(payload);
        long sequence = sequences.merge(aggregate, 1L, Long::sum) - 1;
        DomainEventMessage<?> message = new GenericDomainEventMessage<>(aggregateType(payload), aggregate, sequence,
                payload, actor.toMetaData(), UUID.randomUUID().toString(), at);
        deliver(message);
        recorded.add(message);
        return message;
    }

    /** Delivers an event again, as after a crash between handling it and storing the token. */
    public void redeliver(EventMessage<?> message) {
        deliver(message);
    }

    /** What the administrator's rebuild does: reset both processors, then replay every event. */
    public void resetAndReplay() {
        reset();
        replay();
    }

    public void reset() {
        centreViews.forEach(AnnotationEventHandlerAdapter::prepareReset);
        grantViews.forEach(AnnotationEventHandlerAdapter::prepareReset);
    }

    public void replay() {
        recorded.forEach(this::deliver);
    }

    /** A replay as an event processor runs it: {@code size} events per batch, each batch in one unit of work. */
    public void replayInBatches(int size) {
        for (int from = 0; from < recorded.size(); from += size) {
            deliverInOneBatch(recorded.subList(from, Math.min(recorded.size(), from + size)));
        }
    }

    /**
     * Delivers events as one batch of an event processor: one unit of work for all of them, so the
     * batched projections write their rows only at its end.
     */
    public void deliverInOneBatch(List<? extends EventMessage<?>> messages) {
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(new ArrayList<EventMessage<?>>(messages));
        ResultMessage<?> result = batch.executeWithResult(() -> {
            deliver(batch.getMessage());
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw new IllegalStateException("The batch failed", result.exceptionResult());
        }
    }

    public List<EventMessage<?>> recorded() {
        return List.copyOf(recorded);
    }

    private void deliver(EventMessage<?> message) {
        try {
            for (AnnotationEventHandlerAdapter adapter : centreViews) {
                if (adapter.canHandle(message)) {
                    adapter.handle(message);
                }
            }
            for (AnnotationEventHandlerAdapter adapter : grantViews) {
                if (adapter.canHandle(message)) {
                    adapter.handle(message);
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String aggregateOf(Object payload) {
        if (payload instanceof CentreEstablishedEvent e) {
            return e.centreId().value();
        }
        if (payload.getClass().getPackageName().equals(CentreId.class.getPackageName())) {
            return invoke(payload, "centreId").toString(); // closing, its proposal and withdrawal
        }
        if (payload instanceof BudgetSetEvent e) {
            return e.budgetId().toString();
        }
        if (payload instanceof nrw.komman.kernel.grant.ProgrammeDatesSetEvent e) {
            return e.programmePart(); // the ministry's dates of a programme part: an aggregate of its own
        }
        if (payload instanceof nrw.komman.kernel.privacy.RetentionRunRecordedEvent e) {
            return e.runId(); // a retention run: an aggregate of its own
        }
        if (isGrantEvent(payload)) {
            return ((GrantId) invoke(payload, "grantId")).toString();
        }
        if (hasAccessor(payload, "requestId")) {
            return invoke(payload, "requestId").toString(); // a request for help and its assignments: one aggregate
        }
        // volunteers and their activities: one aggregate (the activity commands target the volunteer)
        return invoke(payload, "volunteerId").toString();
    }

    private static String aggregateType(Object payload) {
        if (payload.getClass().getSimpleName().startsWith("Centre")) {
            return "Centre";
        }
        if (payload instanceof BudgetSetEvent) {
            return "Budget";
        }
        if (payload instanceof nrw.komman.kernel.grant.ProgrammeDatesSetEvent) {
            return "ProgrammeDates";
        }
        if (payload instanceof nrw.komman.kernel.privacy.RetentionRunRecordedEvent) {
            return "RetentionRun";
        }
        if (isGrantEvent(payload)) {
            return "Grant";
        }
        if (hasAccessor(payload, "requestId")) {
            return "HelpRequest";
        }
        return "Volunteer";
    }

    /** Every event of the grant package belongs to one grant (activities name a grant too, but are the volunteer's). */
    private static boolean isGrantEvent(Object payload) {
        return payload.getClass().getPackageName().equals(GrantId.class.getPackageName());
    }

    private static boolean hasAccessor(Object payload, String accessor) {
        try {
            payload.getClass().getMethod(accessor);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Object invoke(Object payload, String accessor) {
        try {
            return payload.getClass().getMethod(accessor).invoke(payload);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("no aggregate for " + payload, e);
        }
    }

    // ------------------------------------------------------------------ the facts tests need

    public void establish(CentreId centreId, String name, String type, LocalDate on) {
        publish(new CentreEstablishedEvent(centreId, name, type, centreId.regierungsbezirk(), on), Actor.SYSTEM);
    }

    /** Köln, Düsseldorf and Kreis Viersen, established in 2013, 2012 and 2019. */
    public void establishSomeCentres() {
        establish(KOELN, "Stadt Köln", "Kreisfreie Stadt", LocalDate.of(2013, 1, 1));
        establish(DUESSELDORF, "Stadt Düsseldorf", "Kreisfreie Stadt", LocalDate.of(2012, 6, 1));
        establish(VIERSEN, "Kreis Viersen", "Kreis", LocalDate.of(2019, 3, 1));
    }

    public VolunteerId register(CentreId centreId, String name, String email, Set<String> languages,
                                Set<ActivityCategory> interests, LocalDate registeredOn) {
        VolunteerId id = VolunteerId.random();
        publish(new VolunteerRegisteredEvent(id, centreId,
                vault.seal(id, new PersonalData(name, email, null, "Dienstags nachmittags", languages, interests)),
                SealedConsent.of(id, new ConsentRecord("Einwilligung Datenverarbeitung Ehrenamtskoordination", "2024-01",
                        Instant.parse("2024-12-01T10:00:00Z")), vault),
                registeredOn), coordinatorOf(centreId));
        return id;
    }

    public void updateProfile(VolunteerId id, CentreId centreId, PersonalData data) {
        publish(new VolunteerProfileUpdatedEvent(id, centreId, vault.seal(id, data)), coordinatorOf(centreId));
    }

    public void deactivate(VolunteerId id, CentreId centreId) {
        publish(new VolunteerDeactivatedEvent(id, centreId, LocalDate.of(2025, 5, 1)), coordinatorOf(centreId));
    }

    public void deactivate(VolunteerId id, CentreId centreId, LocalDate on) {
        publish(new VolunteerDeactivatedEvent(id, centreId, on), coordinatorOf(centreId));
    }

    /** What the erasure command does: the key is destroyed in its transaction, then the event is published. */
    public void erase(VolunteerId id, CentreId centreId, LocalDate on) {
        vault.shred(id);
        publish(new VolunteerDataErasedEvent(id, centreId, ErasureReason.REQUEST, on), coordinatorOf(centreId));
    }

    /** What the consent withdrawal does: the withdrawal, then the erasure (the volunteer deactivated first if active). */
    public void withdrawConsent(VolunteerId id, CentreId centreId, Instant at, boolean active) {
        LocalDate on = LocalDate.ofInstant(at, ZoneId.of("Europe/Berlin"));
        publish(new ConsentWithdrawnEvent(id, centreId, at), coordinatorOf(centreId));
        if (active) {
            deactivate(id, centreId, on);
        }
        vault.shred(id);
        publish(new VolunteerDataErasedEvent(id, centreId, ErasureReason.CONSENT_WITHDRAWN, on), coordinatorOf(centreId));
    }

    public void reactivate(VolunteerId id, CentreId centreId) {
        publish(new VolunteerReactivatedEvent(id, centreId, LocalDate.of(2025, 5, 20)), coordinatorOf(centreId));
    }

    public ActivityId log(VolunteerId volunteer, CentreId centreId, LocalDate date, int minutes,
                          ActivityCategory category, String note) {
        ActivityId id = ActivityId.random();
        publish(new ActivityLoggedEvent(id, volunteer, centreId, date, minutes, category,
                vault.sealText(volunteer, note), null), coordinatorOf(centreId));
        return id;
    }

    public void correct(ActivityId activity, VolunteerId volunteer, CentreId centreId, LocalDate date, int minutes,
                        ActivityCategory category, String note) {
        publish(new ActivityCorrectedEvent(activity, volunteer, centreId, date, minutes, category,
                vault.sealText(volunteer, note), null, vault.sealText(volunteer, "Tippfehler"), null), coordinatorOf(centreId));
    }

    public void withdraw(ActivityId activity, VolunteerId volunteer, CentreId centreId) {
        publish(new ActivityWithdrawnEvent(activity, volunteer, centreId, vault.sealText(volunteer, "Doppelt erfasst"), null),
                coordinatorOf(centreId));
    }

    public GrantId apply(CentreId centreId, int year, ProgrammePart part, String title, long requestedCents) {
        GrantId id = GrantId.random();
        publish(new GrantAppliedEvent(id, centreId, year, part, title, "Zweck: " + title,
                Money.ofCents(requestedCents), LocalDate.of(year, 1, 10)), coordinatorOf(centreId));
        return id;
    }

    public void review(GrantId grant, CentreId centreId, Recommendation recommendation, String note) {
        publish(new GrantReviewedEvent(grant, centreId, recommendation, note), GRANT_OFFICER);
    }

    public void approve(GrantId grant, CentreId centreId, long requestedCents, long approvedCents, String note) {
        publish(new GrantApprovedEvent(grant, centreId, Money.ofCents(requestedCents), Money.ofCents(approvedCents),
                note, LocalDate.of(2025, 3, 3)), MINISTRY);
    }

    public void reject(GrantId grant, CentreId centreId, String reason) {
        publish(new GrantRejectedEvent(grant, centreId, reason), MINISTRY);
    }

    public void withdrawApplication(GrantId grant, CentreId centreId, String reason) {
        publish(new GrantWithdrawnEvent(grant, centreId, reason), coordinatorOf(centreId));
    }

    // the grant's life after approval, with the amounts the Grant aggregate would put into its events

    public void amend(GrantId grant, CentreId centreId, long approvedBeforeCents, long approvedAfterCents, String reason) {
        publish(new GrantAmendedEvent(grant, centreId, Money.ofCents(approvedBeforeCents), Money.ofCents(approvedAfterCents),
                reason, LocalDate.of(2025, 4, 1)), MINISTRY);
    }

    public void requestFunds(GrantId grant, CentreId centreId, long cents, String purpose) {
        publish(new FundsRequestedEvent(grant, centreId, Money.ofCents(cents), purpose, LocalDate.of(2025, 4, 2)),
                coordinatorOf(centreId));
    }

    public void disburse(GrantId grant, CentreId centreId, int tranche, long cents, LocalDate on, long disbursedBeforeCents) {
        publish(new TrancheDisbursedEvent(grant, centreId, tranche, Money.ofCents(cents), on,
                Money.ofCents(disbursedBeforeCents), Money.ofCents(disbursedBeforeCents + cents)), GRANT_OFFICER);
    }

    public void reportUsage(GrantId grant, CentreId centreId, long disbursedCents, long spentCents, String report,
                            int volunteersReached) {
        publish(new UsageReportSubmittedEvent(grant, centreId, Money.ofCents(disbursedCents), Money.ofCents(spentCents),
                report, volunteersReached, LocalDate.of(2026, 2, 15)), coordinatorOf(centreId));
    }

    public void close(GrantId grant, CentreId centreId, long disbursedCents, long spentCents, String checkNote) {
        publish(new GrantClosedEvent(grant, centreId, Money.ofCents(disbursedCents), Money.ofCents(spentCents),
                Money.ofCents(disbursedCents - spentCents), checkNote, LocalDate.of(2026, 3, 20)), GRANT_OFFICER);
    }

    public void repay(GrantId grant, CentreId centreId, long cents, LocalDate on, long outstandingBeforeCents) {
        publish(new RepaymentReceivedEvent(grant, centreId, Money.ofCents(cents), on, Money.ofCents(outstandingBeforeCents),
                Money.ofCents(outstandingBeforeCents - cents)), GRANT_OFFICER);
    }

    /** The ministry sets a budget (state-wide when {@code centreId} is null); the previous amount as the aggregate knows it. */
    public void setBudget(int year, ProgrammePart part, CentreId centreId, long cents, String reason) {
        BudgetId id = BudgetId.of(year, part, centreId);
        Money previous = budgetAmounts.put(id, Money.ofCents(cents));
        publish(new BudgetSetEvent(id, year, part, centreId, previous, Money.ofCents(cents), reason), MINISTRY);
    }

    // ------------------------------------------------------------------ coordination (issue 18)

    /** Opens a request for help as the HelpRequest aggregate would: the requester's data sealed under the request's key. */
    public nrw.komman.kernel.coordination.HelpRequestId openRequest(CentreId centreId, ActivityCategory category,
                                                                    Set<String> languages, nrw.komman.kernel.coordination.Schedule schedule,
                                                                    int volunteersNeeded, String requester, String place) {
        var id = nrw.komman.kernel.coordination.HelpRequestId.random();
        VolunteerId subject = id.subject();
        publish(new nrw.komman.kernel.coordination.HelpRequestOpenedEvent(id, centreId, category, languages, schedule, 90,
                "Köln", vault.sealText(subject, place), volunteersNeeded, vault.sealText(subject, requester),
                vault.sealText(subject, "0176 000000"), vault.sealText(subject, "Bitte pünktlich"), null), coordinatorOf(centreId));
        return id;
    }

    public nrw.komman.kernel.coordination.AssignmentId ask(nrw.komman.kernel.coordination.HelpRequestId request, VolunteerId volunteer,
                                                           CentreId centreId, nrw.komman.kernel.coordination.Schedule schedule) {
        var id = nrw.komman.kernel.coordination.AssignmentId.random();
        publish(new nrw.komman.kernel.coordination.VolunteerAskedEvent(request, id, volunteer, centreId, schedule), coordinatorOf(centreId));
        return id;
    }

    public nrw.komman.kernel.coordination.AssignmentId offer(nrw.komman.kernel.coordination.HelpRequestId request, VolunteerId volunteer,
                                                             CentreId centreId, nrw.komman.kernel.coordination.Schedule schedule) {
        var id = nrw.komman.kernel.coordination.AssignmentId.random();
        publish(new nrw.komman.kernel.coordination.AssignmentOfferedEvent(request, id, volunteer, centreId, schedule), coordinatorOf(centreId));
        return id;
    }

    public void confirm(nrw.komman.kernel.coordination.HelpRequestId request, nrw.komman.kernel.coordination.AssignmentId assignment,
                        VolunteerId volunteer, CentreId centreId) {
        publish(new nrw.komman.kernel.coordination.AssignmentConfirmedEvent(request, assignment, volunteer, centreId, true),
                Actor.volunteer(volunteer.value(), centreId));
    }

    public void decline(nrw.komman.kernel.coordination.HelpRequestId request, nrw.komman.kernel.coordination.AssignmentId assignment,
                        VolunteerId volunteer, CentreId centreId, String reason) {
        publish(new nrw.komman.kernel.coordination.AssignmentDeclinedEvent(request, assignment, volunteer, centreId, true,
                reason == null ? null : vault.sealText(volunteer, reason)), Actor.volunteer(volunteer.value(), centreId));
    }

    public void cancelAssignment(nrw.komman.kernel.coordination.HelpRequestId request, nrw.komman.kernel.coordination.AssignmentId assignment,
                                 VolunteerId volunteer, CentreId centreId, boolean afterConfirmation, String reason) {
        publish(new nrw.komman.kernel.coordination.AssignmentCancelledEvent(request, assignment, volunteer, centreId, afterConfirmation,
                reason == null ? null : vault.sealText(volunteer, reason)), coordinatorOf(centreId));
    }

    public void lapse(nrw.komman.kernel.coordination.HelpRequestId request, nrw.komman.kernel.coordination.AssignmentId assignment,
                      VolunteerId volunteer, CentreId centreId) {
        publish(new nrw.komman.kernel.coordination.AssignmentLapsedEvent(request, assignment, volunteer, centreId), coordinatorOf(centreId));
    }

    public void tookPlace(nrw.komman.kernel.coordination.HelpRequestId request, nrw.komman.kernel.coordination.AssignmentId assignment,
                          VolunteerId volunteer, CentreId centreId, LocalDate day, int minutes) {
        publish(new nrw.komman.kernel.coordination.AssignmentTookPlaceEvent(request, assignment, volunteer, centreId, day, minutes,
                ActivityCategory.ACCOMPANIMENT, null, ActivityId.random()), coordinatorOf(centreId));
    }

    public void noShow(nrw.komman.kernel.coordination.HelpRequestId request, nrw.komman.kernel.coordination.AssignmentId assignment,
                       VolunteerId volunteer, CentreId centreId, LocalDate day) {
        publish(new nrw.komman.kernel.coordination.AssignmentNoShowRecordedEvent(request, assignment, volunteer, centreId, day),
                coordinatorOf(centreId));
    }

    public void cancelRequest(nrw.komman.kernel.coordination.HelpRequestId request, CentreId centreId, String reason) {
        publish(new nrw.komman.kernel.coordination.HelpRequestCancelledEvent(request, centreId,
                vault.sealText(request.subject(), reason)), coordinatorOf(centreId));
    }

    public void closeRequest(nrw.komman.kernel.coordination.HelpRequestId request, CentreId centreId, LocalDate on) {
        publish(new nrw.komman.kernel.coordination.HelpRequestClosedEvent(request, centreId, on), coordinatorOf(centreId));
    }

    /** What the request's deadline records when too few confirmed some hours before it starts (issue 19). */
    public DomainEventMessage<?> unstaffed(nrw.komman.kernel.coordination.HelpRequestId request, CentreId centreId,
                                           Instant startsAt, int confirmed, int needed) {
        return publish(new nrw.komman.kernel.coordination.HelpRequestUnstaffedEvent(request, centreId, startsAt, confirmed,
                needed), Actor.SYSTEM);
    }

    /** What the erasure of a requester's data does: the request's key destroyed, then the event. */
    public void eraseRequester(nrw.komman.kernel.coordination.HelpRequestId request, CentreId centreId) {
        vault.shred(request.subject());
        publish(new nrw.komman.kernel.coordination.RequesterDataErasedEvent(request, centreId, ErasureReason.RETENTION),
                Actor.SYSTEM);
    }

    public void updateAvailability(VolunteerId volunteer, CentreId centreId, nrw.komman.kernel.coordination.Availability availability) {
        publish(new nrw.komman.kernel.coordination.VolunteerAvailabilityUpdatedEvent(volunteer, centreId,
                vault.sealText(volunteer, availability.canonical())), coordinatorOf(centreId));
    }

    public nrw.komman.kernel.coordination.VolunteerLinkId issueLink(VolunteerId volunteer, CentreId centreId, String tokenHash,
                                                                    LocalDate expiresOn) {
        var id = nrw.komman.kernel.coordination.VolunteerLinkId.random();
        publish(new nrw.komman.kernel.coordination.VolunteerLinkIssuedEvent(volunteer, centreId, id, tokenHash, expiresOn),
                coordinatorOf(centreId));
        return id;
    }

    public void revokeLink(VolunteerId volunteer, CentreId centreId, nrw.komman.kernel.coordination.VolunteerLinkId link) {
        publish(new nrw.komman.kernel.coordination.VolunteerLinkRevokedEvent(volunteer, centreId, link), coordinatorOf(centreId));
    }

    public nrw.komman.kernel.coordination.CertificateId issueCertificate(VolunteerId volunteer, CentreId centreId, LocalDate on,
                                                                         List<nrw.komman.kernel.coordination.CertificateLine> lines) {
        var id = nrw.komman.kernel.coordination.CertificateId.random();
        publish(new nrw.komman.kernel.coordination.CertificateIssuedEvent(volunteer, centreId, id, on, lines), coordinatorOf(centreId));
        return id;
    }

    public static Actor coordinatorOf(CentreId centreId) {
        return Actor.coordinator("koordination." + centreId.value(), centreId);
    }

    /** Rows in a table, to see what a reset leaves behind. */
    public long rows(String table) {
        Long count = jdbc.getJdbcOperations().queryForObject("select count(*) from " + table, Long.class);
        return count == null ? 0 : count;
    }

    public static final List<String> TABLES = List.of("centre_view", "volunteer_view", "activity_view", "volunteer_year_stats",
            "centre_activity_stats", "activity_reason",
            "help_request_view", "help_request_status", "assignment_view", "assignment_day", "volunteer_booking",
            "volunteer_availability", "volunteer_link", "certificate_view",
            "grant_centre", "grant_view", "grant_history", "grant_tranche", "budget_view", "programme_dates_view",
            "retention_run_view");
}
