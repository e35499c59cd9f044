package nrw.komman.web.api.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nrw.komman.kernel.report.AnnualReport;
import nrw.komman.web.export.AnnualReportFiles;
import nrw.komman.web.support.AnnualReports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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

    private final AnnualReports reports;

    public ReportController(AnnualReports reports) {
        this.reports = reports;
    }

    @GetMapping(path = "/api/reports/annual", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The annual report of a funding year as of a date (end of that day; today: now) or of an exact "
            + "instant (cutOff, ISO-8601); centreId narrows it to one centre")
    public AnnualReport annual(@RequestParam int fundingYear,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                               @RequestParam(required = false) Instant cutOff,
                               @RequestParam(required = false) String centreId) {
        return reports.fetch(fundingYear, asOf, cutOff, centreId);
    }

    @GetMapping(path = "/api/reports/annual.{format:csv|pdf|xlsx}")
    @Operation(summary = "The same report as a file: csv (UTF-8, semicolons; its last line is the SHA-256 of all lines "
            + "above), pdf or xlsx; each names its cut-off, last event position and checksum")
    public ResponseEntity<byte[]> annualFile(@PathVariable String format, @RequestParam int fundingYear,
                                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                             @RequestParam(required = false) Instant cutOff,
                                             @RequestParam(required = false) String centreId) {
        return AnnualReportFiles.download(reports.fetch(fundingYear, asOf, cutOff, centreId), format);
    }
}
