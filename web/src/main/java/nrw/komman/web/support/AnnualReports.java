package nrw.komman.web.support;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.report.AnnualReport;
import nrw.komman.kernel.report.FetchAnnualReportQuery;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Asks for the annual report the same way for the API and the pages: the cut-off is an exact past instant,
 * or the end of the "Stand" day in North Rhine-Westphalia; for today, this moment (a report of today changes
 * as long as the day lasts). Never in the future.
 */
@Component
public class AnnualReports {

    private final QueryDispatcher queries;
    private final Today today;

    public AnnualReports(QueryDispatcher queries, Today today) {
        this.queries = queries;
        this.today = today;
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
            return new FetchAnnualReportQuery(fundingYear, cutOff.atZone(Today.NRW).toLocalDate(), cutOff, centre);
        }
        LocalDate stand = asOf == null ? today.date() : asOf;
        if (stand.isAfter(today.date())) {
            throw new InvalidInputException("report.as-of.future", "Der Stichtag darf nicht in der Zukunft liegen.");
        }
        Instant endOfDay = stand.plusDays(1).atStartOfDay(Today.NRW).toInstant();
        return new FetchAnnualReportQuery(fundingYear, stand, endOfDay.isAfter(now) ? now : endOfDay, centre);
    }
}
