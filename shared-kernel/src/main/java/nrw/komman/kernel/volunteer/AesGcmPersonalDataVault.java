package nrw.komman.kernel.volunteer;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * AES-256-GCM with a fresh 96-bit nonce per seal. The volunteer id is bound as associated data, so
 * a ciphertext copied onto another volunteer does not open.
 */
public final class AesGcmPersonalDataVault implements PersonalDataVault {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private final SecureRandom random = new SecureRandom();
    /**
     * A cipher per thread for opening: looking one up costs more than opening a value, and a query opens a whole
     * roster (ADR 22). Initialised anew for every value; only decryption reuses it (GCM refuses a reused nonce).
     */
    private static final ThreadLocal<Cipher> DECRYPTING = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    });
    private final KeyRing keyRing;

    public AesGcmPersonalDataVault(KeyRing keyRing) {
        this.keyRing = keyRing;
    }

    @Override
    public SealedPersonalData seal(VolunteerId subject, PersonalData data) {
        return new SealedPersonalData(encrypt(subject, data.encode()));
    }

    @Override
    public Optional<PersonalData> open(VolunteerId subject, SealedPersonalData sealed) {
        return sealed == null ? Optional.empty() : decrypt(subject, sealed.ciphertext()).map(PersonalData::decode);
    }

    @Override
    public SealedText sealText(VolunteerId subject, String text) {
        return text == null ? null : new SealedText(encrypt(subject, text));
    }

    @Override
    public Optional<String> openText(VolunteerId subject, SealedText sealed) {
        return sealed == null ? Optional.empty() : decrypt(subject, sealed.ciphertext());
    }

    @Override
    public void shred(VolunteerId subject) {
        keyRing.destroy(subject);
    }

    @Override
    public boolean isShredded(VolunteerId subject) {
        return keyRing.isDestroyed(subject);
    }

    /** One look-up of all the keys ({@link KeyRing#existingKeys}); every value is then opened in memory. */
    @Override
    public Opener openerFor(Collection<VolunteerId> subjects) {
        Map<VolunteerId, byte[]> keys = keyRing.existingKeys(subjects);
        return new Opener() {
            @Override
            public Optional<PersonalData> open(VolunteerId subject, SealedPersonalData sealed) {
                return sealed == null ? Optional.empty()
                        : decrypt(subject, Optional.ofNullable(keys.get(subject)), sealed.ciphertext()).map(PersonalData::decode);
            }

            @Override
            public Optional<PersonalData.Profile> openProfile(VolunteerId subject, SealedPersonalData sealed) {
                return sealed == null ? Optional.empty()
                        : decrypt(subject, Optional.ofNullable(keys.get(subject)), sealed.ciphertext()).map(PersonalData::profileOf);
            }

            @Override
            public Optional<String> openText(VolunteerId subject, SealedText sealed) {
                return sealed == null ? Optional.empty() : decrypt(subject, Optional.ofNullable(keys.get(subject)), sealed.ciphertext());
            }

            @Override
            public boolean hasKey(VolunteerId subject) {
                return keys.containsKey(subject);
            }
        };
    }

    private String encrypt(VolunteerId subject, String plaintext) {
        byte[] key = keyRing.keyFor(subject);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(subject.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] ct = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + ct.length).put(nonce).put(ct).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing personal data failed", e);
        }
    }

    private Optional<String> decrypt(VolunteerId subject, String sealed) {
        return decrypt(subject, keyRing.existingKey(subject), sealed);
    }

    private static Optional<String> decrypt(VolunteerId subject, Optional<byte[]> key, String sealed) {
        if (key.isEmpty()) {
            return Optional.empty(); // shredded: the data is gone for good
        }
        byte[] bytes = Base64.getDecoder().decode(sealed);
        try {
            Cipher cipher = DECRYPTING.get();
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key.get(), "AES"),
                    new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(subject.toString().getBytes(StandardCharsets.US_ASCII));
            byte[] pt = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return Optional.of(new String(pt, StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("opening personal data failed: wrong key or altered ciphertext", e);
        }
    }
}
