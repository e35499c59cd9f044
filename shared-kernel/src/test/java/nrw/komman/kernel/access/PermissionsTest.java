package nrw.komman.kernel.access;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The permission map against docs/domain.md's "Who uses it" and data minimisation. */
class PermissionsTest {

    private static final CentreId KOELN = new CentreId("05315");
    private static final CentreId VIERSEN = new CentreId("05166");
    private static final Actor COORDINATOR_KOELN = Actor.coordinator("koordination.koeln", KOELN);
    private static final Actor GRANT_OFFICER = Actor.of("bezirksregierung", AccountRole.GRANT_OFFICER);
    private static final Actor MINISTRY = Actor.of("ministerium", AccountRole.MINISTRY);
    private static final Actor AUDITOR = Actor.of("pruefung", AccountRole.AUDITOR);
    private static final Actor ADMINISTRATOR = Actor.of("admin", AccountRole.ADMINISTRATOR);
    private static final Scope OWN = Scope.OWN_CENTRE;
    private static final Scope ANY = Scope.ANY_CENTRE;
    private static final Scope NO = null; // the role may not take the action

    @Test
    void coordinators_act_only_on_their_own_centre_except_reading_the_public_register() {
        for (Action action : Action.values()) {
            // one's own notices are the account's, not a centre's data: the fan-out gives coordinators their centre's only
            if (action == Action.READ_CENTRES || action == Action.READ_OWN_NOTICES || !action.allows(AccountRole.COORDINATOR)) {
                continue;
            }
            assertThat(action.scopeFor(AccountRole.COORDINATOR)).as(action.name()).isEqualTo(Scope.OWN_CENTRE);
            assertThat(Permissions.allows(COORDINATOR_KOELN, action, KOELN)).as(action.name()).isTrue();
            assertThat(Permissions.allows(COORDINATOR_KOELN, action, VIERSEN)).as(action.name()).isFalse();
            // the whole state is not their centre either
            assertThat(Permissions.allows(COORDINATOR_KOELN, action, null)).as(action.name()).isFalse();
        }
    }

    @Test
    void only_coordinators_and_volunteers_through_their_link_are_bound_to_a_centre() {
        for (Action action : Action.values()) {
            assertThat(action.rolesReaching(Scope.OWN_CENTRE)).as(action.name())
                    .isSubsetOf(EnumSet.of(AccountRole.COORDINATOR, AccountRole.VOLUNTEER));
        }
    }

    @Test
    void a_volunteer_through_their_link_reaches_only_their_own_assignments_page_availability_and_certificate() {
        Actor aylin = Actor.volunteer(java.util.UUID.randomUUID(), KOELN);
        assertThat(Arrays.stream(Action.values()).filter(action -> action.allows(AccountRole.VOLUNTEER)))
                .containsExactlyInAnyOrder(Action.RESPOND_TO_ASSIGNMENT, Action.UPDATE_AVAILABILITY,
                        Action.OPEN_PERSONAL_LINK, Action.READ_OWN_VOLUNTEER_PAGE, Action.ISSUE_CERTIFICATE,
                        Action.VERIFY_CERTIFICATE, Action.WITHDRAW_EMAIL_CONSENT);
        assertThat(Permissions.allows(aylin, Action.RESPOND_TO_ASSIGNMENT, KOELN)).isTrue();
        assertThat(Permissions.allows(aylin, Action.RESPOND_TO_ASSIGNMENT, VIERSEN)).isFalse();
        assertThat(Permissions.allows(aylin, Action.READ_PERSONAL_DATA, KOELN)).isFalse();
        assertThat(Permissions.allows(aylin, Action.MANAGE_HELP_REQUESTS, KOELN)).isFalse();
        // the unresolved link holder may only resolve a token or check a certificate
        assertThat(Permissions.allows(Actor.PERSONAL_LINK, Action.READ_OWN_VOLUNTEER_PAGE, KOELN)).isFalse();
        assertThat(aylin.actsAsVolunteer(java.util.UUID.randomUUID())).isFalse();
    }

