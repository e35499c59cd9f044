package nrw.komman.app.support;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads every column of every row of every table of the application's schema, as the database hands them out
 * through SQL, and looks for given texts: in binary columns (events, snapshots, tokens, keys) in the raw bytes
 * (UTF-8, exact and ASCII case-folded) and in their UTF-8 reading; in every other column in its text, ignoring case.
 * The tables come from the database's own catalogue ({@code information_schema.tables} of the current schema), so
 * a table added later is scanned without anyone remembering to list it.
 *
 * <p>What SQL cannot see is out of reach: row versions that PostgreSQL keeps until VACUUM, or pages H2 has not
 * compacted yet, can still hold old bytes in the database files (see docs/records-of-processing.md).
 */
public final class RawTables {

    private RawTables() {
    }

    /** One place where a text was found. */
    public record Hit(String table, String column, String needle) {
    }

    /** What a scan read and what it found. */
    public record Scan(Map<String, Long> rowsByTable, long cells, List<Hit> hits) {

        public Set<String> tables() {
            return rowsByTable.keySet();
        }
    }

    /** The base tables of the connection's current schema, lower-case, sorted. */
    public static List<String> tables(JdbcTemplate jdbc) {
        return jdbc.execute((ConnectionCallback<List<String>>) RawTables::tables);
    }

    public static Scan scan(JdbcTemplate jdbc, Collection<String> needles) {
        List<String> texts = needles.stream().filter(n -> n != null && !n.isBlank()).toList();
        if (texts.isEmpty()) {
            throw new IllegalArgumentException("nothing to look for");
        }
        return jdbc.execute((ConnectionCallback<Scan>) c -> scan(c, texts));
    }

    private static List<String> tables(Connection c) throws SQLException {
        String schema = c.getSchema();
        List<String> tables = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                select table_name from information_schema.tables
                 where lower(table_schema) = lower(?) and table_type = 'BASE TABLE'
                 order by table_name""")) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("no tables in schema " + schema);
        }
        return tables;
    }

    private static Scan scan(Connection c, List<String> needles) throws SQLException {
        Map<String, Long> rows = new TreeMap<>();
        Set<Hit> hits = new LinkedHashSet<>();
        long cells = 0;
        for (String table : tables(c)) {
            long count = 0;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select * from \"" + table.replace("\"", "\"\"") + "\"")) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    count++;
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        cells++;
                        String column = meta.getColumnName(i);
                        if (isBinary(meta.getColumnType(i))) {
                            byte[] bytes = rs.getBytes(i);
                            if (bytes != null) {
                                for (String needle : needles) {
                                    if (containsBytes(bytes, needle)) {
                                        hits.add(new Hit(table, column, needle));
                                    }
                                }
                            }
                        } else {
                            String text = rs.getString(i);
                            if (text != null) {
                                String folded = text.toLowerCase(Locale.ROOT);
                                for (String needle : needles) {
                                    if (folded.contains(needle.toLowerCase(Locale.ROOT))) {
                                        hits.add(new Hit(table, column, needle));
                                    }
                                }
                            }
                        }
                    }
                }
            }
            rows.put(table.toLowerCase(Locale.ROOT), count);
        }
        return new Scan(rows, cells, List.copyOf(hits));
    }

    private static boolean isBinary(int type) {
        return type == Types.BINARY || type == Types.VARBINARY || type == Types.LONGVARBINARY || type == Types.BLOB;
    }

    /** The needle's UTF-8 bytes in the raw bytes, exactly or ASCII case-folded, or in the bytes read as UTF-8. */
    public static boolean containsBytes(byte[] haystack, String needle) {
        byte[] exact = needle.getBytes(StandardCharsets.UTF_8);
        if (indexOf(haystack, exact) >= 0 || indexOf(asciiLower(haystack), asciiLower(exact)) >= 0) {
            return true;
        }
        return new String(haystack, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).contains(needle.toLowerCase(Locale.ROOT));
    }

    private static byte[] asciiLower(byte[] bytes) {
        byte[] lower = bytes.clone();
        for (int i = 0; i < lower.length; i++) {
            if (lower[i] >= 'A' && lower[i] <= 'Z') {
                lower[i] = (byte) (lower[i] + ('a' - 'A'));
            }
        }
        return lower;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
