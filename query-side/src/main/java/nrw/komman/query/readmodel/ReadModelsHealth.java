package nrw.komman.query.readmodel;

import nrw.komman.kernel.admin.ReadModelStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The read models as a part of this node's readiness ({@code /actuator/health/readiness}): down
 * when a processor has stopped or failed, out of service while one lags more than
 * {@code komman.readiness.max-read-model-lag} events behind the event store (a node that answers
 * from far-behind read models would show old data), up otherwise. The details, for administrators,
 * give each processor's position, lag and latest rebuild. The switch of a rebuild stops this node's
 * processor of the group for milliseconds; a probe in that moment sees it down once.
 */
@Component("readModels")
public class ReadModelsHealth implements HealthIndicator {

    private final ReadModelAdministration administration;
    private final long maxLag;

    public ReadModelsHealth(ReadModelAdministration administration,
                            @Value("${komman.readiness.max-read-model-lag:10000}") long maxLag) {
        this.administration = administration;
        this.maxLag = maxLag;
    }

    @Override
    public Health health() {
        List<ReadModelStatus> processors = administration.statusOfAll();
        Map<String, Object> details = new LinkedHashMap<>();
        boolean failed = false;
        long worstLag = 0;
        for (ReadModelStatus p : processors) {
            long lag = Math.max(0, p.headPosition() - p.position());
            worstLag = Math.max(worstLag, lag);
            failed |= p.error() || !p.running();
            Map<String, Object> processor = new LinkedHashMap<>();
            processor.put("running", p.running());
            processor.put("error", p.error());
            processor.put("position", p.position());
            processor.put("lag", lag);
            if (p.rebuild() != null) {
                processor.put("rebuild", p.rebuild().state() + " (generation " + p.rebuild().generation() + ")");
            }
            details.put(p.processor(), processor);
        }
        Health.Builder health = failed ? Health.down() : worstLag > maxLag ? Health.outOfService() : Health.up();
        return health.withDetails(details).withDetail("maxLag", maxLag).build();
    }
}
