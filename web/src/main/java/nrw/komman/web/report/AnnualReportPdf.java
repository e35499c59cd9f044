package nrw.komman.web.report;

import nrw.komman.web.grant.GrantHistoryPdf;
import nrw.komman.web.platform.export.ExportWording;
import nrw.komman.web.platform.export.PdfFonts;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.report.AnnualReport;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

import static nrw.komman.web.platform.export.ExportWording.date;
import static nrw.komman.web.platform.export.ExportWording.timestamp;

/**
 * The annual report as a PDF to file: A4 landscape; what it covers (year, "Stand", cut-off, last event position,
 * checksum and how to check it), the table of the state (or centre), regions and centres, the hours per month
 * and the budgets; "Seite x von y" on every page. Counts, hours and money only.
 */
final class AnnualReportPdf {

    private static final float MARGIN = 28;
    private static final Color HEADER_FILL = new Color(0xE6, 0xEC, 0xF2);
    private final PdfFonts fonts = new PdfFonts();

    static byte[] render(AnnualReport report) {
        AnnualReportPdf pdf = new AnnualReportPdf();
        return pdf.fonts.numberPages(pdf.body(report), title(report) + " · Prüfsumme " + report.checksum().substring(0, 16) + "…",
                MARGIN, 22);
    }

    private static String title(AnnualReport report) {
        return "KOMM-AN NRW Jahresbericht " + report.fundingYear() + ", Stand " + date(report.asOf())
                + (report.centreId() == null ? "" : " – " + report.centres().get(0).name());
    }

    private byte[] body(AnnualReport report) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), MARGIN, MARGIN, 32, 44);
        PdfWriter.getInstance(document, out);
        document.addTitle(title(report));
        document.addSubject("Jahresbericht aus den erfassten Ereignissen, mit Prüfsumme");
        document.addCreator(GrantHistoryPdf.CREATOR);
        document.addAuthor(GrantHistoryPdf.CREATOR);
        document.open();
        document.add(new Paragraph(fonts.phrase(title(report), fonts.title)));
        Paragraph intro = new Paragraph(fonts.phrase("Aus den erfassten Ereignissen neu berechnet: derselbe Stichtag ergibt "
                + "immer denselben Bericht. Nur Zahlen, keine Namen.", fonts.regular));
        intro.setSpacingAfter(8);
        document.add(intro);
        document.add(facts(report));

        document.add(fonts.heading(report.centreId() == null ? "Land, Regierungsbezirke und Integrationszentren" : "Integrationszentrum"));
        PdfPTable figures = AnnualReportTable.countsOverdue(report)
                ? table(AnnualReportTable.columns(report), new float[]{60, 32, 90, 42, 42, 30, 30, 40, 44, 44, 44, 44, 48, 48, 50})
                : table(AnnualReportTable.COLUMNS, new float[]{64, 34, 96, 44, 44, 32, 32, 42, 46, 46, 46, 46, 50, 50});
        for (AnnualReportTable.Row row : AnnualReportTable.rows(report)) {
            figures.addCell(cell(row.level(), false, false));
            figures.addCell(cell(row.key(), false, false));
            figures.addCell(cell(row.name(), false, false));
            List<Number> values = row.figures();
            for (int i = 0; i < values.size(); i++) {
                boolean money = i >= AnnualReportTable.FIRST_EURO && i <= AnnualReportTable.LAST_EURO;
                figures.addCell(cell(money ? euro(values.get(i).doubleValue()) : number(values.get(i)), true, false));
            }
        }
        document.add(figures);

        document.add(fonts.heading("Stunden je Monat und Kategorie"));
        List<String> monthColumns = AnnualReportTable.monthColumns();
        float[] widths = new float[monthColumns.size()];
        java.util.Arrays.fill(widths, 30);
        widths[0] = 40;
        PdfPTable months = table(monthColumns, widths);
        for (List<Object> row : AnnualReportTable.monthRows(report.total())) {
            months.addCell(cell(String.valueOf(row.get(0)), false, false));
            for (int i = 1; i < row.size(); i++) {
                months.addCell(cell(number((Number) row.get(i)), true, false));
            }
        }
        document.add(months);

        if (!report.budgets().isEmpty()) {
            document.add(fonts.heading("Budgets und ihre Ausschöpfung"));
            PdfPTable budgets = table(List.of("Programmteil", "Integrationszentrum", "Budget", "Bewilligt"), new float[]{120, 40, 40, 40});
            for (AnnualReport.BudgetLine b : report.budgets()) {
                budgets.addCell(cell(ExportWording.part(b.programmePart()), false, false));
                budgets.addCell(cell(b.centreId() == null ? "landesweit" : b.centreId().value(), false, false));
                budgets.addCell(cell(ExportWording.amount(b.budget()) + " €", true, false));
                budgets.addCell(cell(ExportWording.amount(b.approved()) + " €", true, false));
            }
            document.add(budgets);
        }
        document.close();
        return out.toByteArray();
    }

    private PdfPTable facts(AnnualReport report) {
        PdfPTable table = new PdfPTable(new float[]{22, 78});
        table.setWidthPercentage(100);
        table.setSpacingAfter(6);
        String[][] facts = {
                {"Förderjahr", String.valueOf(report.fundingYear())},
                {"Stand", date(report.asOf())},
                {"Berücksichtigt", "Ereignisse erfasst vor " + timestamp(report.cutOff())},
                {"Letztes Ereignis", "Position " + report.lastEventPosition() + " (" + report.eventsIncluded() + " Ereignisse)"},
                {"Umfang", report.centreId() == null ? "Land Nordrhein-Westfalen" : "Integrationszentrum " + report.centreId().value()},
                {"Prüfsumme (SHA-256)", report.checksum()},
                {"Nachprüfen", "Die CSV-Fassung desselben Berichts endet mit dieser Prüfsumme; sie ist der SHA-256 aller Zeilen darüber."}};
        for (String[] fact : facts) {
            table.addCell(fonts.factCell(fact[0], fonts.bold));
            table.addCell(fonts.factCell(fact[1], fact[0].startsWith("Prüfsumme") ? fonts.mono : fonts.regular));
        }
        return table;
    }

    private PdfPTable table(List<String> columns, float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingAfter(6);
        for (String column : columns) {
            table.addCell(cell(column, false, true));
        }
        return table;
    }

    private PdfPCell cell(String text, boolean number, boolean header) {
        PdfPCell cell = new PdfPCell(fonts.phrase(text, header ? fonts.tableBold : fonts.table));
        cell.setBorderColor(PdfFonts.RULE);
        cell.setBorderWidth(0.5f);
        cell.setPadding(2);
        cell.setHorizontalAlignment(number ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        if (header) {
            cell.setBackgroundColor(HEADER_FILL);
        }
        return cell;
    }

    private static String number(Number value) {
        DecimalFormat format = new DecimalFormat("#,##0.#", DecimalFormatSymbols.getInstance(Locale.GERMANY));
        return format.format(value);
    }

    private static String euro(double euros) {
        return ExportWording.amount(Money.ofCents(Math.round(euros * 100))) + " €";
    }
}
