package nrw.komman.web.grant;

import nrw.komman.web.platform.export.ExportFixtures;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import nrw.komman.kernel.grant.GrantHistory;
import nrw.komman.kernel.grant.GrantHistoryEntry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static nrw.komman.web.platform.export.ExportFixtures.CLOCK;
import static nrw.komman.web.platform.export.ExportFixtures.GRANT_ID;
import static nrw.komman.web.platform.export.ExportFixtures.HEAD;
import static nrw.komman.web.platform.export.ExportFixtures.KOELN;
import static nrw.komman.web.platform.export.ExportFixtures.grant;
import static nrw.komman.web.platform.export.ExportFixtures.history;
import static nrw.komman.web.platform.export.ExportFixtures.intact;
import static org.assertj.core.api.Assertions.assertThat;

class GrantHistoryPdfExportTest {

    private final GrantHistoryExport export = new GrantHistoryExport(CLOCK);

    @Test
    void it_is_a_pdf_in_a4_landscape_with_title_and_creator() throws IOException {
        byte[] pdf = export.pdf(grant(), history(), intact(10));

        assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        try (PdfReader reader = new PdfReader(pdf)) {
            assertThat(reader.getPageSizeWithRotation(1).getWidth()).isCloseTo(842, org.assertj.core.data.Offset.offset(1f));
            assertThat(reader.getPageSizeWithRotation(1).getHeight()).isCloseTo(595, org.assertj.core.data.Offset.offset(1f));
            Map<String, String> info = reader.getInfo();
            assertThat(info.get("Title")).startsWith("Verlauf der Zuwendung").contains(GRANT_ID.toString());
            assertThat(info.get("Creator")).isEqualTo("KOMM-AN NRW");
        }
    }

    @Test
    void the_text_names_the_grant_every_fact_the_amounts_and_the_head() throws IOException {
        String text = text(export.pdf(grant(), history(), intact(10)));

        assertThat(text).contains("Verlauf der Zuwendung", ExportFixtures.TITLE, GRANT_ID.toString(),
                "Kommunales Integrationszentrum Köln (05315)", "Teil II A – Ankommenstreffpunkte", "Förderjahr", "2026");
        for (GrantHistoryEntry entry : ExportFixtures.lifecycle()) {
            assertThat(text).doesNotContain(entry.fact()); // the code is worded
        }
        assertThat(text).contains(ExportFixtures.LIFECYCLE_IN_GERMAN);
        assertThat(text).contains("Antrag gestellt", "Geprüft", "Bewilligt", "Änderungsbescheid", "Mittelabruf",
                "Auszahlung", "Verwendungsnachweis", "Abgeschlossen", "Rückzahlung");
        assertThat(text).contains("Beantragt", "25.000,00 €", "12.500,00 €", "11.000,50 €", "999,50 €", "500,00 €");
        assertThat(text).contains("Bewilligungsbehörde", "Ministerium", "koordination.koeln");
        assertThat(text).contains("20.01.2026 14:05:07", "10.07.2026 11:00:00");
        assertThat(text).contains("Prüfwert (SHA-256, Kettenkopf)", HEAD, "Ereignisse in der Kette: 10",
                "Kette unverändert: ja", "Erstellt am: 14.03.2026 10:15:30");
        assertThat(text).contains("GET /api/grants/" + GRANT_ID + "/audit-chain?expectedHead=" + HEAD + "&expectedLength=10");
    }

    @Test
    void german_characters_and_the_euro_sign_survive() throws IOException {
        String text = text(export.pdf(grant(), history(), intact(10)));

        assertThat(text).contains("ä", "ö", "ü", "ß", "€", "Ä", "„", "“", "–")
                .contains("Kürzung wegen Haushaltsmaßnahme", "Teilzahlung Straße", "Begegnungscafé", "Rückforderung 999,50 €");
    }

    @Test
    void characters_outside_windows_1252_are_set_in_the_embedded_fallback_font() throws IOException {
        String text = text(export.pdf(grant("Treffpunkt Şahin Çelik – Ελληνικά"), history(), intact(10)));

        assertThat(text).contains("Treffpunkt Şahin Çelik – Ελληνικά");
    }

    @Test
    void a_broken_chain_says_so_with_every_problem() throws IOException {
        String text = text(export.pdf(grant(), history(), ExportFixtures.broken(10)));

        assertThat(text).contains("Kette unverändert: nein", "Übereinstimmung mit früherem Prüfwert: nein",
                "Ereignis 3 wurde verändert", "Ereignis 5 fehlt");
    }

    @Test
    void a_long_history_spans_pages_with_the_table_header_and_the_page_number_on_each() throws IOException {
        int size = 200;
        byte[] pdf = export.pdf(grant(), ExportFixtures.longHistory(size), intact(size));

        try (PdfReader reader = new PdfReader(pdf)) {
            int pages = reader.getNumberOfPages();
            assertThat(pages).isGreaterThan(3);
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            List<String> texts = new ArrayList<>();
            for (int page = 1; page <= pages; page++) {
                String text = normalise(extractor.getTextFromPage(page));
                texts.add(text);
                assertThat(text).as("page %d", page).contains("Seite " + page + " von " + pages);
                if (page < pages) {
                    assertThat(text).as("header row on page %d", page).contains("Zeitpunkt (Europe/Berlin)", "Begründung");
                }
            }
            String all = String.join(" ", texts);
            int last = -1;
            for (int i = 0; i < size; i++) {
                int at = all.indexOf(ExportFixtures.marker(i));
                assertThat(at).as("entry %d present and after entry %d", i, i - 1).isGreaterThan(last);
                last = at;
            }
            assertThat(texts.get(pages - 1)).contains(HEAD);
        }
    }

    @Test
    void an_empty_history_says_so() throws IOException {
        String text = text(export.pdf(grant(), new GrantHistory(GRANT_ID, KOELN, List.of()), intact(0)));

        assertThat(text).contains("Keine Ereignisse erfasst.", "Ereignisse in der Kette: 0", "Seite 1 von 1");
    }

    private static String text(byte[] pdf) throws IOException {
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return normalise(text.toString());
        }
    }

    private static String normalise(String text) {
        return text.replaceAll("\\s+", " ");
    }
}
