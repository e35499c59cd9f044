package nrw.komman.web.grant;

import nrw.komman.web.platform.export.ExportWording;
import nrw.komman.web.platform.export.PdfFonts;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import nrw.komman.kernel.audit.ChainVerification;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.GrantHistory;
import nrw.komman.kernel.grant.GrantHistoryEntry;
import nrw.komman.kernel.grant.GrantView;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;

import static nrw.komman.web.platform.export.ExportWording.NONE;
import static nrw.komman.web.platform.export.ExportWording.fact;
import static nrw.komman.web.platform.export.ExportWording.text;
import static nrw.komman.web.platform.export.ExportWording.timestamp;

/**
 * A grant's history as a PDF an auditor can file: A4 landscape; the grant's data, the table of events
 * (its header row repeated on every page), the verification with the chain head in Courier and how to
 * check it later; "Seite x von y" on every page.
 *
 * <p>Fonts: the PDF standard fonts Helvetica and Courier with Windows-1252 encoding, which every reader
 * has and which cover German (ä ö ü ß, „ “ – and €), so no font of the machine is needed. A character
 * outside Windows-1252 (a Turkish ş in a name, a Greek or Cyrillic letter) is set in Liberation Sans,
 * which ships inside OpenPDF's jar and is embedded as a subset, instead of silently disappearing.
 */
public final class GrantHistoryPdf {

    static final String TITLE = "Verlauf der Zuwendung";
    public static final String CREATOR = "KOMM-AN NRW";

    private static final float MARGIN = 28;
    private static final Color HEADER_FILL = new Color(0xE6, 0xEC, 0xF2);
    /**
     * Points at 7 pt: the longest words fit unbroken ("Verwendungsnachweis", "Bewilligungsbehörde", amounts up to
     * millions); the reason takes the rest of the page's 786 pt.
     */
    private static final float[] EVENT_WIDTHS = {16, 56, 78, 64, 70, 76, 76, 44, 44, 44, 44, 44, 130};

    private final PdfFonts fonts = new PdfFonts();

    static byte[] render(GrantView grant, GrantHistory history, ChainVerification chain, Instant createdAt) {
        GrantHistoryPdf pdf = new GrantHistoryPdf();
        byte[] body = pdf.body(grant, history, chain, createdAt);
        return pdf.fonts.numberPages(body, TITLE + " " + grant.grantId() + " · erstellt am " + timestamp(createdAt), MARGIN, 22);
    }

