package nrw.komman.command;

import nrw.komman.command.common.AggregateCache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

import java.util.function.Function;

/**
 * The command side as one unit for the application to import, on only where the process plays the
 * command role ({@code komman.command.enabled}, set from {@code komman.role}): the aggregates, the
 * ports' Spring implementations, the e-mail registry, the budget ledger and the reference centres.
 * <p>
 * The application provides: a {@code DataSource} (with Flyway running
 * {@code classpath:db/migration/common}), a {@link java.time.Clock}, a
 * {@link nrw.komman.kernel.volunteer.PersonalDataVault} and the property
 * {@code komman.personal-data.email-pepper}; optionally the retention periods
 * {@code komman.retention.inactive-volunteers-years} and {@code komman.retention.grant-file-years} (ADR 9).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "komman.command", name = "enabled", havingValue = "true", matchIfMissing = true)
@ComponentScan(basePackageClasses = CommandSideConfiguration.class)
public class CommandSideConfiguration {

    /** Bean name of the volunteers' aggregate cache ({@code @Aggregate(cache = ...)}). */
    public static final String VOLUNTEER_CACHE = "volunteerCache";
    /** Bean name of the grants' aggregate cache. */
    public static final String GRANT_CACHE = "grantCache";

    /** The most recently used volunteers (each a few kB: the volunteer and the state of their activities). */
    @Bean(VOLUNTEER_CACHE)
    public AggregateCache volunteerCache(@Value("${komman.aggregate-cache.volunteers:20000}") int size,
                                         ObjectProvider<EventStore> eventStore) {
        return new AggregateCache(size, storedVersion(eventStore));
    }

    @Bean(GRANT_CACHE)
    public AggregateCache grantCache(@Value("${komman.aggregate-cache.grants:5000}") int size,
                                     ObjectProvider<EventStore> eventStore) {
        return new AggregateCache(size, storedVersion(eventStore));
    }

    /** The newest sequence number of an aggregate in the event store (JDBC: by the unique index on aggregate and sequence). */
    private static Function<Object, Long> storedVersion(ObjectProvider<EventStore> eventStore) {
        return id -> eventStore.getObject().lastSequenceNumberFor(id.toString()).orElse(null);
    }
}
