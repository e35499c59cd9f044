package nrw.komman.web.grant;

import nrw.komman.web.platform.export.ExportWording;
import nrw.komman.kernel.audit.ChainVerification;
import nrw.komman.kernel.grant.GrantHistory;
import nrw.komman.kernel.grant.GrantHistoryEntry;
import nrw.komman.kernel.grant.GrantView;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static nrw.komman.web.platform.export.ExportWording.amount;
import static nrw.komman.web.platform.export.ExportWording.fact;
import static nrw.komman.web.platform.export.ExportWording.text;
import static nrw.komman.web.platform.export.ExportWording.timestamp;

/**
 * A grant's history as a CSV file that Excel in Germany opens as it is: UTF-8 with a byte order mark,
 * semicolons, CRLF, quoting as in RFC 4180. Three blocks separated by an empty line: the grant's data
 * (label;value), the table of events, the verification (label;value).
 *
 * <p>Text that people typed (titles, reasons, account names) is guarded against formula injection: a
 * cell starting with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, so a
 * spreadsheet shows it as text instead of running it (OWASP, "CSV Injection").
 */
final class GrantHistoryCsv {

    static final List<String> COLUMNS = List.of("Nr.", "Zeitpunkt (Europe/Berlin)", "Vorgang", "Konto", "Rolle",
            "Status vorher", "Status nachher", "Bewilligt vorher (€)", "Bewilligt nachher (€)", "Ausgezahlt vorher (€)",
            "Ausgezahlt nachher (€)", "Betrag (€)", "Begründung");

    private static final String SEPARATOR = ";";
    private static final String LINE_END = "\r\n";
    private static final String BOM = "\uFEFF";

    private final StringBuilder out = new StringBuilder(BOM);

    static byte[] render(GrantView grant, GrantHistory history, ChainVerification chain, Instant createdAt) {
        GrantHistoryCsv csv = new GrantHistoryCsv();
        csv.header(grant);
        csv.empty();
        csv.table(history.entries());
        csv.empty();
        csv.verification(grant, chain, createdAt);
        return csv.out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void header(GrantView grant) {
        line("Zuwendung", text(grant.grantId()));
        line("Zentrum", ExportWording.centre(grant));
        line("Regierungsbezirk", ExportWording.region(grant));
        line("Förderjahr", String.valueOf(grant.fundingYear()));
        line("Programmteil", ExportWording.part(grant.programmePart()));
        line("Titel", text(grant.title()));
        line("Status", ExportWording.status(grant.status()));
        line("Beantragt am", ExportWording.date(grant.appliedOn()));
        line("Beantragt (€)", amount(grant.requestedAmount()));
        line("Bewilligt (€)", amount(grant.approvedAmount()));
        line("Ausgezahlt (€)", amount(grant.disbursedAmount()));
        line("Verausgabt (€)", amount(grant.spentAmount()));
        line("Zurückgefordert (€)", amount(grant.repaymentDemanded()));
        line("Zurückgezahlt (€)", amount(grant.repaidAmount()));
    }

    private void table(List<GrantHistoryEntry> entries) {
        line(COLUMNS.toArray(String[]::new));
        for (GrantHistoryEntry e : entries) {
            line(String.valueOf(GrantHistoryExport.number(e)), timestamp(e.occurredAt()), fact(e.fact()),
                    text(e.actorAccount()), ExportWording.role(e.actorRole()), ExportWording.status(e.statusBefore()),
                    ExportWording.status(e.statusAfter()), amount(e.approvedBefore()), amount(e.approvedAfter()),
                    amount(e.disbursedBefore()), amount(e.disbursedAfter()), amount(e.amount()), text(GrantHistoryExport.reason(e)));
        }
    }

    private void verification(GrantView grant, ChainVerification chain, Instant createdAt) {
        line("Prüfwert (SHA-256, Kettenkopf)", text(chain.head()));
        line("Ereignisse in der Kette", String.valueOf(chain.length()));
        line("Kette unverändert", ExportWording.yesNo(chain.verified()));
        if (chain.matchesExpected() != null) {
            line("Übereinstimmung mit früherem Prüfwert", ExportWording.yesNo(chain.matchesExpected()));
        }
        if (chain.problems() != null) {
            for (String problem : chain.problems()) {
                line("Befund", text(problem));
            }
        }
        line("Geprüft am", timestamp(chain.verifiedAt()));
        line("Nachprüfung", ExportWording.checkCall(grant.grantId(), chain.head(), chain.length()));
        line("Erstellt am", timestamp(createdAt));
    }

    private void empty() {
        out.append(LINE_END);
    }

    private void line(String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(SEPARATOR);
            }
            out.append(cell(cells[i]));
        }
        out.append(LINE_END);
    }

    /** One cell: guarded against formulas, then quoted when it holds a separator, a quote or a line break. */
    static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(SEPARATOR) || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
