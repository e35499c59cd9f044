package nrw.komman.query.report;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.report.AnnualReport;
import nrw.komman.kernel.report.FetchReportJobResultQuery;
import nrw.komman.kernel.report.FindReportJobQuery;
import nrw.komman.kernel.report.FindReportJobsQuery;
import nrw.komman.kernel.report.FetchAnnualReportQuery;
import nrw.komman.kernel.report.ReportJob;
import nrw.komman.kernel.report.ReportJobStatus;
import nrw.komman.kernel.report.RequestAnnualReportCommand;
import nrw.komman.query.common.ReadAccess;
import nrw.komman.query.common.Rows;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.messaging.MetaData;
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
import java.util.function.Supplier;

/**
 * Annual reports in the background: a request is stored as a job row and, in the same transaction, as a one-time task
 * of the database scheduler ({@link ReportJobTask}, ADR 39), which runs it on a node of the query role, one report at a
 * time per node, while the row shows how many events were read of how many; the finished report is stored with the
 * job, so it can be downloaded later, from any node, by everyone who may read that report (a coordinator: their
 * centre's; the state's readers: every report). A job whose node stopped is not lost: the scheduler takes its execution
 * over (after a restart, or on another node once the node's heartbeats stop) and the report is computed again.
 */
@Component
public class ReportJobs {

    private static final Logger log = LoggerFactory.getLogger(ReportJobs.class);
    private static final int RECENT_JOBS = 20;
    /** How long a background report is kept for download (records of processing, section 6). */
    static final Duration KEPT_FOR = Duration.ofDays(30);
    private static final int WAITING_JOBS = 10;

    private final NamedParameterJdbcTemplate jdbc;
    private final AnnualReportQueries reports;
    private final Serializer serializer;
    private final Clock clock;
    /** The scheduler's client, asked late: the scheduler itself is built with this class's task. */
    private final Supplier<SchedulerClient> scheduler;

    @Autowired
    public ReportJobs(NamedParameterJdbcTemplate jdbc, AnnualReportQueries reports, Serializer serializer, ObjectProvider<Clock> clock,
                      ObjectProvider<SchedulerClient> scheduler) {
        this(jdbc, reports, serializer, clock.getIfAvailable(Nrw::systemClock), scheduler::getObject);
    }

    ReportJobs(NamedParameterJdbcTemplate jdbc, AnnualReportQueries reports, Serializer serializer, Clock clock,
               Supplier<SchedulerClient> scheduler) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.serializer = serializer;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    @CommandHandler
    public String request(RequestAnnualReportCommand command, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        CentreId scope = ReadAccess.reportScope(actor, command.centreId());
        Instant now = clock.instant();
        jdbc.update("delete from report_job where requested_at < :expired",
                new MapSqlParameterSource("expired", Rows.timestamp(now.minus(KEPT_FOR))));
        // a job whose node stopped is taken over by the scheduler: every job not finished is waiting
        Integer waiting = jdbc.queryForObject("select count(*) from report_job where status in ('QUEUED', 'RUNNING')",
                new MapSqlParameterSource(), Integer.class);
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
        // the task's row is written in this command's transaction (the scheduler writes through the transaction-aware
        // data source): the job runs if and only if its row was stored
        scheduler.get().schedule(ReportJobTask.executionOf(command.jobId()), now);
        return command.jobId();
    }

    /**
     * Computes the job {@code jobId} now, on the scheduler's thread; a job already finished is left as it is. A job
     * found running lost its node: it is computed again from the start. A refusal or a technical failure is the job's
     * outcome (FAILED, with the reason); an interruption (this node stops) puts it back in the queue and is rethrown, so
     * that the scheduler runs it again.
     */
    void run(String jobId) throws InterruptedException {
        List<Waiting> rows = jdbc.query("select funding_year, as_of, cut_off, centre_id, status from report_job where job_id = :jobId",
                Map.of("jobId", jobId), (rs, i) -> {
                    String centre = rs.getString("centre_id");
                    CentreId scope = centre == null ? null : new CentreId(centre.trim());
                    return new Waiting(new FetchAnnualReportQuery(rs.getInt("funding_year"), Rows.date(rs, "as_of"),
                            Rows.instant(rs, "cut_off"), scope), scope, ReportJobStatus.valueOf(rs.getString("status")));
                });
        if (rows.isEmpty()) {
            log.info("Report job {} no longer exists (removed after {} days); nothing to do", jobId, KEPT_FOR.toDays());
            return;
        }
        Instant started = clock.instant();
        int claimed = jdbc.update("""
                update report_job set status = 'RUNNING', started_at = :now, updated_at = :now, events_processed = 0
                 where job_id = :jobId and status in ('QUEUED', 'RUNNING')""",
                new MapSqlParameterSource("jobId", jobId).addValue("now", Rows.timestamp(started)));
        if (claimed != 1) {
            log.info("Report job {} is finished already; not run again", jobId);
            return;
        }
        if (rows.get(0).status() == ReportJobStatus.RUNNING) {
            log.warn("Report job {} was running on a node that stopped; computed again here", jobId);
        }
        FetchAnnualReportQuery query = rows.get(0).query();
        CentreId scope = rows.get(0).scope();
        try {
            AnnualReport report = reports.compute(query, scope, (read, total) ->
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
            jdbc.update("update report_job set status = 'QUEUED', updated_at = :now where job_id = :jobId and status = 'RUNNING'",
                    new MapSqlParameterSource("jobId", jobId).addValue("now", Rows.timestamp(clock.instant())));
            throw e;
        } catch (nrw.komman.kernel.common.DomainException e) {
            fail(jobId, e.getMessage());
        } catch (RuntimeException | Error e) {
            // an Error too (a report too large for the heap): retried, it would fail the same way, on every node
            log.error("Report job {} failed", jobId, e);
            fail(jobId, "Der Bericht ließ sich nicht erstellen (technischer Fehler, im Protokoll unter " + jobId + ").");
        }
    }

    /** The job's execution failed again and again (its task gives up): the job is FAILED, not RUNNING for ever. */
    void giveUp(String jobId) {
        log.error("Report job {} given up after repeated failures of its execution", jobId);
        jdbc.update("update report_job set status = 'FAILED', error = :error, finished_at = :now, updated_at = :now"
                        + " where job_id = :jobId and status in ('QUEUED', 'RUNNING')",
                new MapSqlParameterSource("jobId", jobId)
                        .addValue("error", "Der Bericht ließ sich nicht erstellen (technischer Fehler, im Protokoll unter "
                                + jobId + ").")
                        .addValue("now", Rows.timestamp(clock.instant())));
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
        Instant requested = Rows.instant(rs, "requested_at");
        Instant now = clock.instant();
        String error = rs.getString("error");
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

    /** A job's parameters as its row keeps them: the report of {@code scope} (null: the state). */
    private record Waiting(FetchAnnualReportQuery query, CentreId scope, ReportJobStatus status) {
    }
}
