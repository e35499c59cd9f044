package nrw.komman.query.activity;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.ActivityLoggedEvent;
import nrw.komman.kernel.activity.ActivityPage;
import nrw.komman.kernel.activity.ActivityView;
import nrw.komman.kernel.activity.FindActivitiesQuery;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.ministry.FetchMinistryOverviewQuery;
import nrw.komman.kernel.ministry.Figures;
import nrw.komman.kernel.volunteer.FindVolunteerQuery;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.query.support.History;
import nrw.komman.query.support.ReadSide;
import org.axonframework.eventhandling.DomainEventMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static nrw.komman.kernel.activity.ActivityCategory.*;
import static nrw.komman.query.support.ReadSide.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ActivityProjectionTest {

    private final ReadSide readSide = new ReadSide();
    private VolunteerId amira;
    private VolunteerId bernd;

    @BeforeEach
    void given_two_volunteers_of_koeln() {
        readSide.establishSomeCentres();
        amira = readSide.register(KOELN, "Amira Haddad", "amira@example.org", Set.of("ar"), Set.of(), LocalDate.of(2024, 1, 1));
        bernd = readSide.register(KOELN, "Bernd Müller", "bernd@example.org", Set.of("de"), Set.of(), LocalDate.of(2024, 1, 1));
    }

    private ActivityPage log(FindActivitiesQuery query) {
        return readSide.activities.handle(query, as(COORDINATOR_KOELN));
    }

    private ActivityPage all() {
        return log(new FindActivitiesQuery(KOELN, null, null, null, null, 0, 200));
    }

    private VolunteerView volunteer(VolunteerId id) {
        return readSide.volunteers.handle(new FindVolunteerQuery(id), as(COORDINATOR_KOELN));
    }

    private Figures koeln(int year) {
        return readSide.ministry.handle(new FetchMinistryOverviewQuery(year), as(MINISTRY)).centres().stream()
                .filter(c -> c.centreId().equals(KOELN)).findFirst().orElseThrow().figures();
    }

    @Test
    void a_logged_activity_appears_with_the_volunteers_name_the_opened_note_and_the_time_it_was_logged() {
        ActivityId id = ActivityId.random();
        GrantId grant = GrantId.random();
        Instant loggedAt = Instant.parse("2025-03-04T16:30:00Z");
        readSide.publishAt(new ActivityLoggedEvent(id, amira, KOELN, LocalDate.of(2025, 3, 4), 90, ACCOMPANIMENT,
                readSide.vault.sealText(amira, "Begleitung zum Ausländeramt"), grant), COORDINATOR_KOELN, loggedAt);

        assertThat(all().items()).containsExactly(new ActivityView(id, amira, KOELN, "Amira Haddad",
                LocalDate.of(2025, 3, 4), 90, ACCOMPANIMENT, "Begleitung zum Ausländeramt", grant, false, false, loggedAt));
    }

    @Test
    void the_log_is_newest_first_and_filters_by_volunteer_period_inclusive_and_category() {
        ActivityId a1 = readSide.log(amira, KOELN, LocalDate.of(2025, 1, 10), 60, LANGUAGE_SUPPORT, null);
        ActivityId a2 = readSide.log(amira, KOELN, LocalDate.of(2025, 2, 10), 30, ACCOMPANIMENT, null);
        ActivityId b1 = readSide.log(bernd, KOELN, LocalDate.of(2025, 2, 28), 120, EDUCATION, null);
        ActivityId b2 = readSide.log(bernd, KOELN, LocalDate.of(2025, 3, 1), 45, LANGUAGE_SUPPORT, null);

        assertThat(all().items()).extracting(ActivityView::activityId).containsExactly(b2, b1, a2, a1);
        assertThat(log(new FindActivitiesQuery(KOELN, amira, null, null, null, 0, 10)).items())
                .extracting(ActivityView::activityId).containsExactly(a2, a1);
        assertThat(log(new FindActivitiesQuery(KOELN, null, LocalDate.of(2025, 2, 10), LocalDate.of(2025, 2, 28), null, 0, 10)).items())
                .extracting(ActivityView::activityId).containsExactly(b1, a2);
        assertThat(log(new FindActivitiesQuery(KOELN, null, null, null, LANGUAGE_SUPPORT, 0, 10)).items())
                .extracting(ActivityView::activityId).containsExactly(b2, a1);
        assertThat(log(new FindActivitiesQuery(KOELN, bernd, LocalDate.of(2025, 3, 1), null, LANGUAGE_SUPPORT, 0, 10)).items())
                .extracting(ActivityView::activityId).containsExactly(b2);
    }

    @Test
    void the_log_is_paged_with_the_total_of_all_matches() {
        for (int day = 1; day <= 5; day++) {
            readSide.log(amira, KOELN, LocalDate.of(2025, 1, day), 10 * day, OTHER, null);
        }
        ActivityPage page = log(new FindActivitiesQuery(KOELN, null, null, null, null, 1, 2));

        assertThat(page.totalItems()).isEqualTo(5);
        assertThat(page.items()).extracting(ActivityView::date)
                .containsExactly(LocalDate.of(2025, 1, 3), LocalDate.of(2025, 1, 2));
    }

    @Test
    void a_period_that_ends_before_it_starts_is_invalid_input() {
        assertThatThrownBy(() -> log(new FindActivitiesQuery(KOELN, null, LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1), null, 0, 10)))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void a_correction_replaces_the_activity_and_moves_its_minutes_between_years_and_categories() {
        ActivityId id = readSide.log(amira, KOELN, LocalDate.of(2024, 12, 30), 60, LANGUAGE_SUPPORT, "erste Fassung");
        readSide.log(amira, KOELN, LocalDate.of(2025, 1, 2), 30, LANGUAGE_SUPPORT, null);
        assertThat(volunteer(amira).minutesThisYear()).isEqualTo(30);
        assertThat(koeln(2024).minutesByCategory().get(LANGUAGE_SUPPORT)).isEqualTo(60);

        readSide.correct(id, amira, KOELN, LocalDate.of(2025, 1, 3), 90, INTERPRETING, "korrigiert");

        ActivityView corrected = all().items().stream().filter(a -> a.activityId().equals(id)).findFirst().orElseThrow();
        assertThat(corrected.date()).isEqualTo(LocalDate.of(2025, 1, 3));
        assertThat(corrected.minutes()).isEqualTo(90);
        assertThat(corrected.category()).isEqualTo(INTERPRETING);
        assertThat(corrected.note()).isEqualTo("korrigiert");
        assertThat(corrected.corrected()).isTrue();
        assertThat(corrected.withdrawn()).isFalse();
        assertThat(volunteer(amira).minutesThisYear()).isEqualTo(120);
        assertThat(volunteer(amira).activitiesThisYear()).isEqualTo(2);
        Figures y2024 = koeln(2024);
        assertThat(y2024.activities()).isZero();
        assertThat(y2024.minutes()).isZero();
        Figures y2025 = koeln(2025);
        assertThat(y2025.activities()).isEqualTo(2);
        assertThat(y2025.minutes()).isEqualTo(120);
        assertThat(y2025.minutesByCategory().get(INTERPRETING)).isEqualTo(90);
        assertThat(y2025.minutesByCategory().get(LANGUAGE_SUPPORT)).isEqualTo(30);
        assertThat(y2025.activitiesByCategory().get(INTERPRETING)).isEqualTo(1);
    }

    @Test
    void a_withdrawn_activity_stays_in_the_log_marked_withdrawn_but_no_longer_counts() {
        ActivityId kept = readSide.log(amira, KOELN, LocalDate.of(2025, 2, 1), 60, LEISURE_AND_SPORT, null);
        ActivityId wrong = readSide.log(amira, KOELN, LocalDate.of(2025, 2, 2), 45, LEISURE_AND_SPORT, null);

        readSide.withdraw(wrong, amira, KOELN);

        assertThat(all().items()).filteredOn(ActivityView::withdrawn).extracting(ActivityView::activityId)
                .containsExactly(wrong);
        assertThat(all().items()).extracting(ActivityView::activityId).contains(kept);
        assertThat(volunteer(amira).minutesThisYear()).isEqualTo(60);
        assertThat(volunteer(amira).activitiesThisYear()).isEqualTo(1);
        assertThat(koeln(2025).activitiesByCategory().get(LEISURE_AND_SPORT)).isEqualTo(1);
        assertThat(koeln(2025).minutes()).isEqualTo(60);
        // the log lists both and says how many of them count: the same count as the figures
        ActivityPage page = all();
        assertThat(page.totalItems()).isEqualTo(2);
        assertThat(page.withdrawnItems()).isEqualTo(1);
        assertThat(page.countedItems()).isEqualTo(volunteer(amira).activitiesThisYear());
    }

    @Test
    void correcting_a_withdrawn_activity_does_not_make_it_count_again() {
        ActivityId id = readSide.log(amira, KOELN, LocalDate.of(2025, 2, 1), 60, OTHER, null);
        readSide.withdraw(id, amira, KOELN);

        readSide.correct(id, amira, KOELN, LocalDate.of(2025, 2, 1), 75, OTHER, null);

        assertThat(volunteer(amira).minutesThisYear()).isZero();
        assertThat(koeln(2025).activities()).isZero();
        assertThat(koeln(2025).minutes()).isZero();
    }

    /** A redelivered event, alone or in a batch (the second time within the same batch too), changes nothing. */
    @ParameterizedTest(name = "in one batch: {0}")
    @ValueSource(booleans = {false, true})
    void an_event_delivered_twice_changes_the_figures_once(boolean inOneBatch) {
        ActivityId id = readSide.log(amira, KOELN, LocalDate.of(2025, 2, 1), 60, OTHER, null);
        DomainEventMessage<?> logged = (DomainEventMessage<?>) readSide.recorded().get(readSide.recorded().size() - 1);
        readSide.correct(id, amira, KOELN, LocalDate.of(2024, 11, 1), 50, CHILDCARE, null);
        DomainEventMessage<?> corrected = (DomainEventMessage<?>) readSide.recorded().get(readSide.recorded().size() - 1);
        ActivityId other = readSide.log(amira, KOELN, LocalDate.of(2025, 2, 2), 20, OTHER, null);
        readSide.withdraw(other, amira, KOELN);
        DomainEventMessage<?> withdrawn = (DomainEventMessage<?>) readSide.recorded().get(readSide.recorded().size() - 1);

        if (inOneBatch) {
            readSide.deliverInOneBatch(List.of(logged, corrected, withdrawn, logged));
        } else {
            readSide.redeliver(logged);
            readSide.redeliver(corrected);
            readSide.redeliver(withdrawn);
        }

        assertThat(all().totalItems()).isEqualTo(2);
        assertThat(all().items()).filteredOn(a -> a.activityId().equals(id)).singleElement()
                .satisfies(a -> assertThat(a.minutes()).isEqualTo(50));
        assertThat(koeln(2024).minutes()).isEqualTo(50);
        assertThat(koeln(2024).activities()).isEqualTo(1);
        assertThat(koeln(2025).minutes()).isZero();
        assertThat(koeln(2025).activities()).isZero();
        assertThat(volunteer(amira).minutesThisYear()).isZero();
    }

    /**
     * An event processor hands the projection hundreds of events per batch during a rebuild: logs,
     * corrections, withdrawals and an erasure of the same activities within one batch must leave
     * exactly the rows that the events one at a time leave.
     */
    @Test
    void one_batch_of_logs_corrections_withdrawals_and_an_erasure_leaves_the_rows_of_one_event_at_a_time() {
        ActivityId a1 = readSide.log(amira, KOELN, LocalDate.of(2025, 2, 1), 60, OTHER, "Sprachcafé");
        ActivityId a2 = readSide.log(amira, KOELN, LocalDate.of(2025, 2, 2), 30, OTHER, null);
        readSide.correct(a1, amira, KOELN, LocalDate.of(2024, 12, 30), 45, CHILDCARE, "Sprachcafé (korrigiert)");
        readSide.withdraw(a2, amira, KOELN);
        ActivityId b1 = readSide.log(bernd, KOELN, LocalDate.of(2025, 3, 1), 90, EDUCATION, "Hausaufgaben");
        readSide.correct(b1, bernd, KOELN, LocalDate.of(2025, 3, 1), 100, EDUCATION, "Hausaufgaben Mathe");
        readSide.correct(b1, bernd, KOELN, LocalDate.of(2025, 3, 2), 80, LANGUAGE_SUPPORT, "Hausaufgaben Deutsch");
        ActivityId b2 = readSide.log(bernd, KOELN, LocalDate.of(2025, 3, 3), 15, LANGUAGE_SUPPORT, null);
        readSide.withdraw(b2, bernd, KOELN);
        readSide.correct(b2, bernd, KOELN, LocalDate.of(2025, 3, 3), 25, LANGUAGE_SUPPORT, null);
        readSide.erase(amira, KOELN, LocalDate.of(2025, 4, 1));
        readSide.log(bernd, KOELN, LocalDate.of(2025, 4, 2), 40, LANGUAGE_SUPPORT, "nach der Löschung");
        Map<String, List<Map<String, Object>>> oneAtATime = History.tables(readSide);

        readSide.reset();
        readSide.deliverInOneBatch(readSide.recorded());

        assertThat(History.tables(readSide)).isEqualTo(oneAtATime);
        assertThat(koeln(2024).minutes()).isEqualTo(45);
        assertThat(koeln(2025).minutes()).isEqualTo(80 + 40);
        assertThat(koeln(2025).activities()).isEqualTo(2);
        assertThat(all().items()).filteredOn(a -> a.activityId().equals(b1)).singleElement()
                .satisfies(a -> assertThat(a.note()).isEqualTo("Hausaufgaben Deutsch"));
        assertThat(readSide.rows("activity_view")).isEqualTo(5);
    }

    @Test
    void the_volunteer_name_in_the_log_follows_the_roster() {
        readSide.log(bernd, KOELN, LocalDate.of(2025, 2, 1), 60, OTHER, null);
        readSide.updateProfile(bernd, KOELN, new nrw.komman.kernel.volunteer.PersonalData("Bernd Schmidt", "bernd@example.org", null, null,
                Set.of("de"), Set.<ActivityCategory>of()));

        assertThat(all().items().get(0).volunteerName()).isEqualTo("Bernd Schmidt");
    }
}
