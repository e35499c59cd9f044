package nrw.komman.web.report;

import nrw.komman.web.platform.export.XlsxWriter;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.report.AnnualReport;
import nrw.komman.kernel.report.AnnualReportCanonicalForm;
import nrw.komman.kernel.report.ReportFigures;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The annual report's files: the CSV checks itself, the XLSX opens in a real spreadsheet library, the PDF reads. */
class AnnualReportFilesTest {

    private static final CentreId KOELN = new CentreId("05315");

    private static ReportFigures figures(int volunteers, long minutes, long approvedCents) {
        Map<ActivityCategory, Long> activities = new EnumMap<>(ActivityCategory.class);
        Map<ActivityCategory, Long> byCategory = new EnumMap<>(ActivityCategory.class);
        Map<Integer, Map<ActivityCategory, Long>> months = new TreeMap<>();
        for (ActivityCategory c : ActivityCategory.values()) {
            activities.put(c, 0L);
            byCategory.put(c, 0L);
        }
        activities.put(ActivityCategory.INTERPRETING, 2L);
        byCategory.put(ActivityCategory.INTERPRETING, minutes);
        for (int m = 1; m <= 12; m++) {
            Map<ActivityCategory, Long> month = new EnumMap<>(ActivityCategory.class);
            for (ActivityCategory c : ActivityCategory.values()) {
                month.put(c, m == 3 && c == ActivityCategory.INTERPRETING ? minutes : 0L);
            }
            months.put(m, month);
        }
        Map<GrantStatus, Long> statuses = new EnumMap<>(GrantStatus.class);
        for (GrantStatus s : GrantStatus.values()) {
            statuses.put(s, s == GrantStatus.APPROVED ? 1L : 0L);
        }
        return new ReportFigures(volunteers, 1, 2, minutes, activities, byCategory, months, statuses, Money.ofCents(approvedCents),
                Money.ofCents(approvedCents), Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
    }

    private static AnnualReport report() {
        ReportFigures koeln = figures(3, 150, 1_250_000);
        List<AnnualReport.Region> regions = List.of(new AnnualReport.Region(Regierungsbezirk.KOELN, 1, koeln));
        AnnualReport r = new AnnualReport(2026, LocalDate.of(2026, 12, 31), Instant.parse("2026-12-31T23:00:00Z"), null, 4711, 4712,
                koeln, regions, List.of(new AnnualReport.Centre(KOELN, "Köln, Stadt", Regierungsbezirk.KOELN, koeln)),
                List.of(new AnnualReport.BudgetLine(ProgrammePart.PART_II_A, null, Money.parse("100000.00"), Money.parse("12500.00"))), null);
        return new AnnualReport(r.fundingYear(), r.asOf(), r.cutOff(), r.centreId(), r.lastEventPosition(), r.eventsIncluded(),
                r.total(), r.regions(), r.centres(), r.budgets(), AnnualReportCanonicalForm.checksum(r));
    }

    @Test
    void the_csv_ends_with_the_checksum_of_the_lines_above_it() throws Exception {
        String csv = new String(AnnualReportFiles.csv(report()), StandardCharsets.UTF_8);
        int last = csv.lastIndexOf("Prüfsumme");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(csv.substring(0, last).getBytes(StandardCharsets.UTF_8)));
        assertThat(csv.substring(last)).isEqualTo("Prüfsumme SHA-256 der Zeilen darüber;" + sha + "\n");
        assertThat(sha).isEqualTo(report().checksum());
        assertThat(csv).contains("Integrationszentrum;05315;Köln, Stadt;3;1;2;150;");
    }

    @Test
    void the_spreadsheet_opens_with_its_sheets_and_figures_and_the_same_report_gives_the_same_bytes() throws Exception {
        byte[] xlsx = AnnualReportFiles.xlsx(report());
        assertThat(AnnualReportFiles.xlsx(report())).isEqualTo(xlsx);
        java.util.TimeZone zone = java.util.TimeZone.getDefault();
        try {
            for (String other : new String[]{"UTC", "Europe/Berlin", "America/New_York"}) {
                java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone(other));
                assertThat(AnnualReportFiles.xlsx(report())).as("the same bytes on a node in " + other).isEqualTo(xlsx);
            }
        } finally {
            java.util.TimeZone.setDefault(zone);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(5);
            assertThat(book.getSheetName(1)).isEqualTo("Zahlen");
            Sheet about = book.getSheet("Bericht");
            assertThat(about.getRow(6).getCell(1).getStringCellValue()).isEqualTo(report().checksum());
            assertThat(about.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(4711);
            Sheet numbers = book.getSheet("Zahlen");
            assertThat(numbers.getRow(0).getCell(3).getStringCellValue()).isEqualTo("Aktive Ehrenamtliche");
            assertThat(numbers.getRow(3).getCell(2).getStringCellValue()).isEqualTo("Köln, Stadt");
            assertThat(numbers.getRow(3).getCell(3).getNumericCellValue()).isEqualTo(3);
            assertThat(numbers.getRow(3).getCell(6).getNumericCellValue()).as("hours").isEqualTo(2.5);
            assertThat(numbers.getRow(3).getCell(9).getNumericCellValue()).as("approved euros").isEqualTo(12500.0);
            Sheet months = book.getSheet("Stunden je Monat");
            assertThat(months.getRow(3).getCell(0).getStringCellValue()).isEqualTo("März");
            assertThat(book.getSheet("Budgets").getRow(1).getCell(2).getNumericCellValue()).isEqualTo(100000.0);
        }
    }

