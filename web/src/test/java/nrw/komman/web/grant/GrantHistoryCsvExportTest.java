package nrw.komman.web.grant;

import nrw.komman.web.platform.export.ExportFixtures;
import nrw.komman.kernel.grant.GrantHistory;
import nrw.komman.kernel.grant.GrantHistoryEntry;
import nrw.komman.kernel.grant.GrantId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GrantHistoryCsvExportTest {

    private final GrantHistoryExport export = new GrantHistoryExport(CLOCK);

    @Test
    void the_file_starts_with_a_byte_order_mark_and_ends_every_line_with_crlf() {
        byte[] csv = export.csv(grant(), history(), intact(10));

        assertThat(Arrays.copyOf(csv, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = text(csv);
        assertThat(text).endsWith("\r\n");
        // the parser refuses a bare LF or CR outside quotes, so parsing is the check
        assertThat(parse(text)).isNotEmpty();
        long lineFeeds = text.chars().filter(c -> c == '\n').count();
        long crlfs = text.split("\r\n", -1).length - 1;
        assertThat(lineFeeds).as("every LF follows a CR, but the one inside the quoted reason").isEqualTo(crlfs + 1);
    }

    @Test
    void the_header_block_names_the_grant_and_its_amounts_in_german_format() {
        List<List<String>> records = parse(text(export.csv(grant(), history(), intact(10))));

        Map<String, String> header = block(records, 0);
        assertThat(records.get(0)).containsExactly("Zuwendung", GRANT_ID.toString());
        assertThat(header).containsEntry("Zentrum", "Kommunales Integrationszentrum Köln (05315)")
                .containsEntry("Regierungsbezirk", "Köln")
                .containsEntry("Förderjahr", "2026")
                .containsEntry("Programmteil", "Teil II A – Ankommenstreffpunkte")
                .containsEntry("Titel", ExportFixtures.TITLE)
                .containsEntry("Status", "Abgeschlossen")
                .containsEntry("Beantragt am", "12.01.2026")
                .containsEntry("Beantragt (€)", "25.000,00")
                .containsEntry("Bewilligt (€)", "12.500,00")
                .containsEntry("Ausgezahlt (€)", "12.000,00")
                .containsEntry("Verausgabt (€)", "11.000,50")
                .containsEntry("Zurückgefordert (€)", "999,50")
                .containsEntry("Zurückgezahlt (€)", "500,00");
    }

    @Test
    void the_table_has_every_entry_in_order_with_german_words_berlin_time_and_amounts_before_and_after() {
        List<List<String>> records = parse(text(export.csv(grant(), history(), intact(10))));
        int tableStart = indexAfterEmpty(records, 1);
        List<List<String>> table = records.subList(tableStart, indexAfterEmpty(records, 2) - 1);
        List<GrantHistoryEntry> entries = ExportFixtures.lifecycle();

        assertThat(table.get(0)).containsExactlyElementsOf(GrantHistoryCsv.COLUMNS);
        assertThat(table.get(0).get(1)).isEqualTo("Zeitpunkt (Europe/Berlin)");
        assertThat(table).hasSize(entries.size() + 1);
        for (int i = 0; i < entries.size(); i++) {
            List<String> row = table.get(i + 1);
            assertThat(row).as("row %d", i).hasSize(13);
            assertThat(row.get(0)).isEqualTo(String.valueOf(i + 1));
            assertThat(row.get(2)).isEqualTo(ExportFixtures.LIFECYCLE_IN_GERMAN.get(i));
        }
        // winter time: UTC+1
        assertThat(table.get(2)).containsExactly("2", "20.01.2026 14:05:07", "Geprüft", "bezreg.arnsberg",
                "Bewilligungsbehörde (Bezirksregierung)", "Beantragt", "Geprüft", "", "", "", "", "",
                "förderfähig; Kosten plausibel");
        // summer time: UTC+2; the second tranche: disbursed before and after
        assertThat(table.get(7)).containsExactly("7", "10.07.2026 11:00:00", "Auszahlung", "bezreg.arnsberg",
                "Bewilligungsbehörde (Bezirksregierung)", "Bewilligt", "Bewilligt", "12.500,00", "12.500,00",
                "6.000,00", "12.000,00", "6.000,00", "'@SUM(A1:A2)");
        assertThat(table.get(1)).containsExactly("1", "12.01.2026 09:30:00", "Antrag gestellt", "koordination.koeln",
                "Koordinator*in", "", "Beantragt", "", "", "", "", "25.000,00", "");
        assertThat(table.get(4).subList(5, 13)).containsExactly("Bewilligt", "Bewilligt", "15.000,00", "12.500,00",
                "0,00", "0,00", "12.500,00", "Kürzung wegen Haushaltsmaßnahme\nzweite Zeile");
        assertThat(table.get(8).get(6)).isEqualTo("Verwendungsnachweis eingereicht");
        assertThat(table.get(8).get(11)).isEqualTo("11.000,50");
        assertThat(table.get(10).get(2)).isEqualTo("Rückzahlung");
        assertThat(table.get(10).get(4)).isEqualTo("Bewilligungsbehörde (Bezirksregierung)");
        assertThat(table.get(3).get(4)).isEqualTo("Ministerium");
    }

    @Test
    void cells_that_a_spreadsheet_would_run_as_a_formula_get_a_leading_apostrophe() {
        List<List<String>> records = parse(text(export.csv(grant(), history(), intact(10))));
        int tableStart = indexAfterEmpty(records, 1);

        assertThat(records.get(tableStart + 5).get(3)).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(records.get(tableStart + 5).get(12)).isEqualTo("'+1 Raummiete");
        assertThat(records.get(tableStart + 6).get(12)).isEqualTo("'-2 Tranche 1");
        assertThat(records.get(tableStart + 7).get(12)).isEqualTo("'@SUM(A1:A2)");
        assertThat(records.get(tableStart + 8).get(12)).isEqualTo("'\tTabulator vorn");
        assertThat(records.get(tableStart + 9).get(12)).isEqualTo("Nachweis geprüft; Rückforderung 999,50 €");
    }

    @Test
    void the_grants_own_text_is_guarded_and_quoted_too() {
        String title = "=1+1; \"Café\"\r\nKalk";
        List<List<String>> records = parse(text(export.csv(grant(title), history(), intact(10))));

        assertThat(block(records, 0)).containsEntry("Titel", "'" + title);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "plain|plain",
            "a;b|\"a;b\"",
            "say \"hi\"|\"say \"\"hi\"\"\"",
            "=SUM(A1)|'=SUM(A1)",
            "+49 221|'+49 221",
            "-5|'-5",
            "@cmd|'@cmd",
            "12.500,00|12.500,00",
            "a=b|a=b",
            "`=a;\"b\"`|\"'=a;\"\"b\"\"\"",
            "``|``"})
    void one_cell_is_guarded_then_quoted(String value, String expected) {
        assertThat(GrantHistoryCsv.cell(value)).isEqualTo(expected == null ? "" : expected);
    }

    @Test
    void line_breaks_tabs_and_carriage_returns_are_quoted_or_guarded() {
        assertThat(GrantHistoryCsv.cell("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(GrantHistoryCsv.cell("a\r\nb")).isEqualTo("\"a\r\nb\"");
        assertThat(GrantHistoryCsv.cell("\tx")).isEqualTo("'\tx");
        assertThat(GrantHistoryCsv.cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(GrantHistoryCsv.cell(null)).isEmpty();
    }

    @Test
    void the_verification_block_carries_the_head_the_length_and_the_result() {
        List<List<String>> records = parse(text(export.csv(grant(), history(), intact(10))));
        Map<String, String> verification = block(records, indexAfterEmpty(records, 2));

        assertThat(records.get(indexAfterEmpty(records, 2))).containsExactly("Prüfwert (SHA-256, Kettenkopf)", HEAD);
        assertThat(verification).containsEntry("Ereignisse in der Kette", "10")
                .containsEntry("Kette unverändert", "ja")
                .containsEntry("Geprüft am", "14.03.2026 10:15:00")
                .containsEntry("Erstellt am", "14.03.2026 10:15:30")
                .containsEntry("Nachprüfung", "GET /api/grants/" + GRANT_ID + "/audit-chain?expectedHead=" + HEAD
                        + "&expectedLength=10")
                .doesNotContainKeys("Befund", "Übereinstimmung mit früherem Prüfwert");
        assertThat(records.get(records.size() - 1)).containsExactly("Erstellt am", "14.03.2026 10:15:30");
    }

    @Test
    void a_broken_chain_says_no_and_lists_every_problem() {
        List<List<String>> records = parse(text(export.csv(grant(), history(), ExportFixtures.broken(10))));
        List<List<String>> verification = records.subList(indexAfterEmpty(records, 2), records.size());

        assertThat(verification).contains(List.of("Kette unverändert", "nein"),
                List.of("Übereinstimmung mit früherem Prüfwert", "nein"),
                List.of("Befund", "Ereignis 3 wurde verändert"), List.of("Befund", "Ereignis 5 fehlt"));
    }

    @Test
    void an_intact_chain_that_no_longer_matches_the_earlier_head_is_not_unaltered() {
        var chain = new nrw.komman.kernel.audit.ChainVerification(GRANT_ID, true, 10, HEAD, false, List.of(),
                ExportFixtures.NOW);
        List<List<String>> records = parse(text(export.csv(grant(), history(), chain)));

        assertThat(records).contains(List.of("Kette unverändert", "nein"),
                List.of("Übereinstimmung mit früherem Prüfwert", "nein"));
    }

    @Test
    void an_empty_history_still_has_the_table_header() {
        List<List<String>> records = parse(text(export.csv(grant(), new GrantHistory(GRANT_ID, KOELN, List.of()), intact(0))));
        int tableStart = indexAfterEmpty(records, 1);

        assertThat(records.get(tableStart)).containsExactlyElementsOf(GrantHistoryCsv.COLUMNS);
        assertThat(records.get(tableStart + 1)).containsExactly("");
    }

    @Test
    void the_history_and_the_verification_must_belong_to_the_grant() {
        GrantId other = GrantId.random();
        assertThatThrownBy(() -> export.csv(grant(), new GrantHistory(other, KOELN, ExportFixtures.lifecycle()), intact(10)))
                .isInstanceOf(IllegalArgumentException.class);
        var foreignChain = new nrw.komman.kernel.audit.ChainVerification(other, true, 10, HEAD, null, List.of(),
                ExportFixtures.NOW);
        assertThatThrownBy(() -> export.csv(grant(), history(), foreignChain)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> export.pdf(grant(), history(), foreignChain)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_file_name_is_ascii_with_centre_year_and_the_start_of_the_id() {
        assertThat(export.fileName(grant(), "pdf")).isEqualTo("zuwendung-05315-2026-1a2b3c4d-verlauf.pdf");
        assertThat(export.fileName(grant(), ".CSV")).isEqualTo("zuwendung-05315-2026-1a2b3c4d-verlauf.csv");
        assertThat(export.fileName(grant(), "p/d\"f;ü")).isEqualTo("zuwendung-05315-2026-1a2b3c4d-verlauf.pdf");
    }

    // ---- a strict RFC 4180 reader with semicolons ------------------------------------------------------

    static String text(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return text.substring(1);
    }

    /** Records of fields; refuses a bare CR or LF outside quotes and text after a closing quote. */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        inQuotes = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.isEmpty() && !quoted) {
                inQuotes = true;
                quoted = true;
            } else if (c == ';') {
                record.add(field.toString());
                field.setLength(0);
                quoted = false;
            } else if (c == '\r') {
                if (i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    throw new AssertionError("bare CR at " + i);
                }
                i++;
                record.add(field.toString());
                records.add(record);
                record = new ArrayList<>();
                field.setLength(0);
                quoted = false;
            } else if (c == '\n') {
                throw new AssertionError("bare LF at " + i);
            } else if (quoted) {
                throw new AssertionError("text after a closing quote at " + i);
            } else if (c == '"') {
                throw new AssertionError("quote inside an unquoted field at " + i);
            } else {
                field.append(c);
            }
        }
        if (inQuotes) {
            throw new AssertionError("unclosed quote");
        }
        if (!field.isEmpty() || !record.isEmpty()) {
            throw new AssertionError("last record without CRLF");
        }
        return records;
    }

    /** Label → value of the two-column records from {@code start} up to the next empty line. */
    private static Map<String, String> block(List<List<String>> records, int start) {
        Map<String, String> block = new LinkedHashMap<>();
        for (int i = start; i < records.size() && !records.get(i).equals(List.of("")); i++) {
            assertThat(records.get(i)).as("record %d", i).hasSize(2);
            block.putIfAbsent(records.get(i).get(0), records.get(i).get(1));
        }
        return block;
    }

    /** The index of the record after the {@code n}th empty line. */
    private static int indexAfterEmpty(List<List<String>> records, int n) {
        int seen = 0;
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i).equals(List.of("")) && ++seen == n) {
                return i + 1;
            }
        }
        throw new AssertionError("fewer than " + n + " empty lines");
    }
}
