package nrw.komman.app;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.TestAccounts;
import nrw.komman.kernel.activity.ActivityLoggedEvent;
import nrw.komman.kernel.centre.CentreEstablishedEvent;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static nrw.komman.app.support.Requests.activity;
import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A read model added in a later release (issue 6): its processor has no token yet, so on the first start it reads
 * the whole history from the first event, while the processors that were there before carry on where they were and
 * do not replay anything.
 */
class ANewReadModelTest {

    /** The new release's read model: counts what it has seen. */
    @ProcessingGroup("later-views")
    static class LaterReadModel {
        final AtomicInteger centres = new AtomicInteger();
        final AtomicInteger activities = new AtomicInteger();

        @EventHandler
        void on(CentreEstablishedEvent event) {
            centres.incrementAndGet();
        }

        @EventHandler
        void on(ActivityLoggedEvent event) {
            activities.incrementAndGet();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class NextRelease {
        @Bean
        LaterReadModel laterReadModel() {
            return new LaterReadModel();
        }
    }

    @Test
    void its_first_start_builds_it_from_the_whole_history_and_the_other_read_models_carry_on(@TempDir Path dataDir) {
        List<Map<String, Object>> tokensBefore;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Api api = api(first);
            TestAccounts.createAll(api);
            String volunteerId = api.post("/api/centres/05315/volunteers", volunteer("Vor dem Update", "update@example.org"), KOELN)
                    .text("volunteerId");
            for (int i = 0; i < 3; i++) {
                assertThat(api.post("/api/volunteers/" + volunteerId + "/activities",
                        activity(LocalDate.now(ZoneId.of("Europe/Berlin")), 30 + i, "EDUCATION"), KOELN).status()).isEqualTo(201);
            }
            tokensBefore = tokens(first);
        }

        try (ConfigurableApplicationContext second = start(dataDir, NextRelease.class)) {
            LaterReadModel later = second.getBean(LaterReadModel.class);
            await().atMost(Duration.ofSeconds(60)).until(() -> later.activities.get() == 3 && later.centres.get() == 54);
            assertThat(second.getBean(EventProcessingConfiguration.class).eventProcessor("later-views")).isPresent();
            List<Map<String, Object>> existing = tokens(second).stream()
                    .filter(t -> !"later-views".equals(t.get("processor_name"))).toList();
            assertThat(existing).as("the read models that were there carry on from their tokens").isEqualTo(tokensBefore);
            assertThat(api(second).get("/api/centres/05315", KOELN).status()).as("the platform answers as before").isEqualTo(200);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir, Class<?>... more) {
        Class<?>[] sources = new Class<?>[more.length + 1];
        sources[0] = KommAnApplication.class;
        System.arraycopy(more, 0, sources, 1, more.length);
        return new SpringApplicationBuilder(sources)
                .run("--komman.data-dir=" + dataDir, "--server.port=0", "--komman.admin.password=" + TestAccounts.ADMIN_PASSWORD);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    /** Processor, segment and position of every token (the owner and claim time change with every start). */
    private static List<Map<String, Object>> tokens(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForList(
                "select processor_name, segment, token_type, token from token_entry order by processor_name, segment").stream()
                .map(row -> {
                    Map<String, Object> copy = new java.util.TreeMap<>(row);
                    copy.put("token", row.get("token") == null ? null : new String((byte[]) row.get("token"), java.nio.charset.StandardCharsets.UTF_8));
                    return (Map<String, Object>) copy;
                }).toList();
    }
}
