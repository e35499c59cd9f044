package nrw.komman.query.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one place through which a projection's SQL names the tables it writes. A statement spells such
 * a table in braces, {@code update {centre_view} set ...}, and {@link #sql} puts in the table's name in
 * this generation: the name itself for the live projection, {@code centre_view_g3} for the copy a
 * rebuild fills (ADR 11, 17). Only a declared table in braces is replaced, so nothing else in a
 * statement can change; braces around an undeclared name fail at once instead of writing elsewhere.
 */
public final class TableNames {

    /** Statements are text constants, so their number is small; more means a statement built from values. */
    private static final int MAX_REMEMBERED = 256;
    private final List<String> tables;
    /** 0: the current tables, under their own names. */
    private final int generation;
    private final Map<String, String> resolved = new ConcurrentHashMap<>();

    private TableNames(List<String> tables, int generation) {
        this.tables = tables;
        this.generation = generation;
    }

    /** The current generation of the tables a projection writes, spelled as the migrations create them (lower case). */
    public static TableNames of(String... tables) {
        if (tables.length == 0) {
            throw new IllegalArgumentException("A projection that takes part in rebuilds writes at least one table");
        }
        List<String> names = new ArrayList<>();
        for (String table : tables) {
            if (!isName(table) || names.contains(table)) {
                throw new IllegalArgumentException("Not a table name, or named twice: " + table);
            }
            names.add(table);
        }
        return new TableNames(List.copyOf(names), 0);
    }

    /** The same tables in a rebuild's generation (1, 2, ...): each name with the generation's suffix. */
    public TableNames inGeneration(int generation) {
        if (generation < 1) {
            throw new IllegalArgumentException("Generations of a rebuild count from 1: " + generation);
        }
        return new TableNames(tables, generation);
    }

    /** What a generation adds to a table's name, {@code _g3}; processor names of a rebuild use it too. */
    public static String suffix(int generation) {
        return "_g" + generation;
    }

    /** The tables as the migrations name them, in the order declared. */
    public List<String> tables() {
        return tables;
    }

    public int generation() {
        return generation;
    }

    /** A declared table's name in this generation. */
    public String name(String table) {
        if (!tables.contains(table)) {
            throw new IllegalArgumentException("Not one of the tables " + tables + ": " + table);
        }
        return generation == 0 ? table : table + suffix(generation);
    }

    /** The statement with every {@code {table}} replaced by that table's name in this generation. */
    public String sql(String statement) {
        String known = resolved.get(statement);
        if (known != null) {
            return known;
        }
        String sql = resolve(statement);
        if (resolved.size() < MAX_REMEMBERED) {
            resolved.put(statement, sql);
        }
        return sql;
    }

    private String resolve(String statement) {
        StringBuilder sql = new StringBuilder(statement.length() + 16);
        int from = 0;
        for (int open = statement.indexOf('{'); open >= 0; open = statement.indexOf('{', from)) {
            int close = statement.indexOf('}', open);
            String inside = close < 0 ? "" : statement.substring(open + 1, close);
            if (!isName(inside)) { // not a table in braces (none of this project's statements has other braces)
                sql.append(statement, from, open + 1);
                from = open + 1;
                continue;
            }
            sql.append(statement, from, open).append(name(inside));
            from = close + 1;
        }
        return sql.append(statement, from, statement.length()).toString();
    }

    /** A lower-case SQL name: a letter, then letters, digits and underscores. */
    private static boolean isName(String text) {
        if (text.isEmpty() || text.charAt(0) < 'a' || text.charAt(0) > 'z') {
            return false;
        }
        for (int i = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TableNames that && generation == that.generation && tables.equals(that.tables);
    }

    @Override
    public int hashCode() {
        return 31 * tables.hashCode() + generation;
    }

    @Override
    public String toString() {
        return generation == 0 ? tables.toString() : tables + " in generation " + generation;
    }
}
