package nrw.komman.app.role;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleTest {

    @Test
    void all_or_nothing_set_means_every_role() {
        assertThat(Role.parse(null)).isEqualTo(EnumSet.allOf(Role.class));
        assertThat(Role.parse("all")).isEqualTo(EnumSet.allOf(Role.class));
        assertThat(Role.parse(" ALL ")).isEqualTo(EnumSet.allOf(Role.class));
    }

    @Test
    void a_list_of_roles_means_those() {
        assertThat(Role.parse("command")).containsExactly(Role.COMMAND);
        assertThat(Role.parse("query, web")).containsExactly(Role.QUERY, Role.WEB);
    }

    @Test
    void an_unknown_role_is_a_configuration_error_that_names_the_choices() {
        assertThatThrownBy(() -> Role.parse("reporting")).hasMessageContaining("command, query, web").hasMessageContaining("reporting");
    }

    @Test
    void each_module_belongs_to_its_role_and_the_shared_parts_to_none() {
        assertThat(Role.owning("nrw.komman.command.volunteer.Volunteer")).isEqualTo(Role.COMMAND);
        assertThat(Role.owning("nrw.komman.app.centre.ReferenceCentres")).isEqualTo(Role.COMMAND);
        assertThat(Role.owning("nrw.komman.query.activity.ActivityProjection")).isEqualTo(Role.QUERY);
        assertThat(Role.owning("nrw.komman.app.readmodel.rebuild.ReadModelRebuilds")).isEqualTo(Role.QUERY);
        assertThat(Role.owning("nrw.komman.web.api.volunteer.VolunteerController")).isEqualTo(Role.WEB);
        assertThat(Role.owning("nrw.komman.app.config.AxonConfiguration")).isNull();
        assertThat(Role.owning("nrw.komman.app.personaldata.JdbcKeyRing")).isNull();
        assertThat(Role.owning("nrw.komman.kernel.volunteer.VolunteerRegisteredEvent")).isNull();
    }
}
