package nrw.komman.query.volunteer;

import nrw.komman.kernel.activity.ActivityPage;
import nrw.komman.kernel.activity.ActivityView;
import nrw.komman.kernel.activity.FindActivitiesQuery;
import nrw.komman.kernel.ministry.FetchMinistryOverviewQuery;
import nrw.komman.kernel.ministry.MinistryOverview;
import nrw.komman.kernel.volunteer.FindVolunteerQuery;
import nrw.komman.kernel.volunteer.FindVolunteersQuery;
import nrw.komman.kernel.volunteer.SealedPersonalData;
import nrw.komman.kernel.volunteer.SealedText;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.query.support.History;
import nrw.komman.query.support.ReadSide;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static nrw.komman.kernel.activity.ActivityCategory.EDUCATION;
import static nrw.komman.kernel.activity.ActivityCategory.INTERPRETING;
import static nrw.komman.kernel.activity.ActivityCategory.LANGUAGE_SUPPORT;
import static nrw.komman.kernel.activity.ActivityCategory.LEISURE_AND_SPORT;
import static nrw.komman.query.support.ReadSide.*;
import static org.assertj.core.api.Assertions.assertThat;

/** DSGVO Art. 17 by crypto-shredding: the key goes, the pseudonymous figures stay. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ErasureTest {

    private final ReadSide readSide = new ReadSide();
    private final History history = new History();

    @BeforeEach
    void given_a_realistic_history() {
        history.record(readSide);
    }

    private VolunteerView amira() {
        return readSide.volunteers.handle(new FindVolunteerQuery(history.amira), as(COORDINATOR_KOELN));
    }

    private ActivityPage koelnLog() {
        return readSide.activities.handle(new FindActivitiesQuery(KOELN, history.amira, null, null, null, 0, 50),
                as(COORDINATOR_KOELN));
    }

    @Test
    void after_the_key_is_destroyed_a_replay_shows_the_volunteer_as_erased_with_figures_intact() {
        VolunteerView before = amira();
        MinistryOverview overviewBefore = readSide.ministry.handle(new FetchMinistryOverviewQuery(2025), as(MINISTRY));
        ActivityPage logBefore = koelnLog();

        readSide.keyRing.destroy(history.amira);
        readSide.resetAndReplay();

        VolunteerView after = amira();
        assertThat(after.erased()).isTrue();
        assertThat(after.name()).isNull();
        assertThat(after.email()).isNull();
        assertThat(after.phone()).isNull();
        assertThat(after.availability()).isNull();
        assertThat(after.minutesThisYear()).isEqualTo(before.minutesThisYear()).isEqualTo(190);
        assertThat(after.activitiesThisYear()).isEqualTo(before.activitiesThisYear());
        assertThat(after.status()).isEqualTo(before.status());
        // languages and interests are personal data too (sealed with it): gone with the key
        assertThat(before.languages()).containsExactly("ar", "de", "fr");
        assertThat(before.interests()).containsExactly(LANGUAGE_SUPPORT, INTERPRETING);
        assertThat(after.languages()).isEmpty();
        assertThat(after.interests()).isEmpty();
        assertThat(readSide.volunteers.handle(new FindVolunteersQuery(KOELN, null, "ar", null, null, 0, 50),
                as(COORDINATOR_KOELN)).items()).isEmpty();
        assertThat(readSide.volunteers.handle(new FindVolunteersQuery(KOELN, null, null, LANGUAGE_SUPPORT, null, 0, 50),
                as(COORDINATOR_KOELN)).items()).isEmpty();
        assertThat(after.registeredOn()).isEqualTo(before.registeredOn());
        assertThat(koelnLog().items()).allSatisfy(a -> {
            assertThat(a.volunteerName()).isNull();
            assertThat(a.note()).isNull();
        });
        assertThat(koelnLog().items()).extracting(ActivityView::minutes)
                .containsExactlyElementsOf(logBefore.items().stream().map(ActivityView::minutes).toList());
        assertThat(readSide.ministry.handle(new FetchMinistryOverviewQuery(2025), as(MINISTRY))).isEqualTo(overviewBefore);
        // the replay copied the ciphertext as the events hold it (ADR 22): without the key it opens to nothing
        String sealed = readSide.jdbc.queryForObject("select sealed_personal_data from volunteer_view where volunteer_id = :id",
                Map.of("id", history.amira.toString()), String.class);
        assertThat(readSide.vault.open(history.amira, new SealedPersonalData(sealed))).isEmpty();
        assertThat(readSide.jdbc.queryForList("select sealed_note from activity_view where volunteer_id = :id and sealed_note is not null",
                Map.of("id", history.amira.toString()), String.class))
                .allSatisfy(note -> assertThat(readSide.vault.openText(history.amira, new SealedText(note))).isEmpty());
    }

    @Test
    void other_volunteers_keep_their_data() {
        readSide.keyRing.destroy(history.amira);
        readSide.resetAndReplay();

        VolunteerView bernd = readSide.volunteers.handle(new FindVolunteerQuery(history.bernd), as(COORDINATOR_KOELN));
        assertThat(bernd.erased()).isFalse();
        assertThat(bernd.name()).isEqualTo("Bernd Müller");
        assertThat(bernd.languages()).containsExactly("de", "en");
        assertThat(bernd.interests()).containsExactly(EDUCATION, LEISURE_AND_SPORT);
    }

    @Test
    void a_key_destroyed_before_the_rebuild_already_hides_the_personal_data_from_every_answer() {
        readSide.keyRing.destroy(history.amira);

        VolunteerView view = amira();
        assertThat(view.erased()).isTrue();
        assertThat(view.name()).isNull();
        assertThat(view.languages()).isEmpty();
        assertThat(view.interests()).isEmpty();
        assertThat(readSide.volunteers.handle(new FindVolunteersQuery(KOELN, null, null, null, null, 0, 50),
                as(COORDINATOR_KOELN)).items()).filteredOn(v -> v.volunteerId().equals(history.amira))
                .allSatisfy(v -> assertThat(v.email()).isNull());
        assertThat(koelnLog().items()).allSatisfy(a -> {
            assertThat(a.volunteerName()).isNull();
            assertThat(a.note()).isNull();
        });
    }
}
