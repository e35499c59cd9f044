package nrw.komman.app.role;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns {@code komman.role} into the switches of the role modules: each module has one configuration
 * class, conditional on {@code komman.<role>.enabled}, that scans its own package and nothing else.
 * A role this process does not play leaves its whole module out. The settings are defaults an operator
 * can still override; without the query role, readiness does not wait for read models the process
 * does not run.
 */
public class RoleEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Set<NodeRole> roles = NodeRole.parse(environment.getProperty(NodeRole.PROPERTY));
        Map<String, Object> defaults = new HashMap<>();
        for (NodeRole role : NodeRole.values()) {
            defaults.put(role.switchProperty(), String.valueOf(roles.contains(role)));
        }
        // ready when the application has started and, where it runs them, its read models run and keep up
        defaults.put("management.endpoint.health.group.readiness.include",
                roles.contains(NodeRole.QUERY) ? "readinessState,readModels" : "readinessState");
        environment.getPropertySources().addLast(new MapPropertySource("komman-role-defaults", defaults));
        // browser sessions in the database are the web module's (ADR 23): a process without it keeps Spring Session
        // off (no session filter, no cleanup job on tables it does not need)
        if (!environment.getProperty("komman.web.enabled", Boolean.class, true)) {
            String excluded = environment.getProperty(EXCLUDE, "");
            environment.getPropertySources().addFirst(new MapPropertySource("komman-role-exclusions", Map.of(EXCLUDE,
                    excluded.isBlank() ? SESSIONS : excluded + "," + SESSIONS)));
        }
    }

    private static final String EXCLUDE = "spring.autoconfigure.exclude";
    static final String SESSIONS = "org.springframework.boot.autoconfigure.session.SessionAutoConfiguration";
}
