package nrw.komman.query.readmodel.rebuild;

import nrw.komman.query.common.TableNames;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a rebuild names the next generation of a read model's tables in SQL and in H2's DDL. */
class TableNamesTest {

    private final TableNames current = TableNames.of("activity_view", "volunteer_year_stats");
    private final TableNames generation4 = current.inGeneration(4);

    @Test
    void the_declared_tables_in_braces_are_named_in_the_generation_and_nothing_else_changes() {
        String statement = """
                update {activity_view} set minutes = 1 where activity_id = :id and exists
                  (select 1 from {volunteer_year_stats} v join centre_view c on c.centre_id = v.volunteer_id)""";
        assertThat(generation4.sql(statement))
                .isEqualTo("""
                update activity_view_g4 set minutes = 1 where activity_id = :id and exists
                  (select 1 from volunteer_year_stats_g4 v join centre_view c on c.centre_id = v.volunteer_id)""");
        assertThat(current.sql(statement))
                .isEqualTo("""
                update activity_view set minutes = 1 where activity_id = :id and exists
                  (select 1 from volunteer_year_stats v join centre_view c on c.centre_id = v.volunteer_id)""");
        assertThat(generation4.sql("select * from activity_views, my_activity_view, activity_view, {activity_view}"))
                .isEqualTo("select * from activity_views, my_activity_view, activity_view, activity_view_g4");
        assertThat(generation4.name("volunteer_year_stats")).isEqualTo("volunteer_year_stats_g4");
    }

    @Test
    void a_table_in_braces_that_the_projection_did_not_declare_fails_instead_of_being_written() {
        assertThatThrownBy(() -> generation4.sql("delete from {centre_view}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("centre_view");
        assertThatThrownBy(() -> current.sql("delete from {centre_view}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TableNames.of("Activity_View")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> current.inGeneration(0)).isInstanceOf(IllegalArgumentException.class);
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
