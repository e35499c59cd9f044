package nrw.komman.web.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Bounding the work in flight ({@code komman.web.admission.*}, ADR 28): at most {@code maxInFlight} requests of
 * this node are carried out at once; a request that finds no place within {@code queueWait} is refused at once
 * with 503 and Retry-After, instead of waiting for a database connection until the pool's timeout.
 *
 * @param maxInFlight requests carried out at once on this node, about the connection pool's size; 0: no bound
 * @param queueWait   how long a request may wait for a place (absorbs short bursts)
 * @param retryAfter  what the 503 answers in {@code Retry-After} (whole seconds, at least 1)
 */
@ConfigurationProperties("komman.web.admission")
public record AdmissionProperties(@DefaultValue("10") int maxInFlight, @DefaultValue("500ms") Duration queueWait,
                                  @DefaultValue("2s") Duration retryAfter) {
    public AdmissionProperties {
        if (maxInFlight < 0 || queueWait.isNegative() || retryAfter.isNegative()) {
            throw new IllegalArgumentException("komman.web.admission.* must not be negative");
        }
    }
}
