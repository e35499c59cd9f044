package nrw.komman.app;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import static nrw.komman.app.support.Requests.activity;
import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stopping and starting the embedded default loses nothing and establishes nothing twice. Runs
 * without the test profile, so the secrets are generated into the data folder as in real use.
 */
class RestartTest {

    @Test
    void a_restart_keeps_every_event_and_read_model_and_the_reference_centres_are_established_only_once(@TempDir Path dataDir) {
        String volunteerId;
        long eventsBefore;
        try (ConfigurableApplicationContext first = start(dataDir)) {
            Api api = api(first);
            TestAccounts.createAll(api);
            volunteerId = api.post("/api/centres/05315/volunteers", volunteer("Nach Neustart", "neustart@example.org"), KOELN).text("volunteerId");
            assertThat(api.post("/api/volunteers/" + volunteerId + "/activities",
                    activity(LocalDate.now(ZoneId.of("Europe/Berlin")), 75, "EDUCATION"), KOELN).status()).isEqualTo(201);
            eventsBefore = events(first);
            assertThat(eventsBefore).isEqualTo(54 + 2);
        }

        try (ConfigurableApplicationContext second = start(dataDir)) {
            Api api = api(second);
            assertThat(events(second)).as("the second start established no centre again").isEqualTo(eventsBefore);
            var shown = api.get("/api/volunteers/" + volunteerId, KOELN).json();
            assertThat(shown.path("name").asText()).as("the vault still opens what it sealed").isEqualTo("Nach Neustart");
            assertThat(shown.path("minutesThisYear").asLong()).isEqualTo(75);
            assertThat(api.get("/api/centres", KOELN).json()).hasSize(54);
        }
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(KommAnApplication.class)
                .run("--komman.data-dir=" + dataDir, "--server.port=0",
                        "--komman.admin.password=" + TestAccounts.ADMIN_PASSWORD);
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }

    private static long events(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class).queryForObject("select count(*) from domain_event_entry", Long.class);
    }
}
