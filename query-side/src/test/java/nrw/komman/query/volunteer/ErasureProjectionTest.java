package nrw.komman.query.volunteer;

import nrw.komman.kernel.activity.FindActivitiesQuery;
import nrw.komman.kernel.activity.ActivityView;
import nrw.komman.kernel.privacy.ErasureReason;
import nrw.komman.kernel.privacy.VolunteerDataErasedEvent;
import nrw.komman.kernel.volunteer.FindVolunteerQuery;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.query.support.History;
import nrw.komman.query.support.ReadSide;
import org.axonframework.eventhandling.EventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static nrw.komman.query.support.ReadSide.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projections on {@link VolunteerDataErasedEvent} (DSGVO Art. 17): every plain copy of the personal data
 * leaves the read models at once, live and in every replay, while ids, dates, minutes and the consent record stay.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ErasureProjectionTest {

    private static final LocalDate ERASED_ON = LocalDate.of(2025, 6, 10);
    /**
     * What the history says only about Amira in plain text: her name, address and the notes of her activities
     * (her availability is the same text as everybody's in the history, so it cannot tell her rows apart).
     */
    private static final List<String> AMIRA_IN_PLAIN_TEXT = List.of("Amira", "Haddad", "amira@example.org",
            "Sprachcafé", "Familie K.", "Jobcenter");

    private final ReadSide readSide = new ReadSide();
    private final History history = new History();

    @BeforeEach
    void given_a_realistic_history() {
        history.record(readSide);
    }

    /** As the erasure command does it for an active volunteer: deactivated, key destroyed, erasure recorded. */
    private void eraseAmira() {
        readSide.deactivate(history.amira, KOELN, ERASED_ON);
        readSide.erase(history.amira, KOELN, ERASED_ON);
    }

    private Map<String, Object> row(String table, VolunteerId id) {
        return readSide.jdbc.queryForMap("select * from " + table + " where volunteer_id = :id", Map.of("id", id.toString()));
    }

    private long count(String sql, VolunteerId id) {
        Long n = readSide.jdbc.queryForObject(sql, Map.of("id", id.toString()), Long.class);
        return n == null ? 0 : n;
    }

    private VolunteerView view(VolunteerId id, nrw.komman.kernel.common.Actor actor) {
        return readSide.volunteers.handle(new FindVolunteerQuery(id), as(actor));
    }

    @Test
    void the_erasure_drops_every_personal_column_and_keeps_ids_dates_consent_and_figures() {
        Map<String, Object> before = row("volunteer_view", history.amira);
        assertThat((String) before.get("sealed_personal_data")).isNotNull().doesNotContain("Amira"); // sealed (ADR 22)
        assertThat(count("select count(*) from activity_view where volunteer_id = :id and sealed_note is not null", history.amira))
                .isEqualTo(2);

        eraseAmira();

        Map<String, Object> after = row("volunteer_view", history.amira);
        // the consent's document too: free text, sealed under the destroyed key (ADR 21)
        assertThat(before.get("consent_document_sealed")).isNotNull();
        for (String column : List.of("sealed_personal_data", "consent_document", "consent_document_sealed")) {
            assertThat(after.get(column)).as(column).isNull();
        }
        assertThat(after.get("erased")).isEqualTo(true);
        assertThat(after.get("status")).isEqualTo("INACTIVE");
        for (String column : List.of("volunteer_id", "centre_id", "registered_on", "consent_version", "consent_given_at")) {
            assertThat(after.get(column)).as(column).isEqualTo(before.get(column));
        }
        assertThat(count("select count(*) from activity_view where volunteer_id = :id and sealed_note is not null", history.amira))
                .isZero();
        assertThat(count("select count(*) from activity_view where volunteer_id = :id", history.amira)).isEqualTo(3);
        assertThat(view(history.amira, COORDINATOR_KOELN).minutesThisYear()).isEqualTo(190);
    }

    @Test
    void no_row_of_any_read_model_holds_a_trace_of_the_erased_volunteer() {
        eraseAmira();

        for (Map.Entry<String, List<Map<String, Object>>> table : History.tables(readSide).entrySet()) {
            for (Map<String, Object> row : table.getValue()) {
                for (String plain : AMIRA_IN_PLAIN_TEXT) {
                    assertThat(String.valueOf(row.values())).as(table.getKey()).doesNotContainIgnoringCase(plain);
                }
            }
        }
    }

    @Test
    void a_replay_after_the_key_was_destroyed_gives_the_same_erased_rows() {
        eraseAmira();
        Map<String, List<Map<String, Object>>> live = History.tables(readSide);
        Map<String, Object> answers = History.answers(readSide);

        readSide.resetAndReplay();

        assertThat(History.tables(readSide)).isEqualTo(live);
        assertThat(History.answers(readSide)).isEqualTo(answers);
    }

    @Test
    void the_hours_and_activity_figures_do_not_change_with_the_erasure() {
        List<Map<String, Object>> centreStats = History.tables(readSide).get("centre_activity_stats");
        List<Map<String, Object>> volunteerStats = History.tables(readSide).get("volunteer_year_stats");
        List<Integer> minutes = koelnLog().stream().map(ActivityView::minutes).toList();

        eraseAmira();

        assertThat(History.tables(readSide).get("centre_activity_stats")).isEqualTo(centreStats);
        assertThat(History.tables(readSide).get("volunteer_year_stats")).isEqualTo(volunteerStats);
        assertThat(koelnLog()).extracting(ActivityView::minutes).containsExactlyElementsOf(minutes);
        assertThat(koelnLog()).filteredOn(a -> a.volunteerId().equals(history.amira)).allSatisfy(a -> {
            assertThat(a.volunteerName()).isNull();
            assertThat(a.note()).isNull();
        });
    }

    private List<ActivityView> koelnLog() {
        return readSide.activities.handle(new FindActivitiesQuery(KOELN, null, null, null, null, 0, 200),
                as(COORDINATOR_KOELN)).items();
    }

    @Test
    void erasing_one_volunteer_leaves_every_other_volunteer_readable() {
        VolunteerView bernd = view(history.bernd, COORDINATOR_KOELN);
        VolunteerView deniz = view(history.deniz, COORDINATOR_DUESSELDORF);
        List<ActivityView> berndsLog = koelnLog().stream().filter(a -> a.volunteerId().equals(history.bernd)).toList();

        eraseAmira();

        assertThat(view(history.bernd, COORDINATOR_KOELN)).isEqualTo(bernd);
        assertThat(view(history.deniz, COORDINATOR_DUESSELDORF)).isEqualTo(deniz);
        assertThat(bernd.name()).isEqualTo("Bernd Müller");
        assertThat(koelnLog().stream().filter(a -> a.volunteerId().equals(history.bernd)).toList()).isEqualTo(berndsLog);
        assertThat(berndsLog).extracting(ActivityView::note).containsExactly("Hausaufgaben Mathe");
    }

    @Test
    void an_erasure_delivered_twice_changes_nothing_more() {
        eraseAmira();
        Map<String, List<Map<String, Object>>> once = History.tables(readSide);
        EventMessage<?> erasure = readSide.recorded().get(readSide.recorded().size() - 1);
        assertThat(erasure.getPayload()).isInstanceOf(VolunteerDataErasedEvent.class);

        readSide.redeliver(erasure);

        assertThat(History.tables(readSide)).isEqualTo(once);
    }

    @Test
    void the_erasure_of_an_unknown_volunteer_is_harmless() {
        Map<String, List<Map<String, Object>>> before = History.tables(readSide);
        VolunteerId stranger = VolunteerId.random();
        readSide.publish(new VolunteerDataErasedEvent(stranger, KOELN, ErasureReason.REQUEST, ERASED_ON), COORDINATOR_KOELN);

        assertThat(History.tables(readSide)).isEqualTo(before);
    }

    @Test
    void a_consent_withdrawal_records_when_and_erases() {
        Instant withdrawnAt = Instant.parse("2025-06-12T08:30:00Z");

        readSide.withdrawConsent(history.amira, KOELN, withdrawnAt, true);

        Map<String, Object> row = row("volunteer_view", history.amira);
        assertThat(((java.time.OffsetDateTime) readSide.jdbc.getJdbcOperations().queryForObject(
                "select consent_withdrawn_at from volunteer_view where volunteer_id = ?", java.time.OffsetDateTime.class,
                history.amira.toString())).toInstant()).isEqualTo(withdrawnAt);
        assertThat(row.get("erased")).isEqualTo(true);
        assertThat(row.get("sealed_personal_data")).isNull();
        assertThat(row.get("consent_version")).isEqualTo("2024-01");
    }

    @Test
    void the_day_of_the_last_deactivation_is_kept_while_inactive_and_cleared_on_reactivation() {
        readSide.deactivate(history.amira, KOELN, LocalDate.of(2025, 5, 3));
        assertThat(row("volunteer_view", history.amira).get("inactive_since")).isNotNull();
        assertThat(readSide.jdbc.getJdbcOperations().queryForObject("select inactive_since from volunteer_view where volunteer_id = ?",
                LocalDate.class, history.amira.toString())).isEqualTo(LocalDate.of(2025, 5, 3));

        readSide.reactivate(history.amira, KOELN);

        assertThat(row("volunteer_view", history.amira).get("inactive_since")).isNull();
        assertThat(row("volunteer_view", history.amira).get("status")).isEqualTo("ACTIVE");
    }
}
