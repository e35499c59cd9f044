package nrw.komman.command.grant;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.ScheduleGrantDatesCommand;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Grants recorded before their dates existed (issue 19) have no deadlines: this one-time task of the scheduler asks each
 * of them to schedule what is still ahead ({@link ScheduleGrantDatesCommand}, as the platform). A migration (V45) puts
 * its one execution into {@code scheduled_tasks}, so it runs once per database, on one node with the command role,
 * after the upgrade; on a new database it finds no grant. A grant that cannot be asked is logged as an error with its id
 * and the task still completes: running it again would schedule every other grant's dates a second time (harmless for
 * the facts, a date records its fact once, but rows for nothing).
 * <p>
 * The grants are read from the event store's table; on Axon Server (the split topology) the events are not in this
 * database and the task says so in the log and does nothing.
 */
@Component
public class GrantDatesBackfill extends OneTimeTask<Void> {

    /** The task's name in {@code scheduled_tasks} (V45 inserts its execution). */
    public static final String TASK = "grant-dates-backfill";

    private static final Logger log = LoggerFactory.getLogger(GrantDatesBackfill.class);

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final ObjectProvider<EventStorageEngine> storageEngine;

    public GrantDatesBackfill(CommandGateway commands, JdbcTemplate jdbc, ObjectProvider<EventStorageEngine> storageEngine) {
        super(TASK, Void.class);
        this.commands = commands;
        this.jdbc = jdbc;
        this.storageEngine = storageEngine;
    }

    @Override
    public void executeOnce(TaskInstance<Void> taskInstance, ExecutionContext executionContext) {
        if (!(storageEngine.getIfAvailable() instanceof JdbcEventStorageEngine)) {
            log.warn("The dates of grants recorded before they existed are not scheduled: the events are not in this "
                    + "database (Axon Server).");
            return;
        }
        List<String> grants = jdbc.queryForList(
                "select distinct aggregate_identifier from domain_event_entry where type = ?", String.class,
                Grant.class.getSimpleName());
        int failed = 0;
        for (String grant : grants) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ScheduleGrantDatesCommand(GrantId.parse(grant)))
                        .withMetaData(Actor.SYSTEM.toMetaData()));
            } catch (RuntimeException e) {
                failed++;
                log.error("The dates of grant {} could not be scheduled: {}", grant, e.toString());
            }
        }
        log.info("Dates scheduled for {} grants recorded before they existed; {} failed.", grants.size() - failed, failed);
    }
}
