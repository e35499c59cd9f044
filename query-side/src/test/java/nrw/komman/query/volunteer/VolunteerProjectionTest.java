package nrw.komman.query.volunteer;

import nrw.komman.kernel.volunteer.FindVolunteerQuery;
import nrw.komman.kernel.volunteer.FindVolunteersQuery;
import nrw.komman.kernel.volunteer.PersonalData;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerPage;
import nrw.komman.kernel.volunteer.VolunteerStatus;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.query.support.ReadSide;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static nrw.komman.kernel.activity.ActivityCategory.*;
import static nrw.komman.query.support.ReadSide.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VolunteerProjectionTest {

    private final ReadSide readSide = new ReadSide();
    private VolunteerId amira;
    private VolunteerId bernd;
    private VolunteerId olena;

    @BeforeEach
    void given_a_centre_with_three_volunteers() {
        readSide.establishSomeCentres();
        amira = readSide.register(KOELN, "Amira Haddad", "amira@example.org", Set.of("ar", "de"),
                Set.of(LANGUAGE_SUPPORT, ACCOMPANIMENT), LocalDate.of(2024, 3, 1));
        bernd = readSide.register(KOELN, "Bernd Müller", "b.mueller@example.org", Set.of("de"),
                Set.of(EDUCATION), LocalDate.of(2025, 1, 5));
        olena = readSide.register(KOELN, "Olena Kovalenko", "olena_k@example.org", Set.of("uk", "ru", "de"),
                Set.of(INTERPRETING, LANGUAGE_SUPPORT), LocalDate.of(2025, 2, 1));
        readSide.register(DUESSELDORF, "Someone Else", "else@example.org", Set.of("tr"), Set.of(), LocalDate.of(2025, 1, 1));
    }

    private VolunteerPage roster(VolunteerStatus status, String language, nrw.komman.kernel.activity.ActivityCategory interest,
                                 String search, int page, int size) {
        return readSide.volunteers.handle(new FindVolunteersQuery(KOELN, status, language, interest, search, page, size),
                as(COORDINATOR_KOELN));
    }

    @Test
    void a_registered_volunteer_is_shown_with_opened_personal_data_languages_interests_and_consent() {
        VolunteerView view = readSide.volunteers.handle(new FindVolunteerQuery(amira), as(COORDINATOR_KOELN));

        assertThat(view.volunteerId()).isEqualTo(amira);
        assertThat(view.centreId()).isEqualTo(KOELN);
        assertThat(view.name()).isEqualTo("Amira Haddad");
        assertThat(view.email()).isEqualTo("amira@example.org");
        assertThat(view.phone()).isNull();
        assertThat(view.availability()).isEqualTo("Dienstags nachmittags");
        assertThat(view.languages()).containsExactly("ar", "de");
        assertThat(view.interests()).containsExactly(LANGUAGE_SUPPORT, ACCOMPANIMENT);
        assertThat(view.status()).isEqualTo(VolunteerStatus.ACTIVE);
        assertThat(view.registeredOn()).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(view.consent().version()).isEqualTo("2024-01");
        assertThat(view.consent().givenAt()).isEqualTo(Instant.parse("2024-12-01T10:00:00Z"));
        assertThat(view.minutesThisYear()).isZero();
        assertThat(view.activitiesThisYear()).isZero();
        assertThat(view.erased()).isFalse();
    }

    @Test
    void the_roster_lists_only_the_centres_own_volunteers_ordered_by_name() {
        VolunteerPage page = roster(null, null, null, null, 0, 50);

        assertThat(page.items()).extracting(VolunteerView::name)
                .containsExactly("Amira Haddad", "Bernd Müller", "Olena Kovalenko");
        assertThat(page.totalItems()).isEqualTo(3);
    }

    @Test
    void a_profile_update_replaces_personal_data_languages_and_interests() {
        readSide.updateProfile(bernd, KOELN, new PersonalData("Bernd Müller-Schmidt", null, "+49 221 123456", null,
                Set.of("de", "en"), Set.of(LEISURE_AND_SPORT)));

        VolunteerView view = readSide.volunteers.handle(new FindVolunteerQuery(bernd), as(COORDINATOR_KOELN));

        assertThat(view.name()).isEqualTo("Bernd Müller-Schmidt");
        assertThat(view.email()).isNull();
        assertThat(view.phone()).isEqualTo("+49 221 123456");
        assertThat(view.availability()).isNull();
        assertThat(view.languages()).containsExactly("de", "en");
        assertThat(view.interests()).containsExactly(LEISURE_AND_SPORT);
        assertThat(roster(null, null, EDUCATION, null, 0, 50).items()).isEmpty();
    }

    @Test
    void deactivating_and_reactivating_changes_the_status_and_the_status_filter() {
        readSide.deactivate(olena, KOELN);

        assertThat(roster(VolunteerStatus.INACTIVE, null, null, null, 0, 50).items())
                .extracting(VolunteerView::volunteerId).containsExactly(olena);
        assertThat(roster(VolunteerStatus.ACTIVE, null, null, null, 0, 50).items())
                .extracting(VolunteerView::volunteerId).containsExactly(amira, bernd);

        readSide.reactivate(olena, KOELN);

        assertThat(roster(VolunteerStatus.INACTIVE, null, null, null, 0, 50).items()).isEmpty();
    }

    @Test
    void the_roster_filters_by_language_and_interest() {
        assertThat(roster(null, "uk", null, null, 0, 50).items()).extracting(VolunteerView::volunteerId)
                .containsExactly(olena);
        assertThat(roster(null, " DE ", null, null, 0, 50).totalItems()).isEqualTo(3);
        assertThat(roster(null, "tr", null, null, 0, 50).items()).isEmpty();
        assertThat(roster(null, null, LANGUAGE_SUPPORT, null, 0, 50).items()).extracting(VolunteerView::volunteerId)
                .containsExactly(amira, olena);
        assertThat(roster(null, "de", INTERPRETING, null, 0, 50).items()).extracting(VolunteerView::volunteerId)
                .containsExactly(olena);
    }

    @Test
    void the_search_finds_name_or_email_regardless_of_case_and_takes_wildcards_literally() {
        assertThat(roster(null, null, null, "MÜLLER", 0, 50).items()).extracting(VolunteerView::volunteerId)
                .containsExactly(bernd);
        assertThat(roster(null, null, null, "amira@EXAMPLE", 0, 50).items()).extracting(VolunteerView::volunteerId)
                .containsExactly(amira);
        assertThat(roster(null, null, null, "a_k", 0, 50).items()).extracting(VolunteerView::volunteerId)
                .containsExactly(olena);
        assertThat(roster(null, null, null, "a_h", 0, 50).items()).isEmpty(); // "_" is no wildcard: not "Amira Haddad"
        assertThat(roster(null, null, null, "%", 0, 50).items()).isEmpty();
        assertThat(roster(null, null, null, "else", 0, 50).items()).isEmpty();
    }

    @Test
    void the_roster_is_paged_with_the_total_of_all_matches() {
        VolunteerPage second = roster(null, null, null, null, 1, 2);

        assertThat(second.items()).extracting(VolunteerView::volunteerId).containsExactly(olena);
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(2);
        assertThat(second.totalItems()).isEqualTo(3);
        assertThat(roster(null, null, null, null, 5, 2).items()).isEmpty();
    }

    @Test
    void hours_this_year_count_the_volunteers_activities_of_the_current_year_only() {
        readSide.log(amira, KOELN, LocalDate.of(2024, 12, 30), 120, LANGUAGE_SUPPORT, null);
        readSide.log(amira, KOELN, LocalDate.of(2025, 1, 3), 90, LANGUAGE_SUPPORT, "Behördengang");
        readSide.log(amira, KOELN, LocalDate.of(2025, 6, 1), 45, ACCOMPANIMENT, null);

        VolunteerView view = readSide.volunteers.handle(new FindVolunteerQuery(amira), as(COORDINATOR_KOELN));

        assertThat(view.minutesThisYear()).isEqualTo(135);
        assertThat(view.activitiesThisYear()).isEqualTo(2);
        assertThat(roster(null, null, null, "amira", 0, 10).items().get(0).minutesThisYear()).isEqualTo(135);
    }

    @Test
    void an_unknown_volunteer_is_not_found() {
        assertThatThrownBy(() -> readSide.volunteers.handle(new FindVolunteerQuery(VolunteerId.random()),
                as(COORDINATOR_KOELN))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void the_roster_of_an_unknown_centre_is_not_found_for_its_own_coordinator() {
        CentreId unknown = new CentreId("05999");
        assertThatThrownBy(() -> readSide.volunteers.handle(
                new FindVolunteersQuery(unknown, null, null, null, null, 0, 10), as(ReadSide.coordinatorOf(unknown))))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void registering_the_same_event_twice_leaves_one_volunteer() {
        readSide.redeliver(readSide.recorded().get(readSide.recorded().size() - 2));

        assertThat(roster(null, null, null, null, 0, 50).totalItems()).isEqualTo(3);
        assertThat(readSide.rows("volunteer_view")).isEqualTo(4);
        assertThat(roster(null, null, null, null, 0, 50).items()).extracting(v -> v.languages().size()).containsExactly(2, 1, 3);
    }

    @Test
    void a_profile_update_of_an_unknown_volunteer_leaves_no_rows_behind() {
        readSide.updateProfile(VolunteerId.random(), KOELN, new PersonalData("Niemand", "n@example.org", null, null,
                Set.of("fa"), Set.of(CHILDCARE)));

        assertThat(readSide.rows("volunteer_view")).isEqualTo(4);
        assertThat(roster(null, "fa", null, null, 0, 50).items()).isEmpty();
    }
}
