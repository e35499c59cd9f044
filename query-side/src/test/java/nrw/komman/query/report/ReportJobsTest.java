package nrw.komman.query.report;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.ActivityLoggedEvent;
import nrw.komman.kernel.centre.CentreEstablishedEvent;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.report.AnnualReport;
import nrw.komman.kernel.report.FetchAnnualReportQuery;
import nrw.komman.kernel.report.FetchReportJobResultQuery;
import nrw.komman.kernel.report.FindReportJobQuery;
import nrw.komman.kernel.report.FindReportJobsQuery;
import nrw.komman.kernel.report.ReportJob;
import nrw.komman.kernel.report.ReportJobStatus;
import nrw.komman.kernel.report.RequestAnnualReportCommand;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.query.support.TestDatabase;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;

import javax.sql.DataSource;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Background reports: stored, computed with progress by a task of the database scheduler (db-scheduler on the test
 * database, ADR 39), kept for colleagues with the same rights, and only for them; a job survives its node.
 */
class ReportJobsTest {

    private static final CentreId KOELN = new CentreId("05315");
    private static final CentreId VIERSEN = new CentreId("05166");
    private static final MetaData MINISTRY = MetaData.from(Actor.of("m.schulz", AccountRole.MINISTRY).toMetaData());
    private static final MetaData AUDITOR = MetaData.from(Actor.of("lrh", AccountRole.AUDITOR).toMetaData());
    private static final MetaData KOELN_COORDINATOR = MetaData.from(Actor.coordinator("k.koeln", KOELN).toMetaData());
    private static final MetaData KOELN_COLLEAGUE = MetaData.from(Actor.coordinator("k.kollegin", KOELN).toMetaData());
    private static final MetaData VIERSEN_COORDINATOR = MetaData.from(Actor.coordinator("k.viersen", VIERSEN).toMetaData());
    private static final Instant CUT_OFF = Instant.parse("2026-12-31T22:00:00Z");

    private final EmbeddedEventStore store = EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build();
    private final AnnualReportQueries reports = new AnnualReportQueries(store);
    private final DataSource database = SchedulerTable.createIn(TestDatabase.create());
    private final NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(database);
    private final java.util.List<Scheduler> schedulers = new java.util.ArrayList<>();
    /** The node that answers the requests; its scheduler runs the jobs unless a test says otherwise. */
    private final ReportJobs jobs = node("node-a", true);

    /** A node of the query role on the shared database: its jobs, and its scheduler (started or not). */
    private ReportJobs node(String name, boolean schedulerRuns) {
        Scheduler[] scheduler = new Scheduler[1];
        ReportJobs node = new ReportJobs(jdbc, reports, JacksonSerializer.defaultSerializer(), Clock.system(ZoneId.of("Europe/Berlin")),
                () -> scheduler[0]);
        scheduler[0] = Scheduler.create(database, java.util.List.of(new ReportJobTask(node)))
                .schedulerName(new SchedulerName.Fixed(name))
                .pollingInterval(Duration.ofMillis(200))
                .heartbeatInterval(Duration.ofMillis(200))
                .threads(2)
                .build();
        if (schedulerRuns) {
            scheduler[0].start();
        }
        schedulers.add(scheduler[0]);
        return node;
    }

    @AfterEach
    void stop() {
        schedulers.forEach(Scheduler::stop);
        store.shutDown();
    }

    /** Recorded on 2 April 2026, well before the cut-off, whatever the day the test runs. */
    private void record(Object event) {
        store.publish(new GenericEventMessage<>(GenericEventMessage.asEventMessage(event), () -> Instant.parse("2026-04-02T08:00:00Z")));
    }

    private void history() {
        record(new CentreEstablishedEvent(KOELN, "Köln, Stadt", "kreisfreie Stadt", Regierungsbezirk.KOELN, LocalDate.of(2013, 1, 1)));
        record(new CentreEstablishedEvent(VIERSEN, "Kreis Viersen", "Kreis", Regierungsbezirk.DUESSELDORF, LocalDate.of(2013, 1, 1)));
        for (int i = 0; i < 25; i++) {
            record(new ActivityLoggedEvent(ActivityId.random(), VolunteerId.random(),
                    i % 2 == 0 ? KOELN : VIERSEN, LocalDate.of(2026, 3, 1 + i), 30, ActivityCategory.OTHER, null, null));
        }
    }

