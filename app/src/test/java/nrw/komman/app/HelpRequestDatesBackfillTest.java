package nrw.komman.app;

import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import nrw.komman.app.support.OnH2;
import nrw.komman.command.coordination.HelpRequestDatesBackfill;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.coordination.AssignmentConfirmedEvent;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.HelpRequestOpenedEvent;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.coordination.VolunteerAskedEvent;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19, rule 23: a request recorded before its dates existed has no deadline; the one-time backfill (V53 puts its
 * execution into the scheduler's table) asks it, as the platform, to schedule the unstaffed check still ahead and the
 * reminder of its confirmed assignment.
 */
class HelpRequestDatesBackfillTest extends OnH2 {

    private static final CentreId KOELN = new CentreId("05315");

    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PersonalDataVault vault;
    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Test
    void the_backfill_schedules_the_unstaffed_check_and_the_reminder_of_a_request_recorded_before() {
        // the first run, on this new database, found no request recorded before and is gone
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(HelpRequestDatesBackfill.TASK) == 0);

        // a request for two in four days, one volunteer confirmed, recorded as an older release did: no deadline
        HelpRequestId request = HelpRequestId.random();
        AssignmentId assignment = AssignmentId.random();
        VolunteerId volunteer = VolunteerId.random();
        LocalDate day = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(4);
        Schedule schedule = Schedule.once(day, LocalTime.of(10, 0), LocalTime.of(12, 0));
        Actor coordinator = Actor.coordinator("koeln.koordination", KOELN);
        publish(request, coordinator,
                new HelpRequestOpenedEvent(request, KOELN, ActivityCategory.ACCOMPANIMENT, Set.of("prs"), schedule, 120,
                        "Köln", vault.sealText(request.subject(), "Ausländerbehörde"), 2,
                        vault.sealText(request.subject(), "Familie R."), vault.sealText(request.subject(), "0221 000000"),
                        null, GrantId.random()),
                new VolunteerAskedEvent(request, assignment, volunteer, KOELN, schedule),
                new AssignmentConfirmedEvent(request, assignment, volunteer, KOELN, false));
        assertThat(deadlinesOf(request)).isZero();

        // the backfill's execution as the migration writes it
        jdbc.update("insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version) "
                + "values (?, 'test', null, current_timestamp, false, 1)", HelpRequestDatesBackfill.TASK);

        // the unstaffed check (48 hours before) and the reminder (the day before at nine): both ahead
        await().atMost(Duration.ofSeconds(30)).until(() -> deadlinesOf(request) == 2 && rows(HelpRequestDatesBackfill.TASK) == 0);
    }

    private void publish(HelpRequestId request, Actor actor, Object... events) {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactionManager);
        unitOfWork.execute(() -> {
            for (int i = 0; i < events.length; i++) {
                eventStore.publish(new GenericDomainEventMessage<>("HelpRequest", request.toString(), i, events[i],
                        MetaData.from(actor.toMetaData())));
            }
        });
    }

    private long rows(String task) {
        Long n = jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = ?", Long.class, task);
        return n == null ? 0 : n;
    }

    /** The request's deadlines: those whose stored scope is this request (the task data is JSON, ADR 39). */
    private long deadlinesOf(HelpRequestId request) {
        JacksonSerializer taskData = new JacksonSerializer();
        return jdbc.queryForList("select task_data from scheduled_tasks where task_name = 'AxonDeadline'", byte[].class)
                .stream().filter(data -> data != null && data.length > 0 && data[0] == '{')
                .map(data -> taskData.deserialize(DbSchedulerBinaryDeadlineDetails.class, data)
                        .getDeserializedScopeDescriptor(eventSerializer))
                .filter(scope -> scope instanceof AggregateScopeDescriptor aggregate
                        && aggregate.getType().equals("HelpRequest") && aggregate.getIdentifier().toString().equals(request.toString()))
                .count();
    }
}
