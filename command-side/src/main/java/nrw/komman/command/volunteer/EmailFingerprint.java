package nrw.komman.command.volunteer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A keyed fingerprint of an e-mail address: HMAC-SHA256 of the trimmed, lower-cased address under
 * a secret pepper, as 64 hex characters. Equal addresses give equal fingerprints, but without the
 * pepper a fingerprint cannot be turned back into an address by guessing (no plain personal data
 * at rest outside the vault).
 */
public final class EmailFingerprint {

    private static final String ALGORITHM = "HmacSHA256";
    /** Short peppers could be guessed along with the addresses. */
    static final int MIN_PEPPER_LENGTH = 16;

    private final SecretKeySpec key;

    public EmailFingerprint(String pepper) {
        if (pepper == null || pepper.isBlank() || pepper.strip().length() < MIN_PEPPER_LENGTH) {
            throw new IllegalStateException("komman.personal-data.email-pepper must be set to a secret of at least "
                    + MIN_PEPPER_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(pepper.strip().getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String of(String email) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            byte[] digest = mac.doFinal(email.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
