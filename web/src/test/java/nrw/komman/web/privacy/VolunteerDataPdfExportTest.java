package nrw.komman.web.privacy;

import nrw.komman.web.platform.export.ExportFixtures;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.privacy.VolunteerDataExport;
import nrw.komman.kernel.privacy.VolunteerDataExport.ActivityEntry;
import nrw.komman.kernel.privacy.VolunteerDataExport.ChangeEntry;
import nrw.komman.kernel.privacy.VolunteerDataExport.ChangeKind;
import nrw.komman.kernel.privacy.VolunteerDataExport.ConsentEntry;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerStatus;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class VolunteerDataPdfExportTest {

    static final VolunteerId VOLUNTEER = new VolunteerId(UUID.fromString("7c1e2d3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f"));
    static final CentreId KOELN = new CentreId("05315");
    /** 14.03.2026 10:15:30 in Berlin (CET). */
    static final Instant EXPORTED_AT = Instant.parse("2026-03-14T09:15:30Z");
    static final String GRANT = "1a2b3c4d-5e6f-4a1b-8c9d-0e1f2a3b4c5d";

    private final VolunteerDataFiles files = new VolunteerDataFiles(ExportFixtures.CLOCK);

    static VolunteerDataExport held() {
        return held("Şahin Çelik-Groß", "sahin.celik@example.org", "+49 221 555 0199");
    }

    static VolunteerDataExport held(String name, String email, String phone) {
        return new VolunteerDataExport(VOLUNTEER, KOELN, "Kommunales Integrationszentrum Köln", false, VolunteerStatus.ACTIVE,
                LocalDate.of(2025, 1, 15), name, email, phone, "dienstags ab 16 Uhr, nicht in den Ferien",
                Set.of("tr", "de", "ku"), EnumSet.of(ActivityCategory.LANGUAGE_SUPPORT, ActivityCategory.ACCOMPANIMENT),
                List.of(new ConsentEntry("Einwilligung Datenverarbeitung Ehrenamtskoordination", "2024-01",
                        Instant.parse("2025-01-15T10:00:00Z"), null)),
                List.of(new ActivityEntry("a1", LocalDate.of(2026, 2, 3), 90, ActivityCategory.ACCOMPANIMENT,
                                "Begleitung zur Ausländerbehörde", GRANT, false, false),
                        new ActivityEntry("a2", LocalDate.of(2026, 2, 10), 120, ActivityCategory.LANGUAGE_SUPPORT,
                                "Sprachcafé mit Frau Öztürk", null, true, false),
                        new ActivityEntry("a3", LocalDate.of(2026, 2, 11), 45, ActivityCategory.OTHER, null, null, false, true)),
                EXPORTED_AT);
    }

    /** The same volunteer after erasure, as the query side answers: personal fields null, notes gone. */
    static VolunteerDataExport erased() {
        return new VolunteerDataExport(VOLUNTEER, KOELN, "Kommunales Integrationszentrum Köln", true, VolunteerStatus.INACTIVE,
                LocalDate.of(2025, 1, 15), null, null, null, null, Set.of(), Set.of(),
                List.of(new ConsentEntry("Einwilligung Datenverarbeitung Ehrenamtskoordination", "2024-01",
                        Instant.parse("2025-01-15T10:00:00Z"), Instant.parse("2026-03-01T08:30:00Z"))),
                List.of(new ActivityEntry("a1", LocalDate.of(2026, 2, 3), 90, ActivityCategory.ACCOMPANIMENT, null, GRANT,
                                false, false),
                        new ActivityEntry("a2", LocalDate.of(2026, 2, 10), 120, ActivityCategory.LANGUAGE_SUPPORT, null, null,
                                true, false)),
                EXPORTED_AT);
    }

    @Test
    void it_is_an_a4_pdf_whose_properties_name_the_id_and_never_the_person() throws IOException {
        byte[] pdf = files.pdf(held());

        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PdfReader reader = new PdfReader(pdf)) {
            assertThat(reader.getPageSizeWithRotation(1).getWidth()).isCloseTo(595, org.assertj.core.data.Offset.offset(1f));
            assertThat(reader.getPageSizeWithRotation(1).getHeight()).isCloseTo(842, org.assertj.core.data.Offset.offset(1f));
            Map<String, String> info = reader.getInfo();
            assertThat(info.get("Title")).startsWith("Auskunft über gespeicherte Daten").contains(VOLUNTEER.toString());
            assertThat(info.get("Creator")).isEqualTo("KOMM-AN NRW");
            assertThat(String.join(" ", info.values())).doesNotContain("Şahin", "Çelik", "sahin.celik", "555 0199");
        }
        assertThat(files.fileName(held(), "pdf")).isEqualTo("auskunft-05315-7c1e2d3f.pdf");
        assertThat(files.fileName(held(), ".JSON")).isEqualTo("auskunft-05315-7c1e2d3f.json");
    }

    @Test
    void the_text_holds_the_centre_the_profile_the_consents_the_activities_the_moment_and_the_rights() throws IOException {
        String text = text(files.pdf(held()));

        assertThat(text).contains("Auskunft über gespeicherte Daten", "nach Art. 15 der Datenschutz-Grundverordnung (DSGVO)",
                "Stand: 14.03.2026 10:15:30 (Europe/Berlin)");
        // label and value sit in two cells: compared without the spaces the extraction puts (or not) between them
        assertThat(compact(text)).contains(compact("Integrationszentrum Kommunales Integrationszentrum Köln (05315)"),
                compact("Kennung (pseudonym) " + VOLUNTEER), compact("Status aktiv"), compact("Registriert am 15.01.2025"));
        assertThat(compact(text)).contains(compact("Name Şahin Çelik-Groß"), compact("E-Mail-Adresse sahin.celik@example.org"),
                compact("Telefonnummer +49 221 555 0199"), compact("Verfügbarkeit dienstags ab 16 Uhr, nicht in den Ferien"),
                compact("Sprachen Deutsch, Kurdisch, Türkisch"),
                compact("Interessen Sprachpatenschaft, Begleitung zu Ämtern und Ärzt*innen"));
        assertThat(text).contains("Einwilligungen", "Einwilligung Datenverarbeitung Ehrenamtskoordination", "2024-01",
                "15.01.2025");
        assertThat(text).contains("Einsätze", "03.02.2026", "Begleitung zur Ausländerbehörde", "1 Std. 30 Min.", "2 Std.",
                "45 Min.", "Sprachcafé mit Frau Öztürk", "korrigiert", "zurückgenommen", "1a2b3c4d-",
                "Insgesamt 2 Einsätze mit 3 Std. 30 Min. (3 Einträge, davon 1 zurückgenommen und nicht mitgezählt).");
        assertThat(text).contains("Ihre Rechte", "Art. 15 DSGVO", "Art. 16", "Art. 17", "Art. 18", "Art. 19", "Art. 20",
                "Art. 21", "Art. 7 Abs. 3", "Art. 77");
        assertThat(text).contains("Seite 1 von").doesNotContain("gelöscht (Art. 17");
    }

    @Test
    void the_reasons_of_corrections_and_withdrawals_are_listed_under_the_activity_and_read_geloescht_after_erasure()
            throws IOException {
        VolunteerDataExport held = held();
        List<ActivityEntry> changed = List.of(new ActivityEntry("a2", LocalDate.of(2026, 2, 10), 120,
                ActivityCategory.LANGUAGE_SUPPORT, null, null, true, true, List.of(
                new ChangeEntry(ChangeKind.CORRECTION, Instant.parse("2026-02-12T09:00:00Z"), "Dauer falsch, Frau Öztürk rief an"),
                new ChangeEntry(ChangeKind.WITHDRAWAL, Instant.parse("2026-02-13T09:00:00Z"), "doppelt erfasst"))));
        String text = text(files.pdf(new VolunteerDataExport(held.volunteerId(), held.centreId(), held.centreName(), false,
                held.status(), held.registeredOn(), held.name(), held.email(), held.phone(), held.availability(), held.languages(),
                held.interests(), held.consents(), changed, EXPORTED_AT)));
        assertThat(text).contains("korrigiert am 12.02.2026: Dauer falsch, Frau Öztürk rief an",
                "zurückgenommen am 13.02.2026: doppelt erfasst");

        List<ActivityEntry> erasedChanges = List.of(new ActivityEntry("a2", LocalDate.of(2026, 2, 10), 120,
                ActivityCategory.LANGUAGE_SUPPORT, null, null, true, false, List.of(
                new ChangeEntry(ChangeKind.CORRECTION, Instant.parse("2026-02-12T09:00:00Z"), null))));
        VolunteerDataExport erased = erased();
        String after = text(files.pdf(new VolunteerDataExport(erased.volunteerId(), erased.centreId(), erased.centreName(), true,
                erased.status(), erased.registeredOn(), null, null, null, null, Set.of(), Set.of(),
                List.of(new ConsentEntry(null, "2024-01", Instant.parse("2025-01-15T10:00:00Z"), null)), erasedChanges, EXPORTED_AT)));
        assertThat(after).contains("korrigiert am 12.02.2026: gelöscht").doesNotContain("Öztürk", "Einwilligung Daten");
    }

    @Test
    void after_erasure_every_personal_field_reads_geloescht_and_the_activities_stay_under_the_pseudonym() throws IOException {
        String text = text(files.pdf(erased()));

        assertThat(text).contains("Die personenbezogenen Daten dieser Person wurden gelöscht (Art. 17 DSGVO).");
        assertThat(compact(text)).contains(compact("Status Daten gelöscht"), compact("Name gelöscht"),
                compact("E-Mail-Adresse gelöscht"), compact("Telefonnummer gelöscht"), compact("Verfügbarkeit gelöscht"),
                compact("Sprachen gelöscht"), compact("Interessen gelöscht"));
        assertThat(text).contains(VOLUNTEER.toString(), "Kommunales Integrationszentrum Köln (05315)",
                "Widerrufen am", "01.03.2026 09:30:00", "03.02.2026", "1 Std. 30 Min.", "Insgesamt 2 Einsätze mit 3 Std. 30 Min.");
        assertThat(text).doesNotContain("Şahin", "Çelik", "sahin.celik", "555 0199", "Ausländerbehörde", "Öztürk", "Kurdisch");
    }

    @Test
    void nothing_recorded_says_so() throws IOException {
        VolunteerDataExport h = held();
        VolunteerDataExport empty = new VolunteerDataExport(h.volunteerId(), h.centreId(), null, false, VolunteerStatus.INACTIVE,
                h.registeredOn(), "Ana Lima", null, "0221 1234567", null, null, null, List.of(), List.of(), null);
        String text = text(files.pdf(empty));

        assertThat(text).contains("Keine Einwilligung erfasst.", "Keine Einsätze erfasst.", "Insgesamt 0 Einsätze mit 0 Min.",
                // without the query side's moment, the clock's
                "Stand: 14.03.2026 10:15:30");
        assertThat(compact(text)).contains(compact("Integrationszentrum 05315"), compact("E-Mail-Adresse —"),
                compact("Status inaktiv"));
    }

    @Test
    void many_activities_span_pages_with_the_header_row_and_the_page_number_on_each() throws IOException {
        VolunteerDataExport h = held();
        List<ActivityEntry> many = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            many.add(new ActivityEntry("a" + i, LocalDate.of(2026, 1, 1).plusDays(i % 60), 60, ActivityCategory.EDUCATION,
                    String.format("Vermerk-%03d-Ende", i), null, false, false));
        }
        VolunteerDataExport big = new VolunteerDataExport(h.volunteerId(), h.centreId(), h.centreName(), false, h.status(),
                h.registeredOn(), h.name(), h.email(), h.phone(), h.availability(), h.languages(), h.interests(), h.consents(),
                many, h.exportedAt());

        try (PdfReader reader = new PdfReader(files.pdf(big))) {
            int pages = reader.getNumberOfPages();
            assertThat(pages).isGreaterThan(2);
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder all = new StringBuilder();
            for (int page = 1; page <= pages; page++) {
                String text = normalise(extractor.getTextFromPage(page));
                all.append(text).append(' ');
                assertThat(text).as("page %d", page).contains("Seite " + page + " von " + pages, "Auskunft " + VOLUNTEER);
            }
            int last = -1;
            for (int i = 0; i < 150; i++) {
                int at = all.indexOf(String.format("Vermerk-%03d-Ende", i));
                assertThat(at).as("activity %d in order", i).isGreaterThan(last);
                last = at;
            }
            assertThat(all.toString()).contains("Insgesamt 150 Einsätze mit 150 Std.", "Ihre Rechte");
        }
    }

    static String text(byte[] pdf) throws IOException {
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return normalise(text.toString());
        }
    }

    static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
