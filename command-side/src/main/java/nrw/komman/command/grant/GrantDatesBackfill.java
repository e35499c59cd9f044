package nrw.komman.command.grant;

import nrw.komman.command.common.DatesBackfill;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.ScheduleGrantDatesCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Grants recorded before their dates existed (issue 19) get them once ({@link ScheduleGrantDatesCommand}); V45 puts
 * the task's one execution into the scheduler's table.
 */
@Component
public class GrantDatesBackfill extends DatesBackfill {

    /** The task's name in {@code scheduled_tasks} (V45 inserts its execution). */
    public static final String TASK = "grant-dates-backfill";

    public GrantDatesBackfill(CommandGateway commands, JdbcTemplate jdbc, ObjectProvider<EventStorageEngine> storageEngine) {
        super(TASK, Grant.class.getSimpleName(), id -> new ScheduleGrantDatesCommand(GrantId.parse(id)), commands, jdbc,
                storageEngine);
    }
}
