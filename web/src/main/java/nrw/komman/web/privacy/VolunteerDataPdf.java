package nrw.komman.web.privacy;

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
import nrw.komman.kernel.privacy.VolunteerDataExport;
import nrw.komman.kernel.privacy.VolunteerDataExport.ActivityEntry;
import nrw.komman.kernel.privacy.VolunteerDataExport.ChangeEntry;
import nrw.komman.kernel.privacy.VolunteerDataExport.ChangeKind;
import nrw.komman.kernel.privacy.VolunteerDataExport.ConsentEntry;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;

import static nrw.komman.web.platform.export.ExportWording.NONE;
import static nrw.komman.web.platform.export.ExportWording.text;
import static nrw.komman.web.platform.export.ExportWording.timestamp;

/**
 * Everything the platform holds on one volunteer (DSGVO Art. 15) as a PDF the centre can hand over: A4
 * portrait; the centre and the pseudonymous id, the profile, the consent history, the activities, the moment
 * of the information ("Stand") and the volunteer's rights under Art. 15–21; "Seite x von y" on every page.
 *
 * <p>After erasure every personal field reads "gelöscht": the file then shows what the platform still holds,
 * the activities under the pseudonymous id without notes. The document's properties (title, subject,
 * keywords) never name the person, only the id, so a file list or a search index learns nothing from them.
 */
final class VolunteerDataPdf {

    static final String TITLE = "Auskunft über gespeicherte Daten";
    static final String SUBTITLE = "nach Art. 15 der Datenschutz-Grundverordnung (DSGVO)";
    static final String CREATOR = "KOMM-AN NRW";
    /** What an erased field shows instead of the data. */
    static final String ERASED = "gelöscht";
    static final String ERASED_NOTICE = "Die personenbezogenen Daten dieser Person wurden gelöscht (Art. 17 DSGVO). "
            + "Erhalten bleiben nur Datum, Dauer und Kategorie ihrer Einsätze unter der pseudonymen Kennung, ohne Notizen, "
            + "weil die Verwendung der Landesförderung nachgewiesen werden muss (Art. 17 Abs. 3 Buchst. b DSGVO).";
    static final String RIGHTS = "Ihre Rechte: Sie können Auskunft über Ihre Daten verlangen (Art. 15 DSGVO), ihre "
            + "Berichtigung (Art. 16), ihre Löschung (Art. 17) und die Einschränkung ihrer Verarbeitung (Art. 18); wem Daten "
            + "offengelegt wurden, wird über eine Berichtigung, Löschung oder Einschränkung unterrichtet (Art. 19). Sie "
            + "können Ihre Daten in einem strukturierten, maschinenlesbaren Format erhalten (Art. 20; diese Auskunft gibt "
            + "es auch als JSON-Datei) und der Verarbeitung widersprechen (Art. 21). Eine Einwilligung können Sie "
            + "jederzeit mit Wirkung für die Zukunft widerrufen (Art. 7 Abs. 3); Ihre personenbezogenen Daten werden dann "
            + "sofort gelöscht. Wenden Sie sich dazu an Ihr Kommunales Integrationszentrum. Sie können sich außerdem bei "
            + "einer Datenschutz-Aufsichtsbehörde beschweren (Art. 77), in Nordrhein-Westfalen bei der Landesbeauftragten "
            + "für Datenschutz und Informationsfreiheit (LDI NRW).";
    static final List<String> ACTIVITY_COLUMNS = List.of("Datum", "Kategorie", "Dauer", "Notiz", "Zuwendung", "Hinweis");
    static final List<String> CONSENT_COLUMNS = List.of("Erklärung", "Fassung", "Erteilt am", "Widerrufen am");

    private static final float MARGIN = 40;
    private static final Color HEADER_FILL = new Color(0xE6, 0xEC, 0xF2);
    /** Points of 515 at 7 pt: a grant id (a UUID) breaks at its hyphens. */
    private static final float[] ACTIVITY_WIDTHS = {50, 105, 55, 160, 85, 60};
    private static final float[] CONSENT_WIDTHS = {215, 70, 115, 115};

    private final PdfFonts fonts = new PdfFonts();

