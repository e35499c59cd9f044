package nrw.komman.web;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The web module alone: Spring Boot's auto-configuration with the module's own
 * ({@link WebModuleAutoConfiguration}), without Axon's (the tests mock the two gateways) and with an
 * H2 database for the accounts.
 */
@SpringBootConfiguration
@EnableAutoConfiguration(excludeName = {
        "org.axonframework.springboot.autoconfig.AvroSerializerAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonTimeoutAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonDbSchedulerAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonJobRunrAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonServerActuatorAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonServerAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonServerBusAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonTracingAutoConfiguration",
        "org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration",
        "org.axonframework.springboot.autoconfig.InfraConfiguration",
        "org.axonframework.springboot.autoconfig.InterceptorAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JdbcAutoConfiguration",
        "org.axonframework.springboot.autoconfig.legacyjpa.JpaJavaxAutoConfiguration",
        "org.axonframework.springboot.autoconfig.legacyjpa.JpaJavaxEventStoreAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JpaAutoConfiguration",
        "org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration",
        "org.axonframework.springboot.autoconfig.MetricsAutoConfiguration",
        "org.axonframework.springboot.autoconfig.MicrometerMetricsAutoConfiguration",
        "org.axonframework.springboot.autoconfig.NoOpTransactionAutoConfiguration",
        "org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration",
        "org.axonframework.springboot.autoconfig.CBORMapperAutoConfiguration",
        "org.axonframework.springboot.autoconfig.OpenTelemetryAutoConfiguration",
        "org.axonframework.springboot.autoconfig.SecurityAutoConfiguration",
        "org.axonframework.springboot.autoconfig.TransactionAutoConfiguration",
        "org.axonframework.springboot.autoconfig.UpdateCheckerAutoConfiguration",
        "org.axonframework.springboot.autoconfig.XStreamAutoConfiguration"})
public class WebTestApplication {
}
