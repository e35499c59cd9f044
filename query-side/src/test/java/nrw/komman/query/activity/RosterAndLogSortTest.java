package nrw.komman.query.activity;

import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.ActivityLogSort;
import nrw.komman.kernel.activity.ActivityPage;
import nrw.komman.kernel.activity.ActivityView;
import nrw.komman.kernel.activity.FindActivityLogQuery;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.volunteer.FindVolunteersQuery;
import nrw.komman.kernel.volunteer.PersonalData;
import nrw.komman.kernel.volunteer.RosterSort;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.query.support.ReadSide;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static nrw.komman.kernel.activity.ActivityCategory.*;
import static nrw.komman.query.support.ReadSide.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The roster and the activity log sorted by their columns, in memory over opened names (ADR 22): each order, both
 * directions, the erased last either way, paging after sorting; the log's period rule and who may ask.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RosterAndLogSortTest {

    private static final LocalDate JUNE_1 = LocalDate.of(2025, 6, 1);
    private static final LocalDate JUNE_30 = LocalDate.of(2025, 6, 30);

    private final ReadSide readSide = new ReadSide();
    private final ActivityLogQueries log = new ActivityLogQueries(readSide.jdbc, readSide.vault);
    private VolunteerId amira;
    private VolunteerId bernd;
    private VolunteerId olena;
    private VolunteerId erased;

    @BeforeEach
    void given_four_volunteers_one_of_them_erased_with_activities_in_june() {
        readSide.establishSomeCentres();
        amira = readSide.register(KOELN, "amira Haddad", "zz@example.org", Set.of("ar"), Set.of(), LocalDate.of(2025, 3, 1));
        bernd = readSide.register(KOELN, "Bernd Müller", "bernd@example.org", Set.of("de"), Set.of(), LocalDate.of(2024, 1, 5));
        readSide.updateProfile(bernd, KOELN, new PersonalData("Bernd Müller", null, "+49 221 111", null, Set.of("de"), Set.of()));
        olena = readSide.register(KOELN, "Olena Kovalenko", "aa@example.org", Set.of("uk"), Set.of(), LocalDate.of(2025, 2, 1));
        erased = readSide.register(KOELN, "Weg Gelöscht", "weg@example.org", Set.of("tr"), Set.of(), LocalDate.of(2025, 1, 1));
        readSide.deactivate(olena, KOELN);
        readSide.log(amira, KOELN, LocalDate.of(2025, 6, 3), 30, LANGUAGE_SUPPORT, null);
        readSide.log(bernd, KOELN, LocalDate.of(2025, 6, 2), 300, ACCOMPANIMENT, null);
        readSide.log(olena, KOELN, LocalDate.of(2025, 6, 1), 90, EDUCATION, null);
        readSide.log(erased, KOELN, LocalDate.of(2025, 6, 4), 10, OTHER, null);
        readSide.erase(erased, KOELN, LocalDate.of(2025, 6, 10));
    }

    private List<VolunteerId> roster(RosterSort sort, boolean descending) {
        return readSide.volunteers.handle(new FindVolunteersQuery(KOELN, null, null, null, null, 0, 50, sort, descending),
                as(COORDINATOR_KOELN)).items().stream().map(VolunteerView::volunteerId).toList();
    }

    @Test
    void the_roster_sorts_by_each_column_both_ways_with_the_erased_last() {
        assertThat(roster(RosterSort.NAME, false)).containsExactly(amira, bernd, olena, erased);
        assertThat(roster(RosterSort.NAME, true)).containsExactly(olena, bernd, amira, erased);
        // e-mail, or the phone of one without an address: "+49…" before "aa@…" before "zz@…"
        assertThat(roster(RosterSort.CONTACT, false)).containsExactly(bernd, olena, amira, erased);
        assertThat(roster(RosterSort.CONTACT, true)).containsExactly(amira, olena, bernd, erased);
        assertThat(roster(RosterSort.REGISTERED_ON, false)).containsExactly(bernd, erased, olena, amira);
        assertThat(roster(RosterSort.REGISTERED_ON, true)).containsExactly(amira, olena, erased, bernd);
        assertThat(roster(RosterSort.STATUS, false)).containsExactly(amira, bernd, erased, olena);
        assertThat(roster(RosterSort.HOURS, true)).containsExactly(bernd, olena, amira, erased);
        assertThat(roster(RosterSort.HOURS, false)).containsExactly(erased, amira, olena, bernd);
    }

    @Test
    void sorted_by_hours_the_roster_is_sorted_before_it_is_paged() {
        var second = readSide.volunteers.handle(new FindVolunteersQuery(KOELN, null, null, null, null, 1, 1, RosterSort.HOURS, true),
                as(COORDINATOR_KOELN));

        assertThat(second.items()).extracting(VolunteerView::volunteerId).containsExactly(olena);
        assertThat(second.items().get(0).minutesThisYear()).isEqualTo(90);
        assertThat(second.totalItems()).isEqualTo(4);
    }

    private List<String> names(ActivityLogSort sort, boolean descending) {
        return log.handle(new FindActivityLogQuery(KOELN, JUNE_1, JUNE_30, sort, descending, 0, 50), as(COORDINATOR_KOELN))
                .items().stream().map(a -> a.volunteerName() == null ? "(gelöscht)" : a.volunteerName()).toList();
    }

    @Test
    void the_log_of_a_period_sorts_by_each_column_both_ways() {
        assertThat(names(null, false)).containsExactly("(gelöscht)", "amira Haddad", "Bernd Müller", "Olena Kovalenko");
        assertThat(names(ActivityLogSort.DATE, false)).containsExactly("Olena Kovalenko", "Bernd Müller", "amira Haddad", "(gelöscht)");
        assertThat(names(ActivityLogSort.VOLUNTEER, false)).containsExactly("amira Haddad", "Bernd Müller", "Olena Kovalenko", "(gelöscht)");
        assertThat(names(ActivityLogSort.VOLUNTEER, true)).containsExactly("Olena Kovalenko", "Bernd Müller", "amira Haddad", "(gelöscht)");
        assertThat(names(ActivityLogSort.DURATION, true)).containsExactly("Bernd Müller", "Olena Kovalenko", "amira Haddad", "(gelöscht)");
        // by the German names: Begleitung …, Hausaufgabenhilfe …, Sonstiges, Sprachpatenschaft
        assertThat(names(ActivityLogSort.CATEGORY, false)).containsExactly("Bernd Müller", "Olena Kovalenko", "(gelöscht)", "amira Haddad");
    }

    @Test
    void withdrawn_entries_are_in_the_log_marked_and_sort_last_by_status() {
        ActivityId withdrawn = readSide.log(amira, KOELN, LocalDate.of(2025, 6, 20), 45, OTHER, null);
        readSide.withdraw(withdrawn, amira, KOELN);

        ActivityPage page = log.handle(new FindActivityLogQuery(KOELN, JUNE_1, JUNE_30, ActivityLogSort.STATUS, false, 0, 50),
                as(COORDINATOR_KOELN));

        assertThat(page.totalItems()).isEqualTo(5);
        ActivityView last = page.items().get(4);
        assertThat(last.activityId()).isEqualTo(withdrawn);
        assertThat(last.withdrawn()).isTrue();
    }

    @Test
    void the_period_is_required_in_order_and_at_most_a_year() {
        assertThatThrownBy(() -> new FindActivityLogQuery(KOELN, null, JUNE_30, null, false, 0, 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("ersten Tag");
        assertThatThrownBy(() -> new FindActivityLogQuery(KOELN, JUNE_30, JUNE_1, null, false, 0, 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("nach seinem Ende");
        assertThatThrownBy(() -> new FindActivityLogQuery(KOELN, LocalDate.of(2024, 6, 29), JUNE_30, null, false, 0, 10))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("höchstens ein Jahr");
        assertThat(new FindActivityLogQuery(KOELN, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), null, false, 0, 10).sort())
                .isEqualTo(ActivityLogSort.DATE);
    }

    @Test
    void only_the_centres_coordinators_read_its_log() {
        FindActivityLogQuery koeln = new FindActivityLogQuery(KOELN, JUNE_1, JUNE_30, null, false, 0, 10);
        assertThatThrownBy(() -> log.handle(koeln, as(COORDINATOR_DUESSELDORF))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> log.handle(koeln, as(MINISTRY))).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> log.handle(koeln, as(ADMINISTRATOR))).isInstanceOf(ForbiddenException.class);
    }
}
