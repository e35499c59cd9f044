package nrw.komman.app.role;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Settings that follow from the roles, as defaults an operator can still override: without the web
 * role the web module (its security, accounts, forms) is off; without the query role readiness does
 * not wait for read models this process does not run.
 */
public class RoleEnvironmentPostProcessor implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        Set<Role> roles = Role.parse(environment.getProperty(Role.PROPERTY));
        Map<String, Object> defaults = new HashMap<>();
        if (!roles.contains(Role.WEB)) {
            defaults.put("komman.web.enabled", "false");
        }
        // ready when the application has started and, where it runs them, its read models run and keep up
        defaults.put("management.endpoint.health.group.readiness.include",
                roles.contains(Role.QUERY) ? "readinessState,readModels" : "readinessState");
        environment.getPropertySources().addLast(new MapPropertySource("komman-role-defaults", defaults));
    }
}
