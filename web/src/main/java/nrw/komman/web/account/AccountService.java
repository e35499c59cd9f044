package nrw.komman.web.account;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.PlainText;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.volunteer.VolunteerRules;
import nrw.komman.web.platform.problem.InvalidFieldException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The accounts of people and programs (table {@code account}, migration V30). Passwords are hashed
 * with the {@link PasswordEncoder} (BCrypt by default, through a DelegatingPasswordEncoder).
 * Refusals are the shared-kernel exceptions, so the API answers them like every other refusal:
 * 400 for bad input, 404 for an unknown account, 409 for a duplicate or for disabling the last
 * administrator.
 *
 * <p>Also meant for the application's demo profile: {@link #createIfAbsent} seeds accounts idempotently.
 *
 * <p>Why this size: every change of an account (create, disable, enable, password, role, unlock, address and language for notices) is one short method
 * here, each with the same rules (the last administrator, the password policy) and the same consequence (its sessions
 * end, ADR 23); the throttle's counting and the sessions themselves live in {@link SignInThrottle} and
 * {@link AccountSessions}.
 */
@Service
public class AccountService {

    public static final int MIN_PASSWORD_LENGTH = 12;
    /** BCrypt reads at most 72 bytes; Spring Security refuses longer passwords. */
    public static final int MAX_PASSWORD_BYTES = 72;
    private static final int MIN_DISTINCT_CHARACTERS = 5;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");
    private static final Set<String> RESERVED = Set.of("system", "anonymous", "anonymoususer", "root");

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwordEncoder;
    private final CredentialCache credentialCache;
    private final AccountSessions sessions;
    private final Clock clock;

    @Autowired
    public AccountService(JdbcTemplate jdbc, PasswordEncoder passwordEncoder, CredentialCache credentialCache,
                          AccountSessions sessions, ObjectProvider<Clock> clock) {
        this(jdbc, passwordEncoder, credentialCache, sessions, clock.getIfUnique(Clock::systemUTC));
    }

    /** Without browser sessions to end (tests of the accounts alone). */
    public AccountService(JdbcTemplate jdbc, PasswordEncoder passwordEncoder, CredentialCache credentialCache) {
        this(jdbc, passwordEncoder, credentialCache, Clock.systemUTC());
    }

    /** Without browser sessions to end (tests of the accounts alone). */
    public AccountService(JdbcTemplate jdbc, PasswordEncoder passwordEncoder, CredentialCache credentialCache, Clock clock) {
        this(jdbc, passwordEncoder, credentialCache, new AccountSessions((FindByIndexNameSessionRepository<?>) null), clock);
    }

    public AccountService(JdbcTemplate jdbc, PasswordEncoder passwordEncoder, CredentialCache credentialCache,
                          AccountSessions sessions, Clock clock) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.credentialCache = credentialCache;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** Creates an enabled account. A coordinator needs a centre; every other role has none. */
    public Account create(String username, String password, AccountRole role, CentreId centreId, String createdBy) {
        return create(username, password, role, centreId, AccountContact.NONE, createdBy);
    }

    /** Creates an enabled account with its address and language for notices (issue 19), checked first. */
    public Account create(String username, String password, AccountRole role, CentreId centreId, AccountContact contact,
                          String createdBy) {
        String name = checkUsername(username);
        checkRole(role, centreId);
        checkPassword(name, password);
        AccountContact checked = checkContact(contact.email(), contact.language());
        Instant now = clock.instant();
        try {
            jdbc.update("""
                            insert into account (username, password_hash, role, centre_id, enabled,
                                                 created_at, created_by, updated_at, updated_by, password_changed_at,
                                                 email, language)
                            values (?, ?, ?, ?, true, ?, ?, ?, ?, ?, ?, ?)""",
                    name, passwordEncoder.encode(password), role.name(), centreId == null ? null : centreId.value(),
                    at(now), by(createdBy), at(now), by(createdBy), at(now), checked.email(), checked.language());
        } catch (DuplicateKeyException e) {
            throw new RuleViolationException("account.exists", "Das Konto „" + name + "“ gibt es bereits.");
        }
        return find(name).orElseThrow();
    }

    /** Creates the account unless one of that name exists (for seeding); true when created. */
    public boolean createIfAbsent(String username, String password, AccountRole role, CentreId centreId, String createdBy) {
        if (find(username).isPresent()) {
            return false;
        }
        try {
            create(username, password, role, centreId, createdBy);
            return true;
        } catch (RuleViolationException e) {
            return false; // created concurrently
        }
    }

    /**
     * Whether an account could have this name: every account's name matches the pattern of its creation.
     * Anything else (a NUL byte, which PostgreSQL refuses in text, an overlong or odd name) is answered
     * as "no such account" without asking the database.
     */
    static boolean couldBeAccountName(String username) {
        return username != null && USERNAME.matcher(normalise(username)).matches();
    }