    static byte[] render(VolunteerDataExport export, Instant asOf) {
        VolunteerDataPdf pdf = new VolunteerDataPdf();
        byte[] body = pdf.body(export, asOf);
        return pdf.fonts.numberPages(body, "Auskunft " + export.volunteerId() + " · Stand " + timestamp(asOf), MARGIN, 24);
    }

    private byte[] body(VolunteerDataExport export, Instant asOf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, MARGIN, MARGIN, 40, 48);
        PdfWriter.getInstance(document, out);
        document.addTitle(TITLE + " (" + export.volunteerId() + ")");
        document.addSubject("Auskunft nach Art. 15 DSGVO zur Kennung " + export.volunteerId());
        document.addCreator(CREATOR);
        document.addAuthor(CREATOR);
        document.addKeywords("KOMM-AN NRW, DSGVO, Auskunft, " + export.volunteerId());
        document.addCreationDate();
        document.open();

        document.add(new Paragraph(fonts.phrase(TITLE, fonts.title)));
        Paragraph subtitle = new Paragraph(fonts.phrase(SUBTITLE, fonts.subtitle));
        subtitle.setSpacingAfter(2);
        document.add(subtitle);
        Paragraph stand = new Paragraph();
        stand.add(fonts.phrase("Stand: ", fonts.bold));
        stand.add(fonts.phrase(timestamp(asOf) + " (Europe/Berlin)", fonts.regular));
        stand.setSpacingAfter(8);
        document.add(stand);

        if (export.erased()) {
            Paragraph notice = new Paragraph(fonts.phrase(ERASED_NOTICE, fonts.bold));
            notice.setSpacingAfter(6);
            document.add(notice);
        }

        document.add(fonts.heading("Stelle und Kennung"));
        document.add(facts(List.of(
                new String[]{"Integrationszentrum", centre(export)},
                new String[]{"Kennung (pseudonym)", text(export.volunteerId())},
                new String[]{"Status", export.erased() ? "Daten gelöscht" : ExportWording.volunteerStatus(export.status())},
                new String[]{"Registriert am", ExportWording.date(export.registeredOn())})));

        document.add(fonts.heading("Persönliche Angaben"));
        document.add(facts(List.of(
                new String[]{"Name", personal(export, export.name())},
                new String[]{"E-Mail-Adresse", personal(export, export.email())},
                new String[]{"Telefonnummer", personal(export, export.phone())},
                new String[]{"Verfügbarkeit", personal(export, export.availability())},
                new String[]{"Sprachen", personal(export, ExportWording.languages(export.languages()))},
                new String[]{"Interessen", personal(export, ExportWording.categories(export.interests()))})));

        document.add(fonts.heading("Einwilligungen"));
        document.add(consents(export.consents() == null ? List.of() : export.consents(), export.erased()));

        List<ActivityEntry> activities = export.activities() == null ? List.of() : export.activities();
        document.add(fonts.heading("Einsätze"));
        document.add(activities(activities, export.erased()));
        document.add(total(activities));

        document.add(fonts.heading("Ihre Rechte"));
        document.add(new Paragraph(fonts.phrase(RIGHTS, fonts.regular)));

