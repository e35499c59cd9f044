package nrw.komman.web.account;

import jakarta.servlet.http.HttpServletRequest;
import nrw.komman.web.platform.WebProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The log of sign-ins and failures: one line on the logger {@value #LOGGER} and one row in {@code sign_in_log}
 * (for administrators, {@code GET /api/admin/sign-ins}) per attempt. Never a password; the account name only when
 * an account of that name exists (people type passwords into the name field). Not logged as rows: requests of
 * programs that a remembered password check let in (each request of an HTTP Basic client is a sign-in; the first
 * one in a few minutes is logged) and refusals of a blocked client address (a flood must not fill the table);
 * both are still lines, the first at DEBUG.
 */
@Component
public class SignInLog {

    public static final String LOGGER = "nrw.komman.security.signin";
    private static final Logger log = LoggerFactory.getLogger(LOGGER);
    private static final Logger problems = LoggerFactory.getLogger(SignInLog.class);
    private static final Duration CLEAN_UP_EVERY = Duration.ofHours(1);

    /** What happened. */
    public enum Outcome {
        /** signed in */
        SUCCESS,
        /** wrong password or unknown account name */
        FAILED,
        /** the account is disabled */
        DISABLED,
        /** the pair of name and client address is blocked (or slowed down) after failed sign-ins (the password was not heard) */
        LOCKED,
        /** the client address is blocked after failed sign-ins */
        BLOCKED;

        String text() {
            return name().toLowerCase();
        }
    }

    /** One row of the log. */
    public record Entry(Instant occurredAt, String username, String outcome, String client, String channel) {
    }

    private final JdbcTemplate jdbc;
    private final AccountService accounts;
    private final Clock clock;
    private final Duration retention;
    private volatile Instant nextCleanUp = Instant.MIN;

    @Autowired
    public SignInLog(JdbcTemplate jdbc, AccountService accounts, WebProperties properties, ObjectProvider<Clock> clock) {
        this(jdbc, accounts, properties.security().signInLog().retention(), clock.getIfUnique(Clock::systemUTC));
    }

    public SignInLog(JdbcTemplate jdbc, AccountService accounts, Duration retention, Clock clock) {
        this.jdbc = jdbc;
        this.accounts = accounts;
        this.retention = retention;
        this.clock = clock;
    }

    @EventListener
    public void signedIn(AuthenticationSuccessEvent event) {
        Authentication authentication = event.getAuthentication();
        String channel = channel();
        boolean everyRequest = CachingAuthenticationProvider.remembered(authentication) && !"form".equals(channel);
        record(Outcome.SUCCESS, authentication.getName(), SignInThrottle.client(authentication.getDetails()), channel,
                !everyRequest);
    }

    @EventListener
    public void failed(AbstractAuthenticationFailureEvent event) {
        Outcome outcome = Outcome.FAILED;
        if (event.getException() instanceof SignInThrottledException throttled) {
            outcome = throttled.reason() == SignInThrottledException.Reason.CLIENT_BLOCKED ? Outcome.BLOCKED : Outcome.LOCKED;
        } else if (event.getException() instanceof DisabledException) {
            outcome = Outcome.DISABLED;
        }
        Authentication attempt = event.getAuthentication();
        String name = attempt.getName();
        Known known = outcome == Outcome.BLOCKED || name == null || name.isBlank() ? null : knownAccount(name);
        if (outcome == Outcome.FAILED && known != null && !known.enabled()) {
            outcome = Outcome.DISABLED; // refused like a wrong password (ADR 24), told apart only here
        }
        record(outcome, known == null ? null : known.username(), SignInThrottle.client(attempt.getDetails()), channel(),
                outcome != Outcome.BLOCKED);
    }

    private record Known(String username, boolean enabled) {
    }

    /** The account if one has the name; the log never decides a sign-in, not even when the database is away. */
    private Known knownAccount(String name) {
        try {
            if (!AccountService.couldBeAccountName(name)) {
                return null;
            }
            return jdbc.query("select username, enabled from account where username = ?",
                    (rs, i) -> new Known(rs.getString("username"), rs.getBoolean("enabled")),
                    CredentialCache.normalise(name)).stream().findFirst().orElse(null);
        } catch (RuntimeException e) {
            problems.warn("Could not look the account up for the sign-in log: {}", e.toString());
            return null;
        }
    }

    private void record(Outcome outcome, String account, String client, String channel, boolean asRow) {
        Instant now = clock.instant();
        if (asRow || outcome != Outcome.SUCCESS) {
            log.info("sign-in outcome={} account={} client={} channel={} at={}", outcome.text(),
                    account == null ? "-" : account, client == null ? "-" : client, channel, now);
        } else {
            log.debug("sign-in outcome={} account={} client={} channel={} at={} (remembered)", outcome.text(),
                    account, client == null ? "-" : client, channel, now);
        }
        if (!asRow) {
            return;
        }
        try {
            jdbc.update("insert into sign_in_log (occurred_at, username, outcome, client, channel) values (?, ?, ?, ?, ?)",
                    at(now), account, outcome.text(), truncate(client, 64), channel);
            if (now.isAfter(nextCleanUp)) {
                nextCleanUp = now.plus(CLEAN_UP_EVERY);
                jdbc.update("delete from sign_in_log where occurred_at < ?", at(now.minus(retention)));
            }
        } catch (RuntimeException e) {
            // the log must never decide a sign-in
            problems.warn("Could not write the sign-in log: {}", e.toString());
        }
    }

    /** The newest entries, of one account or of all. */
    public List<Entry> recent(String username, int limit) {
        if (username != null && !AccountService.couldBeAccountName(username)) {
            return List.of(); // no account has such a name
        }
        String sql = "select occurred_at, username, outcome, client, channel from sign_in_log"
                + (username == null ? "" : " where username = ?") + " order by occurred_at desc, id desc limit " + limit;
        Object[] args = username == null ? new Object[0] : new Object[]{CredentialCache.normalise(username)};
        return jdbc.query(sql, (rs, i) -> new Entry(rs.getObject("occurred_at", OffsetDateTime.class).toInstant(),
                rs.getString("username"), rs.getString("outcome"), rs.getString("client"), rs.getString("channel")), args);
    }

    /** form (the sign-in page), api (HTTP Basic under /api) or basic (HTTP Basic elsewhere, e.g. a metrics scraper). */
    private static String channel() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String path = request.getRequestURI().substring(request.getContextPath().length());
            if (path.startsWith("/api/")) {
                return "api";
            }
            String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
            return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6) ? "basic" : "form";
        }
        return "other";
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
