package nrw.komman.query.readmodel;

import nrw.komman.app.support.EmbeddedPostgresServer;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pages coordinators open most come out of an index in the order they are shown, so a page costs
 * the same for a small centre as for a large one (docs/performance.md, query latency); the roster, whose
 * names are sealed (ADR 22), reads one centre's rows through its index and is ordered in memory. Checked on the
 * plans PostgreSQL makes for the migrated schema with a few thousand rows per centre.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class QueryPlansOnPostgresTest {

    private static JdbcTemplate jdbc;

    @BeforeAll
    static void a_migrated_database_with_three_centres() {
        SingleConnectionDataSource dataSource = new SingleConnectionDataSource(EmbeddedPostgresServer.newDatabaseUrl(),
                "postgres", "postgres", true);
        Flyway.configure().dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.update("""
                insert into volunteer_view (volunteer_id, centre_id, sealed_personal_data, status, registered_on, erased)
                select lpad(i::text, 36, '0'), '05' || lpad((i % 20)::text, 3, '0'), md5(i::text),
                       case when i % 7 = 0 then 'INACTIVE' else 'ACTIVE' end, date '2024-01-01', false
                  from generate_series(1, 6000) i""");
        jdbc.update("""
                insert into activity_view (activity_id, volunteer_id, centre_id, activity_date, minutes, category,
                                           withdrawn, corrected, logged_at)
                select lpad(i::text, 36, '0'), lpad((i % 6000 + 1)::text, 36, '0'), (array['05315', '05111', '05913'])[1 + i % 3],
                       date '2023-01-01' + (i % 1000), 30, 'OTHER', false, false, timestamp with time zone '2024-01-01 10:00:00+01'
                  from generate_series(1, 60000) i""");
        jdbc.execute("analyze volunteer_view");
        jdbc.execute("analyze activity_view");
    }

    private static String plan(String sql) {
        List<String> lines = jdbc.queryForList("explain " + sql, String.class);
        return String.join("\n", lines);
    }

    @Test
    void the_roster_of_a_centre_is_read_through_the_index_on_centre_and_status() {
        // the names are sealed (ADR 22): a roster query reads the centre's rows and orders them in memory
        String plan = plan("""
                select v.volunteer_id, v.sealed_personal_data from volunteer_view v where v.centre_id = '05001'""");

        assertThat(plan).contains("ix_volunteer_view_centre_status").doesNotContain("Seq Scan");
    }

    @Test
    void a_page_of_the_activity_log_is_read_newest_first_from_an_index_not_sorted() {
        String plan = plan("""
                select a.activity_id from activity_view a where a.centre_id = '05315'
                 order by a.activity_date desc, a.logged_at desc, a.activity_id limit 50 offset 150""");

        assertThat(plan).contains("ix_activity_view_centre_date").doesNotContain("Seq Scan");
    }

    @Test
    void the_dashboard_sums_one_year_of_one_centre_through_the_date_index() {
        String plan = plan("""
                select extract(month from a.activity_date), a.category, count(*), sum(a.minutes) from activity_view a
                 where a.centre_id = '05315' and a.activity_date between date '2025-01-01' and date '2025-06-30' and not a.withdrawn
                 group by extract(month from a.activity_date), a.category""");

        assertThat(plan).contains("ix_activity_view_centre_date").doesNotContain("Seq Scan");
    }
}
