package nrw.komman.app;

import com.fasterxml.jackson.databind.JsonNode;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.ReadModels;
import nrw.komman.app.support.TestAccounts;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static nrw.komman.app.support.TestAccounts.ADMIN;
import static nrw.komman.app.support.TestAccounts.KOELN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The node's readiness includes its read models: up while every processor runs and keeps up, with
 * each one's position and lag for administrators only; down (503) when a processor has stopped.
 */
class ReadinessTest extends OnH2 {

    @LocalServerPort
    int port;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void readiness_reports_the_read_models_and_goes_down_when_a_processor_stops() {
        Api api = new Api(port);
        TestAccounts.createAll(api);
        ReadModels.awaitCaughtUp(api);

        Api.Response anonymous = api.get("/actuator/health/readiness", null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.json().path("status").asText()).isEqualTo("UP");
        assertThat(anonymous.json().has("components")).as("no details for anonymous callers").isFalse();
        assertThat(api.get("/actuator/health/readiness", KOELN).json().has("components")).as("nor for coordinators").isFalse();

        JsonNode readModels = api.get("/actuator/health/readiness", ADMIN).json().path("components").path("readModels");
        assertThat(readModels.path("status").asText()).isEqualTo("UP");
        assertThat(readModels.path("details").path("centre-views").path("lag").asLong()).isZero();
        assertThat(readModels.path("details").path("grant-views").path("running").asBoolean()).isTrue();

        EventProcessor grantViews = processing.eventProcessor("grant-views").orElseThrow();
        grantViews.shutDown();
        try {
            Api.Response down = api.get("/actuator/health/readiness", ADMIN);
            assertThat(down.status()).isEqualTo(503);
            assertThat(down.json().path("components").path("readModels").path("details").path("grant-views").path("running").asBoolean())
                    .isFalse();
        } finally {
            grantViews.start();
        }
        assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(200);
    }
}
