package nrw.komman.web.platform;

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

    /**
     * @param credentialCache remembering successful password checks, so programs do not pay a hash per request
     * @param lockout         sign-in throttling: failed sign-ins slow down and block a name from one address (all nodes) and the address (per node)
     * @param signInLog       the log of sign-ins and failures that administrators read
     */
    public record Security(@DefaultValue CredentialCacheSettings credentialCache, @DefaultValue Lockout lockout,
                           @DefaultValue SignInLogSettings signInLog) {
    }

    /**
     * Sign-in throttling (ADR 24): per pair of account name and client address in the database (all nodes), per client
     * address over all names in memory of each node.
     *
     * @param maxFailures       failed sign-ins of one name from one client address within {@code window} that block that
     *                          pair for {@code duration}, even with the right password; 0: no throttling per pair
     * @param window            the period the failures are counted in, from the first failure on
     * @param duration          how long a blocked pair (or blocked client address) stays refused
     * @param freeFailures      failures of a pair that cost no wait; after each further one the pair waits
     *                          {@code firstDelay}, doubled per failure (at most {@code duration}) before it is heard again
     * @param firstDelay        the first of those waits
     * @param clientMaxFailures failed sign-ins from one client address (any account names) within {@code window} that block
     *                          the address for {@code duration}; counted per node; 0: never
     * @param maxClients        upper bound of client addresses remembered per node
     */
    public record Lockout(@DefaultValue("10") int maxFailures, @DefaultValue("15m") Duration window,
                          @DefaultValue("15m") Duration duration, @DefaultValue("3") int freeFailures,
                          @DefaultValue("1s") Duration firstDelay, @DefaultValue("50") int clientMaxFailures,
                          @DefaultValue("10000") int maxClients) {
        public Lockout {
            if (maxFailures < 0 || clientMaxFailures < 0 || maxClients < 0 || freeFailures < 0 || window.isNegative()
                    || duration.isNegative() || firstDelay.isNegative()) {
                throw new IllegalArgumentException("komman.web.security.lockout.* must not be negative");
            }
        }
    }

    /** @param retention how long the rows of the sign-in log are kept (client addresses are personal data) */
    public record SignInLogSettings(@DefaultValue("90d") Duration retention) {
    }

    /**
     * @param ttl        how long a verified user name and password pair is trusted without a new hash
     * @param maxEntries upper bound of remembered pairs
     */
    public record CredentialCacheSettings(@DefaultValue("5m") Duration ttl, @DefaultValue("10000") int maxEntries) {
    }
}