    public Optional<Account> find(String username) {
        if (!couldBeAccountName(username)) {
            return Optional.empty();
        }
        return jdbc.query("select * from account where username = ?", ACCOUNT, normalise(username)).stream()
                .map(this::withThrottle).findFirst();
    }

    public Account get(String username) {
        return find(username).orElseThrow(() -> notFound(username));
    }

    public List<Account> list() {
        Map<String, Throttle> throttles = new HashMap<>();
        jdbc.query(THROTTLE_BY_ACCOUNT + " group by account_key", rs -> {
            throttles.put(rs.getString("account_key"), throttle(rs));
        });
        return jdbc.query("select * from account order by username", ACCOUNT).stream()
                .map(a -> throttles.getOrDefault(SignInThrottle.accountKey(a.username()), Throttle.NONE).on(a)).toList();
    }

    /** Failures and the latest block over all client addresses of an account (ADR 24), for administrators. */
    private record Throttle(int failures, Instant blockedUntil) {
        static final Throttle NONE = new Throttle(0, null);

        Account on(Account a) {
            return new Account(a.username(), a.role(), a.centreId(), a.enabled(), a.createdAt(), a.createdBy(), a.updatedAt(),
                    a.updatedBy(), a.passwordChangedAt(), failures, blockedUntil);
        }
    }

    private static final String THROTTLE_BY_ACCOUNT =
            "select account_key, coalesce(sum(failures), 0) as failures, max(blocked_until) as blocked_until from sign_in_throttle";

    private Account withThrottle(Account account) {
        return jdbc.query(THROTTLE_BY_ACCOUNT + " where account_key = ? group by account_key", (rs, i) -> throttle(rs),
                SignInThrottle.accountKey(account.username())).stream().findFirst().orElse(Throttle.NONE).on(account);
    }

    private static Throttle throttle(ResultSet rs) throws SQLException {
        return new Throttle(rs.getInt("failures"), instant(rs, "blocked_until"));
    }

    /** The account with its password hash, for authentication only. */
    public Optional<AccountPrincipal> loadPrincipal(String username) {
        if (!couldBeAccountName(username)) {
            return Optional.empty();
        }
        return jdbc.query("""
                        select username, password_hash, role, centre_id, enabled
                        from account where username = ?""",
                (rs, i) -> new AccountPrincipal(rs.getString("username"), rs.getString("password_hash"),
                        AccountRole.valueOf(rs.getString("role")), centre(rs), rs.getBoolean("enabled")),
                normalise(username)).stream().findFirst();
    }

    public boolean anyEnabledAdministrator() {
        Integer n = jdbc.queryForObject("select count(*) from account where role = 'ADMINISTRATOR' and enabled = true",
                Integer.class);
        return n != null && n > 0;
    }

    /** Disables the account; it can no longer sign in. The last enabled administrator cannot be disabled. */
    @Transactional
    public void disable(String username, String by) {
        Account account = get(username);
        if (account.role() == AccountRole.ADMINISTRATOR && account.enabled()) {
            Integer admins = jdbc.queryForObject(
                    "select count(*) from account where role = 'ADMINISTRATOR' and enabled = true", Integer.class);
            if (admins != null && admins <= 1) {
                throw new RuleViolationException("account.last-administrator",
                        "Das letzte aktive Administrationskonto kann nicht gesperrt werden.");
            }
        }
        jdbc.update("update account set enabled = false, updated_at = ?, updated_by = ? where username = ?",
                at(clock.instant()), by(by), account.username());
        credentialCache.invalidate(account.username());
        sessions.endAll(account.username()); // signed out on every node (ADR 23), once this commits
    }

    /**
     * Gives the account another role (and, for a coordinator, centre). Its sessions end on every node, since they
     * carry the role they were signed in with. The last enabled administrator keeps the role.
     */
    @Transactional
    public Account changeRole(String username, AccountRole role, CentreId centreId, String by) {
        Account account = get(username);
        checkRole(role, centreId);
        if (account.role() == role && Objects.equals(account.centreId(), centreId)) {
            return account; // nothing changes, nobody is signed out
        }
        if (account.role() == AccountRole.ADMINISTRATOR && account.enabled()) {
            Integer admins = jdbc.queryForObject(
                    "select count(*) from account where role = 'ADMINISTRATOR' and enabled = true", Integer.class);
            if (admins != null && admins <= 1) {
                throw new RuleViolationException("account.last-administrator",
                        "Das letzte aktive Administrationskonto behält seine Rolle.");
            }
        }
        jdbc.update("update account set role = ?, centre_id = ?, updated_at = ?, updated_by = ? where username = ?",
                role.name(), centreId == null ? null : centreId.value(), at(clock.instant()), by(by), account.username());
        sessions.endAll(account.username()); // the sessions carry the old role
        return get(account.username());
    }

