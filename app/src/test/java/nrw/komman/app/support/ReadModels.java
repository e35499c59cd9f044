package nrw.komman.app.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;

import static nrw.komman.app.support.TestAccounts.ADMIN;
import static org.awaitility.Awaitility.await;

/** The read models' state as the administrators' API reports it. */
public final class ReadModels {

    private ReadModels() {
    }

    /** Waits until every processor runs, replays nothing, no rebuild is under way, and every stored event is handled. */
    public static void awaitCaughtUp(Api api) {
        awaitCaughtUp(api, Duration.ofSeconds(90));
    }

    public static void awaitCaughtUp(Api api, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(200)).until(() -> caughtUp(api));
    }

    /** Waits until every live processor has handled every stored event, whether or not a rebuild is under way. */
    public static void awaitLiveCaughtUp(Api api) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> {
            for (JsonNode p : api.get("/api/admin/read-models", ADMIN).json()) {
                if (p.path("position").asLong() != p.path("headPosition").asLong()) {
                    return false;
                }
            }
            return true;
        });
    }

    private static boolean caughtUp(Api api) {
        JsonNode processors = api.get("/api/admin/read-models", ADMIN).json();
        if (processors.size() < 2) {
            return false;
        }
        for (JsonNode p : processors) {
            String rebuild = p.path("rebuild").path("state").asText("");
            if (rebuild.equals("REPLAYING") || rebuild.equals("SWITCHING")) {
                return false;
            }
            if (!p.path("running").asBoolean() || p.path("replaying").asBoolean()
                    || p.path("position").asLong() != p.path("headPosition").asLong()) {
                return false;
            }
        }
        return true;
    }
}
