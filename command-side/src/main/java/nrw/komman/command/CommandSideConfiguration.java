package nrw.komman.command;

import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The command side as one unit for the application to import (only in the roles that decide):
 * the aggregates, the ports' Spring implementations and the e-mail registry.
 * <p>
 * The application provides: a {@code DataSource} (with Flyway running
 * {@code classpath:db/migration/common}), a {@link java.time.Clock}, a
 * {@link nrw.komman.kernel.volunteer.PersonalDataVault} and the property
 * {@code komman.personal-data.email-pepper}; optionally the retention periods
 * {@code komman.retention.inactive-volunteers-years} and {@code komman.retention.grant-file-years} (ADR 9).
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = CommandSideConfiguration.class)
public class CommandSideConfiguration {
}
