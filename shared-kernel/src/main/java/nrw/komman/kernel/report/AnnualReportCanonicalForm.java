package nrw.komman.kernel.report;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.grant.GrantStatus;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The one text form of an annual report: semicolon-separated lines in a fixed order, every figure
 * written the same way every time (counts as integers, money as {@code 12500.00}, instants in UTC).
 * Its SHA-256 is the report's checksum, and the CSV export is this text with the checksum added, so
 * anyone can recompute the checksum from the file. The column of overdue usage reports (issue 19) is written when
 * the report counts them: a report stored before keeps its lines, and so its checksum.
 */
public final class AnnualReportCanonicalForm {

    private AnnualReportCanonicalForm() {
    }

    /** The lines of the report, without its checksum. */
    public static List<String> lines(AnnualReport report) {
        List<String> lines = new ArrayList<>();
        lines.add("KOMM-AN NRW Jahresbericht;Förderjahr;" + report.fundingYear());
        lines.add("Stand;" + report.asOf());
        lines.add("Berücksichtigt sind Ereignisse erfasst vor;" + report.cutOff());
        lines.add("Position des letzten berücksichtigten Ereignisses;" + report.lastEventPosition());
        lines.add("Berücksichtigte Ereignisse;" + report.eventsIncluded());
        lines.add("Umfang;" + (report.centreId() == null ? "Land Nordrhein-Westfalen" : "Integrationszentrum " + report.centreId()));
        lines.add("");
        boolean overdue = report.total().usageReportsOverdue() != null;
        lines.add(figuresHeader(overdue));
        lines.add(figuresLine("Gesamt", report.centreId() == null ? "NRW" : report.centreId().value(),
                report.centreId() == null ? "Nordrhein-Westfalen" : "", report.total(), overdue));
        for (AnnualReport.Region region : report.regions()) {
            lines.add(figuresLine("Regierungsbezirk", region.regierungsbezirk().name(),
                    region.regierungsbezirk().displayName(), region.figures(), overdue));
        }
        for (AnnualReport.Centre centre : report.centres()) {
            lines.add(figuresLine("Integrationszentrum", centre.centreId().value(), centre.name(), centre.figures(), overdue));
        }
        lines.add("");
        StringBuilder monthHeader = new StringBuilder("Minuten je Monat;Schlüssel;Monat");
        for (ActivityCategory c : ActivityCategory.values()) {
            monthHeader.append(';').append(c.name());
        }
        lines.add(monthHeader.toString());
        addMonths(lines, "Gesamt", report.centreId() == null ? "NRW" : report.centreId().value(), report.total());
        for (AnnualReport.Region region : report.regions()) {
            addMonths(lines, "Regierungsbezirk", region.regierungsbezirk().name(), region.figures());
        }
        lines.add("");
        lines.add("Budget;Programmteil;Integrationszentrum;Budget;Bewilligt");
        for (AnnualReport.BudgetLine b : report.budgets()) {
            lines.add("Budget;" + b.programmePart().name() + ";" + (b.centreId() == null ? "" : b.centreId().value())
                    + ";" + b.budget() + ";" + b.approved());
        }
        return lines;
    }

    /** The canonical text: every line ended by a line feed. */
    public static String text(AnnualReport report) {
        StringBuilder text = new StringBuilder();
        lines(report).forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    /** SHA-256 of the canonical text (UTF-8), in lower-case hex. */
    public static String checksum(AnnualReport report) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(text(report).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String figuresHeader(boolean overdue) {
        StringBuilder h = new StringBuilder("Ebene;Schlüssel;Name;Aktive Ehrenamtliche;Neue Ehrenamtliche;Einsätze;Minuten");
        for (ActivityCategory c : ActivityCategory.values()) {
            h.append(";Einsätze ").append(c.name());
        }
        for (ActivityCategory c : ActivityCategory.values()) {
            h.append(";Minuten ").append(c.name());
        }
        for (GrantStatus s : GrantStatus.values()) {
            h.append(";Zuwendungen ").append(s.name());
        }
        h.append(";Beantragt;Bewilligt;Ausgezahlt;Verausgabt;Zurückgefordert;Zurückgezahlt");
        return overdue ? h.append(";Verwendungsnachweise überfällig").toString() : h.toString();
    }

    private static String figuresLine(String level, String key, String name, ReportFigures f, boolean overdue) {
        StringBuilder line = new StringBuilder(level).append(';').append(key).append(';').append(clean(name))
                .append(';').append(f.activeVolunteers()).append(';').append(f.newVolunteers())
                .append(';').append(f.activities()).append(';').append(f.minutes());
        appendAll(line, f.activitiesByCategory());
        appendAll(line, f.minutesByCategory());
        for (GrantStatus s : GrantStatus.values()) {
            line.append(';').append(f.grantsByStatus().getOrDefault(s, 0L));
        }
        line.append(';').append(f.requested()).append(';').append(f.approved()).append(';').append(f.disbursed())
                .append(';').append(f.spent()).append(';').append(f.reclaimed()).append(';').append(f.repaid());
        if (overdue) {
            line.append(';').append(f.usageReportsOverdue() == null ? 0 : f.usageReportsOverdue());
        }
        return line.toString();
    }

    private static void addMonths(List<String> lines, String level, String key, ReportFigures f) {
        for (int month = 1; month <= 12; month++) {
            StringBuilder line = new StringBuilder(level).append(';').append(key).append(';').append(month);
            appendAll(line, f.minutesByMonth().getOrDefault(month, Map.of()));
            lines.add(line.toString());
        }
    }

    private static void appendAll(StringBuilder line, Map<ActivityCategory, Long> byCategory) {
        for (ActivityCategory c : ActivityCategory.values()) {
            line.append(';').append(byCategory.getOrDefault(c, 0L));
        }
    }

    /** Names come from the reference data; a separator or line break in one must not shift columns. */
    private static String clean(String name) {
        return name == null ? "" : name.replace(';', ',').replace('\n', ' ').replace('\r', ' ');
    }
}
