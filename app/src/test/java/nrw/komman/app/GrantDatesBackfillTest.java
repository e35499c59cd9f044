package nrw.komman.app;

import nrw.komman.app.support.OnH2;
import nrw.komman.command.grant.GrantDatesBackfill;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.GrantAppliedEvent;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.ProgrammePart;
import org.axonframework.common.transaction.TransactionManager;
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
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19: a grant recorded before its dates existed has no deadline; the one-time backfill (V45 puts its execution
 * into the scheduler's table) asks it to schedule them, and a date already past fires at once and records its fact.
 */
class GrantDatesBackfillTest extends OnH2 {

    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void the_backfill_schedules_the_dates_of_a_grant_recorded_before_and_a_past_one_is_recorded_at_once() {
        // the first run, on this new database, found no grant and is gone
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(GrantDatesBackfill.TASK) == 0);

        // the application shares its database with other tests' grants and their deadlines (which the backfill schedules
        // once more: harmless, each fact is recorded once): count what this grant's event adds, nothing
        long deadlines = rows("AxonDeadline");
        // an application received ten weeks ago, recorded as an older release did: no deadline
        GrantId grant = GrantId.random();
        LocalDate appliedOn = LocalDate.now(ZoneId.of("Europe/Berlin")).minusWeeks(10);
        Actor coordinator = Actor.coordinator("koeln.koordination", new CentreId("05315"));
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactionManager);
        unitOfWork.execute(() -> eventStore.publish(new GenericDomainEventMessage<>("Grant", grant.toString(), 0,
                new GrantAppliedEvent(grant, new CentreId("05315"), appliedOn.getYear() + 1, ProgrammePart.PART_II_A, "Altbestand",
                        "Zweck", Money.parse("5000.00"), appliedOn), MetaData.from(coordinator.toMetaData()))));
        assertThat(rows("AxonDeadline")).isEqualTo(deadlines);
        assertThat(overdue(grant)).isZero();

        // the backfill's execution as the migration writes it
        jdbc.update("insert into scheduled_tasks (task_name, task_instance, task_data, execution_time, picked, version) "
                + "values (?, 'test', null, current_timestamp, false, 1)", GrantDatesBackfill.TASK);

        await().atMost(Duration.ofSeconds(30)).until(() -> overdue(grant) == 1);
        await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(20)).until(() -> overdue(grant) == 1
                && rows(GrantDatesBackfill.TASK) == 0);
        assertThat(jdbc.queryForObject("select payload from domain_event_entry where aggregate_identifier = ? "
                        + "and payload_type like '%ReviewOverdueEvent'", byte[].class, grant.toString()))
                .asString().contains("\"dueOn\":\"" + appliedOn.plusWeeks(6) + "\"");
    }

    private long rows(String task) {
        Long n = jdbc.queryForObject("select count(*) from scheduled_tasks where task_name = ?", Long.class, task);
        return n == null ? 0 : n;
    }

    private long overdue(GrantId grant) {
        Long n = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and payload_type like '%ReviewOverdueEvent'", Long.class, grant.toString());
        return n == null ? 0 : n;
    }
}
