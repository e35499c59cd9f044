package nrw.komman.query.readmodel.rebuild;

import nrw.komman.query.common.TableNames;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tables of a read model's next generation: created with exactly the structure of the current
 * ones (columns, defaults, keys, indexes, whatever migrations made of them), and renamed into their
 * place at the switch. The structure is copied from the database itself, so no second description
 * of the schema can drift from the Flyway migrations.
 */
final class TableGenerations {

    /** An H2 DDL statement's quoted name of a constraint or index, to be given the generation's suffix. */
    private static final Pattern H2_OBJECT_NAME = Pattern.compile("(ADD CONSTRAINT|INDEX) \"(\\w+)\"\\.\"(\\w+?)(_g\\d+)?\"");
    private final JdbcTemplate jdbc;
    private final boolean postgres;

    TableGenerations(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        String product = jdbc.execute((ConnectionCallback<String>) c -> c.getMetaData().getDatabaseProductName());
        this.postgres = product != null && product.toLowerCase().contains("postgres");
    }

    static String suffix(int generation) {
        return TableNames.suffix(generation);
    }

    boolean postgres() {
        return postgres;
    }

    /** Creates the empty copy {@code <table>_g<generation>} of a current table. */
    void createCopy(String table, int generation) {
        String copy = table + suffix(generation);
        if (postgres) {
            jdbc.execute("create table " + copy + " (like " + table + " including all)");
            return;
        }
        // H2 describes a table by the statements that would create it
        List<String> statements = new ArrayList<>();
        jdbc.query("script nodata table " + table, rs -> {
            String statement = rs.getString(1);
            if (statement.startsWith("CREATE CACHED TABLE") || statement.startsWith("CREATE MEMORY TABLE")
                    || statement.startsWith("ALTER TABLE") || statement.startsWith("CREATE INDEX")
                    || statement.startsWith("CREATE UNIQUE INDEX")) {
                statements.add(renamedForH2(statement, table, generation));
            }
        });
        statements.forEach(jdbc::execute);
    }

    static String renamedForH2(String statement, String table, int generation) {
        String renamed = statement.replace("\"." + '"' + table + '"', "\"." + '"' + table + suffix(generation) + '"');
        Matcher m = H2_OBJECT_NAME.matcher(renamed);
        return m.replaceAll(r -> Matcher.quoteReplacement(
                r.group(1) + " \"" + r.group(2) + "\".\"" + r.group(3) + suffix(generation) + "\""));
    }

    boolean exists(String table) {
        Integer count = jdbc.queryForObject("""
                select count(*) from information_schema.tables
                 where table_name = ? and table_schema = current_schema""", Integer.class, table);
        return count != null && count > 0;
    }

    void drop(String table) {
        jdbc.execute("drop table if exists " + table);
    }

    /** Puts the copy in the place of the current table, whose rows are gone with it. */
    void replace(String table, int generation) {
        String copy = table + suffix(generation);
        if (exists(copy)) { // not yet swapped: this step may be repeated after a crash (H2 commits each DDL)
            drop(table);
            jdbc.execute("alter table " + copy + " rename to " + table);
        }
    }

    /** On PostgreSQL: waits for every transaction that uses the tables and holds off all others until commit. */
    void lockExclusively(List<String> tables) {
        if (postgres && !tables.isEmpty()) {
            jdbc.execute("lock table " + String.join(", ", tables) + " in access exclusive mode");
        }
    }
}
