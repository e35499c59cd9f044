package nrw.komman.app;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.ReadModels;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;

import static nrw.komman.app.support.Requests.activity;
import static nrw.komman.app.support.Requests.volunteer;
import static nrw.komman.app.support.TestAccounts.ADMIN;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What operators see: the Prometheus scrape carries command rates and failures (Axon's message
 * monitors) and each read model's position, lag and rebuild progress; the log is structured (JSON,
 * as in production) and holds no volunteer's name or e-mail address, not even from refused commands.
 */
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureObservability(tracing = false) // Spring Boot's tests switch the Prometheus export off otherwise
// the project's own code logs at DEBUG here: not even its debug lines may name a volunteer
@TestPropertySource(properties = {"logging.structured.format.console=ecs", "logging.level.nrw.komman=DEBUG"})
class ObservabilityTest extends OnH2 {

    @LocalServerPort
    int port;

    /**
     * Logback is configured once per JVM while a context of an earlier test class is still open (Spring's
     * test context cache): cleaning up makes this class's context configure it again, with the JSON format.
     */
    @BeforeAll
    static void configureLoggingAfresh() {
        LoggingSystem.get(ObservabilityTest.class.getClassLoader()).cleanUp();
    }

    @Test
    void the_scrape_shows_commands_and_read_models_and_the_log_shows_no_personal_data(CapturedOutput output) {
        Api api = new Api(port);
        TestAccounts.createAll(api);
        String email = "greta.beobachtbar@example.org";
        String volunteerId = api.post("/api/centres/05315/volunteers", volunteer("Greta Beobachtbar", email), KOELN).text("volunteerId");
        api.post("/api/volunteers/" + volunteerId + "/activities", activity(LocalDate.now(ZoneId.of("Europe/Berlin")), 30, "EDUCATION"), KOELN);
        // refused: the same e-mail address twice, and an activity in the future
        assertThat(api.post("/api/centres/05315/volunteers", volunteer("Greta Beobachtbar", email), KOELN).status()).isEqualTo(409);
        assertThat(api.post("/api/volunteers/" + volunteerId + "/activities",
                activity(LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(3), 30, "EDUCATION"), KOELN).status()).isEqualTo(400);
        ReadModels.awaitCaughtUp(api);

        Api.Download scrape = api.download("/actuator/prometheus", ADMIN);
        assertThat(scrape.status()).isEqualTo(200);
        String metrics = new String(scrape.body(), StandardCharsets.UTF_8);
        assertThat(metrics)
                .contains("commandBus_successCounter_total{payloadType=\"RegisterVolunteerCommand\"} 1.0")
                .contains("commandBus_failureCounter_total{payloadType=\"RegisterVolunteerCommand\"} 1.0")
                .contains("commandBus_successCounter_total{payloadType=\"LogActivityCommand\"} 1.0")
                .contains("eventProcessor_latency")
                .contains("komman_read_model_lag{processor=\"centre-views\"} 0.0")
                .contains("komman_read_model_position{processor=\"grant-views\"}")
                .contains("komman_read_model_running{processor=\"centre-views\"} 1.0")
                .contains("komman_read_model_rebuild_progress{processor=\"centre-views\"} 0.0");
        assertThat(api.download("/actuator/prometheus", KOELN).status()).as("metrics are for operators").isEqualTo(403);

        String log = output.getOut() + output.getErr();
        assertThat(log).contains("{\"@timestamp\":").contains("\"log\":{\"level\":\"INFO\"");
        assertThat(log).doesNotContain("Greta").doesNotContain("Beobachtbar").doesNotContain(email);
    }
}
