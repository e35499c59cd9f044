package nrw.komman.web.volunteer;

import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.web.platform.export.ExportWording;
import nrw.komman.web.platform.export.XlsxWriter;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The roster as a file, in German as the exports are: one row per volunteer in the page's order, e-mail and phone in
 * columns of their own, hours as a number. The first line says what the list shows (the page's summary).
 */
final class RosterFile {

    static final List<String> COLUMNS = List.of("Name", "E-Mail-Adresse", "Telefonnummer", "Registriert seit", "Sprachen",
            "Interessen", "Status", "Stunden dieses Jahr");

    private RosterFile() {
    }

    /** The cells of each volunteer: text, and the hours as a number (one decimal). */
    static List<List<Object>> rows(List<VolunteerView> volunteers) {
        List<List<Object>> rows = new ArrayList<>(volunteers.size());
        for (VolunteerView v : volunteers) {
            rows.add(Arrays.asList(v.name() == null ? "(Daten gelöscht)" : v.name(), v.email(), v.phone(),
                    ExportWording.date(v.registeredOn()), ExportWording.languages(v.languages()),
                    ExportWording.categories(v.interests()), ExportWording.volunteerStatus(v.status()),
                    BigDecimal.valueOf(v.minutesThisYear()).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP)));
        }
        return rows;
    }

    /** A cell of a CSV line: numbers with a decimal comma, as Excel in Germany reads them. */
    static String text(Object cell) {
        if (cell instanceof BigDecimal number) {
            return number.toPlainString().replace('.', ',');
        }
        return cell == null ? "" : cell.toString();
    }

    static byte[] xlsx(List<VolunteerView> volunteers, String summary) {
        List<List<?>> sheet = new ArrayList<>();
        sheet.add(new ArrayList<>(COLUMNS));
        sheet.addAll(rows(volunteers));
        return new XlsxWriter()
                .sheet("Ehrenamtliche", sheet)
                .sheet("Stand", List.of(List.of(summary)))
                .bytes();
    }
}
