package nrw.komman.web;

import nrw.komman.web.account.AdminProperties;
import nrw.komman.web.platform.AdmissionProperties;
import nrw.komman.web.platform.ReadYourWritesProperties;
import nrw.komman.web.platform.WebProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The web module: REST API, security, accounts, problem responses, OpenAPI.
 *
 * <p>Registered as an auto-configuration, so the application needs no component scan of
 * {@code nrw.komman.web}; {@code komman.web.enabled=false} switches the whole module off (e.g. for a
 * process that runs only the command or query role). It runs before Spring Boot's security
 * auto-configuration so that Boot's default filter chain and in-memory user back off.
 */
@AutoConfiguration(
        before = {SecurityAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class},
        beforeName = "org.springframework.boot.actuate.autoconfigure.security.servlet.ManagementWebSecurityAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(prefix = "komman.web", name = "enabled", havingValue = "true", matchIfMissing = true)
@ComponentScan(basePackageClasses = WebModuleAutoConfiguration.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.ASSIGNABLE_TYPE, classes = WebModuleAutoConfiguration.class))
@EnableConfigurationProperties({WebProperties.class, ReadYourWritesProperties.class, AdminProperties.class,
        AdmissionProperties.class})
public class WebModuleAutoConfiguration {
}