    private byte[] body(GrantView grant, GrantHistory history, ChainVerification chain, Instant createdAt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), MARGIN, MARGIN, 32, 44);
        PdfWriter.getInstance(document, out);
        document.addTitle(TITLE + " " + text(grant.title()) + " (" + grant.grantId() + ")");
        document.addSubject("Ereignisse der Zuwendung " + grant.grantId() + " mit Prüfwert der Hash-Kette");
        document.addCreator(CREATOR);
        document.addAuthor(CREATOR);
        document.addKeywords("KOMM-AN NRW, Zuwendung, Verlauf, Prüfwert, " + grant.grantId());
        document.addCreationDate();
        document.open();

        Paragraph title = new Paragraph(fonts.phrase(TITLE, fonts.title));
        document.add(title);
        Paragraph subtitle = new Paragraph(fonts.phrase(text(grant.title()), fonts.subtitle));
        subtitle.setSpacingAfter(8);
        document.add(subtitle);

        document.add(facts(grant));

        document.add(fonts.heading("Ereignisse"));
        document.add(events(history.entries()));

        document.add(verification(grant, chain, createdAt));

        document.close();
        return out.toByteArray();
    }

    private PdfPTable facts(GrantView grant) {
        List<String[]> left = List.of(
                new String[]{"Zuwendung", text(grant.grantId())},
                new String[]{"Titel", text(grant.title())},
                new String[]{"Zentrum", ExportWording.centre(grant)},
                new String[]{"Regierungsbezirk", ExportWording.region(grant)},
                new String[]{"Förderjahr", String.valueOf(grant.fundingYear())},
                new String[]{"Programmteil", ExportWording.part(grant.programmePart())},
                new String[]{"Status", ExportWording.status(grant.status())});
        List<String[]> right = List.of(
                new String[]{"Beantragt am", orNone(ExportWording.date(grant.appliedOn()))},
                new String[]{"Beantragt", euro(grant.requestedAmount())},
                new String[]{"Bewilligt", euro(grant.approvedAmount())},
                new String[]{"Ausgezahlt", euro(grant.disbursedAmount())},
                new String[]{"Verausgabt", euro(grant.spentAmount())},
                new String[]{"Zurückgefordert", euro(grant.repaymentDemanded())},
                new String[]{"Zurückgezahlt", euro(grant.repaidAmount())});
        PdfPTable table = new PdfPTable(new float[]{14, 44, 14, 28});
        table.setWidthPercentage(100);
        table.setSpacingAfter(6);
        for (int i = 0; i < left.size(); i++) {
            table.addCell(factCell(left.get(i)[0], fonts.bold, Element.ALIGN_LEFT));
            table.addCell(factCell(orNone(left.get(i)[1]), fonts.regular, Element.ALIGN_LEFT));
            table.addCell(factCell(right.get(i)[0], fonts.bold, Element.ALIGN_LEFT));
            table.addCell(factCell(right.get(i)[1], fonts.regular, Element.ALIGN_RIGHT));
        }
        return table;
    }

    private PdfPCell factCell(String text, Font font, int alignment) {
        PdfPCell cell = fonts.factCell(text, font);
        cell.setHorizontalAlignment(alignment);
        return cell;
    }

    private PdfPTable events(List<GrantHistoryEntry> entries) {
        PdfPTable table = new PdfPTable(EVENT_WIDTHS);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingAfter(6);
        List<String> columns = GrantHistoryCsv.COLUMNS;
        for (int i = 0; i < columns.size(); i++) {
            PdfPCell cell = eventCell(columns.get(i), fonts.tableBold, i >= 7 && i <= 11);
            cell.setBackgroundColor(HEADER_FILL);
            table.addCell(cell);
        }
        for (GrantHistoryEntry e : entries) {
            table.addCell(eventCell(String.valueOf(GrantHistoryExport.number(e)), fonts.table, true));
            table.addCell(eventCell(timestamp(e.occurredAt()), fonts.table, false));
            table.addCell(eventCell(fact(e.fact()), fonts.table, false));
            table.addCell(eventCell(text(e.actorAccount()), fonts.table, false));
            table.addCell(eventCell(ExportWording.role(e.actorRole()), fonts.table, false));
            table.addCell(eventCell(ExportWording.status(e.statusBefore()), fonts.table, false));
            table.addCell(eventCell(ExportWording.status(e.statusAfter()), fonts.table, false));
            for (Money money : new Money[]{e.approvedBefore(), e.approvedAfter(), e.disbursedBefore(), e.disbursedAfter(), e.amount()}) {
                table.addCell(eventCell(ExportWording.amount(money), fonts.table, true));
            }
            table.addCell(eventCell(text(GrantHistoryExport.reason(e)), fonts.table, false));
        }
        if (entries.isEmpty()) {
            PdfPCell none = eventCell("Keine Ereignisse erfasst.", fonts.table, false);
            none.setColspan(EVENT_WIDTHS.length);
            table.addCell(none);
        }
        return table;
    }

    private PdfPCell eventCell(String text, Font font, boolean right) {
        PdfPCell cell = new PdfPCell(fonts.phrase(text, font));
        cell.setBorderColor(PdfFonts.RULE);
        cell.setBorderWidth(0.5f);
        cell.setPadding(2);
        cell.setHorizontalAlignment(right ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        return cell;
    }

    /** The verification in one block that moves whole to the next page rather than breaking. */
    private PdfPTable verification(GrantView grant, ChainVerification chain, Instant createdAt) {
        PdfPTable block = new PdfPTable(1);
        block.setWidthPercentage(100);
        block.setKeepTogether(true);
        block.getDefaultCell().setBorder(Rectangle.NO_BORDER);
        block.getDefaultCell().setPadding(0);
        block.addCell(content(fonts.heading("Prüfung auf Vollständigkeit und Unverändertheit (Hash-Kette)")));

        String head = chain.head() == null || chain.head().isBlank() ? NONE : chain.head();
        Paragraph headLine = new Paragraph();
        headLine.add(fonts.phrase("Prüfwert (SHA-256, Kettenkopf): ", fonts.bold));
        headLine.add(new Chunk(head, fonts.mono));
        block.addCell(content(headLine));

        block.addCell(content(labelled("Ereignisse in der Kette: ", String.valueOf(chain.length()))));
        block.addCell(content(result("Kette unverändert: ", chain.verified())));
        if (chain.matchesExpected() != null) {
            block.addCell(content(result("Übereinstimmung mit früherem Prüfwert: ", chain.matchesExpected())));
        }
        if (chain.problems() != null) {
            for (String problem : chain.problems()) {
                block.addCell(content(labelled("Befund: ", text(problem))));
            }
        }
        block.addCell(content(labelled("Geprüft am: ", orNone(timestamp(chain.verifiedAt())))));
        block.addCell(content(labelled("Erstellt am: ", orNone(timestamp(createdAt)))));

        Paragraph how = new Paragraph(fonts.phrase("So lässt sich später nachweisen, dass sich seit dieser Ausfertigung "
                + "nichts geändert hat: Jedes Ereignis der Zuwendung ist mit dem vorigen über einen SHA-256-Wert "
                + "verkettet; der Prüfwert oben ist der Wert über alle " + chain.length() + " Ereignisse. Die "
                + "Schnittstelle der Plattform prüft die gespeicherten Ereignisse gegen ihn:", fonts.regular));
        how.setSpacingBefore(8);
        block.addCell(content(how));
        Paragraph call = new Paragraph(new Chunk(ExportWording.checkCall(grant.grantId(), chain.head(), chain.length()),
                fonts.monoSmall));
        call.setIndentationLeft(12);
        call.setSpacingBefore(3);
        call.setSpacingAfter(3);
        block.addCell(content(call));
        block.addCell(content(new Paragraph(fonts.phrase("Solange die Ereignisse dieser Ausfertigung vollständig, "
                + "unverändert und in derselben Reihenfolge gespeichert sind, antwortet sie mit „matchesExpected“: "
                + "true; jede Veränderung, Löschung oder Umordnung ergibt einen anderen Prüfwert.", fonts.regular))));
        return block;
    }

    private static PdfPCell content(Paragraph paragraph) {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        cell.setPaddingBottom(2);
        cell.addElement(paragraph);
        return cell;
    }

    private Paragraph result(String label, boolean yes) {
        Paragraph paragraph = new Paragraph();
        paragraph.add(fonts.phrase(label, fonts.bold));
        paragraph.add(fonts.phrase(ExportWording.yesNo(yes), yes ? fonts.regular : fonts.alarm));
        return paragraph;
    }

    private Paragraph labelled(String label, String value) {
        Paragraph paragraph = new Paragraph();
        paragraph.add(fonts.phrase(label, fonts.bold));
        paragraph.add(fonts.phrase(value, fonts.regular));
        return paragraph;
    }



    private static String euro(Money money) {
        return money == null ? NONE : ExportWording.amount(money) + " €";
    }

    private static String orNone(String text) {
        return text == null || text.isEmpty() ? NONE : text;
    }
}
