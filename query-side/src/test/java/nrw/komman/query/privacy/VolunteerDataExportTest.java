package nrw.komman.query.privacy;

import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.privacy.FetchVolunteerDataExportQuery;
import nrw.komman.kernel.privacy.VolunteerDataExport;
import nrw.komman.kernel.privacy.VolunteerDataExport.ActivityEntry;
import nrw.komman.kernel.privacy.VolunteerDataExport.ConsentEntry;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerStatus;
import nrw.komman.query.support.History;
import nrw.komman.query.support.ReadSide;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static nrw.komman.kernel.activity.ActivityCategory.*;
import static nrw.komman.query.support.ReadSide.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DSGVO Art. 15: everything held on one volunteer, from the read models. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class VolunteerDataExportTest {

    private static final Instant CONSENT_GIVEN = Instant.parse("2024-12-01T10:00:00Z");

    private final ReadSide readSide = new ReadSide();
    private final History history = new History();

    @BeforeEach
    void given_a_realistic_history() {
        history.record(readSide);
    }

    private VolunteerDataExport export(VolunteerId id, nrw.komman.kernel.common.Actor actor) {
        return readSide.exports.handle(new FetchVolunteerDataExportQuery(id), as(actor));
    }

    @Test
    void a_coordinator_exports_profile_consent_history_and_every_activity_of_a_volunteer_of_her_centre() {
        VolunteerDataExport export = export(history.amira, COORDINATOR_KOELN);

        assertThat(export.volunteerId()).isEqualTo(history.amira);
        assertThat(export.centreId()).isEqualTo(KOELN);
        assertThat(export.centreName()).isEqualTo("Stadt Köln");
        assertThat(export.erased()).isFalse();
        assertThat(export.status()).isEqualTo(VolunteerStatus.ACTIVE);
        assertThat(export.registeredOn()).isEqualTo(LocalDate.of(2024, 2, 1));
        assertThat(export.name()).isEqualTo("Amira Haddad");
        assertThat(export.email()).isEqualTo("amira@example.org");
        assertThat(export.phone()).isNull();
        assertThat(export.availability()).isEqualTo("Dienstags nachmittags");
        assertThat(export.languages()).containsExactly("ar", "de", "fr");
        assertThat(export.interests()).containsExactly(LANGUAGE_SUPPORT, INTERPRETING);
        assertThat(export.consents()).containsExactly(new ConsentEntry(
                "Einwilligung Datenverarbeitung Ehrenamtskoordination", "2024-01", CONSENT_GIVEN, null));
        // as recorded now, in date order: the corrected one, a plain one, and the withdrawn one marked
        assertThat(export.activities()).extracting(ActivityEntry::date, ActivityEntry::minutes, ActivityEntry::category,
                        ActivityEntry::note, ActivityEntry::corrected, ActivityEntry::withdrawn)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 1, 3), 100, LANGUAGE_SUPPORT, "Sprachcafé (korrigiert)", true, false),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 1, 8), 90, INTERPRETING, "Jobcenter-Termin", false, false),
                        org.assertj.core.groups.Tuple.tuple(LocalDate.of(2025, 2, 14), 60, ACCOMPANIMENT, null, false, true));
        assertThat(export.activities()).allSatisfy(a -> assertThat(a.activityId()).hasSize(36));
        assertThat(export.exportedAt()).isEqualTo(ReadSide.CLOCK.instant());
        // every correction and the withdrawal with its reason, opened with the vault (ADR 21)
        assertThat(export.activities()).extracting(a -> a.changes().stream().map(c -> c.kind() + ":" + c.reason()).toList())
                .containsExactly(List.of("CORRECTION:Tippfehler"), List.of(), List.of("WITHDRAWAL:Doppelt erfasst"));
    }

    @Test
    void the_read_models_hold_the_reasons_and_the_consent_document_only_sealed() {
        var plain = readSide.jdbc.getJdbcOperations();
        assertThat(plain.queryForList("select reason_sealed from activity_reason where volunteer_id = ?", String.class,
                history.amira.toString())).hasSize(2).doesNotContainNull()
                .noneMatch(c -> c.contains("Tippfehler") || c.contains("Doppelt"));
        assertThat(plain.queryForList("select legacy_reason from activity_reason", String.class)).containsOnlyNulls();
        assertThat(plain.queryForMap("select consent_document, consent_document_sealed from volunteer_view where volunteer_id = ?",
                history.amira.toString())).satisfies(row -> {
            assertThat(row.get("consent_document")).isNull();
            assertThat((String) row.get("consent_document_sealed")).isNotBlank().doesNotContain("Einwilligung");
        });
    }

    @Test
    void reasons_and_the_consent_document_stored_plain_by_an_older_release_are_shown_until_the_erasure() {
        VolunteerId old = VolunteerId.random();
        readSide.publish(new nrw.komman.kernel.volunteer.VolunteerRegisteredEvent(old, KOELN,
                readSide.vault.seal(old, new nrw.komman.kernel.volunteer.PersonalData("Olga Alt", "olga@example.org", null, null,
                        java.util.Set.of(), java.util.Set.of())),
                new nrw.komman.kernel.volunteer.SealedConsent(null, "2023-01", CONSENT_GIVEN, "Einwilligung alt"),
                LocalDate.of(2024, 3, 1)), COORDINATOR_KOELN);
        var activity = readSide.log(old, KOELN, LocalDate.of(2025, 1, 5), 60, ACCOMPANIMENT, null);
        readSide.publish(new nrw.komman.kernel.activity.ActivityWithdrawnEvent(activity, old, KOELN, null, "alt: doppelt"),
                COORDINATOR_KOELN);

        VolunteerDataExport before = export(old, COORDINATOR_KOELN);
        assertThat(before.consents()).extracting(ConsentEntry::document).containsExactly("Einwilligung alt");
        assertThat(before.activities().get(0).changes()).extracting(c -> c.reason()).containsExactly("alt: doppelt");

        readSide.erase(old, KOELN, LocalDate.of(2025, 6, 1));

        VolunteerDataExport after = export(old, COORDINATOR_KOELN);
        assertThat(after.consents()).extracting(ConsentEntry::document).containsOnlyNulls();
        assertThat(after.activities().get(0).changes()).extracting(c -> c.reason()).containsOnlyNulls();
        assertThat(readSide.jdbc.getJdbcOperations().queryForList(
                "select legacy_reason from activity_reason where volunteer_id = ?", String.class, old.toString())).containsOnlyNulls();
        assertThat(readSide.jdbc.getJdbcOperations().queryForObject(
                "select consent_document from volunteer_view where volunteer_id = ?", String.class, old.toString())).isNull();
    }

    @Test
    void the_export_holds_only_that_volunteers_activities() {
        assertThat(export(history.bernd, COORDINATOR_KOELN).activities()).extracting(ActivityEntry::note)
                .containsExactly("Hausaufgaben Mathe");
        assertThat(export(history.bernd, COORDINATOR_KOELN).status()).isEqualTo(VolunteerStatus.INACTIVE);
        assertThat(export(history.bernd, COORDINATOR_KOELN).phone()).isEqualTo("+49 221 555");
    }

    @Test
    void an_administrator_exports_a_volunteer_of_any_centre() {
        VolunteerDataExport export = export(history.deniz, ADMINISTRATOR);

        assertThat(export.centreId()).isEqualTo(DUESSELDORF);
        assertThat(export.name()).isEqualTo("Deniz Yılmaz");
        assertThat(export.activities()).singleElement().satisfies(a -> {
            assertThat(a.category()).isEqualTo(HOUSING_SEARCH);
            assertThat(a.minutes()).isEqualTo(150);
            assertThat(a.note()).isEqualTo("Wohnungsbesichtigung");
        });
    }

    @Test
    void the_export_of_an_erased_volunteer_shows_the_erasure_with_the_pseudonymous_figures_and_the_consent_history() {
        Instant withdrawnAt = Instant.parse("2025-06-12T08:30:00Z");
        readSide.withdrawConsent(history.amira, KOELN, withdrawnAt, true);

        VolunteerDataExport export = export(history.amira, COORDINATOR_KOELN);

        assertThat(export.erased()).isTrue();
        assertThat(export.name()).isNull();
        assertThat(export.email()).isNull();
        assertThat(export.phone()).isNull();
        assertThat(export.availability()).isNull();
        assertThat(export.languages()).isEmpty();
        assertThat(export.interests()).isEmpty();
        assertThat(export.status()).isEqualTo(VolunteerStatus.INACTIVE);
        // the consent's document is free text like any other: sealed, and gone with the key (ADR 21)
        assertThat(export.consents()).containsExactly(new ConsentEntry(null, "2024-01", CONSENT_GIVEN, withdrawnAt));
        assertThat(export.activities()).extracting(ActivityEntry::minutes).containsExactly(100, 90, 60);
        assertThat(export.activities()).extracting(ActivityEntry::note).containsOnlyNulls();
        assertThat(export.activities()).flatExtracting(ActivityEntry::changes).extracting(c -> c.kind().name() + ":" + c.reason())
                .containsExactly("CORRECTION:null", "WITHDRAWAL:null");
        assertThat(export.toString()).doesNotContain("Amira", "Haddad", "amira@", "Sprachcafé", "Jobcenter");
    }

    @Test
    void a_key_destroyed_before_the_projection_caught_up_already_shows_the_volunteer_as_erased() {
        readSide.keyRing.destroy(history.amira);

        VolunteerDataExport export = export(history.amira, COORDINATOR_KOELN);

        assertThat(export.erased()).isTrue();
        assertThat(export.name()).isNull();
        assertThat(export.languages()).isEmpty();
        assertThat(export.activities()).extracting(ActivityEntry::note).containsOnlyNulls();
        assertThat(export.toString()).doesNotContain("Amira", "Sprachcafé", "Jobcenter");
    }

    @Test
    void the_export_after_a_rebuild_is_the_same_apart_from_its_time() {
        readSide.erase(history.amira, KOELN, LocalDate.of(2025, 6, 10));
        VolunteerDataExport before = export(history.amira, COORDINATOR_KOELN);

        readSide.resetAndReplay();

        assertThat(export(history.amira, COORDINATOR_KOELN)).isEqualTo(before);
    }

    @Test
    void an_unknown_volunteer_is_not_found() {
        for (var actor : List.of(COORDINATOR_KOELN, ADMINISTRATOR)) {
            assertThatThrownBy(() -> export(VolunteerId.random(), actor)).isInstanceOfSatisfying(NotFoundException.class,
                    e -> assertThat(e.code()).isEqualTo("volunteer.not-found"));
        }
    }
}
