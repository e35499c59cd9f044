package nrw.komman.web.platform.export;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A CSV file that Excel in Germany opens as it is: UTF-8 with a byte order mark, semicolons, CRLF, quoting as in
 * RFC 4180 (the conventions of the grant history's CSV). Text that people typed is guarded against formula
 * injection: a cell starting with {@code = + - @}, a tab or a carriage return gets a leading apostrophe, so a
 * spreadsheet shows it as text instead of running it (OWASP, "CSV Injection").
 */
public final class CsvWriter {

    public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";
    private static final String SEPARATOR = ";";
    private static final String LINE_END = "\r\n";
    private static final String BOM = "\uFEFF";

    private final StringBuilder out = new StringBuilder(BOM);

    /** One line of cells; null is an empty cell. */
    public CsvWriter line(List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(SEPARATOR);
            }
            out.append(cell(cells.get(i)));
        }
        out.append(LINE_END);
        return this;
    }

    public byte[] bytes() {
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One cell: guarded against formulas, then quoted when it holds a separator, a quote or a line break. */
    public static String cell(String value) {
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