    @Test
    void the_ministry_the_auditors_and_the_grant_authority_never_get_personal_data() {
        for (Action action : Action.values()) {
            if (action.touchesPersonalData()) {
                assertThat(action.roles()).as(action.name())
                        .doesNotContain(AccountRole.MINISTRY, AccountRole.AUDITOR, AccountRole.GRANT_OFFICER);
            }
        }
        assertThatThrownBy(() -> Permissions.require(MINISTRY, Action.READ_PERSONAL_DATA, KOELN))
                .isInstanceOf(ForbiddenException.class)
                .hasFieldOrPropertyWithValue("code", "personal-data.forbidden");
    }

    @Test
    void the_auditor_changes_nothing() {
        List<Action> changed = Arrays.stream(Action.values())
                .filter(action -> action.changes() && action.allows(AccountRole.AUDITOR)).toList();
        assertThat(changed).isEmpty();
        assertThat(Arrays.stream(Action.values()).filter(action -> action.allows(AccountRole.AUDITOR)))
                .containsExactlyInAnyOrder(Action.READ_CENTRES, Action.READ_GRANTS, Action.READ_BUDGETS,
                        Action.READ_STATE_FIGURES, Action.READ_REPORTS, Action.READ_OWN_NOTICES);
    }

    @Test
    void each_step_of_a_grant_belongs_to_one_role() {
        assertThat(Action.APPLY_FOR_GRANT.rolesReaching(Scope.OWN_CENTRE)).containsExactly(AccountRole.COORDINATOR);
        assertThat(Action.REVIEW_GRANT.roles()).containsExactly(AccountRole.GRANT_OFFICER);
        assertThat(Action.APPROVE_GRANT.roles()).containsExactly(AccountRole.MINISTRY);
        assertThat(Action.REJECT_GRANT.roles()).containsExactly(AccountRole.MINISTRY);
        assertThat(Action.DISBURSE_TRANCHE.roles()).containsExactly(AccountRole.GRANT_OFFICER);
        assertThat(Action.SET_BUDGET.roles()).containsExactly(AccountRole.MINISTRY);
    }

    @Test
    void four_eyes_is_not_a_question_of_the_map() {
        // the same ministry account that may approve is stopped by the Grant aggregate when it also applied or reviewed;
        // the map only knows the role
        assertThat(Permissions.allows(MINISTRY, Action.APPROVE_GRANT, KOELN)).isTrue();
    }

    @Test
    void a_refusal_says_the_actions_code_and_german_sentence() {
        assertThatThrownBy(() -> Permissions.require(AUDITOR, Action.REVIEW_GRANT))
                .isInstanceOf(ForbiddenException.class)
                .hasMessage("Nur die Bewilligungsbehörde (Bezirksregierung) prüft Anträge.")
                .hasFieldOrPropertyWithValue("code", "grant.review.forbidden");
        assertThatThrownBy(() -> Permissions.require(COORDINATOR_KOELN, Action.READ_GRANTS, VIERSEN))
                .isInstanceOf(ForbiddenException.class)
                .hasFieldOrPropertyWithValue("code", "grant.foreign-centre");
        // the aggregates tell a coordinator of another centre what they tell any other refused actor
        assertThatThrownBy(() -> Permissions.require(COORDINATOR_KOELN, Action.APPLY_FOR_GRANT, VIERSEN))
                .isInstanceOf(ForbiddenException.class)
                .hasFieldOrPropertyWithValue("code", "grant.apply.forbidden");
    }

    @Test
    void administrators_reach_a_volunteer_only_for_the_volunteers_rights() {
        List<Action> personal = Arrays.stream(Action.values())
                .filter(action -> action.touchesPersonalData() && action.allows(AccountRole.ADMINISTRATOR)).toList();
        assertThat(personal).containsExactlyInAnyOrder(Action.ERASE_VOLUNTEER_DATA, Action.EXPORT_VOLUNTEER_DATA,
                Action.RUN_RETENTION);
        assertThat(Permissions.allows(ADMINISTRATOR, Action.EXPORT_VOLUNTEER_DATA, VIERSEN)).isTrue();
        assertThat(Permissions.allows(ADMINISTRATOR, Action.READ_PERSONAL_DATA, VIERSEN)).isFalse();
    }

