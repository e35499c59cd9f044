package nrw.komman.query.readmodel.rebuild;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** How a rebuild names the next generation of a read model's tables in SQL and in H2's DDL. */
class TableNamesTest {

    private final RedirectingDataSource redirected = new RedirectingDataSource(mock(DataSource.class),
            List.of("activity_view", "volunteer_year_stats"), "_g4");

    @Test
    void the_tables_are_renamed_as_whole_words_only() {
        assertThat(redirected.redirect("""
                update activity_view set minutes = 1 where activity_id = :id and exists
                  (select 1 from volunteer_year_stats v join centre_view c on c.centre_id = v.volunteer_id)"""))
                .isEqualTo("""
                update activity_view_g4 set minutes = 1 where activity_id = :id and exists
                  (select 1 from volunteer_year_stats_g4 v join centre_view c on c.centre_id = v.volunteer_id)""");
        assertThat(redirected.redirect("select * from activity_views, my_activity_view, ACTIVITY_VIEW"))
                .isEqualTo("select * from activity_views, my_activity_view, ACTIVITY_VIEW_g4");
    }

    @Test
    void h2_ddl_gets_the_generation_on_the_table_its_constraints_and_indexes_replacing_an_earlier_one() {
        assertThat(TableGenerations.renamedForH2("""
                CREATE CACHED TABLE "public"."activity_view"("activity_id" CHARACTER(36) NOT NULL)""", "activity_view", 5))
                .isEqualTo("""
                CREATE CACHED TABLE "public"."activity_view_g5"("activity_id" CHARACTER(36) NOT NULL)""");
        assertThat(TableGenerations.renamedForH2("""
                ALTER TABLE "public"."activity_view" ADD CONSTRAINT "public"."pk_activity_view_g4" PRIMARY KEY("activity_id")""",
                "activity_view", 5))
                .isEqualTo("""
                ALTER TABLE "public"."activity_view_g5" ADD CONSTRAINT "public"."pk_activity_view_g5" PRIMARY KEY("activity_id")""");
        assertThat(TableGenerations.renamedForH2("""
                CREATE INDEX "public"."ix_activity_view_centre_date" ON "public"."activity_view"("centre_id", "activity_date" DESC)""",
                "activity_view", 5))
                .isEqualTo("""
                CREATE INDEX "public"."ix_activity_view_centre_date_g5" ON "public"."activity_view_g5"("centre_id", "activity_date" DESC)""");
    }
}
