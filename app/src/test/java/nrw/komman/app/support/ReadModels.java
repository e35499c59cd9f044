package nrw.komman.app.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;

import static nrw.komman.app.support.TestAccounts.ADMIN;
import static org.awaitility.Awaitility.await;

/** The read models' state as the administrators' API reports it. */
public final class ReadModels {

    private ReadModels() {
    }

    /** Waits until every processor runs, replays nothing and has handled every stored event. */
    public static void awaitCaughtUp(Api api) {
        awaitCaughtUp(api, Duration.ofSeconds(90));
    }

    public static void awaitCaughtUp(Api api, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> caughtUp(api));
    }

    private static boolean caughtUp(Api api) {
        JsonNode processors = api.get("/api/admin/read-models", ADMIN).json();
        if (processors.size() < 2) {
            return false;
        }
        for (JsonNode p : processors) {
            if (!p.path("running").asBoolean() || p.path("replaying").asBoolean()
                    || p.path("position").asLong() != p.path("headPosition").asLong()) {
                return false;
            }
        }
        return true;
    }
}