    @Test
    void everyone_else_passes_the_webs_early_centre_check() {
        assertThat(Permissions.mayAddress(COORDINATOR_KOELN, KOELN)).isTrue();
        assertThat(Permissions.mayAddress(COORDINATOR_KOELN, VIERSEN)).isFalse();
        assertThat(Permissions.mayAddress(GRANT_OFFICER, VIERSEN)).isTrue();
        assertThat(Permissions.mayAddress(Actor.SYSTEM, VIERSEN)).isTrue();
    }

    /** docs/domain.md's table "Who uses it", written out once more as this test's own expectation. */
    @Test
    void the_map_says_what_domain_md_says() {
        Map<Action, List<Scope>> expected = new EnumMap<>(Action.class);
        //                                          coordinator grant officer ministry auditor administrator system volunteer
        expected.put(Action.READ_CENTRES, Arrays.asList(ANY, ANY, ANY, ANY, ANY, ANY, NO));
        expected.put(Action.ESTABLISH_CENTRE, Arrays.asList(NO, NO, ANY, NO, NO, ANY, NO));
        expected.put(Action.CLOSE_CENTRE, Arrays.asList(NO, NO, ANY, NO, NO, NO, NO));
        expected.put(Action.CONFIRM_CENTRE_CLOSURE, Arrays.asList(NO, NO, ANY, NO, NO, NO, NO));
        expected.put(Action.REGISTER_VOLUNTEER, Arrays.asList(OWN, NO, NO, NO, NO, ANY, NO));
        expected.put(Action.MANAGE_VOLUNTEER, Arrays.asList(OWN, NO, NO, NO, NO, ANY, NO));
        expected.put(Action.LOG_ACTIVITY, Arrays.asList(OWN, NO, NO, NO, NO, ANY, NO));
        expected.put(Action.RECORD_CONSENT_WITHDRAWAL, Arrays.asList(OWN, NO, NO, NO, NO, NO, NO));
        expected.put(Action.READ_PERSONAL_DATA, Arrays.asList(OWN, NO, NO, NO, NO, NO, NO));
        expected.put(Action.EXPORT_CENTRE_LISTS, Arrays.asList(OWN, NO, NO, NO, NO, NO, NO));
        expected.put(Action.MANAGE_HELP_REQUESTS, Arrays.asList(OWN, NO, NO, NO, NO, ANY, NO));
        expected.put(Action.READ_HELP_REQUESTS, Arrays.asList(OWN, NO, NO, NO, NO, NO, NO));
        expected.put(Action.RESPOND_TO_ASSIGNMENT, Arrays.asList(OWN, NO, NO, NO, NO, NO, OWN));
        expected.put(Action.UPDATE_AVAILABILITY, Arrays.asList(OWN, NO, NO, NO, NO, NO, OWN));
        expected.put(Action.WITHDRAW_EMAIL_CONSENT, Arrays.asList(OWN, NO, NO, NO, NO, NO, OWN));
        expected.put(Action.MANAGE_VOLUNTEER_LINKS, Arrays.asList(OWN, NO, NO, NO, NO, ANY, NO));
        expected.put(Action.OPEN_PERSONAL_LINK, Arrays.asList(NO, NO, NO, NO, NO, NO, ANY));
        expected.put(Action.READ_OWN_VOLUNTEER_PAGE, Arrays.asList(NO, NO, NO, NO, NO, NO, OWN));
        expected.put(Action.ISSUE_CERTIFICATE, Arrays.asList(OWN, NO, NO, NO, NO, NO, OWN));
        expected.put(Action.VERIFY_CERTIFICATE, Arrays.asList(NO, NO, NO, NO, NO, NO, ANY));
        expected.put(Action.ERASE_VOLUNTEER_DATA, Arrays.asList(OWN, NO, NO, NO, ANY, ANY, NO));
        expected.put(Action.EXPORT_VOLUNTEER_DATA, Arrays.asList(OWN, NO, NO, NO, ANY, NO, NO));
        expected.put(Action.RUN_RETENTION, Arrays.asList(NO, NO, NO, NO, ANY, ANY, NO));
        expected.put(Action.VIEW_RETENTION_PLAN, Arrays.asList(NO, NO, NO, NO, ANY, NO, NO));
        expected.put(Action.APPLY_FOR_GRANT, Arrays.asList(OWN, NO, NO, NO, NO, ANY, NO));
        expected.put(Action.WITHDRAW_GRANT_APPLICATION, Arrays.asList(OWN, NO, NO, NO, NO, ANY, NO));
        expected.put(Action.REQUEST_FUNDS, Arrays.asList(OWN, NO, NO, NO, NO, ANY, NO));
        expected.put(Action.SUBMIT_USAGE_REPORT, Arrays.asList(OWN, NO, NO, NO, NO, ANY, NO));
        expected.put(Action.REVIEW_GRANT, Arrays.asList(NO, ANY, NO, NO, NO, NO, NO));
        expected.put(Action.APPROVE_GRANT, Arrays.asList(NO, NO, ANY, NO, NO, NO, NO));
        expected.put(Action.REJECT_GRANT, Arrays.asList(NO, NO, ANY, NO, NO, NO, NO));
        expected.put(Action.AMEND_GRANT, Arrays.asList(NO, NO, ANY, NO, NO, NO, NO));
        expected.put(Action.APPROVE_GRANT_RAISE, Arrays.asList(NO, NO, ANY, NO, NO, NO, NO));
        expected.put(Action.DISBURSE_TRANCHE, Arrays.asList(NO, ANY, NO, NO, NO, NO, NO));
        expected.put(Action.CLOSE_GRANT, Arrays.asList(NO, ANY, NO, NO, NO, NO, NO));
        expected.put(Action.RECORD_REPAYMENT, Arrays.asList(NO, ANY, NO, NO, NO, NO, NO));
        // issue 19, time: the dates of grants
        expected.put(Action.SET_PROGRAMME_DATES, Arrays.asList(NO, NO, ANY, NO, NO, NO, NO));
        expected.put(Action.EXTEND_USAGE_REPORT_DUE, Arrays.asList(NO, ANY, NO, NO, NO, NO, NO));
        expected.put(Action.REPORT_TRANCHE_SPENT, Arrays.asList(OWN, NO, NO, NO, NO, ANY, NO));
        expected.put(Action.RECORD_GRANT_DATES, Arrays.asList(NO, NO, NO, NO, NO, ANY, NO));
        expected.put(Action.READ_GRANTS, Arrays.asList(OWN, ANY, ANY, ANY, NO, NO, NO));
        expected.put(Action.SET_BUDGET, Arrays.asList(NO, NO, ANY, NO, NO, NO, NO));
        expected.put(Action.READ_BUDGETS, Arrays.asList(NO, ANY, ANY, ANY, NO, NO, NO));
        expected.put(Action.READ_STATE_FIGURES, Arrays.asList(NO, ANY, ANY, ANY, NO, NO, NO));
        expected.put(Action.READ_REPORTS, Arrays.asList(OWN, ANY, ANY, ANY, ANY, NO, NO));
        expected.put(Action.MANAGE_ACCOUNTS, Arrays.asList(NO, NO, NO, NO, ANY, NO, NO));
        expected.put(Action.MANAGE_READ_MODELS, Arrays.asList(NO, NO, NO, NO, ANY, NO, NO));
        expected.put(Action.MONITOR_OPERATIONS, Arrays.asList(NO, NO, NO, NO, ANY, NO, NO));
        // issue 19: notices (voice)
        expected.put(Action.READ_OWN_NOTICES, Arrays.asList(ANY, ANY, ANY, ANY, ANY, NO, NO));
        expected.put(Action.MONITOR_NOTICE_DELIVERY, Arrays.asList(NO, NO, NO, NO, ANY, NO, NO));

        assertThat(expected.keySet()).as("every action has its row here").containsExactlyInAnyOrder(Action.values());
        List<AccountRole> columns = List.of(AccountRole.COORDINATOR, AccountRole.GRANT_OFFICER, AccountRole.MINISTRY,
                AccountRole.AUDITOR, AccountRole.ADMINISTRATOR, AccountRole.SYSTEM, AccountRole.VOLUNTEER);
        expected.forEach((action, row) -> {
            for (int i = 0; i < columns.size(); i++) {
                assertThat(action.scopeFor(columns.get(i))).as(action + " for " + columns.get(i)).isEqualTo(row.get(i));
            }
        });
    }
}
