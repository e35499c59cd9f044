package nrw.komman.app;

import nrw.komman.command.CommandSideConfiguration;
import nrw.komman.kernel.admin.ServerCommand;
import nrw.komman.query.QuerySideConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

import java.util.ServiceLoader;

/**
 * The one runnable application: wiring only. It joins the role modules (the command side and the query
 * side by their configuration classes, the web module as an auto-configuration) and adds what they
 * share: Axon's wiring, the key ring, the schema of Axon's tables, the upcasters. By default it runs
 * every role in one JVM on an embedded H2 database; profiles switch the database and the message
 * routing, and {@code komman.role} chooses the roles this process plays ({@link nrw.komman.app.role.NodeRole}).
 * <p>
 * Its own component scan covers {@code nrw.komman.app} only: each role module scans itself when its
 * switch is on, so no package of another role is ever picked up here.
 */
@SpringBootApplication
@Import({CommandSideConfiguration.class, QuerySideConfiguration.class})
public class KommAnApplication {

    static final String UPDATE_CHECKER_SWITCH = "axoniq.update-checker.disabled";

    public static void main(String[] args) {
        switchOffAxonUpdateChecker();
        for (ServerCommand command : ServiceLoader.load(ServerCommand.class)) {
            if (command.wants(args)) {
                // an operator's one-off command (e.g. --komman.admin.reset=<username>) instead of the platform
                System.exit(command.run(args));
            }
        }
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
