package nrw.komman.query.activity;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.ActivityPage;
import nrw.komman.kernel.activity.ActivityView;
import nrw.komman.kernel.activity.CentreDashboard;
import nrw.komman.kernel.activity.FetchCentreDashboardQuery;
import nrw.komman.kernel.activity.FindActivitiesQuery;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.query.support.ReadSide;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static nrw.komman.kernel.activity.ActivityCategory.*;
import static nrw.komman.query.support.ReadSide.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CentreDashboardTest {

    private static final LocalDate AS_OF = LocalDate.of(2025, 3, 20);
    private final ReadSide readSide = new ReadSide();
    private VolunteerId aylin;
    private VolunteerId jonas;

    @BeforeEach
    void given_two_centres_with_volunteers() {
        readSide.establishSomeCentres();
        aylin = readSide.register(KOELN, "Aylin Demir", "aylin@example.org", Set.of("tr"), Set.of(), LocalDate.of(2024, 1, 1));
        jonas = readSide.register(KOELN, "Jonas Weber", "jonas@example.org", Set.of("de"), Set.of(), LocalDate.of(2024, 1, 1));
        VolunteerId gone = readSide.register(KOELN, "Gerd Alt", "gerd@example.org", Set.of("de"), Set.of(), LocalDate.of(2024, 1, 1));
        readSide.deactivate(gone, KOELN);
        readSide.register(DUESSELDORF, "Dana Elf", "dana@example.org", Set.of("de"), Set.of(), LocalDate.of(2024, 1, 1));
    }

    private CentreDashboard dashboard(CentreId centre, LocalDate asOf) {
        return readSide.dashboards.handle(new FetchCentreDashboardQuery(centre, asOf), as(coordinatorOf(centre)));
    }

    @Test
    void the_roster_is_counted_by_status_for_the_centre_only() {
        CentreDashboard koeln = dashboard(KOELN, AS_OF);

        assertThat(koeln.activeVolunteers()).isEqualTo(2);
        assertThat(koeln.allVolunteers()).isEqualTo(3);
        assertThat(dashboard(VIERSEN, AS_OF).allVolunteers()).isZero();
    }

    @Test
    void this_years_activities_up_to_the_day_count_by_month_and_category_without_withdrawn_ones() {
        readSide.log(aylin, KOELN, LocalDate.of(2025, 1, 5), 60, LANGUAGE_SUPPORT, null);
        readSide.log(jonas, KOELN, LocalDate.of(2025, 1, 9), 30, LANGUAGE_SUPPORT, null);
        readSide.log(jonas, KOELN, LocalDate.of(2025, 3, 1), 45, ACCOMPANIMENT, null);
        readSide.log(aylin, KOELN, AS_OF, 15, ACCOMPANIMENT, null);
        ActivityId withdrawn = readSide.log(aylin, KOELN, LocalDate.of(2025, 2, 2), 500, LEISURE_AND_SPORT, null);
        readSide.withdraw(withdrawn, aylin, KOELN);
        ActivityId moved = readSide.log(jonas, KOELN, LocalDate.of(2025, 2, 10), 20, LEISURE_AND_SPORT, null);
        readSide.correct(moved, jonas, KOELN, LocalDate.of(2025, 3, 10), 25, EDUCATION, null);
        readSide.log(aylin, KOELN, LocalDate.of(2024, 12, 31), 700, LEISURE_AND_SPORT, null); // last year
        readSide.log(aylin, KOELN, AS_OF.plusDays(1), 800, LEISURE_AND_SPORT, null); // after the day
        readSide.log(readSide.register(DUESSELDORF, "Dora", "dora@example.org", Set.of(), Set.of(), LocalDate.of(2024, 1, 1)),
                DUESSELDORF, LocalDate.of(2025, 1, 5), 900, LEISURE_AND_SPORT, null); // another centre

        CentreDashboard koeln = dashboard(KOELN, AS_OF);

        assertThat(koeln.activitiesThisYear()).isEqualTo(5);
        assertThat(koeln.minutesThisYear()).isEqualTo(60 + 30 + 45 + 15 + 25);
        assertThat(koeln.minutesThisMonth()).isEqualTo(45 + 15 + 25);
        assertThat(koeln.minutesByMonth()).containsOnlyKeys(1, 2, 3);
        assertThat(koeln.minutesByMonth().get(1)).containsExactlyEntriesOf(Map.of(LANGUAGE_SUPPORT, 90L));
        assertThat(koeln.minutesByMonth().get(2)).isEmpty();
        assertThat(koeln.minutesByMonth().get(3)).containsOnly(Map.entry(ACCOMPANIMENT, 60L), Map.entry(EDUCATION, 25L));
    }

    @Test
    void the_newest_entries_of_this_year_come_first_with_names_and_without_withdrawn_ones() {
        List<ActivityId> logged = new ArrayList<>();
        for (int day = 1; day <= 7; day++) {
            logged.add(readSide.log(day % 2 == 0 ? aylin : jonas, KOELN, LocalDate.of(2025, 3, day), 10 + day, OTHER, "Tag " + day));
        }
        readSide.withdraw(logged.get(6), jonas, KOELN);
        readSide.log(aylin, KOELN, AS_OF.plusDays(3), 10, OTHER, "später");

        List<ActivityView> latest = dashboard(KOELN, AS_OF).latestActivities();

        assertThat(latest).hasSize(FetchCentreDashboardQuery.LATEST);
        assertThat(latest).extracting(ActivityView::activityId)
                .containsExactly(logged.get(5), logged.get(4), logged.get(3), logged.get(2), logged.get(1));
        assertThat(latest.get(0).volunteerName()).isEqualTo("Aylin Demir");
        assertThat(latest.get(0).note()).isEqualTo("Tag 6");
    }

    @Test
    void an_erased_volunteers_entries_count_but_show_neither_name_nor_note() {
        readSide.log(aylin, KOELN, LocalDate.of(2025, 3, 2), 40, OTHER, "privat");
        readSide.erase(aylin, KOELN, LocalDate.of(2025, 3, 3));

        CentreDashboard koeln = dashboard(KOELN, AS_OF);

        assertThat(koeln.minutesThisYear()).isEqualTo(40);
        assertThat(koeln.latestActivities()).singleElement().satisfies(a -> {
            assertThat(a.volunteerName()).isNull();
            assertThat(a.note()).isNull();
        });
    }

    /** The figures equal what the activity log itself adds up to, whatever the history (the dashboard's former way). */
    @Test
    void the_figures_equal_the_sum_over_the_activity_log_for_a_random_history() {
        Random random = new Random(2025);
        List<VolunteerId> volunteers = List.of(aylin, jonas);
        List<ActivityId> ids = new ArrayList<>();
        List<VolunteerId> owners = new ArrayList<>();
        ActivityCategory[] categories = ActivityCategory.values();
        for (int i = 0; i < 300; i++) {
            VolunteerId v = volunteers.get(random.nextInt(2));
            LocalDate date = LocalDate.of(2024, 11, 1).plusDays(random.nextInt(170));
            int op = ids.isEmpty() ? 0 : random.nextInt(10);
            if (op < 7) {
                ids.add(readSide.log(v, KOELN, date, 5 + random.nextInt(200), categories[random.nextInt(categories.length)], null));
                owners.add(v);
            } else {
                int which = random.nextInt(ids.size());
                if (op < 9) {
                    readSide.correct(ids.get(which), owners.get(which), KOELN, date, 5 + random.nextInt(200),
                            categories[random.nextInt(categories.length)], null);
                } else {
                    readSide.withdraw(ids.get(which), owners.get(which), KOELN);
                }
            }
        }

        CentreDashboard dashboard = dashboard(KOELN, AS_OF);

        long activities = 0;
        long minutes = 0;
        long minutesThisMonth = 0;
        Map<Integer, Map<ActivityCategory, Long>> byMonth = new TreeMap<>();
        for (int m = 1; m <= AS_OF.getMonthValue(); m++) {
            byMonth.put(m, new EnumMap<>(ActivityCategory.class));
        }
        List<ActivityView> counted = new ArrayList<>();
        for (int page = 0; ; page++) {
            ActivityPage found = readSide.activities.handle(new FindActivitiesQuery(KOELN, null, AS_OF.withDayOfYear(1), AS_OF,
                    null, page, FindActivitiesQuery.MAX_SIZE), as(COORDINATOR_KOELN));
            for (ActivityView a : found.items()) {
                if (!a.withdrawn()) {
                    counted.add(a);
                    activities++;
                    minutes += a.minutes();
                    minutesThisMonth += a.date().getMonthValue() == AS_OF.getMonthValue() ? a.minutes() : 0;
                    byMonth.get(a.date().getMonthValue()).merge(a.category(), (long) a.minutes(), Long::sum);
                }
            }
            if (found.items().size() < FindActivitiesQuery.MAX_SIZE) {
                break;
            }
        }
        assertThat(activities).isPositive();
        assertThat(dashboard.activitiesThisYear()).isEqualTo(activities);
        assertThat(dashboard.minutesThisYear()).isEqualTo(minutes);
        assertThat(dashboard.minutesThisMonth()).isEqualTo(minutesThisMonth);
        assertThat(dashboard.minutesByMonth()).isEqualTo(byMonth);
        assertThat(dashboard.latestActivities()).isEqualTo(counted.subList(0, FetchCentreDashboardQuery.LATEST));
    }

    @Test
    void only_the_centres_own_coordinators_may_ask_and_the_centre_and_day_must_be_given() {
        FetchCentreDashboardQuery koeln = new FetchCentreDashboardQuery(KOELN, AS_OF);
        assertThatThrownBy(() -> readSide.dashboards.handle(koeln, as(COORDINATOR_DUESSELDORF))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> readSide.dashboards.handle(koeln, as(MINISTRY))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> readSide.dashboards.handle(koeln, as(ADMINISTRATOR))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> readSide.dashboards.handle(new FetchCentreDashboardQuery(KOELN, null), as(COORDINATOR_KOELN)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> readSide.dashboards.handle(new FetchCentreDashboardQuery(null, AS_OF), as(COORDINATOR_KOELN)))
                .isInstanceOf(InvalidInputException.class);
        CentreId unknown = new CentreId("05999");
        assertThatThrownBy(() -> readSide.dashboards.handle(new FetchCentreDashboardQuery(unknown, AS_OF), as(coordinatorOf(unknown))))
                .isInstanceOf(NotFoundException.class);
    }
}