        document.close();
        return out.toByteArray();
    }

    private static String centre(VolunteerDataExport export) {
        String id = text(export.centreId());
        String name = export.centreName();
        if (name == null || name.isBlank()) {
            return orNone(id);
        }
        return id.isEmpty() ? name : name + " (" + id + ")";
    }

    /** A personal field: "gelöscht" after erasure, whatever the record says; "—" when never given. */
    private static String personal(VolunteerDataExport export, String value) {
        if (export.erased()) {
            return ERASED;
        }
        return orNone(value);
    }

    private PdfPTable facts(List<String[]> rows) {
        PdfPTable table = new PdfPTable(new float[]{30, 70});
        table.setWidthPercentage(100);
        table.setSpacingAfter(6);
        for (String[] row : rows) {
            table.addCell(fonts.factCell(row[0], fonts.bold));
            table.addCell(fonts.factCell(orNone(row[1]), ERASED.equals(row[1]) ? fonts.alarm : fonts.regular));
        }
        return table;
    }

    private PdfPTable consents(List<ConsentEntry> consents, boolean erased) {
        PdfPTable table = grid(CONSENT_WIDTHS, CONSENT_COLUMNS);
        for (ConsentEntry c : consents) {
            // the document is sealed like all free text (ADR 21): gone with the erasure
            table.addCell(cell(c.document() == null ? (erased ? ERASED : NONE) : c.document(), fonts.table, false));
            table.addCell(cell(text(c.version()), fonts.table, false));
            // the day only: the forms ask for the day the paper was signed, no time of day (ADR 29)
            table.addCell(cell(c.givenAt() == null ? NONE
                    : ExportWording.date(java.time.LocalDate.ofInstant(c.givenAt(), nrw.komman.kernel.common.Nrw.ZONE)), fonts.table, false));
            table.addCell(cell(c.withdrawnAt() == null ? NONE : timestamp(c.withdrawnAt()), fonts.table, false));
        }
        if (consents.isEmpty()) {
            table.addCell(none("Keine Einwilligung erfasst.", CONSENT_WIDTHS.length));
        }
        return table;
    }

    private PdfPTable activities(List<ActivityEntry> activities, boolean erased) {
        PdfPTable table = grid(ACTIVITY_WIDTHS, ACTIVITY_COLUMNS);
        for (ActivityEntry a : activities) {
            table.addCell(cell(ExportWording.date(a.date()), fonts.table, false));
            table.addCell(cell(ExportWording.category(a.category()), fonts.table, false));
            table.addCell(cell(ExportWording.duration(a.minutes()), fonts.table, true));
            table.addCell(cell(erased ? (a.note() == null ? NONE : ERASED) : orNone(a.note()), fonts.table, false));
            table.addCell(cell(orNone(a.grantId()), fonts.table, false));
            table.addCell(cell(a.changes().isEmpty() ? (a.withdrawn() ? "zurückgenommen" : (a.corrected() ? "korrigiert" : ""))
                    : changes(a.changes(), erased), fonts.table, false));
        }
        if (activities.isEmpty()) {
            table.addCell(none("Keine Einsätze erfasst.", ACTIVITY_WIDTHS.length));
        }
        return table;
    }

    /** Every correction and the withdrawal with its day and reason (ADR 21), one per line. */
    private static String changes(List<ChangeEntry> changes, boolean erased) {
        StringBuilder text = new StringBuilder();
        for (ChangeEntry c : changes) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(c.kind() == ChangeKind.WITHDRAWAL ? "zurückgenommen" : "korrigiert");
            if (c.recordedAt() != null) {
                text.append(" am ").append(ExportWording.date(java.time.LocalDate.ofInstant(c.recordedAt(), nrw.komman.kernel.common.Nrw.ZONE)));
            }
            text.append(": ").append(c.reason() != null ? c.reason() : erased ? ERASED : NONE);
        }
        return text.toString();
    }

    private Paragraph total(List<ActivityEntry> activities) {
        long minutes = activities.stream().filter(a -> !a.withdrawn()).mapToLong(ActivityEntry::minutes).sum();
        long count = activities.stream().filter(a -> !a.withdrawn()).count();
        String text = "Insgesamt " + count + (count == 1 ? " Einsatz" : " Einsätze") + " mit " + ExportWording.duration(minutes)
                + (activities.size() > count ? " (" + activities.size() + " Einträge, davon " + (activities.size() - count)
                + " zurückgenommen und nicht mitgezählt)." : ".");
        Paragraph paragraph = new Paragraph(fonts.phrase(text, fonts.regular));
        paragraph.setSpacingAfter(4);
        return paragraph;
    }

    private PdfPTable grid(float[] widths, List<String> columns) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingAfter(4);
        for (String column : columns) {
            PdfPCell cell = cell(column, fonts.tableBold, false);
            cell.setBackgroundColor(HEADER_FILL);
            table.addCell(cell);
        }
        return table;
    }

    private PdfPCell none(String text, int columns) {
        PdfPCell cell = cell(text, fonts.table, false);
        cell.setColspan(columns);
        return cell;
    }

    private PdfPCell cell(String text, Font font, boolean right) {
        PdfPCell cell = new PdfPCell(fonts.phrase(text, font));
        cell.setBorderColor(PdfFonts.RULE);
        cell.setBorderWidth(0.5f);
        cell.setPadding(2);
        cell.setHorizontalAlignment(right ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        return cell;
    }



    private static String orNone(String text) {
        return text == null || text.isEmpty() ? NONE : text;
    }
}
