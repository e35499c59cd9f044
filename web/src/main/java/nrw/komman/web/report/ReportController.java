package nrw.komman.web.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import nrw.komman.kernel.report.AnnualReport;
import nrw.komman.kernel.report.ReportJob;
import nrw.komman.web.report.AnnualReportFiles;
import nrw.komman.web.report.AnnualReports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The annual KOMM-AN report of a funding year as the records stood at a past moment ("Stand"), computed by
 * replaying the events (ADR 10): as JSON or as a file (CSV with its checksum, PDF, XLSX), at once or as a background
 * job. The state's for the ministry, the grant authority, auditors and administrators; a coordinator's own centre's.
 */
@RestController
@Tag(name = "Reports", description = "Annual reports as of a date, replayed from the recorded events")
class ReportController {

    private final AnnualReports reports;

    ReportController(AnnualReports reports) {
        this.reports = reports;
    }

    @GetMapping(path = "/api/reports/annual", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The annual report of a funding year as of a date (end of that day; today: now) or of an exact "
            + "instant (cutOff, ISO-8601); centreId narrows it to one centre. A date before anything was recorded (for the "
            + "state or that centre) has no report: 404, detail \"Zum Stand … gibt es noch keine Daten.\"")
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

    @PostMapping(path = "/api/reports/annual/jobs", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Compute the annual report in the background; follow its progress at the Location")
    public ResponseEntity<Map<String, String>> startJob(@Valid @RequestBody AnnualReportJobRequest request) {
        String jobId = reports.startJob(request.fundingYear(), request.asOf(), request.cutOff(), request.centreId());
        return ResponseEntity.accepted()
                .location(ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/reports/annual/jobs/{id}")
                        .buildAndExpand(jobId).toUri())
                .body(Map.of("jobId", jobId));
    }

    @GetMapping(path = "/api/reports/annual/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The recent background reports you may read: progress (events processed of total, seconds left)")
    public List<ReportJob> jobs() {
        return reports.jobs();
    }

    @GetMapping(path = "/api/reports/annual/jobs/{jobId}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "One background report: status and progress")
    public ReportJob job(@PathVariable String jobId) {
        return reports.job(jobId);
    }

    @GetMapping(path = "/api/reports/annual/jobs/{jobId}/report", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "The finished background report (409 while it is being computed)")
    public AnnualReport jobReport(@PathVariable String jobId) {
        return reports.jobResult(jobId);
    }

    @GetMapping(path = "/api/reports/annual/jobs/{jobId}/report.{format:csv|pdf|xlsx}")
    @Operation(summary = "The finished background report as a file")
    public ResponseEntity<byte[]> jobReportFile(@PathVariable String jobId, @PathVariable String format) {
        return AnnualReportFiles.download(reports.jobResult(jobId), format);
    }
}
