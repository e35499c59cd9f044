package nrw.komman.web.coordination;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import nrw.komman.kernel.coordination.CertificateLine;
import nrw.komman.kernel.coordination.CertificateVerification;
import nrw.komman.web.platform.export.ExportWording;
import nrw.komman.web.platform.export.PdfFonts;
import nrw.komman.web.platform.page.Formats;
import org.springframework.stereotype.Component;

import java.io.ByteArrayOutputStream;
import java.util.Comparator;
import java.util.List;

/**
 * The Ehrenamtsnachweis as PDF (A4, the writer of the Art. 15 information): issued by the centre, the volunteer's
 * name, hours per year and category, the day, the certificate's number and the address where anyone can check it.
 * The document's properties name no person, only the number.
 */
@Component
class CertificatePdf {

    static final String TITLE = "Ehrenamtsnachweis";
    private static final float MARGIN = 50;

    byte[] render(CertificateVerification certificate, String verificationUrl) {
        PdfFonts fonts = new PdfFonts();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, MARGIN, MARGIN, 50, 50);
        PdfWriter.getInstance(document, out);
        document.addTitle(TITLE + " " + certificate.certificateId());
        document.addCreator("KOMM-AN NRW");
        document.addAuthor(certificate.centreName() == null ? "KOMM-AN NRW" : certificate.centreName());
        document.addCreationDate();
        document.open();

        document.add(new Paragraph(fonts.phrase(TITLE, fonts.title)));
        Paragraph issuer = new Paragraph(fonts.phrase("ausgestellt von " + centre(certificate), fonts.subtitle));
        issuer.setSpacingAfter(12);
        document.add(issuer);

        String name = certificate.volunteerName() == null ? "—" : certificate.volunteerName();
        List<CertificateLine> lines = certificate.lines() == null ? List.of()
                : certificate.lines().stream().sorted(Comparator.comparingInt(CertificateLine::year)
                .thenComparing(l -> ExportWording.category(l.category()))).toList();
        long total = lines.stream().mapToLong(CertificateLine::minutes).sum();
        Paragraph text = new Paragraph(fonts.phrase("Hiermit wird bestätigt, dass " + name + " sich ehrenamtlich im "
                + centre(certificate) + " engagiert hat, insgesamt " + Formats.durationOf(total) + ":", fonts.regular));
        text.setSpacingAfter(8);
        document.add(text);

        PdfPTable table = new PdfPTable(new float[]{15, 60, 25});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingAfter(10);
        table.addCell(cell("Jahr", fonts, true, false));
        table.addCell(cell("Bereich", fonts, true, false));
        table.addCell(cell("Stunden", fonts, true, true));
        for (CertificateLine line : lines) {
            table.addCell(cell(String.valueOf(line.year()), fonts, false, false));
            table.addCell(cell(ExportWording.category(line.category()), fonts, false, false));
            table.addCell(cell(Formats.durationOf(line.minutes()), fonts, false, true));
        }
        if (lines.isEmpty()) {
            PdfPCell none = cell("Noch keine Einsätze erfasst.", fonts, false, false);
            none.setColspan(3);
            table.addCell(none);
        }
        document.add(table);

        PdfPTable facts = new PdfPTable(new float[]{30, 70});
        facts.setWidthPercentage(100);
        facts.addCell(fonts.factCell("Ausgestellt am", fonts.bold));
        facts.addCell(fonts.factCell(ExportWording.date(certificate.issuedOn()), fonts.regular));
        facts.addCell(fonts.factCell("Nummer des Nachweises", fonts.bold));
        facts.addCell(fonts.factCell(certificate.certificateId().toString(), fonts.regular));
        facts.addCell(fonts.factCell("Echtheit prüfen", fonts.bold));
        facts.addCell(fonts.factCell(verificationUrl, fonts.regular));
        document.add(facts);

        Paragraph note = new Paragraph(fonts.phrase("Die Stunden sind die im Integrationszentrum erfassten Einsätze. "
                + "Unter der angegebenen Adresse lässt sich prüfen, ob dieser Nachweis echt ist.", fonts.regular));
        note.setSpacingBefore(10);
        document.add(note);
        document.close();
        return out.toByteArray();
    }

    private static String centre(CertificateVerification certificate) {
        return certificate.centreName() == null || certificate.centreName().isBlank() ? "Kommunalen Integrationszentrum"
                : certificate.centreName();
    }

    private static PdfPCell cell(String text, PdfFonts fonts, boolean head, boolean right) {
        PdfPCell cell = new PdfPCell(fonts.phrase(text, head ? fonts.tableBold : fonts.table));
        cell.setBorderColor(PdfFonts.RULE);
        cell.setBorderWidth(0.5f);
        cell.setPadding(3);
        cell.setHorizontalAlignment(right ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        return cell;
    }
}
