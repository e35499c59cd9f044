package nrw.komman.web.report;

import nrw.komman.web.platform.export.ExportWording;
import nrw.komman.web.platform.export.XlsxWriter;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.report.AnnualReport;
import nrw.komman.kernel.report.AnnualReportCanonicalForm;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The annual report as files: CSV (the canonical text and its checksum, ADR 10), PDF to file and an XLSX
 * spreadsheet to work with. Every file states the cut-off, the last event position and the checksum.
 */
public final class AnnualReportFiles {

    public static final String CSV = "text/csv; charset=UTF-8";
    public static final String PDF = "application/pdf";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private AnnualReportFiles() {
    }

    /** The canonical lines (UTF-8, semicolons) and, last, the SHA-256 of all lines above it. */
    public static byte[] csv(AnnualReport report) {
        String text = AnnualReportCanonicalForm.text(report) + "Prüfsumme SHA-256 der Zeilen darüber;" + report.checksum() + "\n";
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] pdf(AnnualReport report) {
        return AnnualReportPdf.render(report);
    }

    /** Sheets "Bericht" (what it covers), "Zahlen", "Stunden je Monat", "Zuwendungen nach Stand" and "Budgets". */
    public static byte[] xlsx(AnnualReport report) {
        List<List<Object>> about = List.of(
                List.of("KOMM-AN NRW Jahresbericht", report.fundingYear()),
                List.of("Stand", report.asOf().toString()),
                List.of("Ereignisse erfasst vor", report.cutOff().toString()),
                List.of("Position des letzten Ereignisses", report.lastEventPosition()),
                List.of("Berücksichtigte Ereignisse", report.eventsIncluded()),
                List.of("Umfang", report.centreId() == null ? "Land Nordrhein-Westfalen" : "Integrationszentrum " + report.centreId().value()),
                List.of("Prüfsumme (SHA-256 der CSV-Fassung)", report.checksum()));
        List<List<Object>> figures = new ArrayList<>();
        figures.add(new ArrayList<>(AnnualReportTable.columns(report)));
        for (AnnualReportTable.Row row : AnnualReportTable.rows(report)) {
            List<Object> cells = new ArrayList<>(List.of(row.level(), row.key(), row.name()));
            cells.addAll(row.figures());
            figures.add(cells);
        }
        List<List<Object>> months = new ArrayList<>();
        months.add(new ArrayList<>(AnnualReportTable.monthColumns()));
        months.addAll(AnnualReportTable.monthRows(report.total()));
        List<List<Object>> statuses = new ArrayList<>();
        statuses.add(new ArrayList<>(AnnualReportTable.statusColumns()));
        statuses.add(statusRow("Gesamt", report.centreId() == null ? "NRW" : report.centreId().value(), report.total()));
        report.regions().forEach(r -> statuses.add(statusRow("Regierungsbezirk", r.regierungsbezirk().name(), r.figures())));
        List<List<Object>> budgets = new ArrayList<>();
        budgets.add(List.of("Programmteil", "Integrationszentrum", "Budget (€)", "Bewilligt (€)"));
        report.budgets().forEach(b -> budgets.add(List.of(ExportWording.part(b.programmePart()),
                b.centreId() == null ? "landesweit" : b.centreId().value(),
                AnnualReportTable.euros(b.budget().cents()), AnnualReportTable.euros(b.approved().cents()))));
        return new XlsxWriter()
                .sheet("Bericht", about)
                .sheet("Zahlen", figures)
                .sheet("Stunden je Monat", months)
                .sheet("Zuwendungen nach Stand", statuses)
                .sheet("Budgets", budgets)
                .bytes();
    }

    private static List<Object> statusRow(String level, String key, nrw.komman.kernel.report.ReportFigures f) {
        List<Object> row = new ArrayList<>(List.of(level, key));
        for (GrantStatus s : GrantStatus.values()) {
            row.add(f.grantsByStatus().getOrDefault(s, 0L));
        }
        return row;
    }

    /** A file name that says what the file holds, never a person. */
    public static String fileName(AnnualReport report, String extension) {
        return "komm-an-jahresbericht-" + report.fundingYear() + "-stand-" + report.asOf()
                + (report.centreId() == null ? "" : "-" + report.centreId().value()) + "." + extension;
    }

    /** The report as a download in one of the three formats. */
    public static ResponseEntity<byte[]> download(AnnualReport report, String format) {
        String contentType = switch (format) {
            case "pdf" -> PDF;
            case "xlsx" -> XLSX;
            default -> CSV;
        };
        byte[] body = switch (format) {
            case "pdf" -> pdf(report);
            case "xlsx" -> xlsx(report);
            default -> csv(report);
        };
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(contentType))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(fileName(report, format)).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(body);
    }
}
