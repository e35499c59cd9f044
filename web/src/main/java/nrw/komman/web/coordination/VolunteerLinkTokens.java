package nrw.komman.web.coordination;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret of a volunteer's personal link: 256 random bits, written base64url without padding (43 characters,
 * safe in a path). Only its SHA-256 hash leaves the web ({@code IssueVolunteerLinkCommand}); the token itself is
 * shown once and stored nowhere, so a leaked database opens no link.
 */
@Component
public class VolunteerLinkTokens {

    /** How a token looks: anything else is not looked up at all. */
    static final String TOKEN_PATTERN = "[A-Za-z0-9_-]{43}";

    private final SecureRandom random = new SecureRandom();
    private final Duration validity;

    public VolunteerLinkTokens(@Value("${komman.web.volunteer-link.validity:180d}") Duration validity) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("komman.web.volunteer-link.validity must be positive");
        }
        this.validity = validity;
    }

    /** A new token. */
    public String draw() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The last day a link issued today works. */
    public LocalDate expiresOn(LocalDate today) {
        return today.plusDays(Math.max(1, validity.toDays()));
    }

    /** The SHA-256 of the token as 64 lower-case hex digits. */
    public static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Whether the text has the form of a token (so a malformed one is refused without a query). */
    public static boolean wellFormed(String token) {
        return token != null && token.matches(TOKEN_PATTERN);
    }
}
