package nrw.komman.app;

import nrw.komman.app.support.OnH2;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Axon falls back silently when its auto-configuration does not load (XStream, a no-op transaction
 * manager, an in-memory store, a connection attempt to Axon Server). This test fails if any of that
 * happens to the real wiring.
 */
class AxonWiringTest extends OnH2 {

    @Autowired
    ApplicationContext context;

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    EventStore eventStore;

    @Autowired
    TransactionManager transactionManager;

    @Autowired
    TokenStore tokenStore;

    @Autowired
    @Qualifier("serializer")
    Serializer generalSerializer;

    @Autowired
    @Qualifier("eventSerializer")
    Serializer eventSerializer;

    @Autowired
    @Qualifier("messageSerializer")
    Serializer messageSerializer;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void events_are_stored_by_the_jdbc_engine_in_the_embedded_event_store() {
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(eventStore).isInstanceOf(EmbeddedEventStore.class);
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
    }

    @Test
    void units_of_work_run_in_spring_transactions() {
        assertThat(transactionManager).isInstanceOf(SpringTransactionManager.class);
    }

    @Test
    void every_serializer_is_jackson() {
        assertThat(generalSerializer).isInstanceOf(JacksonSerializer.class);
        assertThat(eventSerializer).isInstanceOf(JacksonSerializer.class);
        assertThat(messageSerializer).isInstanceOf(JacksonSerializer.class);
    }

    @Test
    void there_is_no_axon_server_connection_in_the_default_mode() {
        assertThat(context.getBeanNamesForType(
                org.axonframework.axonserver.connector.AxonServerConnectionManager.class)).isEmpty();
    }

    @Test
    void both_query_side_processors_are_pooled_streaming_processors() {
        assertThat(processing.eventProcessor("centre-views", PooledStreamingEventProcessor.class)).isPresent();
        assertThat(processing.eventProcessor("grant-views", PooledStreamingEventProcessor.class)).isPresent();
    }

