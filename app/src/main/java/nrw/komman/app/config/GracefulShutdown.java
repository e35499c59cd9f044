package nrw.komman.app.config;

import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A graceful stop stops the event processors before the database goes (ADR 25). Spring stops Axon's
 * configuration, and with it every processor, at its lifecycle phase after the web server and before
 * it destroys the connection pool; Axon waits only 5 s per phase of its own before it gives up on a
 * processor that is still writing a batch, and Spring would then close the pool under it. Here each
 * phase gets {@code komman.shutdown.axon-phase-timeout} (30 s). The H2 URL carries
 * {@code DB_CLOSE_ON_EXIT=FALSE} so that H2's own JVM hook does not close the database first.
 */
@Configuration(proxyBeanMethods = false)
public class GracefulShutdown {

    @Bean
    public ConfigurerModule processorsFinishTheirBatchOnShutdown(
            @Value("${komman.shutdown.axon-phase-timeout:30s}") Duration timeout) {
        return configurer -> configurer.configureLifecyclePhaseTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
