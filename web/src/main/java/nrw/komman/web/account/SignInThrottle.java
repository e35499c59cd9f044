package nrw.komman.web.account;

import nrw.komman.web.platform.WebProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins (ADR 13).
 *
 * <ul>
 *   <li>Per account, in the {@code account} table, so that every node sees the same count: {@code maxFailures}
 *   failures within {@code window} lock the account for {@code duration}. A locked account is refused even with
 *   the right password, with the same answer as a wrong one. A successful sign-in forgets the failures; an
 *   administrator can unlock ({@link AccountService#unlock}). The state travels with the
 *   {@link AccountPrincipal} that authentication loads anyway, so a successful sign-in costs no extra query.</li>
 *   <li>Per client address, in memory of each node: {@code clientMaxFailures} failures with any account names
 *   block the address for {@code duration}, before any password is hashed (against spraying one password over
 *   many names). Per node is enough for this second line: n nodes allow an attacker n times the failures,
 *   still far below what guessing needs. IPv6 addresses count by their /64 network.</li>
 * </ul>
 */
@Component
public class SignInThrottle {

    private record ClientWindow(int failures, Instant windowStart, Instant blockedUntil) {
    }

    private final JdbcTemplate jdbc;
    private final WebProperties.Lockout settings;
    private final Clock clock;
    private final Map<String, ClientWindow> clients = new ConcurrentHashMap<>();

    @Autowired
    public SignInThrottle(JdbcTemplate jdbc, WebProperties properties, ObjectProvider<Clock> clock) {
        this(jdbc, properties.security().lockout(), clock.getIfUnique(Clock::systemUTC));
    }

    public SignInThrottle(JdbcTemplate jdbc, WebProperties.Lockout settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** True while the account is locked after failed sign-ins. */
    public boolean locked(AccountPrincipal account) {
        return settings.maxFailures() > 0 && account.lockedUntil() != null && account.lockedUntil().isAfter(clock.instant());
    }

    /** True while failures from this client address block it. */
    public boolean blocked(String client) {
        if (settings.clientMaxFailures() == 0 || client == null) {
            return false;
        }
        ClientWindow window = clients.get(network(client));
        return window != null && window.blockedUntil() != null && window.blockedUntil().isAfter(clock.instant());
    }

    /** Counts a failed sign-in for the account name (if an account has it) and the client address. */
    public void failed(String username, String client) {
        Instant now = clock.instant();
        if (settings.maxFailures() > 0 && AccountService.couldBeAccountName(username)) {
            String name = CredentialCache.normalise(username);
            Instant windowStart = now.minus(settings.window());
            // one statement per step, so concurrent failures on several nodes are all counted (SET reads the old row)
            jdbc.update("""
                            update account set
                              failed_sign_ins = case when first_failed_sign_in_at is null or first_failed_sign_in_at <= ?
                                                     then 1 else failed_sign_ins + 1 end,
                              first_failed_sign_in_at = case when first_failed_sign_in_at is null or first_failed_sign_in_at <= ?
                                                             then ? else first_failed_sign_in_at end
                            where username = ?""",
                    at(windowStart), at(windowStart), at(now), name);
            // a lockout is not extended by failures during it: an attacker cannot keep an account locked for longer
            jdbc.update("""
                            update account set locked_until = ?
                            where username = ? and failed_sign_ins >= ? and (locked_until is null or locked_until <= ?)""",
                    at(now.plus(settings.duration())), name, settings.maxFailures(), at(now));
        }
        if (settings.clientMaxFailures() > 0 && client != null) {
            String key = network(client);
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
    }

    /** A successful sign-in forgets the account's failures (not a lockout that began meanwhile). */
    public void succeeded(AccountPrincipal account) {
        if (account.failedSignIns() > 0 || account.lockedUntil() != null) {
            jdbc.update("""
                            update account set failed_sign_ins = 0, first_failed_sign_in_at = null, locked_until = null
                            where username = ? and (locked_until is null or locked_until <= ?)""",
                    account.getUsername(), at(clock.instant()));
        }
    }

    /** The client address of a sign-in attempt (the request's remote address), or null. */
    public static String client(Object details) {
        return details instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
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

    private static java.time.OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