    @Transactional
    public void enable(String username, String by) {
        Account account = get(username);
        jdbc.update("update account set enabled = true, updated_at = ?, updated_by = ? where username = ?",
                at(clock.instant()), by(by), account.username());
    }

    /** Ends the account's blocks after failed sign-ins from every address and forgets the failures (ADR 24). */
    @Transactional
    public void unlock(String username, String by) {
        Account account = get(username);
        jdbc.update("update account set updated_at = ?, updated_by = ? where username = ?",
                at(clock.instant()), by(by), account.username());
        SignInThrottle.clear(jdbc, account.username());
    }

    /** The platform's time, for pages that say whether a lockout lasts. */
    public Instant now() {
        return clock.instant();
    }

    /** Sets a new password (policy as on creation); remembered sign-ins with the old one end at once. */
    @Transactional
    public void resetPassword(String username, String newPassword, String by) {
        Account account = get(username);
        checkPassword(account.username(), newPassword);
        Instant now = clock.instant();
        jdbc.update("""
                        update account set password_hash = ?, password_changed_at = ?, updated_at = ?, updated_by = ?
                        where username = ?""",
                passwordEncoder.encode(newPassword), at(now), at(now), by(by), account.username());
        credentialCache.invalidate(account.username());
        sessions.endAll(account.username()); // whoever knew the old password is signed out everywhere (ADR 23)
    }

    /**
     * The owner sets a new password, proving the current one. Their other sessions end on every node; the one they
     * do it in ({@code currentSession}; null from the API, which has none) stays.
     */
    @Transactional
    public void changeOwnPassword(String username, String currentPassword, String newPassword, String currentSession) {
        Account account = get(username);
        String hash = jdbc.queryForObject("select password_hash from account where username = ?", String.class,
                account.username());
        if (currentPassword == null || !passwordEncoder.matches(currentPassword, hash)) {
            throw new InvalidFieldException("currentPassword", "password.current-wrong", "Das bisherige Passwort stimmt nicht.");
        }
        checkPassword(account.username(), newPassword);
        Instant now = clock.instant();
        jdbc.update("""
                        update account set password_hash = ?, password_changed_at = ?, updated_at = ?, updated_by = ?
                        where username = ?""",
                passwordEncoder.encode(newPassword), at(now), at(now), account.username(), account.username());
        credentialCache.invalidate(account.username());
        sessions.endAllExcept(account.username(), currentSession);
    }

    /** The account's address and language for notices (issue 19). */
    public AccountContact contact(String username) {
        Account account = get(username);
        return jdbc.queryForObject("select email, language from account where username = ?",
                (rs, i) -> new AccountContact(rs.getString("email"), rs.getString("language")), account.username());
    }

    /**
     * Sets the account's address for notices (blank: none, the inbox only) and the language of its texts; by the
     * account itself on its notice settings, or by an administrator on its account form.
     */
    @Transactional
    public AccountContact changeContact(String username, String email, String language, String by) {
        Account account = get(username);
        AccountContact contact = checkContact(email, language);
        jdbc.update("update account set email = ?, language = ?, updated_at = ?, updated_by = ? where username = ?",
                contact.email(), contact.language(), at(clock.instant()), by(by), account.username());
        return contact;
    }

    // ---- rules -----------------------------------------------------------------------------

    static String checkUsername(String username) {
        if (username == null || username.isBlank()) {
            throw new InvalidFieldException("username", "username.missing", "Der Benutzername fehlt.");
        }
        String name = normalise(username);
        if (!USERNAME.matcher(name).matches()) {
            throw new InvalidFieldException("username", "username.malformed",
                    "Der Benutzername hat 3 bis 64 Zeichen: Kleinbuchstaben a–z, Ziffern und . _ @ - "
                            + "(am Anfang ein Buchstabe oder eine Ziffer).");
        }
        if (RESERVED.contains(name)) {
            throw new InvalidFieldException("username", "username.reserved", "Der Benutzername „" + name + "“ ist reserviert.");
        }
        return name;
    }

    /** Whether an account can have the role: not the platform's own, not the volunteer's link. */
    static boolean assignable(AccountRole role) {
        return role != AccountRole.SYSTEM && role != AccountRole.VOLUNTEER;
    }

