package nrw.komman.app.role;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.mock.env.MockEnvironment;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleTest {

    @Test
    void all_or_nothing_set_means_every_role() {
        assertThat(NodeRole.parse(null)).isEqualTo(EnumSet.allOf(NodeRole.class));
        assertThat(NodeRole.parse("all")).isEqualTo(EnumSet.allOf(NodeRole.class));
        assertThat(NodeRole.parse(" ALL ")).isEqualTo(EnumSet.allOf(NodeRole.class));
    }

    @Test
    void a_list_of_roles_means_those() {
        assertThat(NodeRole.parse("command")).containsExactly(NodeRole.COMMAND);
        assertThat(NodeRole.parse("query, web")).containsExactly(NodeRole.QUERY, NodeRole.WEB);
    }

    @Test
    void an_unknown_role_is_a_configuration_error_that_names_the_choices() {
        assertThatThrownBy(() -> NodeRole.parse("reporting")).hasMessageContaining("command, query, web").hasMessageContaining("reporting");
    }

    @Test
    void each_module_belongs_to_its_role_and_the_shared_parts_to_none() {
        assertThat(NodeRole.owning("nrw.komman.command.volunteer.Volunteer")).isEqualTo(NodeRole.COMMAND);
        assertThat(NodeRole.owning("nrw.komman.command.centre.ReferenceCentres")).isEqualTo(NodeRole.COMMAND);
        assertThat(NodeRole.owning("nrw.komman.query.activity.ActivityProjection")).isEqualTo(NodeRole.QUERY);
        assertThat(NodeRole.owning("nrw.komman.query.readmodel.rebuild.ReadModelRebuilds")).isEqualTo(NodeRole.QUERY);
        assertThat(NodeRole.owning("nrw.komman.web.volunteer.VolunteerController")).isEqualTo(NodeRole.WEB);
        assertThat(NodeRole.owning("nrw.komman.app.config.AxonConfiguration")).isNull();
        assertThat(NodeRole.owning("nrw.komman.app.personaldata.JdbcKeyRing")).isNull();
        assertThat(NodeRole.owning("nrw.komman.kernel.volunteer.VolunteerRegisteredEvent")).isNull();
    }

    /** Browser sessions in the database are the web module's (ADR 23): a node without the web role leaves them out. */
    @Test
    void only_a_node_with_the_web_role_keeps_spring_session() {
        assertThat(excluded("command")).contains(RoleEnvironmentPostProcessor.SESSIONS);
        assertThat(excluded("command,query")).contains(RoleEnvironmentPostProcessor.SESSIONS);
        assertThat(excluded("web")).isNull();
        assertThat(excluded("all")).isNull();
    }

    @Test
    void leaving_spring_session_out_keeps_the_operators_own_exclusions() {
        MockEnvironment environment = new MockEnvironment().withProperty(NodeRole.PROPERTY, "query")
                .withProperty("spring.autoconfigure.exclude", "com.example.SomeAutoConfiguration");
        new RoleEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("spring.autoconfigure.exclude"))
                .isEqualTo("com.example.SomeAutoConfiguration," + RoleEnvironmentPostProcessor.SESSIONS);
    }

    private static String excluded(String roles) {
        MockEnvironment environment = new MockEnvironment().withProperty(NodeRole.PROPERTY, roles);
        new RoleEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment.getProperty("spring.autoconfigure.exclude");
    }
}