    private ReportJob done(String jobId, MetaData as) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jobs.handle(new FindReportJobQuery(jobId), as)
                .map(j -> j.status() == ReportJobStatus.DONE || j.status() == ReportJobStatus.FAILED).orElse(false));
        return jobs.handle(new FindReportJobQuery(jobId), as).orElseThrow();
    }

    @Test
    void a_state_report_runs_in_the_background_and_gives_the_same_report_as_the_direct_query() throws Exception {
        history();
        String jobId = UUID.randomUUID().toString();

        assertThat(jobs.request(new RequestAnnualReportCommand(jobId, 2026, LocalDate.of(2026, 12, 31), CUT_OFF, null), MINISTRY))
                .isEqualTo(jobId);
        ReportJob job = done(jobId, MINISTRY);

        AnnualReport direct = reports.handle(new FetchAnnualReportQuery(2026, LocalDate.of(2026, 12, 31), CUT_OFF, null), MINISTRY);
        assertThat(job.status()).isEqualTo(ReportJobStatus.DONE);
        assertThat(job.eventsProcessed()).isEqualTo(27);
        assertThat(job.eventsTotal()).isEqualTo(27);
        assertThat(job.percent()).isEqualTo(100);
        assertThat(job.requestedBy()).isEqualTo("m.schulz");
        assertThat(job.checksum()).isEqualTo(direct.checksum());
        assertThat(jobs.handle(new FetchReportJobResultQuery(jobId), AUDITOR)).contains(direct);
        assertThat(jobs.handle(new FindReportJobsQuery(), AUDITOR)).extracting(ReportJob::jobId).contains(jobId);
        assertThat(jobs.handle(new FindReportJobsQuery(), KOELN_COORDINATOR)).as("not a centre's report").isEmpty();
        assertThatThrownBy(() -> jobs.handle(new FetchReportJobResultQuery(jobId), KOELN_COORDINATOR))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void a_centre_report_is_for_that_centres_coordinators_and_the_states_readers_only() throws Exception {
        history();
        String jobId = UUID.randomUUID().toString();
        jobs.request(new RequestAnnualReportCommand(jobId, 2026, LocalDate.of(2026, 12, 31), CUT_OFF, null), KOELN_COORDINATOR);
        ReportJob job = done(jobId, KOELN_COLLEAGUE);

        assertThat(job.centreId()).as("a coordinator's report is their centre's").isEqualTo(KOELN);
        assertThat(jobs.handle(new FetchReportJobResultQuery(jobId), KOELN_COLLEAGUE)).get()
                .satisfies(r -> assertThat(r.total().activities()).isEqualTo(13));
        assertThat(jobs.handle(new FetchReportJobResultQuery(jobId), MINISTRY)).isPresent();
        assertThat(jobs.handle(new FindReportJobsQuery(), VIERSEN_COORDINATOR)).isEmpty();
        assertThatThrownBy(() -> jobs.handle(new FindReportJobQuery(jobId), VIERSEN_COORDINATOR)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> jobs.request(new RequestAnnualReportCommand(UUID.randomUUID().toString(), 2026,
                LocalDate.of(2026, 12, 31), CUT_OFF, VIERSEN), KOELN_COORDINATOR)).isInstanceOf(ForbiddenException.class);
    }

    @Test
    void a_job_requested_on_a_node_whose_scheduler_does_not_run_is_computed_by_another_node() {
        history();
        ReportJobs webFacing = node("node-without-scheduler", false);
        String jobId = UUID.randomUUID().toString();

        webFacing.request(new RequestAnnualReportCommand(jobId, 2026, LocalDate.of(2026, 12, 31), CUT_OFF, null), MINISTRY);

        ReportJob job = done(jobId, MINISTRY);
        assertThat(job.status()).isEqualTo(ReportJobStatus.DONE);
        assertThat(webFacing.handle(new FetchReportJobResultQuery(jobId), MINISTRY)).as("downloaded from any node").isPresent();
        assertThat(jdbc.getJdbcOperations().queryForObject("select count(*) from scheduled_tasks where task_instance = ?",
                Integer.class, jobId)).as("its execution is done and gone").isZero();
    }

    @Test
    void a_job_whose_node_stopped_in_the_middle_is_taken_over_and_completes_with_the_same_report() throws Exception {
        history();
        String jobId = "00000000-0000-0000-0000-00000000abcd";
        // what a node leaves when it is killed half-way: its row RUNNING at 500 of 1000, its execution picked by it,
        // and no heartbeat since
        jdbc.getJdbcOperations().update("""
                insert into report_job (job_id, funding_year, as_of, cut_off, requested_by, requested_at, status,
                                        events_processed, events_total, started_at, updated_at)
                values (?, 2026, date '2026-12-31', timestamp with time zone '2026-12-31 22:00:00+00',
                        'm.schulz', timestamp with time zone '2026-01-01 10:00:00+00', 'RUNNING', 500, 1000,
                        timestamp with time zone '2026-01-01 10:00:00+00', timestamp with time zone '2026-01-01 10:00:05+00')""", jobId);
        jdbc.getJdbcOperations().update("""
                insert into scheduled_tasks (task_name, task_instance, execution_time, picked, picked_by, last_heartbeat, version)
                values (?, ?, timestamp with time zone '2026-01-01 10:00:00+00', true, 'node-killed',
                        timestamp with time zone '2026-01-01 10:00:05+00', 2)""", ReportJobTask.TASK, jobId);

        ReportJob job = done(jobId, MINISTRY);

        AnnualReport direct = reports.handle(new FetchAnnualReportQuery(2026, LocalDate.of(2026, 12, 31), CUT_OFF, null), MINISTRY);
        assertThat(job.status()).isEqualTo(ReportJobStatus.DONE);
        assertThat(job.eventsProcessed()).isEqualTo(27);
        assertThat(job.checksum()).isEqualTo(direct.checksum());
        assertThat(jobs.handle(new FetchReportJobResultQuery(jobId), AUDITOR)).contains(direct);
    }

    @Test
    void a_job_whose_execution_is_given_up_shows_failed_not_running_and_a_finished_one_stays_as_it_is() {
        history();
        String running = "00000000-0000-0000-0000-00000000dead";
        jdbc.getJdbcOperations().update("""
                insert into report_job (job_id, funding_year, as_of, cut_off, requested_by, requested_at, status,
                                        events_processed, events_total, started_at, updated_at)
                values (?, 2026, date '2026-12-31', timestamp with time zone '2026-12-31 22:00:00+00',
                        'm.schulz', current_timestamp, 'RUNNING', 500, 1000, current_timestamp, current_timestamp)""", running);
        String finished = UUID.randomUUID().toString();
        jobs.request(new RequestAnnualReportCommand(finished, 2026, LocalDate.of(2026, 12, 31), CUT_OFF, null), MINISTRY);
        assertThat(done(finished, MINISTRY).status()).isEqualTo(ReportJobStatus.DONE);

        jobs.giveUp(running);
        jobs.giveUp(finished);

        ReportJob givenUp = jobs.handle(new FindReportJobQuery(running), MINISTRY).orElseThrow();
        assertThat(givenUp.status()).isEqualTo(ReportJobStatus.FAILED);
        assertThat(givenUp.error()).contains("technischer Fehler", running);
        assertThat(jobs.handle(new FindReportJobQuery(finished), MINISTRY).orElseThrow().status()).isEqualTo(ReportJobStatus.DONE);
    }

    @Test
    void two_jobs_on_one_node_run_one_after_the_other_and_both_complete() {
        history();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();

        jobs.request(new RequestAnnualReportCommand(first, 2026, LocalDate.of(2026, 12, 31), CUT_OFF, null), MINISTRY);
        jobs.request(new RequestAnnualReportCommand(second, 2026, LocalDate.of(2026, 12, 31), CUT_OFF, KOELN), MINISTRY);

        assertThat(done(first, MINISTRY).status()).isEqualTo(ReportJobStatus.DONE);
        assertThat(done(second, MINISTRY).status()).isEqualTo(ReportJobStatus.DONE);
        assertThat(jobs.handle(new FetchReportJobResultQuery(second), MINISTRY)).get()
                .satisfies(r -> assertThat(r.total().activities()).isEqualTo(13));
    }

    @Test
    void an_unknown_job_is_absent_and_a_finished_one_is_not_run_again() throws Exception {
        assertThat(jobs.handle(new FindReportJobQuery(UUID.randomUUID().toString()), MINISTRY)).isEmpty();
        assertThat(jobs.handle(new FindReportJobQuery("kein-auftrag"), MINISTRY)).isEmpty();

        history();
        String jobId = UUID.randomUUID().toString();
        jobs.request(new RequestAnnualReportCommand(jobId, 2026, LocalDate.of(2026, 12, 31), CUT_OFF, null), MINISTRY);
        ReportJob job = done(jobId, MINISTRY);
        // its execution runs once more (a node died after the job's row said DONE): nothing changes
        jobs.run(jobId);
        assertThat(jobs.handle(new FindReportJobQuery(jobId), MINISTRY)).contains(job);
        // a job removed after its 30 days: its late execution does nothing
        jobs.run(UUID.randomUUID().toString());
    }
}
