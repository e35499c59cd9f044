package nrw.komman.web.report;

import nrw.komman.web.platform.CommandDispatcher;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Today;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.report.AnnualReport;
import nrw.komman.kernel.report.FetchAnnualReportQuery;
import nrw.komman.kernel.report.FetchReportJobResultQuery;
import nrw.komman.kernel.report.FindReportJobQuery;
import nrw.komman.kernel.report.FindReportJobsQuery;
import nrw.komman.kernel.report.ReportJob;
import nrw.komman.kernel.report.ReportJobStatus;
import nrw.komman.kernel.report.RequestAnnualReportCommand;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Asks for the annual report the same way for the API and the pages: the cut-off is an exact past instant,
 * or the end of the "Stand" day in North Rhine-Westphalia; for today, this moment (a report of today changes
 * as long as the day lasts). Never in the future.
 */
@Component
public class AnnualReports {

    /** Long before KOMM-AN (2016) and the platform: an earlier "Stand" can only be a typing error. */
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private final QueryDispatcher queries;
    private final CommandDispatcher commands;
    private final Today today;

    public AnnualReports(QueryDispatcher queries, CommandDispatcher commands, Today today) {
        this.queries = queries;
        this.commands = commands;
        this.today = today;
    }

    /** Starts the same report as a background job; answers the job's id at once. */
    public String startJob(int fundingYear, LocalDate asOf, Instant cutOff, String centreId) {
        FetchAnnualReportQuery report = query(fundingYear, asOf, cutOff, centreId);
        return commands.send(new RequestAnnualReportCommand(UUID.randomUUID().toString(), report.fundingYear(), report.asOf(),
                report.cutOff(), report.centreId()));
    }

    /** The background reports the signed-in account may read, newest first. */
    public List<ReportJob> jobs() {
        return queries.list(new FindReportJobsQuery(), ReportJob.class);
    }

    public ReportJob job(String jobId) {
        return queries.one(new FindReportJobQuery(jobId), ReportJob.class, "report.job.not-found",
                "Diesen Berichtsauftrag gibt es nicht.");
    }

    /** A finished background report; 409 while it is still being computed or has failed. */
    public AnnualReport jobResult(String jobId) {
        return jobResult(job(jobId));
    }

    /** The finished report of a job already read (its rights checked by that read). */
    public AnnualReport jobResult(ReportJob job) {
        String jobId = job.jobId();
        if (job.status() != ReportJobStatus.DONE) {
            throw new RuleViolationException("report.job.not-done", job.status() == ReportJobStatus.FAILED
                    ? "Dieser Bericht ist nicht fertig geworden: " + job.error()
                    : "Der Bericht wird noch erstellt (" + job.percent() + " %). Bitte später noch einmal versuchen.");
        }
        return queries.one(new FetchReportJobResultQuery(jobId), AnnualReport.class, "report.job.not-found",
                "Diesen Berichtsauftrag gibt es nicht.");
    }

    /** {@code centreId}: one centre's report (null or blank: the state's, or a coordinator's own centre's). */
    public AnnualReport fetch(int fundingYear, LocalDate asOf, Instant cutOff, String centreId) {
        return queries.one(query(fundingYear, asOf, cutOff, centreId), AnnualReport.class, "report.not-found",
                "Für das Förderjahr " + fundingYear + " gibt es keinen Bericht.");
    }

    FetchAnnualReportQuery query(int fundingYear, LocalDate asOf, Instant cutOff, String centreId) {
        Instant now = today.now();
        CentreId centre = centreId == null || centreId.isBlank() ? null : Ids.centre("centreId", centreId.trim());
        if (cutOff != null) {
            if (cutOff.isAfter(now)) {
                throw new InvalidInputException("report.cut-off.future", "Der Stichzeitpunkt darf nicht in der Zukunft liegen.");
            }
            if (cutOff.isBefore(EARLIEST.atStartOfDay(Nrw.ZONE).toInstant())) {
                throw new InvalidInputException("report.cut-off.too-early", "Der Stichzeitpunkt darf nicht vor dem Jahr 2000 liegen.");
            }
            // a cut-off at midnight includes nothing of the day it starts: its "Stand" is the day before
            return new FetchAnnualReportQuery(fundingYear, cutOff.minusNanos(1).atZone(Nrw.ZONE).toLocalDate(), cutOff, centre);
        }
        LocalDate stand = asOf == null ? today.date() : asOf;
        if (stand.isAfter(today.date())) {
            throw new InvalidInputException("report.as-of.future", "Der Stichtag darf nicht in der Zukunft liegen.");
        }
        if (stand.isBefore(EARLIEST)) {
            throw new InvalidInputException("report.as-of.too-early", "Der Stichtag darf nicht vor dem Jahr 2000 liegen.");
        }
        Instant endOfDay = stand.plusDays(1).atStartOfDay(Nrw.ZONE).toInstant();
        return new FetchAnnualReportQuery(fundingYear, stand, endOfDay.isAfter(now) ? now : endOfDay, centre);
    }
}
