package nrw.komman.web.support;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Settings of the web module ({@code komman.web.*}); every one has a sensible default.
 *
 * @param api      the REST API
 * @param security authentication
 */
@ConfigurationProperties("komman.web")
public record WebProperties(@DefaultValue Api api, @DefaultValue Security security) {

    /**
     * @param maxBodySize    largest request body accepted under {@code /api/**}; larger ones get 413
     * @param commandTimeout how long a request waits for a command's or query's result (then 503)
     */
    public record Api(@DefaultValue("64KB") DataSize maxBodySize,
                      @DefaultValue("30s") Duration commandTimeout) {
    }

    /** @param credentialCache remembering successful password checks, so programs do not pay a hash per request */
    public record Security(@DefaultValue CredentialCacheSettings credentialCache) {
    }

    /**
     * @param ttl        how long a verified user name and password pair is trusted without a new hash
     * @param maxEntries upper bound of remembered pairs
     */
    public record CredentialCacheSettings(@DefaultValue("5m") Duration ttl, @DefaultValue("10000") int maxEntries) {
    }
}
