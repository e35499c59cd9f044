package nrw.komman.app.config;

import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerStarter;
import com.github.kagkarlsson.scheduler.serializer.JacksonSerializer;
import com.github.kagkarlsson.scheduler.serializer.JavaSerializer;
import com.github.kagkarlsson.scheduler.serializer.Serializer;
import com.github.kagkarlsson.scheduler.serializer.SerializerWithFallbackDeserializers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.Optional;

/**
 * The persistent scheduler (issue 19): db-scheduler's Spring Boot starter builds the {@code Scheduler} on the
 * application's {@code DataSource}, wrapped in a {@code TransactionAwareDataSourceProxy}, so that a deadline scheduled
 * in a command's unit of work (Axon writes it when the unit of work prepares its commit) is a row in that command's
 * transaction: it exists if and only if the command's events do. Axon's {@code AxonDbSchedulerAutoConfiguration} then
 * provides the {@code DbSchedulerDeadlineManager} and registers its task; the starter starts the scheduler once the
 * context is ready (Axon's aggregates are there to receive a deadline). Several nodes poll the same table; a node picks
 * an execution by updating its row with the version it read, so each deadline fires on one node.
 * <p>
 * Every node runs the scheduler with the tasks of its roles, and leaves the rows of tasks it does not know to the nodes
 * that do ({@code db-scheduler.delete-unresolved-after} is years, so no node deletes another role's rows). A deadline
 * needs the aggregate: a node without the command role does not take Axon's deadline task, or it would fire deadlines
 * into no aggregate and drop them. {@code komman.scheduler.enabled=false} keeps this node's scheduler from starting;
 * deadlines are still written, and fire on another node or after a restart with it on.
 * <p>
 * A task's data ({@code task_data}) is JSON, written by db-scheduler's Jackson serializer: Axon's deadline details
 * (name, scope, payload and metadata, each already in Axon's Jackson form) become a JSON object instead of a Java
 * serialization stream, which ties a row to the classes' serial form and would deserialize whatever a row holds.
 * Rows written before (Java serialization, issue 19's first round) are still read by the fallback; new and rescheduled
 * rows are JSON (ADR 39). The data of the platform's own tasks must therefore be JSON-shaped (records or no data).
 */
@Configuration(proxyBeanMethods = false)
public class SchedulerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SchedulerConfiguration.class);

    /** The bean name of the deadline task in Axon's {@code AxonDbSchedulerAutoConfiguration}. */
    static final String AXON_DEADLINE_TASK = "dbSchedulerDeadlineDetailsTask";

    /** Task data as JSON; Java serialization only to read rows written before (see the class comment). */
    @Bean
    public DbSchedulerCustomizer taskDataAsJson() {
        return new DbSchedulerCustomizer() {
            @Override
            public Optional<Serializer> serializer() {
                return Optional.of(taskDataSerializer());
            }
        };
    }

    /** The serializer of {@code task_data}: JSON, reading the older Java-serialized rows as well. */
    public static Serializer taskDataSerializer() {
        return new SerializerWithFallbackDeserializers(new JacksonSerializer(), new JavaSerializer());
    }

    /** Replaces the starter's starter: the scheduler stays stopped on this node. */
    @Bean
    @ConditionalOnProperty(prefix = "komman.scheduler", name = "enabled", havingValue = "false")
    public DbSchedulerStarter schedulerKeptStopped() {
        log.info("The scheduler does not run on this node (komman.scheduler.enabled=false): deadlines are written, "
                + "none fires here.");
        return () -> {
        };
    }

    @Bean
    public static BeanDefinitionRegistryPostProcessor deadlinesOnlyWhereTheAggregatesAre() {
        return new DeadlinesOnlyWhereTheAggregatesAre();
    }

    /** Leaves Axon's deadline task out of a node without the command role (see the class comment). */
    static final class DeadlinesOnlyWhereTheAggregatesAre implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

        private Environment environment;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = environment;
        }

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) throws BeansException {
            boolean commandRole = environment.getProperty("komman.command.enabled", Boolean.class, true);
            if (!commandRole && registry.containsBeanDefinition(AXON_DEADLINE_TASK)) {
                registry.removeBeanDefinition(AXON_DEADLINE_TASK);
            }
        }

        @Override
        public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) throws BeansException {
            // definitions only
        }
    }
}