    @Test
    void projections_that_fail_roll_back_and_conflicts_are_concurrency_exceptions_on_both_databases() {
        assertThat(processing.listenerInvocationErrorHandler("centre-views")).isInstanceOf(PropagatingErrorHandler.class);
        assertThat(processing.listenerInvocationErrorHandler("grant-views")).isInstanceOf(PropagatingErrorHandler.class);
        PersistenceExceptionResolver resolver = context.getBean(PersistenceExceptionResolver.class);
        assertThat(resolver.isDuplicateKeyViolation(new java.sql.SQLException("duplicate key", "23505"))).isTrue();
        java.sql.BatchUpdateException batch = new java.sql.BatchUpdateException("batch", "23000", new int[0]);
        batch.setNextException(new java.sql.SQLException("duplicate key", "23505"));
        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException(batch))).as("inside a batch").isTrue();
        assertThat(resolver.isDuplicateKeyViolation(new java.sql.SQLException("other", "40001"))).isFalse();
    }

    @Test
    void volunteers_and_grants_are_cached_and_the_gateway_retries_lost_races() throws Exception {
        assertThat(context.getBean("volunteerCache")).isInstanceOf(nrw.komman.command.common.AggregateCache.class);
        assertThat(context.getBean("grantCache")).isInstanceOf(nrw.komman.command.common.AggregateCache.class);
        CommandGateway gateway = context.getBean(CommandGateway.class);
        java.lang.reflect.Field retry = org.axonframework.commandhandling.gateway.AbstractCommandGateway.class.getDeclaredField("retryScheduler");
        retry.setAccessible(true);
        assertThat(retry.get(gateway)).isInstanceOf(nrw.komman.app.config.ConflictRetries.class);
    }

    @Test
    void axon_metrics_are_of_fixed_size_whatever_the_message_rate() {
        assertThat(context.getBean(org.axonframework.micrometer.GlobalMetricRegistry.class))
                .isInstanceOf(nrw.komman.app.config.BoundedMetricRegistry.class);
        java.util.List<String> meters = context.getBean(io.micrometer.core.instrument.MeterRegistry.class).getMeters().stream()
                .map(meter -> meter.getId().getName()).distinct().sorted().toList();
        assertThat(meters).as("Axon's capacity gauge keeps ten minutes of messages")
                .noneMatch(name -> name.matches("(eventProcessor|commandBus|queryBus).*\\.capacity"))
                .contains("eventProcessor.latency", "eventProcessor.successTimer", "eventProcessor.processedCounter",
                        "commandBus.successTimer", "commandBus.failureCounter");
    }

    /**
     * Issue 19: deadlines are db-scheduler rows in the application database (Axon's DbSchedulerDeadlineManager on the
     * starter's Scheduler), never Axon's in-memory default, and the grants' dates survive the serializers they are
     * stored with: the deadline's scope and payload through Axon's Jackson serializer, the whole as JSON through
     * db-scheduler's Jackson serializer (ADR 39).
     */
    @Test
    void deadlines_are_persistent_rows_of_the_scheduler_and_there_is_no_in_memory_deadline_manager() {
        org.axonframework.deadline.DeadlineManager deadlines = context.getBean(org.axonframework.deadline.DeadlineManager.class);
        assertThat(deadlines).isInstanceOf(org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager.class);
        assertThat(context.getBean(org.axonframework.config.Configuration.class).getComponent(
                org.axonframework.deadline.DeadlineManager.class)).as("the one Axon's handlers get").isSameAs(deadlines);
        assertThat(context.getBeansOfType(org.axonframework.deadline.SimpleDeadlineManager.class)).isEmpty();
        assertThat(context.getBeansOfType(org.axonframework.deadline.DeadlineManager.class)).hasSize(1);
        assertThat(context.getBeansOfType(com.github.kagkarlsson.scheduler.task.Task.class).values())
                .extracting(com.github.kagkarlsson.scheduler.task.Task::getName)
                .contains("AxonDeadline", nrw.komman.command.grant.GrantDatesBackfill.TASK, nrw.komman.query.report.ReportJobTask.TASK)
                .as("komman.retention.schedule=off (the tests' profile) registers no retention run")
                .doesNotContain(nrw.komman.command.privacy.RetentionSchedule.TASK);
        assertThat(context.getBean(com.github.kagkarlsson.scheduler.Scheduler.class)).isNotNull();
    }

    @Test
    void a_grants_deadline_is_stored_and_read_back_as_it_was_scheduled() throws Exception {
        nrw.komman.kernel.grant.GrantId grant = nrw.komman.kernel.grant.GrantId.random();
        nrw.komman.command.grant.GrantDate date = nrw.komman.command.grant.GrantDate.tranche(2, java.time.LocalDate.of(2027, 1, 20));
        org.axonframework.deadline.DeadlineManager deadlines = context.getBean(org.axonframework.deadline.DeadlineManager.class);
        // far ahead, so that it does not fire here; scope and payload as the Grant aggregate schedules them
        String id = deadlines.schedule(java.time.Instant.parse("2099-01-21T05:00:00Z"), nrw.komman.command.grant.GrantDate.DEADLINE,
                new org.axonframework.messaging.GenericMessage<>(date).withMetaData(nrw.komman.kernel.common.Actor.SYSTEM.toMetaData()),
                new org.axonframework.modelling.command.AggregateScopeDescriptor("Grant", () -> grant));
        try {
            byte[] stored = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                    "select task_data from scheduled_tasks where task_name = 'AxonDeadline' and task_instance = ?", byte[].class, id);
            // db-scheduler's task data is JSON (ADR 39): Axon's details, which hold scope, payload and metadata in Jackson
            assertThat(new String(stored, java.nio.charset.StandardCharsets.UTF_8)).startsWith("{").contains("\"d\":\"grant-date\"");
            org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails read =
                    new com.github.kagkarlsson.scheduler.serializer.JacksonSerializer().deserialize(
                            org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails.class, stored);
            org.axonframework.messaging.ScopeDescriptor scope = read.getDeserializedScopeDescriptor(eventSerializer);
            assertThat(scope).isInstanceOf(org.axonframework.modelling.command.AggregateScopeDescriptor.class);
            org.axonframework.modelling.command.AggregateScopeDescriptor aggregate = (org.axonframework.modelling.command.AggregateScopeDescriptor) scope;
            assertThat(aggregate.getType()).isEqualTo("Grant");
            assertThat(aggregate.getIdentifier().toString()).as("the repository loads the grant by this string").isEqualTo(grant.toString());
            org.axonframework.deadline.DeadlineMessage<?> fired = read.asDeadLineMessage(eventSerializer);
            assertThat(fired.getPayload()).isEqualTo(date);
            assertThat(fired.getDeadlineName()).isEqualTo(nrw.komman.command.grant.GrantDate.DEADLINE);
            assertThat(fired.getMetaData()).containsEntry(nrw.komman.kernel.common.Actor.ROLE, "SYSTEM")
                    .doesNotContainKey(nrw.komman.kernel.common.Actor.CENTRE);
        } finally {
            deadlines.cancelSchedule(nrw.komman.command.grant.GrantDate.DEADLINE, id);
        }
    }

    /** Issue 19, rule 23: a request's dates (a reminder names its assignment and day, the escalation neither) survive too. */
    @Test
    void a_requests_deadlines_are_stored_and_read_back_as_they_were_scheduled() throws Exception {
        nrw.komman.kernel.coordination.HelpRequestId request = nrw.komman.kernel.coordination.HelpRequestId.random();
        org.axonframework.deadline.DeadlineManager deadlines = context.getBean(org.axonframework.deadline.DeadlineManager.class);
        for (nrw.komman.command.coordination.RequestDate date : java.util.List.of(
                nrw.komman.command.coordination.RequestDate.reminder(nrw.komman.kernel.coordination.AssignmentId.random(),
                        java.time.LocalDate.of(2027, 3, 2)),
                nrw.komman.command.coordination.RequestDate.unstaffed())) {
            String id = deadlines.schedule(java.time.Instant.parse("2099-03-01T08:00:00Z"),
                    nrw.komman.command.coordination.RequestDate.DEADLINE,
                    new org.axonframework.messaging.GenericMessage<>(date).withMetaData(nrw.komman.kernel.common.Actor.SYSTEM.toMetaData()),
                    new org.axonframework.modelling.command.AggregateScopeDescriptor("HelpRequest", () -> request));
            try {
                byte[] stored = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class).queryForObject(
                        "select task_data from scheduled_tasks where task_name = 'AxonDeadline' and task_instance = ?", byte[].class, id);
                org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails read =
                        new com.github.kagkarlsson.scheduler.serializer.JacksonSerializer().deserialize(
                                org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails.class, stored);
                org.axonframework.deadline.DeadlineMessage<?> fired = read.asDeadLineMessage(eventSerializer);
                assertThat(fired.getPayload()).isEqualTo(date);
                assertThat(fired.getDeadlineName()).isEqualTo(nrw.komman.command.coordination.RequestDate.DEADLINE);
                assertThat(((org.axonframework.modelling.command.AggregateScopeDescriptor) read.getDeserializedScopeDescriptor(
                        eventSerializer)).getIdentifier().toString()).isEqualTo(request.toString());
            } finally {
                deadlines.cancelSchedule(nrw.komman.command.coordination.RequestDate.DEADLINE, id);
            }
        }
    }

    /**
     * ADR 39: rows written before the task data became JSON (Java serialization, issue 19's first round) are still read
     * by the running scheduler, so an upgrade loses no deadline.
     */
    @Test
    void a_deadline_row_in_the_former_java_serialization_is_still_read_by_the_scheduler() throws Exception {
        nrw.komman.kernel.grant.GrantId grant = nrw.komman.kernel.grant.GrantId.random();
        nrw.komman.command.grant.GrantDate date = nrw.komman.command.grant.GrantDate.tranche(1, java.time.LocalDate.of(2027, 3, 2));
        org.axonframework.deadline.DeadlineManager deadlines = context.getBean(org.axonframework.deadline.DeadlineManager.class);
        String id = deadlines.schedule(java.time.Instant.parse("2099-03-03T05:00:00Z"), nrw.komman.command.grant.GrantDate.DEADLINE,
                new org.axonframework.messaging.GenericMessage<>(date).withMetaData(nrw.komman.kernel.common.Actor.SYSTEM.toMetaData()),
                new org.axonframework.modelling.command.AggregateScopeDescriptor("Grant", () -> grant));
        try {
            org.springframework.jdbc.core.JdbcTemplate jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
            byte[] json = jdbc.queryForObject(
                    "select task_data from scheduled_tasks where task_name = 'AxonDeadline' and task_instance = ?", byte[].class, id);
            Object details = new com.github.kagkarlsson.scheduler.serializer.JacksonSerializer().deserialize(
                    org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails.class, json);
            java.io.ByteArrayOutputStream javaForm = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(javaForm)) {
                out.writeObject(details);
            }
            jdbc.update("update scheduled_tasks set task_data = ? where task_name = 'AxonDeadline' and task_instance = ?",
                    javaForm.toByteArray(), id);

            Object data = context.getBean(com.github.kagkarlsson.scheduler.Scheduler.class)
                    .getScheduledExecution(com.github.kagkarlsson.scheduler.task.TaskInstanceId.of("AxonDeadline", id))
                    .orElseThrow().getData();
            assertThat(data).isInstanceOf(org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails.class);
            org.axonframework.deadline.DeadlineMessage<?> fired =
                    ((org.axonframework.deadline.dbscheduler.DbSchedulerBinaryDeadlineDetails) data).asDeadLineMessage(eventSerializer);
            assertThat(fired.getPayload()).isEqualTo(date);
        } finally {
            deadlines.cancelSchedule(nrw.komman.command.grant.GrantDate.DEADLINE, id);
        }
    }
}
