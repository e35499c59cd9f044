package nrw.komman.web.report;

import nrw.komman.web.platform.export.ExportWording;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.report.AnnualReport;
import nrw.komman.kernel.report.ReportFigures;

import java.util.ArrayList;
import java.util.List;

/**
 * The rows of an annual report as the PDF and the spreadsheet show them: one row for the state (or the centre),
 * one per Regierungsbezirk, one per centre; counts as numbers, hours with one decimal, money in euros, then the usage
 * reports overdue on the report's date when the report counts them (a report stored before issue 19 does not). Only
 * counts, hours and money: a report names no person.
 */
final class AnnualReportTable {

    static final List<String> COLUMNS = List.of("Ebene", "Schlüssel", "Name", "Aktive Ehrenamtliche", "Neue Ehrenamtliche",
            "Einsätze", "Stunden", "Zuwendungen", "Beantragt", "Bewilligt", "Ausgezahlt", "Verausgabt", "Zurückgefordert",
            "Zurückgezahlt");
    /** The column of a report that counts the overdue usage reports. */
    static final String OVERDUE_COLUMN = "Verwendungsnachweise überfällig";
    /** The figures (after the three text cells) that are euros: requested up to repaid. */
    static final int FIRST_EURO = 5;
    static final int LAST_EURO = 10;

    /** One row: text cells first, then the figures (Long for counts, Double for hours and euros). */
    record Row(String level, String key, String name, List<Number> figures) {
    }

    private AnnualReportTable() {
    }

    /** The columns of this report: the overdue usage reports only when it counts them. */
    static List<String> columns(AnnualReport report) {
        if (!countsOverdue(report)) {
            return COLUMNS;
        }
        List<String> columns = new ArrayList<>(COLUMNS);
        columns.add(OVERDUE_COLUMN);
        return List.copyOf(columns);
    }

    static boolean countsOverdue(AnnualReport report) {
        return report.total().usageReportsOverdue() != null;
    }

    static List<Row> rows(AnnualReport report) {
        List<Row> rows = new ArrayList<>();
        rows.add(row(report.centreId() == null ? "Land" : "Integrationszentrum",
                report.centreId() == null ? "NRW" : report.centreId().value(),
                report.centreId() == null ? "Nordrhein-Westfalen" : report.centres().get(0).name(), report.total()));
        for (AnnualReport.Region region : report.regions()) {
            rows.add(row("Regierungsbezirk", region.regierungsbezirk().name(), region.regierungsbezirk().displayName(), region.figures()));
        }
        if (report.centreId() == null) {
            for (AnnualReport.Centre centre : report.centres()) {
                rows.add(row("Integrationszentrum", centre.centreId().value(), centre.name(), centre.figures()));
            }
        }
        return rows;
    }

    private static Row row(String level, String key, String name, ReportFigures f) {
        long grants = f.grantsByStatus().values().stream().mapToLong(Long::longValue).sum();
        List<Number> figures = new ArrayList<>(List.of(f.activeVolunteers(), f.newVolunteers(), f.activities(), hours(f.minutes()),
                grants, euros(f.requested().cents()), euros(f.approved().cents()), euros(f.disbursed().cents()),
                euros(f.spent().cents()), euros(f.reclaimed().cents()), euros(f.repaid().cents())));
        if (f.usageReportsOverdue() != null) {
            figures.add(f.usageReportsOverdue());
        }
        return new Row(level, key, name, List.copyOf(figures));
    }

    /** Hours per month and category: header and twelve rows, for the whole of the report. */
    static List<String> monthColumns() {
        List<String> columns = new ArrayList<>(List.of("Monat"));
        for (ActivityCategory c : ActivityCategory.values()) {
            columns.add(ExportWording.category(c));
        }
        columns.add("Stunden insgesamt");
        return columns;
    }

    static List<List<Object>> monthRows(ReportFigures f) {
        List<List<Object>> rows = new ArrayList<>();
        f.minutesByMonth().forEach((month, byCategory) -> {
            List<Object> row = new ArrayList<>();
            row.add(java.time.Month.of(month).getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.GERMANY));
            long total = 0;
            for (ActivityCategory c : ActivityCategory.values()) {
                long minutes = byCategory.getOrDefault(c, 0L);
                total += minutes;
                row.add(hours(minutes));
            }
            row.add(hours(total));
            rows.add(row);
        });
        return rows;
    }

    static List<String> statusColumns() {
        List<String> columns = new ArrayList<>(List.of("Ebene", "Schlüssel"));
        for (GrantStatus s : GrantStatus.values()) {
            columns.add(ExportWording.status(s));
        }
        return columns;
    }

    static double hours(long minutes) {
        return Math.round(minutes / 6.0) / 10.0;
    }

    static double euros(long cents) {
        return cents / 100.0;
    }
}