    static void checkRole(AccountRole role, CentreId centreId) {
        if (role == null) {
            throw new InvalidFieldException("role", "role.missing", "Die Rolle fehlt.");
        }
        if (role == AccountRole.SYSTEM) {
            throw new InvalidFieldException("role", "role.not-assignable", "Die Rolle SYSTEM ist der Plattform selbst vorbehalten.");
        }
        if (role == AccountRole.VOLUNTEER) {
            // volunteers act through their personal link (issue 18), never through an account with a password
            throw new InvalidFieldException("role", "role.not-assignable",
                    "Ehrenamtliche bekommen kein Konto: Sie öffnen ihre Seite über ihren persönlichen Link.");
        }
        if (role == AccountRole.COORDINATOR && centreId == null) {
            throw new InvalidFieldException("centreId", "centreId.missing",
                    "Ein Konto für Koordinator*innen braucht ein Integrationszentrum.");
        }
        if (role != AccountRole.COORDINATOR && centreId != null) {
            throw new InvalidFieldException("centreId", "centreId.not-allowed",
                    "Nur Konten für Koordinator*innen sind einem Integrationszentrum zugeordnet.");
        }
    }

    /** The longest address SMTP carries (RFC 5321: 254 characters in a path). */
    public static final int MAX_EMAIL_LENGTH = 254;

    /**
     * An address for notices checked like every other address of the platform (a volunteer's, {@link VolunteerRules}),
     * as plain text (ADR 25) and not longer than SMTP carries; blank is none. The language is {@code de} or
     * {@code en}; none given is German.
     */
    public static AccountContact checkContact(String email, String language) {
        String address = email == null || email.isBlank() ? null : email.strip();
        if (address != null) {
            if (address.length() > MAX_EMAIL_LENGTH) {
                throw new InvalidFieldException("email", "email.too-long",
                        "Die E-Mail-Adresse darf höchstens " + MAX_EMAIL_LENGTH + " Zeichen lang sein.");
            }
            if (PlainText.fault(address) != null || address.chars().anyMatch(Character::isISOControl)) {
                throw new InvalidFieldException("email", "email.malformed", "Die E-Mail-Adresse ist ungültig.");
            }
            try {
                VolunteerRules.checkEmail(address);
            } catch (InvalidInputException e) {
                throw new InvalidFieldException("email", e);
            }
        }
        String lang = language == null || language.isBlank() ? AccountContact.GERMAN : language.strip().toLowerCase(Locale.ROOT);
        if (!lang.equals(AccountContact.GERMAN) && !lang.equals(AccountContact.ENGLISH)) {
            throw new InvalidFieldException("language", "language.unknown",
                    "Die Sprache ist Deutsch (de) oder Englisch (en).");
        }
        return new AccountContact(address, lang);
    }

    /** The password policy: 12 characters at least, at most 72 bytes, not the user name, not trivial. */
    public static void checkPassword(String username, String password) {
        if (password == null || password.isBlank()) {
            throw new InvalidFieldException("password", "password.missing", "Das Passwort fehlt.");
        }
        if (password.codePointCount(0, password.length()) < MIN_PASSWORD_LENGTH) {
            throw new InvalidFieldException("password", "password.too-short",
                    "Das Passwort muss mindestens " + MIN_PASSWORD_LENGTH + " Zeichen lang sein.");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            throw new InvalidFieldException("password", "password.too-long",
                    "Das Passwort darf höchstens " + MAX_PASSWORD_BYTES + " Byte lang sein (etwa 72 Zeichen ohne Umlaute).");
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidFieldException("password", "password.control-characters",
                    "Das Passwort enthält unzulässige Steuerzeichen.");
        }
        if (username != null && !username.isBlank() && password.toLowerCase(Locale.ROOT).contains(normalise(username))) {
            throw new InvalidFieldException("password", "password.contains-username",
                    "Das Passwort darf den Benutzernamen nicht enthalten.");
        }
        if (password.codePoints().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            throw new InvalidFieldException("password", "password.too-simple",
                    "Das Passwort ist zu einfach: es braucht mindestens " + MIN_DISTINCT_CHARACTERS + " verschiedene Zeichen.");
        }
    }

    // ---- mapping ---------------------------------------------------------------------------

    private static final RowMapper<Account> ACCOUNT = (rs, i) -> new Account(
            rs.getString("username"), AccountRole.valueOf(rs.getString("role")), centre(rs), rs.getBoolean("enabled"),
            instant(rs, "created_at"), rs.getString("created_by"), instant(rs, "updated_at"), rs.getString("updated_by"),
            instant(rs, "password_changed_at"), 0, null); // the throttle's figures are added from sign_in_throttle

    private static CentreId centre(ResultSet rs) throws SQLException {
        String centre = rs.getString("centre_id");
        return centre == null ? null : new CentreId(centre);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static String by(String account) {
        return account == null || account.isBlank() ? "system" : account;
    }

    private static NotFoundException notFound(String username) {
        return new NotFoundException("account.not-found", "Das Konto „" + normalise(username) + "“ gibt es nicht.");
    }

    static String normalise(String username) {
        return CredentialCache.normalise(username);
    }
}
