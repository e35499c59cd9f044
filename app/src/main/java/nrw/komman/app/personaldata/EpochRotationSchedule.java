package nrw.komman.app.personaldata;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Rotates the key epoch when no erasure did for {@code komman.personal-data.epoch-rotation} (default 7 days), so
 * that a database backup or WAL archive becomes unreadable within that time even if nobody is erased (ADR 20).
 * Every node checks; the epoch lock lets one of them rotate. Each check also destroys epoch keys that the
 * database no longer names (a node that crashed between a rotation's commit and the destruction).
 */
public class EpochRotationSchedule implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EpochRotationSchedule.class);
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "key-epoch-rotation");
        thread.setDaemon(true);
        return thread;
    });

    public EpochRotationSchedule(KeyEpochs epochs, Duration period) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("komman.personal-data.epoch-rotation must be positive, not " + period);
        }
        // checked often enough that a rotation is at most a quarter of the period (at most an hour) late
        long check = Math.max(1000, Math.min(period.toMillis() / 4, Duration.ofHours(1).toMillis()));
        executor.scheduleWithFixedDelay(() -> {
            try {
                epochs.rotateIfDue(period);
            } catch (RuntimeException e) {
                log.error("The scheduled rotation of the key epoch failed; it is tried again in {} s", check / 1000, e);
            }
        }, check, check, TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
