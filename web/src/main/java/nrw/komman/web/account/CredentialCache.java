package nrw.komman.web.account;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers successful password checks for a few minutes, so a program that sends HTTP Basic with
 * every request pays the BCrypt hash once, not per request.
 *
 * <p>Keyed by HMAC-SHA-256 (a SHA-256 keyed with a random secret of this process) of user name and
 * password: neither is kept, and a key is useless outside this JVM. Each entry remembers the password
 * hash it was verified against; the caller compares it with the account's current hash, so a password
 * reset or a disabled account on any node takes effect at once. Bounded: expired entries are dropped
 * first, then arbitrary ones. Accounts changed through {@link AccountService} are also
 * {@linkplain #invalidate(String) invalidated} explicitly.
 */
public class CredentialCache {

    /** What was verified: the account and the hash its password matched. */
    public record Entry(String username, String passwordHash, Instant expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Duration ttl;
    private final int maxEntries;
    private final Clock clock;
    private final SecretKeySpec secret;

    public CredentialCache(Duration ttl, int maxEntries) {
        this(ttl, maxEntries, Clock.systemUTC());
    }

    public CredentialCache(Duration ttl, int maxEntries, Clock clock) {
        if (ttl.isNegative() || maxEntries < 0) {
            throw new IllegalArgumentException("ttl and maxEntries must not be negative");
        }
        this.ttl = ttl;
        this.maxEntries = maxEntries;
        this.clock = clock;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.secret = new SecretKeySpec(key, "HmacSHA256");
    }

    /** The cache key of a user name and password pair. */
    public String key(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            mac.update(normalise(username).getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(password.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The entry for the key, unless expired. */
    public Optional<Entry> lookup(String key) {
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (!entry.expiresAt().isAfter(clock.instant())) {
            entries.remove(key, entry);
            return Optional.empty();
        }
        return Optional.of(entry);
    }

    /** True when the entry was verified against exactly this (current) hash. Constant time. */
    public static boolean sameHash(Entry entry, String currentHash) {
        return currentHash != null && MessageDigest.isEqual(
                entry.passwordHash().getBytes(StandardCharsets.UTF_8), currentHash.getBytes(StandardCharsets.UTF_8));
    }

    public void remember(String key, String username, String passwordHash) {
        if (maxEntries == 0 || ttl.isZero() || passwordHash == null) {
            return;
        }
        if (entries.size() >= maxEntries) {
            evict();
        }
        entries.put(key, new Entry(normalise(username), passwordHash, clock.instant().plus(ttl)));
    }

    public void forget(String key) {
        entries.remove(key);
    }

    /** Forgets every verification of the account (password reset, disabled). */
    public void invalidate(String username) {
        String name = normalise(username);
        entries.values().removeIf(e -> e.username().equals(name));
    }

    public void clear() {
        entries.clear();
    }

    public int size() {
        return entries.size();
    }

    private void evict() {
        Instant now = clock.instant();
        entries.values().removeIf(e -> !e.expiresAt().isAfter(now));
        Iterator<String> it = entries.keySet().iterator();
        while (entries.size() >= maxEntries && it.hasNext()) {
            it.next();
            it.remove();
        }
    }

    static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
