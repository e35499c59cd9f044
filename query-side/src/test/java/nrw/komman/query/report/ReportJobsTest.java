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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Background reports: stored, computed with progress, kept for colleagues with the same rights, and only for them. */
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
    private final NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(TestDatabase.create());
    private final ReportJobs jobs = new ReportJobs(jdbc, reports, JacksonSerializer.defaultSerializer(),
            Clock.system(ZoneId.of("Europe/Berlin")));

    @AfterEach
    void stop() {
        jobs.stop();
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
    void a_job_whose_node_stopped_shows_as_failed_and_an_unknown_job_as_absent() {
        jdbc.getJdbcOperations().update("""
                insert into report_job (job_id, funding_year, as_of, cut_off, requested_by, requested_at, status,
                                        events_processed, events_total, started_at, updated_at)
                values ('00000000-0000-0000-0000-00000000abcd', 2026, date '2026-12-31', timestamp with time zone '2026-12-31 22:00:00+00',
                        'm.schulz', timestamp with time zone '2026-01-01 10:00:00+00', 'RUNNING', 500, 1000,
                        timestamp with time zone '2026-01-01 10:00:00+00', timestamp with time zone '2026-01-01 10:00:05+00')""");

        ReportJob job = jobs.handle(new FindReportJobQuery("00000000-0000-0000-0000-00000000abcd"), MINISTRY).orElseThrow();

        assertThat(job.status()).isEqualTo(ReportJobStatus.FAILED);
        assertThat(job.error()).contains("neu anfordern");
        assertThat(jobs.handle(new FindReportJobQuery(UUID.randomUUID().toString()), MINISTRY)).isEmpty();
        assertThat(jobs.handle(new FindReportJobQuery("kein-auftrag"), MINISTRY)).isEmpty();
        assertThat(jobs.handle(new FetchReportJobResultQuery("00000000-0000-0000-0000-00000000abcd"), MINISTRY)).isEmpty();

        // it does not count as waiting, and after 30 days the next request removes it
        history();
        String next = UUID.randomUUID().toString();
        jobs.request(new RequestAnnualReportCommand(next, 2026, LocalDate.of(2026, 12, 31), CUT_OFF, null), MINISTRY);
        assertThat(done(next, MINISTRY).status()).isEqualTo(ReportJobStatus.DONE);
        assertThat(jobs.handle(new FindReportJobQuery("00000000-0000-0000-0000-00000000abcd"), MINISTRY)).isEmpty();
    }
}
