package nrw.komman.web.api.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.report.AnnualReport;
import nrw.komman.kernel.report.AnnualReportCanonicalForm;
import nrw.komman.kernel.report.FetchAnnualReportQuery;
import nrw.komman.web.support.QueryDispatcher;
import nrw.komman.web.support.Today;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The annual KOMM-AN report of a funding year as the records stood at a past moment ("Stand"), computed by
 * replaying the events: JSON, and CSV with its checksum. The state's for the ministry, the grant authority,
 * auditors and administrators; a coordinator's own centre's.
 */
@RestController
@Tag(name = "Reports", description = "Annual reports as of a date, replayed from the recorded events")
public class ReportController {

    private static final String CSV = "text/csv; charset=UTF-8";
    private final QueryDispatcher queries;
    private final Today today;

    public ReportController(QueryDispatcher queries, Today today) {
        this.queries = queries;
        this.today = today;
    }

    @GetMapping(path = "/api/reports/annual", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The annual report of a funding year as of a date (end of that day; today: now) or of an exact "
            + "instant (cutOff, ISO-8601); centreId narrows it to one centre")
    public AnnualReport annual(@RequestParam int fundingYear,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                               @RequestParam(required = false) Instant cutOff,
                               @RequestParam(required = false) String centreId) {
        return queries.one(query(fundingYear, asOf, cutOff, centreId), AnnualReport.class, "report.not-found",
                "Für das Förderjahr " + fundingYear + " gibt es keinen Bericht.");
    }

    @GetMapping(path = "/api/reports/annual.csv", produces = "text/csv")
    @Operation(summary = "The same report as CSV (UTF-8, semicolons); its last line is the SHA-256 of all lines above")
    public ResponseEntity<byte[]> annualCsv(@RequestParam int fundingYear,
                                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                            @RequestParam(required = false) Instant cutOff,
                                            @RequestParam(required = false) String centreId) {
        AnnualReport report = annual(fundingYear, asOf, cutOff, centreId);
        String text = AnnualReportCanonicalForm.text(report) + "Prüfsumme SHA-256 der Zeilen darüber;" + report.checksum() + "\n";
        String name = "komm-an-jahresbericht-" + report.fundingYear() + "-stand-" + report.asOf()
                + (report.centreId() == null ? "" : "-" + report.centreId().value()) + ".csv";
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(CSV))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cut-off: an exact past instant, or the end of the "Stand" day in North Rhine-Westphalia; for today,
     * this moment (a report of today changes as long as the day lasts). Never in the future.
     */
    private FetchAnnualReportQuery query(int fundingYear, LocalDate asOf, Instant cutOff, String centreId) {
        Instant now = today.now();
        CentreId centre = centreId == null || centreId.isBlank() ? null : new CentreId(centreId.trim());
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
