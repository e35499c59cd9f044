package nrw.komman.query.report;

import jakarta.annotation.PreDestroy;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.report.AnnualReport;
import nrw.komman.kernel.report.FetchReportJobResultQuery;
import nrw.komman.kernel.report.FindReportJobQuery;
import nrw.komman.kernel.report.FindReportJobsQuery;
import nrw.komman.kernel.report.ReportJob;
import nrw.komman.kernel.report.ReportJobStatus;
import nrw.komman.kernel.report.RequestAnnualReportCommand;
import nrw.komman.query.common.ReadAccess;
import nrw.komman.query.common.Rows;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Annual reports in the background: a request is stored as a job row and computed by this node, one report at
 * a time, while the row shows how many events were read of how many; the finished report is stored with the
 * job, so it can be downloaded later, from any node, by everyone who may read that report (a coordinator: their
 * centre's; the state's readers: every report). A job whose node stopped before it finished shows as failed.
 */
@Component
public class ReportJobs {

    private static final Logger log = LoggerFactory.getLogger(ReportJobs.class);
    /** A running job that has not reported progress for this long has lost its node. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);
    /** A job waiting longer than this behind others will not be started any more (its node has stopped). */
    static final Duration QUEUED_AT_MOST = Duration.ofHours(2);
    private static final int RECENT_JOBS = 20;
    /** How long a background report is kept for download (records of processing, section 6). */
    static final Duration KEPT_FOR = Duration.ofDays(30);
    private static final int WAITING_JOBS = 10;

