package nrw.komman.web.account;

import nrw.komman.web.platform.WebProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins (ADR 24).
 *
 * <ul>
 *   <li>Per pair of account name and client address, in the table {@code sign_in_throttle}, so that every node sees
 *   the same count. The first {@code freeFailures} failures of a pair within {@code window} cost nothing; after each
 *   further one the pair is not heard for {@code firstDelay}, doubled per failure; {@code maxFailures} block it for
 *   {@code duration}. A blocked pair is refused even with the right password, with the answer of a wrong one. Only
 *   that address is refused for that name: the owner signing in from elsewhere is not, so nobody can lock an
 *   account out. The slow-down refuses at once instead of waiting, so it ties up no request thread. A successful
 *   sign-in forgets the pair; an administrator (or the command-line reset) forgets all pairs of an account.</li>
 *   <li>Per client address, in memory of each node: {@code clientMaxFailures} failures with any account names
 *   block the address for {@code duration} (against spraying one password over many names). Per node is enough for
 *   this second line: n nodes allow an attacker n times the failures, still far below what guessing needs.</li>
 * </ul>
 * IPv6 addresses count by their /64 network. Names that are no account are counted like accounts (same work, same
 * answers), by a SHA-256 of the name: people type passwords into the name field.
 */
@Component
public class SignInThrottle {

    /** A pair's row: failures in the window that began at {@code windowStart}, refused until {@code blockedUntil}. */
    public record Pair(int failures, Instant windowStart, Instant blockedUntil) {

        public boolean blockedAt(Instant now) {
            return blockedUntil != null && blockedUntil.isAfter(now);
        }
    }

    private record ClientWindow(int failures, Instant windowStart, Instant blockedUntil) {
    }

    private static final Duration CLEAN_UP_EVERY = Duration.ofMinutes(5);
    private static final int MAX_CLIENT_KEY = 64;

    private final JdbcTemplate jdbc;
    private final WebProperties.Lockout settings;
    private final Clock clock;
    private final Map<String, ClientWindow> clients = new ConcurrentHashMap<>();
    private volatile Instant nextCleanUp = Instant.MIN;

    @Autowired
    public SignInThrottle(JdbcTemplate jdbc, WebProperties properties, ObjectProvider<Clock> clock) {
        this(jdbc, properties.security().lockout(), clock.getIfUnique(Clock::systemUTC));
    }

