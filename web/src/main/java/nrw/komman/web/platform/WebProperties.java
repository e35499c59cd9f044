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
     * @param lockout         sign-in throttling: failed sign-ins lock the account (all nodes) and block the client address (per node)
     * @param signInLog       the log of sign-ins and failures that administrators read
     */
    public record Security(@DefaultValue CredentialCacheSettings credentialCache, @DefaultValue Lockout lockout,
                           @DefaultValue SignInLogSettings signInLog) {
    }

    /**
     * @param maxFailures       failed sign-ins of one account within {@code window} that lock it for {@code duration}; 0: never
     * @param window            the period the failures are counted in, from the first failure on
     * @param duration          how long a locked account (or blocked client address) stays refused, even with the right password
     * @param clientMaxFailures failed sign-ins from one client address (any account names) within {@code window} that block
     *                          the address for {@code duration} without checking passwords; counted per node; 0: never
     * @param maxClients        upper bound of client addresses remembered per node
     */
    public record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
                          @DefaultValue("15m") Duration duration, @DefaultValue("50") int clientMaxFailures,
                          @DefaultValue("10000") int maxClients) {
        public Lockout {
            if (maxFailures < 0 || clientMaxFailures < 0 || maxClients < 0 || window.isNegative() || duration.isNegative()) {
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
