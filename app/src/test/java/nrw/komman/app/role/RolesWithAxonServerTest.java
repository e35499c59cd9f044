package nrw.komman.app.role;

import nrw.komman.app.KommAnApplication;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.EmbeddedPostgresServer;
import nrw.komman.app.support.TestAccounts;
import org.axonframework.axonserver.connector.command.AxonServerCommandBus;
import org.axonframework.axonserver.connector.event.axon.AxonServerEventStore;
import org.axonframework.axonserver.connector.query.AxonServerQueryBus;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryBus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The split topology without a live Axon Server (none can run in this project's CI): each role's
 * process starts with the {@code axonserver} profile, routes its buses and events through Axon
 * Server's connector, holds the components of its own role and none of the others', and answers its
 * liveness probe while Axon Server is unreachable (its connector keeps trying in the background).
 */
class RolesWithAxonServerTest {

    @ParameterizedTest
    @EnumSource(NodeRole.class)
    void each_role_starts_on_axon_server_with_its_own_components_only(NodeRole role) throws Exception {
        try (ConfigurableApplicationContext context = start(role)) {
            assertThat(context.getBean(CommandBus.class)).isInstanceOf(AxonServerCommandBus.class);
            assertThat(context.getBean(QueryBus.class)).isInstanceOf(AxonServerQueryBus.class);
            assertThat(context.getBean(EventStore.class)).isInstanceOf(AxonServerEventStore.class);
            assertThat(context.getBeansOfType(nrw.komman.app.config.RefusalsOverAxonServer.class)).as("refusals travel as data").hasSize(1);

            Set<NodeRole> present = EnumSet.noneOf(NodeRole.class);
            List<String> strangers = new ArrayList<>();
            for (String name : context.getBeanFactory().getBeanDefinitionNames()) {
                BeanDefinition definition = context.getBeanFactory().getBeanDefinition(name);
                String type = definition.getBeanClassName() != null ? definition.getBeanClassName()
                        : definition.getResolvableType().resolve(Object.class).getName();
                NodeRole owner = NodeRole.owning(type);
                if (owner != null) {
                    present.add(owner);
                    if (owner != role) {
                        strangers.add(name + " (" + type + ")");
                    }
                }
            }
            assertThat(strangers).as("components of other roles").isEmpty();
            assertThat(context.getBeansOfType(org.springframework.session.SessionRepository.class))
                    .as("browser sessions in the database only with the web role (ADR 23)").hasSize(role == NodeRole.WEB ? 1 : 0);
            assertThat(present).containsExactly(role);
            // issue 19: every role runs the scheduler, Axon's deadline task only where the aggregates are
            assertThat(context.getBeansOfType(com.github.kagkarlsson.scheduler.Scheduler.class)).hasSize(1);
            assertThat(context.containsBeanDefinition("dbSchedulerDeadlineDetailsTask")).as("Axon's deadline task")
                    .isEqualTo(role == NodeRole.COMMAND);
            // ADR 39: the background reports run where the query role is
            assertThat(context.getBeansOfType(nrw.komman.query.report.ReportJobTask.class)).as("the reports' task")
                    .hasSize(role == NodeRole.QUERY ? 1 : 0);

            List<String> processors = new ArrayList<>(context.getBean(EventProcessingConfiguration.class).eventProcessors().keySet());
            if (role == NodeRole.QUERY) {
                assertThat(processors).contains("centre-views", "grant-views");
            } else {
                assertThat(processors).doesNotContain("centre-views", "grant-views");
            }

            Api api = new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
            assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
            Api.Download metrics = api.download("/actuator/prometheus", role == NodeRole.WEB ? TestAccounts.ADMIN : null);
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(new String(metrics.body(), StandardCharsets.UTF_8)).contains("jvm_memory_used_bytes");
            if (role != NodeRole.WEB) {
                // nothing but probes and metrics on a command or query node
                assertThat(api.get("/api/centres", null).status()).isEqualTo(403);
            }
        }
    }

    private static ConfigurableApplicationContext start(NodeRole role) throws IOException {
        return new SpringApplicationBuilder(KommAnApplication.class).run("--spring.profiles.active=postgres,axonserver,test",
                "--komman.role=" + role.name().toLowerCase(),
                "--spring.datasource.url=" + EmbeddedPostgresServer.newDatabaseUrl(),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--axon.axonserver.servers=localhost:" + unusedPort(),
                "--server.port=0", "--komman.admin.password=" + TestAccounts.ADMIN_PASSWORD);
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