    public SignInThrottle(JdbcTemplate jdbc, WebProperties.Lockout settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The pair's row, or null when it has none (no failures, or throttling per pair is off). One primary-key read. */
    public Pair pair(String username, String client) {
        if (settings.maxFailures() == 0 || !AccountService.couldBeAccountName(username)) {
            return null;
        }
        return jdbc.query("select failures, window_start, blocked_until from sign_in_throttle where account_key = ? and client = ?",
                (rs, i) -> new Pair(rs.getInt("failures"), instant(rs.getObject("window_start", OffsetDateTime.class)),
                        instant(rs.getObject("blocked_until", OffsetDateTime.class))),
                accountKey(username), clientKey(client)).stream().findFirst().orElse(null);
    }

    /** True while failures from this client address (any names) block it on this node. */
    public boolean clientBlocked(String client) {
        if (settings.clientMaxFailures() == 0 || client == null) {
            return false;
        }
        ClientWindow window = clients.get(network(client));
        return window != null && window.blockedUntil() != null && window.blockedUntil().isAfter(clock.instant());
    }

    /** Counts a failed sign-in of the name (an account's or not) from the client address, and of the address. */
    public void failed(String username, String client) {
        Instant now = clock.instant();
        if (settings.maxFailures() > 0 && AccountService.couldBeAccountName(username)) {
            countPair(accountKey(username), clientKey(client), now);
        }
        if (settings.clientMaxFailures() > 0 && client != null) {
            countClient(network(client), now);
        }
    }

    private void countPair(String key, String client, Instant now) {
        Instant windowStart = now.minus(settings.window());
        // one statement per step, so that concurrent failures on several nodes are all counted (SET reads the old row)
        String increment = """
                update sign_in_throttle set
                  failures = case when window_start <= ? then 1 else failures + 1 end,
                  window_start = case when window_start <= ? then ? else window_start end,
                  last_failure_at = ?
                where account_key = ? and client = ?""";
        Object[] args = {at(windowStart), at(windowStart), at(now), at(now), key, client};
        if (jdbc.update(increment, args) == 0) {
            try {
                jdbc.update("""
                                insert into sign_in_throttle (account_key, client, failures, window_start, blocked_until, last_failure_at)
                                values (?, ?, 1, ?, null, ?)""", key, client, at(now), at(now));
            } catch (DuplicateKeyException concurrently) {
                jdbc.update(increment, args); // another node inserted the first failure at the same moment
            }
        }
        Integer failures = jdbc.query("select failures from sign_in_throttle where account_key = ? and client = ?",
                (rs, i) -> rs.getInt(1), key, client).stream().findFirst().orElse(null);
        Duration wait = failures == null ? null : waitAfter(failures);
        if (wait != null) {
            // a block is not extended by failures during it (they are not counted: the password is not heard then)
            jdbc.update("""
                            update sign_in_throttle set blocked_until = ?
                            where account_key = ? and client = ? and (blocked_until is null or blocked_until <= ?)""",
                    at(now.plus(wait)), key, client, at(now));
        }
        cleanUp(now);
    }

    /** How long a pair is not heard after its n-th failure: nothing, then doubling waits, then the block. */
    Duration waitAfter(int failures) {
        if (failures >= settings.maxFailures()) {
            return settings.duration();
        }
        int slowed = failures - settings.freeFailures();
        if (slowed <= 0 || settings.firstDelay().isZero()) {
            return null;
        }
        Duration wait = settings.firstDelay().multipliedBy(1L << Math.min(slowed - 1, 30));
        return wait.compareTo(settings.duration()) > 0 ? settings.duration() : wait;
    }

    private void countClient(String key, Instant now) {
        if (!clients.containsKey(key) && clients.size() >= settings.maxClients()) {
            evict(now);
        }
        clients.compute(key, (k, old) -> {
            ClientWindow window = old == null || !old.windowStart().isAfter(now.minus(settings.window()))
                    ? new ClientWindow(1, now, old == null ? null : old.blockedUntil())
                    : new ClientWindow(old.failures() + 1, old.windowStart(), old.blockedUntil());
            boolean blockedNow = window.blockedUntil() != null && window.blockedUntil().isAfter(now);
            return window.failures() >= settings.clientMaxFailures() && !blockedNow
                    ? new ClientWindow(window.failures(), window.windowStart(), now.plus(settings.duration()))
                    : window;
        });
    }

    /** A successful sign-in forgets the pair's failures (it cannot be blocked: a blocked pair is never heard). */
    public void succeeded(String username, String client) {
        jdbc.update("delete from sign_in_throttle where account_key = ? and client = ?", accountKey(username), clientKey(client));
    }

    /** Forgets every pair of the account: an administrator ends its blocks, or the command-line reset. */
    public static void clear(JdbcTemplate jdbc, String username) {
        jdbc.update("delete from sign_in_throttle where account_key = ?", accountKey(username));
    }

    /** Rows whose window and block have both passed are deleted, by the node that writes, at most every few minutes. */
    private void cleanUp(Instant now) {
        if (now.isAfter(nextCleanUp)) {
            nextCleanUp = now.plus(CLEAN_UP_EVERY);
            Duration longest = settings.window().compareTo(settings.duration()) > 0 ? settings.window() : settings.duration();
            jdbc.update("delete from sign_in_throttle where last_failure_at <= ?", at(now.minus(longest)));
        }
    }

    /** The client address of a sign-in attempt (the request's remote address), or null. */
    public static String client(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }

    /** The key of a name in {@code sign_in_throttle}: the hex SHA-256 of its normalised form. */
    static String accountKey(String username) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(CredentialCache.normalise(username).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    static String clientKey(String client) {
        if (client == null) {
            return "-";
        }
        String key = network(client);
        return key.length() <= MAX_CLIENT_KEY ? key : key.substring(0, MAX_CLIENT_KEY);
    }

    private void evict(Instant now) {
        clients.values().removeIf(w -> (w.blockedUntil() == null || !w.blockedUntil().isAfter(now))
                && !w.windowStart().isAfter(now.minus(settings.window())));
        Iterator<Map.Entry<String, ClientWindow>> it = clients.entrySet().iterator();
        while (clients.size() >= settings.maxClients() && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    /** IPv4 as it is, IPv6 by its /64 network (one subscriber usually has a whole /64). */
    private static final java.util.regex.Pattern IP_LITERAL = java.util.regex.Pattern.compile("[0-9A-Fa-f:.]+");

    static String network(String address) {
        if (address.indexOf(':') < 0 || !IP_LITERAL.matcher(address).matches()) {
            return address; // IPv4, or not an address at all (a forged header): never resolved as a host name
        }
        try {
            InetAddress parsed = InetAddress.getByName(address); // a literal only (checked above): no name lookup
            if (parsed instanceof Inet6Address) {
                return HexFormat.of().formatHex(Arrays.copyOf(parsed.getAddress(), 8)) + "::/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException | SecurityException e) {
            return address;
        }
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
