package nrw.komman.command.common;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import nrw.komman.kernel.common.Actor;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.function.Function;

/**
 * Aggregates recorded before their dates existed (issue 19) have no deadlines: this one-time task of the scheduler
 * asks each of them, as the platform, to schedule what is still ahead. A migration puts its one execution into
 * {@code scheduled_tasks}, so it runs once per database, on one node with the command role, after the upgrade; on a
 * new database it finds nothing. An aggregate that cannot be asked is logged as an error with its id and the task
 * still completes: running it again would schedule every other aggregate's dates a second time (harmless for the
 * facts, a date records its fact once, but rows for nothing).
 * <p>
 * The aggregates are read from the event store's table; on Axon Server (the split topology) the events are not in
 * this database and the task says so in the log and does nothing.
 */
public abstract class DatesBackfill extends OneTimeTask<Void> {

    private static final Logger log = LoggerFactory.getLogger(DatesBackfill.class);

    private final String aggregateType;
    private final Function<String, Object> command;
    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final ObjectProvider<EventStorageEngine> storageEngine;

    /**
     * @param task          the task's name in {@code scheduled_tasks}, as the migration inserts it
     * @param aggregateType the aggregate's type as the event store records it (its simple class name)
     * @param command       the command that asks one aggregate, by its identifier, to schedule its dates
     */
    protected DatesBackfill(String task, String aggregateType, Function<String, Object> command, CommandGateway commands,
                            JdbcTemplate jdbc, ObjectProvider<EventStorageEngine> storageEngine) {
        super(task, Void.class);
        this.aggregateType = aggregateType;
        this.command = command;
        this.commands = commands;
        this.jdbc = jdbc;
        this.storageEngine = storageEngine;
    }

    @Override
    public void executeOnce(TaskInstance<Void> taskInstance, ExecutionContext executionContext) {
        if (!(storageEngine.getIfAvailable() instanceof JdbcEventStorageEngine)) {
            log.warn("The dates of each {} recorded before they existed are not scheduled: the events are not in this "
                    + "database (Axon Server).", aggregateType);
            return;
        }
        List<String> ids = jdbc.queryForList(
                "select distinct aggregate_identifier from domain_event_entry where type = ?", String.class, aggregateType);
        int failed = 0;
        for (String id : ids) {
            try {
                commands.sendAndWait(GenericCommandMessage.asCommandMessage(command.apply(id))
                        .withMetaData(Actor.SYSTEM.toMetaData()));
            } catch (RuntimeException e) {
                failed++;
                log.error("The dates of {} {} could not be scheduled: {}", aggregateType, id, e.toString());
            }
        }
        log.info("Dates scheduled for {} of each {} recorded before they existed; {} failed.", ids.size() - failed,
                aggregateType, failed);
    }
}