    @Test
    void the_pdf_states_what_it_covers_and_its_checksum() throws Exception {
        byte[] pdf = AnnualReportFiles.pdf(report());
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            assertThat(text.toString()).contains("Jahresbericht 2026", "Stand 31.12.2026", "Position 4711", report().checksum(),
                    "Köln, Stadt", "Seite 1 von", "12.500,00 €");
        }
        assertThat(AnnualReportFiles.fileName(report(), "pdf")).isEqualTo("komm-an-jahresbericht-2026-stand-2026-12-31.pdf");
    }

    /** The same report as one made since issue 19: it counts two usage reports overdue on its date. */
    private static AnnualReport reportCountingOverdue() {
        ReportFigures f = figures(3, 150, 1_250_000);
        ReportFigures koeln = new ReportFigures(f.activeVolunteers(), f.newVolunteers(), f.activities(), f.minutes(),
                f.activitiesByCategory(), f.minutesByCategory(), f.minutesByMonth(), f.grantsByStatus(), f.requested(),
                f.approved(), f.disbursed(), f.spent(), f.reclaimed(), f.repaid(), 2L);
        AnnualReport r = new AnnualReport(2026, LocalDate.of(2026, 12, 31), Instant.parse("2026-12-31T23:00:00Z"), null, 4711, 4712,
                koeln, List.of(new AnnualReport.Region(Regierungsbezirk.KOELN, 1, koeln)),
                List.of(new AnnualReport.Centre(KOELN, "Köln, Stadt", Regierungsbezirk.KOELN, koeln)), List.of(), null);
        return new AnnualReport(r.fundingYear(), r.asOf(), r.cutOff(), r.centreId(), r.lastEventPosition(), r.eventsIncluded(),
                r.total(), r.regions(), r.centres(), r.budgets(), AnnualReportCanonicalForm.checksum(r));
    }

    @Test
    void the_overdue_usage_reports_are_a_column_of_every_file_when_the_report_counts_them_and_absent_from_an_older_one()
            throws Exception {
        String csv = new String(AnnualReportFiles.csv(reportCountingOverdue()), StandardCharsets.UTF_8);
        assertThat(csv).contains(";Zurückgezahlt;Verwendungsnachweise überfällig\n")
                .contains("Integrationszentrum;05315;Köln, Stadt;3;1;2;150;");
        assertThat(csv.lines().filter(line -> line.startsWith("Integrationszentrum;05315;"))).singleElement()
                .satisfies(line -> assertThat(line).endsWith(";0.00;2"));
        assertThat(new String(AnnualReportFiles.csv(report()), StandardCharsets.UTF_8)).doesNotContain("überfällig");

        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(AnnualReportFiles.xlsx(reportCountingOverdue())))) {
            Sheet numbers = book.getSheet("Zahlen");
            assertThat(numbers.getRow(0).getCell(14).getStringCellValue()).isEqualTo("Verwendungsnachweise überfällig");
            assertThat(numbers.getRow(3).getCell(14).getNumericCellValue()).isEqualTo(2);
        }
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(AnnualReportFiles.xlsx(report())))) {
            assertThat(book.getSheet("Zahlen").getRow(0).getCell(14)).as("an older report has no such column").isNull();
        }

        try (PdfReader reader = new PdfReader(AnnualReportFiles.pdf(reportCountingOverdue()))) {
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains("überfällig", "12.500,00 €"); // the narrow column's header wraps
            assertThat(text.lines().filter(line -> line.contains("Land NRW"))).singleElement()
                    .as("the count after the euros, as a count").satisfies(line -> assertThat(line.strip()).endsWith("0,00 €2"));
        }
    }

    @Test
    void spreadsheet_columns_are_named_as_a_spreadsheet_names_them() {
        assertThat(XlsxWriter.column(0)).isEqualTo("A");
        assertThat(XlsxWriter.column(25)).isEqualTo("Z");
        assertThat(XlsxWriter.column(26)).isEqualTo("AA");
        assertThat(XlsxWriter.column(27)).isEqualTo("AB");
        assertThat(XlsxWriter.column(701)).isEqualTo("ZZ");
        assertThat(XlsxWriter.column(702)).isEqualTo("AAA");
    }
}
