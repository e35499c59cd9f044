package nrw.komman.query.common;

import nrw.komman.query.support.ReadSide;
import nrw.komman.query.support.TestDatabase;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MigrationTest {

    private static String migration() throws IOException {
        try (InputStream in = MigrationTest.class.getResourceAsStream("/db/migration/common/V20__read_models.sql")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void the_migration_uses_only_the_portable_sql_of_the_conventions() throws IOException {
        String sql = migration().toLowerCase(Locale.ROOT).replaceAll("--[^\\n]*", "");

        assertThat(sql).doesNotContainPattern("\\btext\\b")
                .doesNotContainPattern("\\bserial\\b")
                .doesNotContain("on conflict")
                .doesNotContain("clob")
                .doesNotContain("double")
                .doesNotContain("real ");
    }

    @Test
    void the_migration_creates_every_read_model_table() {
        NamedParameterJdbcTemplate jdbc = TestDatabase.jdbc();
        List<String> tables = jdbc.queryForList(
                "select lower(table_name) from information_schema.tables"
                        + " where table_schema = current_schema and lower(table_name) in (:names)",
                Map.of("names", ReadSide.TABLES), String.class);
        assertThat(tables).containsExactlyInAnyOrderElementsOf(ReadSide.TABLES);
    }

    @Test
    void the_activity_log_is_indexed_by_centre_and_date_and_by_volunteer_and_the_roster_by_centre() throws IOException {
        String sql = migration().toLowerCase(Locale.ROOT);

        assertThat(sql).contains("on activity_view (centre_id, activity_date desc")
                .contains("on activity_view (volunteer_id, activity_date)")
                .contains("on volunteer_view (centre_id, status)");
    }
}
