package nrw.komman.web.platform.security;

import nrw.komman.kernel.access.Action;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The roles of an address rule, as the security configuration takes them from the permission map. */
class AddressRuleRolesTest {

    @Test
    void one_rule_for_actions_that_agree_gets_their_roles() {
        assertThat(SecurityConfiguration.roles(Action.REVIEW_GRANT, Action.DISBURSE_TRANCHE, Action.CLOSE_GRANT))
                .containsExactly("GRANT_OFFICER");
        assertThat(SecurityConfiguration.roles(Action.ERASE_VOLUNTEER_DATA, Action.EXPORT_VOLUNTEER_DATA))
                .containsExactlyInAnyOrder("COORDINATOR", "ADMINISTRATOR");
    }

    @Test
    void the_platform_itself_is_no_role_of_an_address_rule() {
        // the ministry and the platform establish centres; only the ministry signs in
        assertThat(SecurityConfiguration.roles(Action.ESTABLISH_CENTRE)).containsExactly("MINISTRY");
    }

    @Test
    void actions_whose_roles_part_cannot_share_a_rule() {
        assertThatThrownBy(() -> SecurityConfiguration.roles(Action.READ_GRANTS, Action.READ_BUDGETS))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_register_of_all_grants_is_for_the_roles_that_read_every_centres() {
        assertThat(SecurityConfiguration.rolesOnAnyCentre(Action.READ_GRANTS))
                .containsExactlyInAnyOrder("GRANT_OFFICER", "MINISTRY", "AUDITOR");
    }
}
