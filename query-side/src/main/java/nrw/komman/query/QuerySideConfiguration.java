package nrw.komman.query;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The query side as one unit for the application to import, on only where the process plays the query
 * role ({@code komman.query.enabled}, set from {@code komman.role}): the projections and their query
 * handlers, the annual reports, and the read-model machinery (processing, read-your-writes, metrics,
 * health, rebuilds) in {@code readmodel}.
 * <p>
 * The application provides: a {@code DataSource} (with Flyway running {@code classpath:db/migration/common}
 * and {@code db/migration/{vendor}}), a {@link java.time.Clock}, a
 * {@link nrw.komman.kernel.volunteer.PersonalDataVault}, Axon's event store and token store.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "komman.query", name = "enabled", havingValue = "true", matchIfMissing = true)
@ComponentScan(basePackageClasses = QuerySideConfiguration.class)
public class QuerySideConfiguration {
}
