package nrw.komman.query.common;

import nrw.komman.kernel.activity.FindActivitiesQuery;
import nrw.komman.kernel.volunteer.FindVolunteersQuery;
import nrw.komman.query.activity.ActivityQueries;
import nrw.komman.query.support.ReadSide;
import nrw.komman.query.support.TestDatabase;
import nrw.komman.query.volunteer.VolunteerQueries;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MigrationTest {

    private static String migration(String file) throws IOException {
        try (InputStream in = MigrationTest.class.getResourceAsStream("/db/migration/common/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"V20__read_models.sql", "V21__grant_lifecycle_and_budgets.sql", "V22__consent_withdrawal.sql",
            "V23__volunteer_inactive_since.sql", "V24__report_jobs.sql", "V32__grant_codes_not_words.sql"})
    void the_migration_uses_only_the_portable_sql_of_the_conventions(String file) throws IOException {
        String sql = migration(file).toLowerCase(Locale.ROOT).replaceAll("--[^\\n]*", "");

        assertThat(sql).doesNotContainPattern("\\btext\\b")
                .doesNotContainPattern("\\bserial\\b")
                .doesNotContain("on conflict")
                .doesNotContain("clob")
                .doesNotContain("double")
                .doesNotContain("real ")
                .doesNotContain("numeric")
                .doesNotContain("decimal");
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
        String sql = migration("V20__read_models.sql").toLowerCase(Locale.ROOT);

        assertThat(sql).contains("on activity_view (centre_id, activity_date desc")
                .contains("on activity_view (volunteer_id, activity_date)")
                .contains("on volunteer_view (centre_id, status)");
    }

    @Test
    void grants_projected_before_v21_start_with_nothing_disbursed_requested_or_repaid() {
        DataSource dataSource = TestDatabase.create("20");
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
        jdbc.getJdbcOperations().update("""
                insert into grant_view (grant_id, centre_id, region, funding_year, programme_part, title, purpose, status,
                                        requested_cents, approved_cents, applied_on, next_step, last_sequence)
                values ('00000000-0000-0000-0000-000000000001', '05315', 'KOELN', 2025, 'PART_I', 'T', 'Z', 'APPROVED',
                        100000, 90000, date '2025-01-10', 'Mittelabruf möglich', 2)""");

        TestDatabase.migrate(dataSource);

        Map<String, Object> row = jdbc.getJdbcOperations().queryForMap("""
                select disbursed_cents, funds_requested_cents, repaid_cents, spent_cents, repayment_demanded_cents
                  from grant_view""");
        assertThat(((Number) row.get("disbursed_cents")).longValue()).isZero();
        assertThat(((Number) row.get("funds_requested_cents")).longValue()).isZero();
        assertThat(((Number) row.get("repaid_cents")).longValue()).isZero();
        assertThat(row.get("spent_cents")).isNull();
        assertThat(row.get("repayment_demanded_cents")).isNull();
    }

    @Test
    void volunteers_projected_before_v22_keep_their_rows_with_no_withdrawal_and_no_inactivity_date() {
        DataSource dataSource = TestDatabase.create("21");
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
        jdbc.getJdbcOperations().update("""
                insert into volunteer_view (volunteer_id, centre_id, name, status, registered_on, consent_document,
                                            consent_version, consent_given_at, erased)
                values ('00000000-0000-0000-0000-000000000002', '05315', 'A', 'INACTIVE', date '2024-01-01', 'E', '1',
                        timestamp with time zone '2024-01-01 10:00:00+00', false)""");

        TestDatabase.migrate(dataSource);

        Map<String, Object> row = jdbc.getJdbcOperations().queryForMap(
                "select status, consent_withdrawn_at, inactive_since from volunteer_view");
        assertThat(row.get("status")).isEqualTo("INACTIVE");
        assertThat(row.get("consent_withdrawn_at")).isNull();
        assertThat(row.get("inactive_since")).isNull();
    }

    @Test
    void v35_drops_every_plain_copy_of_personal_data_and_the_rows_before_answer_without_it_until_a_rebuild() {
        DataSource dataSource = TestDatabase.create("32");
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
        jdbc.getJdbcOperations().update("""
                insert into centre_view (centre_id, name, centre_type, region, established_on)
                values ('05315', 'Stadt Köln', 'Kreisfreie Stadt', 'KOELN', date '2013-01-01')""");
        jdbc.getJdbcOperations().update("""
                insert into volunteer_view (volunteer_id, centre_id, name, email, phone, availability, status, registered_on,
                                            consent_document, consent_version, consent_given_at, erased)
                values ('00000000-0000-0000-0000-000000000001', '05315', 'Amira Haddad', 'amira@example.org', null, 'abends',
                        'ACTIVE', date '2024-01-01', 'E', '1', timestamp with time zone '2024-01-01 10:00:00+00', false),
                       ('00000000-0000-0000-0000-000000000002', '05315', null, null, null, null,
                        'INACTIVE', date '2024-01-01', 'E', '1', timestamp with time zone '2024-01-01 10:00:00+00', true)""");
        jdbc.getJdbcOperations().update(
                "insert into volunteer_language (volunteer_id, language_code) values ('00000000-0000-0000-0000-000000000001', 'ar')");
        jdbc.getJdbcOperations().update("""
                insert into activity_view (activity_id, volunteer_id, centre_id, activity_date, minutes, category, note,
                                           withdrawn, corrected, logged_at)
                values ('00000000-0000-0000-0000-0000000000a1', '00000000-0000-0000-0000-000000000001', '05315',
                        date '2024-02-01', 60, 'OTHER', 'Termin mit Amira', false, false,
                        timestamp with time zone '2024-02-01 10:00:00+00')""");

        TestDatabase.migrate(dataSource);

        List<String> columns = jdbc.getJdbcOperations().queryForList("""
                select lower(column_name) from information_schema.columns
                 where lower(table_name) in ('volunteer_view', 'activity_view')""", String.class);
        assertThat(columns).contains("sealed_personal_data", "sealed_note").doesNotContain("name", "email", "phone", "availability", "note");
        assertThat(jdbc.getJdbcOperations().queryForList(
                "select lower(table_name) from information_schema.tables where lower(table_name) in ('volunteer_language', 'volunteer_interest')",
                String.class)).isEmpty();
        assertThat(jdbc.getJdbcOperations().queryForList("select * from volunteer_view order by volunteer_id").toString())
                .doesNotContain("Amira", "amira@", "abends");
        assertThat(jdbc.getJdbcOperations().queryForList("select * from activity_view").toString()).doesNotContain("Amira");
        // until the rebuild the rows answer without personal data: not erased, the erased one still erased
        ReadSide readSide = new ReadSide();
        var volunteers = new VolunteerQueries(jdbc, readSide.vault, ReadSide.CLOCK);
        var page = volunteers.handle(new FindVolunteersQuery(ReadSide.KOELN, null, null, null, null, 0, 10),
                ReadSide.as(ReadSide.COORDINATOR_KOELN));
        assertThat(page.items()).extracting(v -> v.volunteerId().toString() + " " + v.name() + " " + v.erased())
                .containsExactly("00000000-0000-0000-0000-000000000001 null false", "00000000-0000-0000-0000-000000000002 null true");
        var log = new ActivityQueries(jdbc, readSide.vault).handle(
                new FindActivitiesQuery(ReadSide.KOELN, null, null, null, null, 0, 10),
                ReadSide.as(ReadSide.COORDINATOR_KOELN));
        assertThat(log.items()).singleElement().satisfies(a -> {
            assertThat(a.minutes()).isEqualTo(60);
            assertThat(a.note()).isNull();
        });
    }

    @Test
    void grants_projected_before_v32_keep_working_with_codes_instead_of_the_german_words() {
        DataSource dataSource = TestDatabase.create("24");
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
        Map<String, String> steps = Map.of(
                "00000000-0000-0000-0000-000000000001", "Prüfung durch die Bezirksregierung",
                "00000000-0000-0000-0000-000000000002", "Entscheidung des Ministeriums",
                "00000000-0000-0000-0000-000000000003", "Auszahlung durch die Bezirksregierung",
                "00000000-0000-0000-0000-000000000004", "Mittelabruf möglich",
                "00000000-0000-0000-0000-000000000005", "Verwendungsnachweis einreichen",
                "00000000-0000-0000-0000-000000000006", "Prüfung des Verwendungsnachweises",
                "00000000-0000-0000-0000-000000000007", "Rückzahlung von 12.345,67 €",
                "00000000-0000-0000-0000-000000000008", "—",
                "00000000-0000-0000-0000-000000000009", "REVIEW");
        steps.forEach((id, step) -> jdbc.update("""
                insert into grant_view (grant_id, centre_id, region, funding_year, programme_part, title, purpose, status,
                                        requested_cents, applied_on, next_step, last_sequence)
                values (:id, '05315', 'KOELN', 2025, 'PART_I', 'T', 'Z', 'APPLIED', 100000, date '2025-01-10', :step, 0)""",
                Map.of("id", id, "step", step)));
        List<String> facts = List.of("Antrag gestellt", "Geprüft", "Bewilligt", "Abgelehnt", "Zurückgezogen",
                "Änderungsbescheid", "Mittelabruf", "Auszahlung", "Verwendungsnachweis", "Abgeschlossen", "Rückzahlung",
                "APPLIED");
        for (int i = 0; i < facts.size(); i++) {
            jdbc.update("""
                    insert into grant_history (grant_id, sequence_number, centre_id, fact, occurred_at, status_after)
                    values ('00000000-0000-0000-0000-000000000001', :sequence, '05315', :fact,
                            timestamp with time zone '2025-01-10 10:00:00+00', 'APPLIED')""",
                    Map.of("sequence", i, "fact", facts.get(i)));
        }

        TestDatabase.migrate(dataSource);

        assertThat(jdbc.getJdbcOperations().queryForList("select next_step from grant_view order by grant_id", String.class))
                .containsExactly("REVIEW", "DECISION", "DISBURSEMENT", "REQUEST_FUNDS", "USAGE_REPORT", "REPORT_CHECK",
                        "REPAYMENT", "NONE", "REVIEW");
        assertThat(jdbc.getJdbcOperations().queryForList("select fact from grant_history order by sequence_number", String.class))
                .containsExactly("APPLIED", "REVIEWED", "APPROVED", "REJECTED", "WITHDRAWN", "AMENDED", "FUNDS_REQUESTED",
                        "DISBURSED", "USAGE_REPORTED", "CLOSED", "REPAID", "APPLIED");
    }
    @Test
    void grants_projected_before_v46_get_the_default_due_date_and_their_tranches_from_the_history() {
        DataSource dataSource = TestDatabase.create("41");
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(dataSource);
        jdbc.getJdbcOperations().update("""
                insert into grant_view (grant_id, centre_id, region, funding_year, programme_part, title, purpose, status,
                                        requested_cents, approved_cents, applied_on, next_step, last_sequence)
                values ('00000000-0000-0000-0000-000000000001', '05315', 'KOELN', 2025, 'PART_I', 'T', 'Z', 'APPROVED',
                        100000, 90000, date '2025-01-10', 'REQUEST_FUNDS', 5),
                       ('00000000-0000-0000-0000-000000000002', '05315', 'KOELN', 2025, 'PART_I', 'T', 'Z', 'APPLIED',
                        100000, null, date '2025-01-10', 'REVIEW', 0)""");
        String grant = "00000000-0000-0000-0000-000000000001";
        Object[][] history = {
                {3, "DISBURSED", 40000L, "Tranche 1, ausgezahlt am 10.04.2025"},
                {4, "FUNDS_REQUESTED", 20000L, "Honorare"},
                {5, "DISBURSED", 20000L, "Tranche 2, ausgezahlt am 01.09.2025"}};
        for (Object[] fact : history) {
            jdbc.update("""
                    insert into grant_history (grant_id, sequence_number, centre_id, fact, occurred_at, status_after,
                                               amount_cents, reason)
                    values (:grantId, :sequence, '05315', :fact, timestamp with time zone '2025-09-01 10:00:00+00', 'APPROVED',
                            :amount, :reason)""",
                    Map.of("grantId", grant, "sequence", fact[0], "fact", fact[1], "amount", fact[2], "reason", fact[3]));
        }

        TestDatabase.migrate(dataSource);

        assertThat(jdbc.getJdbcOperations().queryForList(
                "select usage_report_due from grant_view order by grant_id", java.sql.Date.class))
                .extracting(d -> d == null ? null : d.toLocalDate())
                .containsExactly(java.time.LocalDate.of(2026, 6, 30), null);
        assertThat(jdbc.getJdbcOperations().queryForList(
                "select tranche, amount_cents, disbursed_on, spent_reported_on, spending_overdue from grant_tranche order by tranche"))
                .extracting(r -> r.get("tranche") + " " + r.get("amount_cents") + " " + r.get("disbursed_on") + " "
                        + r.get("spent_reported_on") + " " + r.get("spending_overdue"))
                .containsExactly("1 40000 2025-04-10 null false", "2 20000 2025-09-01 null false");
        assertThat(jdbc.getJdbcOperations().queryForObject(
                "select count(*) from grant_view where usage_report_overdue or review_overdue or decision_overdue", Integer.class))
                .isZero();
    }
}
