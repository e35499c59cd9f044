package nrw.komman.command.coordination;

import nrw.komman.command.common.DatesBackfill;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.ScheduleRequestDatesCommand;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Requests recorded before their dates existed (issue 19, rule 23) get them once ({@link ScheduleRequestDatesCommand}:
 * the unstaffed check still ahead, the next reminder of each confirmed assignment); V53 puts the task's one execution
 * into the scheduler's table.
 */
@Component
public class HelpRequestDatesBackfill extends DatesBackfill {

    /** The task's name in {@code scheduled_tasks} (V53 inserts its execution). */
    public static final String TASK = "help-request-dates-backfill";

    public HelpRequestDatesBackfill(CommandGateway commands, JdbcTemplate jdbc,
                                    ObjectProvider<EventStorageEngine> storageEngine) {
        super(TASK, HelpRequest.class.getSimpleName(), id -> new ScheduleRequestDatesCommand(HelpRequestId.parse(id)),
                commands, jdbc, storageEngine);
    }
}
