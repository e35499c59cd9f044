package nrw.komman.web.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param timeout how long a write waits for the read models to show its effect before answering anyway
 *                ({@code komman.read-your-writes.timeout}, see docs/adr/0004)
 */
@ConfigurationProperties("komman.read-your-writes")
public record ReadYourWritesProperties(@DefaultValue("5s") Duration timeout) {
}
