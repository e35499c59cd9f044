package nrw.komman.app.operations;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The HTTP side of a process without the web role (a command or query node of the split topology):
 * it serves only the probes and the metrics scrape, to the internal network, and nothing else. There
 * are no accounts here, so there is nobody to sign in (and Spring Boot's generated user stays away).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "komman.web", name = "enabled", havingValue = "false")
public class OperationsSecurity {

    @Bean
    public SecurityFilterChain operationsFilterChain(HttpSecurity http) throws Exception {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        return http
                .csrf(AbstractHttpConfigurer::disable)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(paths.matcher("/actuator/health/**"), paths.matcher("/actuator/prometheus"),
                                paths.matcher("/actuator/info")).permitAll()
                        .anyRequest().denyAll())
                .build();
    }

    @Bean
    public AuthenticationManager noAccountsHere() {
        return authentication -> {
            throw new BadCredentialsException("a process without the web role has no accounts");
        };
    }
}
