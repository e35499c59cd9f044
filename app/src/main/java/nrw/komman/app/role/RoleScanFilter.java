package nrw.komman.app.role;

import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;

import java.util.Set;

/**
 * Leaves the components of the roles this process does not play out of the component scan: a query
 * node has no aggregates, a command node no projections, neither has the web module's controllers.
 * The modules depend on each other only through the shared kernel and Axon's buses, so what is left
 * out is never missed; the buses carry the messages to the process that plays the role.
 */
public class RoleScanFilter implements TypeFilter, EnvironmentAware {

    private Set<Role> roles = Set.of(Role.values());

    @Override
    public void setEnvironment(Environment environment) {
        roles = Role.parse(environment.getProperty(Role.PROPERTY));
    }

    @Override
    public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
        Role owner = Role.owning(reader.getClassMetadata().getClassName());
        return owner != null && !roles.contains(owner);
    }
}