    private final NamedParameterJdbcTemplate jdbc;
    private final AnnualReportQueries reports;
    private final Serializer serializer;
    private final Clock clock;
    /** The jobs this node has accepted and not started yet (another node's are not this node's to give up). */
    private final java.util.Set<String> waitingHere = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "report-jobs");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    public ReportJobs(NamedParameterJdbcTemplate jdbc, AnnualReportQueries reports, Serializer serializer, ObjectProvider<Clock> clock) {
        this(jdbc, reports, serializer, clock.getIfAvailable(Nrw::systemClock));
    }

    ReportJobs(NamedParameterJdbcTemplate jdbc, AnnualReportQueries reports, Serializer serializer, Clock clock) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.serializer = serializer;
        this.clock = clock;
    }

    @CommandHandler
    public String request(RequestAnnualReportCommand command, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        CentreId scope = ReadAccess.reportScope(actor, command.centreId());
        Instant now = clock.instant();
        jdbc.update("delete from report_job where requested_at < :expired",
                new MapSqlParameterSource("expired", Rows.timestamp(now.minus(KEPT_FOR))));
        // rows of a node that stopped stay QUEUED or RUNNING: only those that moved lately count as waiting
        Integer waiting = jdbc.queryForObject("""
                select count(*) from report_job
                 where (status = 'RUNNING' and updated_at > :stale) or (status = 'QUEUED' and requested_at > :staleQueued)""",
                new MapSqlParameterSource("stale", Rows.timestamp(now.minus(ABANDONED_AFTER)))
                        .addValue("staleQueued", Rows.timestamp(now.minus(QUEUED_AT_MOST))), Integer.class);
        if (waiting != null && waiting >= WAITING_JOBS) {
            throw new RuleViolationException("report.job.busy",
                    "Es laufen bereits " + waiting + " Berichte. Bitte versuchen Sie es in einigen Minuten noch einmal.");
        }
        int inserted;
        try {
            inserted = jdbc.update("""
                    insert into report_job (job_id, funding_year, as_of, cut_off, centre_id, requested_by, requested_at, status,
                                            events_processed, events_total)
                    values (:jobId, :year, :asOf, :cutOff, :centreId, :requestedBy, :now, 'QUEUED', 0, 0)""",
                    new MapSqlParameterSource()
                            .addValue("jobId", command.jobId())
                            .addValue("year", command.fundingYear())
                            .addValue("asOf", command.asOf())
                            .addValue("cutOff", Rows.timestamp(command.cutOff()))
                            .addValue("centreId", scope == null ? null : scope.value())
                            .addValue("requestedBy", actor.account())
                            .addValue("now", Rows.timestamp(now)));
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new InvalidInputException("report.job.duplicate", "Diesen Berichtsauftrag gibt es schon.");
        }
        if (inserted != 1) {
            throw new IllegalStateException("report job not stored: " + command.jobId());
        }
        // the worker must see the committed row: it starts once the command's transaction has committed
        Runnable start = () -> {
            try {
                waitingHere.add(command.jobId());
                worker.submit(() -> run(command, scope));
            } catch (RejectedExecutionException e) {
                fail(command.jobId(), "Der Dienst wird gerade beendet.");
            }
        };
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(uow -> start.run());
        } else {
            start.run();
        }
        return command.jobId();
    }

    private void run(RequestAnnualReportCommand command, CentreId scope) {
        String jobId = command.jobId();
        waitingHere.remove(jobId);
        Instant started = clock.instant();
        int claimed = jdbc.update("""
                update report_job set status = 'RUNNING', started_at = :now, updated_at = :now
                 where job_id = :jobId and status = 'QUEUED'""", new MapSqlParameterSource("jobId", jobId).addValue("now", Rows.timestamp(started)));
        if (claimed != 1) {
            log.warn("Report job {} is no longer waiting; not started", jobId);
            return;
        }
        try {
            AnnualReport report = reports.compute(command.query(), scope, (read, total) ->
                    jdbc.update("""
                            update report_job set events_processed = :read, events_total = :total, updated_at = :now
                             where job_id = :jobId""", new MapSqlParameterSource("jobId", jobId)
                            .addValue("read", read).addValue("total", total)
                            .addValue("now", Rows.timestamp(clock.instant()))));
            SerializedObject<byte[]> result = serializer.serialize(report, byte[].class);
            jdbc.update("""
                    update report_job set status = 'DONE', finished_at = :now, updated_at = :now, checksum = :checksum,
                                          result = :result
                     where job_id = :jobId""", new MapSqlParameterSource("jobId", jobId)
                    .addValue("now", Rows.timestamp(clock.instant()))
                    .addValue("checksum", report.checksum())
                    .addValue("result", result.getData()));
            log.info("Report job {} done in {} ms", jobId, Duration.between(started, clock.instant()).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(jobId, "Der Bericht wurde abgebrochen, weil der Dienst beendet wurde.");
        } catch (nrw.komman.kernel.common.DomainException e) {
            fail(jobId, e.getMessage());
        } catch (RuntimeException e) {
            log.error("Report job {} failed", jobId, e);
            fail(jobId, "Der Bericht ließ sich nicht erstellen (technischer Fehler, im Protokoll unter " + jobId + ").");
        }
    }

    private void fail(String jobId, String why) {
        jdbc.update("""
                update report_job set status = 'FAILED', error = :error, finished_at = :now, updated_at = :now
                 where job_id = :jobId""", new MapSqlParameterSource("jobId", jobId)
                .addValue("error", why.length() > 500 ? why.substring(0, 500) : why)
                .addValue("now", Rows.timestamp(clock.instant())));
    }

    @QueryHandler
    public List<ReportJob> handle(FindReportJobsQuery query, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        CentreId own = ReadAccess.reportScope(actor, null); // a coordinator's centre; null for the state's readers
        MapSqlParameterSource p = new MapSqlParameterSource("limit", RECENT_JOBS);
        String where = "";
        if (own != null) {
            where = " where centre_id = :centreId";
            p.addValue("centreId", own.value());
        }
        return jdbc.query("select * from report_job" + where + " order by requested_at desc, job_id limit :limit", p, this::job);
    }

    @QueryHandler
    public Optional<ReportJob> handle(FindReportJobQuery query, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        Optional<ReportJob> job = find(query.jobId());
        job.ifPresent(j -> ReadAccess.requireReportOf(actor, j.centreId()));
        return job;
    }

    @QueryHandler
    public Optional<AnnualReport> handle(FetchReportJobResultQuery query, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        Optional<ReportJob> job = find(query.jobId());
        if (job.isEmpty()) {
            return Optional.empty();
        }
        ReadAccess.requireReportOf(actor, job.get().centreId());
        if (job.get().status() != ReportJobStatus.DONE) {
            return Optional.empty();
        }
        byte[] bytes = jdbc.queryForObject("select result from report_job where job_id = :jobId",
                Map.of("jobId", query.jobId()), byte[].class);
        return Optional.of(serializer.deserialize(new SimpleSerializedObject<>(bytes, byte[].class, AnnualReport.class.getName(), null)));
    }

    private Optional<ReportJob> find(String jobId) {
        try {
            java.util.UUID.fromString(jobId);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        return jdbc.query("select * from report_job where job_id = :jobId", Map.of("jobId", jobId), this::job).stream().findFirst();
    }

    private ReportJob job(ResultSet rs, int row) throws SQLException {
        ReportJobStatus status = ReportJobStatus.valueOf(rs.getString("status"));
        Instant updated = Rows.instant(rs, "updated_at");
        Instant requested = Rows.instant(rs, "requested_at");
        Instant now = clock.instant();
        String error = rs.getString("error");
        if ((status == ReportJobStatus.RUNNING && (updated == null ? requested : updated).isBefore(now.minus(ABANDONED_AFTER)))
                || (status == ReportJobStatus.QUEUED && requested.isBefore(now.minus(QUEUED_AT_MOST)))) {
            status = ReportJobStatus.FAILED; // its node stopped: nobody will finish it
            error = "Der Bericht wurde nicht fertig (der Dienst wurde neu gestartet). Bitte neu anfordern.";
        }
        long processed = rs.getLong("events_processed");
        long total = rs.getLong("events_total");
        Instant started = Rows.instant(rs, "started_at");
        Long secondsLeft = null;
        if (status == ReportJobStatus.RUNNING && started != null && processed > 0 && total > processed) {
            double perEvent = (double) Duration.between(started, now).toMillis() / processed;
            secondsLeft = Math.round(perEvent * (total - processed) / 1000.0);
        }
        String centre = rs.getString("centre_id");
        String checksum = rs.getString("checksum");
        return new ReportJob(rs.getString("job_id"), rs.getInt("funding_year"), Rows.date(rs, "as_of"),
                Rows.instant(rs, "cut_off"), centre == null ? null : new CentreId(centre.trim()), rs.getString("requested_by"),
                status, processed, total, requested, Rows.instant(rs, "finished_at"), secondsLeft,
                checksum == null ? null : checksum.trim(), error);
    }

    /** Jobs still waiting on this node when it stops are marked as failed at once, so nobody waits for them. */
    @PreDestroy
    void stop() {
        worker.shutdownNow();
        if (waitingHere.isEmpty()) {
            return;
        }
        try {
            jdbc.update("""
                    update report_job set status = 'FAILED', error = :error, finished_at = :now, updated_at = :now
                     where status = 'QUEUED' and job_id in (:jobs)""", new MapSqlParameterSource()
                    .addValue("error", "Der Bericht wurde nicht erstellt, weil der Dienst beendet wurde. Bitte neu anfordern.")
                    .addValue("now", Rows.timestamp(clock.instant()))
                    .addValue("jobs", java.util.List.copyOf(waitingHere)));
        } catch (RuntimeException e) {
            log.debug("Could not mark waiting report jobs as failed on shutdown: {}", e.toString());
        }
    }
}
