package nrw.komman.app;

import nrw.komman.app.role.RoleScanFilter;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * The one runnable application. By default it runs every role (command side, query side, web) in
 * one JVM on an embedded H2 database; profiles switch the database and the message routing, and
 * {@code komman.role} chooses the roles this process plays ({@link nrw.komman.app.role.Role}).
 * <p>
 * {@code @SpringBootApplication} spelled out, to add the role filter to its component scan.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@ComponentScan(basePackages = "nrw.komman", excludeFilters = {
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class),
        @ComponentScan.Filter(type = FilterType.CUSTOM, classes = RoleScanFilter.class)})
public class KommAnApplication {

    static final String UPDATE_CHECKER_SWITCH = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        switchOffAxonUpdateChecker();
        SpringApplication.run(KommAnApplication.class, args);
    }

    /**
     * Axon's update checker calls the vendor's servers and reads its switch only from a system
     * property or the environment variable AXONIQ_UPDATE_CHECKER_DISABLED, never from Spring's
     * configuration. The platform never calls out to the internet, so it is off unless an operator
     * explicitly sets the switch to false.
     */
    static void switchOffAxonUpdateChecker() {
        if (System.getProperty(UPDATE_CHECKER_SWITCH) == null && System.getenv("AXONIQ_UPDATE_CHECKER_DISABLED") == null) {
            System.setProperty(UPDATE_CHECKER_SWITCH, "true");
        }
    }
}
