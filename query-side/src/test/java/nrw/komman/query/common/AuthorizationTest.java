package nrw.komman.query.common;

import nrw.komman.kernel.activity.FindActivitiesQuery;
import nrw.komman.kernel.budget.FetchBudgetUseQuery;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.centre.Regierungsbezirk;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.grant.FetchGrantHistoryQuery;
import nrw.komman.kernel.grant.FindGrantQuery;
import nrw.komman.kernel.grant.FindGrantsQuery;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantView;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.ministry.FetchMinistryOverviewQuery;
import nrw.komman.kernel.privacy.FetchVolunteerDataExportQuery;
import nrw.komman.kernel.privacy.PlanRetentionQuery;
import nrw.komman.kernel.volunteer.FindVolunteerQuery;
import nrw.komman.kernel.volunteer.FindVolunteersQuery;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.query.support.ReadSide;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static nrw.komman.kernel.activity.ActivityCategory.OTHER;
import static nrw.komman.query.support.ReadSide.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One test per rule of who may read what; each fails when its rule is broken. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AuthorizationTest {

    private final ReadSide readSide = new ReadSide();
    private VolunteerId koelnVolunteer;
    private VolunteerId duesseldorfVolunteer;
    private GrantId koelnGrant;
    private GrantId duesseldorfGrant;

    @BeforeEach
    void given_volunteers_activities_and_grants_of_two_centres() {
        readSide.establishSomeCentres();
        koelnVolunteer = readSide.register(KOELN, "Amira Haddad", "amira@example.org", Set.of("ar"), Set.of(), LocalDate.of(2024, 1, 1));
        duesseldorfVolunteer = readSide.register(DUESSELDORF, "Deniz Yilmaz", "deniz@example.org", Set.of("tr"), Set.of(), LocalDate.of(2024, 1, 1));
        readSide.log(koelnVolunteer, KOELN, LocalDate.of(2025, 2, 1), 60, OTHER, "Notiz");
        readSide.log(duesseldorfVolunteer, DUESSELDORF, LocalDate.of(2025, 2, 1), 60, OTHER, "Notiz");
        koelnGrant = readSide.apply(KOELN, 2025, ProgrammePart.PART_I, "Köln", 100_000);
        duesseldorfGrant = readSide.apply(DUESSELDORF, 2025, ProgrammePart.PART_I, "Düsseldorf", 100_000);
    }

    static Stream<Actor> everyoneButCoordinators() {
        return Stream.of(MINISTRY, AUDITOR, GRANT_OFFICER, ADMINISTRATOR, Actor.SYSTEM);
    }

    // ---------------------------------------------------------------- volunteer and activity data

    @ParameterizedTest
    @MethodSource("everyoneButCoordinators")
    void only_coordinators_receive_a_roster_never_ministry_auditors_grant_officers_or_administrators(Actor actor) {
        assertThatThrownBy(() -> readSide.volunteers.handle(
                new FindVolunteersQuery(KOELN, null, null, null, null, 0, 10), as(actor)))
                .isInstanceOf(ForbiddenException.class);
    }

    @ParameterizedTest
    @MethodSource("everyoneButCoordinators")
    void only_coordinators_receive_a_volunteer(Actor actor) {
        assertThatThrownBy(() -> readSide.volunteers.handle(new FindVolunteerQuery(koelnVolunteer), as(actor)))
                .isInstanceOf(ForbiddenException.class);
    }

    @ParameterizedTest
    @MethodSource("everyoneButCoordinators")
    void only_coordinators_receive_an_activity_log(Actor actor) {
        assertThatThrownBy(() -> readSide.activities.handle(
                new FindActivitiesQuery(KOELN, null, null, null, null, 0, 10), as(actor)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void the_ministry_asking_for_volunteers_is_refused() {
        assertThatThrownBy(() -> readSide.volunteers.handle(
                new FindVolunteersQuery(KOELN, null, null, null, null, 0, 10), as(MINISTRY)))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("Koordinator*innen");
    }

    @Test
    void a_coordinator_of_koeln_asking_for_the_roster_of_duesseldorf_is_refused() {
        assertThatThrownBy(() -> readSide.volunteers.handle(
                new FindVolunteersQuery(DUESSELDORF, null, null, null, null, 0, 10), as(COORDINATOR_KOELN)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void a_coordinator_of_koeln_asking_for_a_volunteer_of_duesseldorf_is_refused() {
        assertThatThrownBy(() -> readSide.volunteers.handle(new FindVolunteerQuery(duesseldorfVolunteer), as(COORDINATOR_KOELN)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void a_coordinator_of_koeln_asking_for_the_activity_log_of_duesseldorf_is_refused() {
        assertThatThrownBy(() -> readSide.activities.handle(
                new FindActivitiesQuery(DUESSELDORF, null, null, null, null, 0, 10), as(COORDINATOR_KOELN)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void a_coordinator_filtering_her_log_by_a_foreign_volunteer_sees_nothing_of_that_volunteer() {
        assertThat(readSide.activities.handle(
                new FindActivitiesQuery(KOELN, duesseldorfVolunteer, null, null, null, 0, 10), as(COORDINATOR_KOELN)).items())
                .isEmpty();
    }

    @Test
    void a_coordinator_of_an_unknown_centre_is_refused_for_another_centre_before_anything_is_looked_up() {
        Actor stranger = ReadSide.coordinatorOf(new CentreId("05999"));
        assertThatThrownBy(() -> readSide.volunteers.handle(
                new FindVolunteersQuery(new CentreId("05998"), null, null, null, null, 0, 10), as(stranger)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void a_coordinator_reads_her_own_centres_volunteers_and_activities() {
        assertThat(readSide.volunteers.handle(new FindVolunteersQuery(KOELN, null, null, null, null, 0, 10),
                as(COORDINATOR_KOELN)).items()).hasSize(1);
        assertThat(readSide.volunteers.handle(new FindVolunteerQuery(koelnVolunteer), as(COORDINATOR_KOELN)).name())
                .isEqualTo("Amira Haddad");
        assertThat(readSide.activities.handle(new FindActivitiesQuery(KOELN, null, null, null, null, 0, 10),
                as(COORDINATOR_KOELN)).items()).extracting(a -> a.note()).containsExactly("Notiz");
    }

    @Test
    void an_unknown_volunteer_is_not_found_but_only_after_the_role_check() {
        assertThatThrownBy(() -> readSide.volunteers.handle(new FindVolunteerQuery(VolunteerId.random()), as(COORDINATOR_KOELN)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> readSide.volunteers.handle(new FindVolunteerQuery(VolunteerId.random()), as(MINISTRY)))
                .isInstanceOf(ForbiddenException.class);
    }

    // ---------------------------------------------------------------- DSGVO export and retention plan

    static Stream<Actor> everyoneButCoordinatorsAndAdministrators() {
        return Stream.of(MINISTRY, AUDITOR, GRANT_OFFICER, Actor.SYSTEM);
    }

    @ParameterizedTest
    @MethodSource("everyoneButCoordinatorsAndAdministrators")
    void only_coordinators_and_administrators_receive_a_volunteers_data_export(Actor actor) {
        assertThatThrownBy(() -> readSide.exports.handle(new FetchVolunteerDataExportQuery(koelnVolunteer), as(actor)))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("export.forbidden"));
        // the refusal comes first, whatever the volunteer
        assertThatThrownBy(() -> readSide.exports.handle(new FetchVolunteerDataExportQuery(VolunteerId.random()), as(actor)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void a_coordinator_of_koeln_asking_for_the_export_of_a_volunteer_of_duesseldorf_is_refused() {
        assertThatThrownBy(() -> readSide.exports.handle(new FetchVolunteerDataExportQuery(duesseldorfVolunteer),
                as(COORDINATOR_KOELN)))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("centre.foreign"));
    }

    @Test
    void a_coordinator_exports_her_own_centres_volunteer_and_an_administrator_any() {
        assertThat(readSide.exports.handle(new FetchVolunteerDataExportQuery(koelnVolunteer), as(COORDINATOR_KOELN)).name())
                .isEqualTo("Amira Haddad");
        assertThat(readSide.exports.handle(new FetchVolunteerDataExportQuery(duesseldorfVolunteer), as(ADMINISTRATOR)).name())
                .isEqualTo("Deniz Yilmaz");
    }

    static Stream<Actor> everyoneButAdministrators() {
        return Stream.of(COORDINATOR_KOELN, MINISTRY, AUDITOR, GRANT_OFFICER, Actor.SYSTEM);
    }

    @ParameterizedTest
    @MethodSource("everyoneButAdministrators")
    void only_administrators_receive_the_retention_plan(Actor actor) {
        assertThatThrownBy(() -> readSide.retention.handle(new PlanRetentionQuery(), as(actor)))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.code()).isEqualTo("retention.forbidden"));
    }

    @Test
    void an_administrator_receives_the_retention_plan() {
        assertThatCode(() -> readSide.retention.handle(new PlanRetentionQuery(), as(ADMINISTRATOR))).doesNotThrowAnyException();
    }

    // ---------------------------------------------------------------- grants

    @Test
    void a_coordinators_grant_list_is_limited_to_her_centre() {
        assertThat(readSide.grants.handle(new FindGrantsQuery(null, null, null), as(COORDINATOR_KOELN)))
                .extracting(GrantView::grantId).containsExactly(koelnGrant);
        assertThat(readSide.grants.handle(new FindGrantsQuery(KOELN, 2025, null), as(COORDINATOR_KOELN)))
                .extracting(GrantView::grantId).containsExactly(koelnGrant);
    }

    @Test
    void a_coordinator_asking_for_another_centres_grants_is_refused() {
        assertThatThrownBy(() -> readSide.grants.handle(new FindGrantsQuery(DUESSELDORF, null, null), as(COORDINATOR_KOELN)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void a_coordinator_asking_for_another_centres_grant_is_refused() {
        assertThatThrownBy(() -> readSide.grants.handle(new FindGrantQuery(duesseldorfGrant), as(COORDINATOR_KOELN)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(readSide.grants.handle(new FindGrantQuery(koelnGrant), as(COORDINATOR_KOELN)).title()).isEqualTo("Köln");
    }

    @Test
    void a_coordinator_asking_for_another_centres_grant_history_is_refused() {
        assertThatThrownBy(() -> readSide.grants.handle(new FetchGrantHistoryQuery(duesseldorfGrant), as(COORDINATOR_KOELN)))
                .isInstanceOf(ForbiddenException.class);
        assertThat(readSide.grants.handle(new FetchGrantHistoryQuery(koelnGrant), as(COORDINATOR_KOELN)).entries()).hasSize(1);
    }

    @Test
    void grant_officers_ministry_and_auditors_see_every_grant_and_every_history() {
        for (Actor actor : List.of(GRANT_OFFICER, MINISTRY, AUDITOR)) {
            assertThat(readSide.grants.handle(new FindGrantsQuery(null, null, null), as(actor))).hasSize(2);
            assertThat(readSide.grants.handle(new FindGrantQuery(duesseldorfGrant), as(actor)).centreId()).isEqualTo(DUESSELDORF);
            assertThat(readSide.grants.handle(new FetchGrantHistoryQuery(koelnGrant), as(actor)).entries()).hasSize(1);
        }
    }

    @Test
    void administrators_read_no_grants() {
        assertThatThrownBy(() -> readSide.grants.handle(new FindGrantsQuery(null, null, null), as(ADMINISTRATOR)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> readSide.grants.handle(new FindGrantQuery(koelnGrant), as(ADMINISTRATOR)))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> readSide.grants.handle(new FetchGrantHistoryQuery(koelnGrant), as(ADMINISTRATOR)))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void a_coordinator_filtering_by_programme_part_or_region_still_sees_only_her_centre() {
        assertThat(readSide.grants.handle(new FindGrantsQuery(null, null, null, ProgrammePart.PART_I, null),
                as(COORDINATOR_KOELN))).extracting(GrantView::grantId).containsExactly(koelnGrant);
        assertThat(readSide.grants.handle(new FindGrantsQuery(null, null, null, null, Regierungsbezirk.DUESSELDORF),
                as(COORDINATOR_KOELN))).isEmpty();
        assertThatThrownBy(() -> readSide.grants.handle(
                new FindGrantsQuery(DUESSELDORF, null, null, ProgrammePart.PART_I, Regierungsbezirk.DUESSELDORF),
                as(COORDINATOR_KOELN)))
                .isInstanceOf(ForbiddenException.class);
    }

    // ---------------------------------------------------------------- budget use

    @Test
    void the_budget_use_is_for_ministry_grant_officers_and_auditors() {
        readSide.setBudget(2025, ProgrammePart.PART_I, null, 1_000_000, null);
        for (Actor actor : List.of(MINISTRY, GRANT_OFFICER, AUDITOR)) {
            assertThat(readSide.budgets.handle(new FetchBudgetUseQuery(2025), as(actor)).programmeParts())
                    .as(actor.role().name()).hasSize(1);
        }
    }

    static Stream<Actor> everyoneButBudgetReaders() {
        return Stream.of(COORDINATOR_KOELN, COORDINATOR_DUESSELDORF, ADMINISTRATOR, Actor.SYSTEM);
    }

    @ParameterizedTest
    @MethodSource("everyoneButBudgetReaders")
    void coordinators_administrators_and_the_system_are_refused_the_budget_use(Actor actor) {
        assertThatThrownBy(() -> readSide.budgets.handle(new FetchBudgetUseQuery(2025), as(actor)))
                .isInstanceOf(ForbiddenException.class)
                .hasMessageContaining("Budgetübersicht");
        // the refusal comes first, whatever the question
        assertThatThrownBy(() -> readSide.budgets.handle(new FetchBudgetUseQuery(1999), as(actor)))
                .isInstanceOf(ForbiddenException.class);
    }

    // ---------------------------------------------------------------- ministry overview

    @Test
    void the_ministry_overview_is_for_ministry_auditors_and_grant_officers() {
        for (Actor actor : List.of(MINISTRY, AUDITOR, GRANT_OFFICER)) {
            assertThatCode(() -> readSide.ministry.handle(new FetchMinistryOverviewQuery(2025), as(actor)))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void coordinators_and_administrators_are_refused_the_ministry_overview() {
        for (Actor actor : List.of(COORDINATOR_KOELN, ADMINISTRATOR, Actor.SYSTEM)) {
            assertThatThrownBy(() -> readSide.ministry.handle(new FetchMinistryOverviewQuery(2025), as(actor)))
                    .as(actor.role().name())
                    .isInstanceOf(ForbiddenException.class);
        }
    }

    // ---------------------------------------------------------------- the actor itself

    @Test
    void a_query_without_an_actor_or_with_a_garbled_one_is_refused_everywhere() {
        MetaData none = MetaData.emptyInstance();
        MetaData garbled = MetaData.from(Map.of(Actor.ACCOUNT, "x", Actor.ROLE, "SUPERUSER"));
        MetaData coordinatorWithoutCentre = MetaData.from(Map.of(Actor.ACCOUNT, "x", Actor.ROLE, "COORDINATOR"));
        for (MetaData metaData : List.of(none, garbled, coordinatorWithoutCentre)) {
            assertThatThrownBy(() -> readSide.centres.handle(new nrw.komman.kernel.centre.FindCentresQuery(), metaData))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> readSide.grants.handle(new FindGrantsQuery(null, null, null), metaData))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> readSide.ministry.handle(new FetchMinistryOverviewQuery(2025), metaData))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> readSide.budgets.handle(new FetchBudgetUseQuery(2025), metaData))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> readSide.volunteers.handle(new FindVolunteerQuery(koelnVolunteer), metaData))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> readSide.exports.handle(new FetchVolunteerDataExportQuery(koelnVolunteer), metaData))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> readSide.retention.handle(new PlanRetentionQuery(), metaData))
                    .isInstanceOf(ForbiddenException.class);
        }
    }
}
