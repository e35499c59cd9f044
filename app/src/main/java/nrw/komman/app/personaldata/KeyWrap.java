package nrw.komman.app.personaldata;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

/**
 * A per-volunteer key wrapped (AES-256-GCM) under an epoch key or, before V33, under the master key: a 12-byte
 * nonce, the 32-byte key encrypted and the 16-byte tag, 60 bytes; the volunteer id is the associated data, so a
 * wrapped key copied onto another volunteer does not open.
 */
final class KeyWrap {

    static final int NONCE_BYTES = 12;
    static final int WRAPPED_BYTES = NONCE_BYTES + 32 + 16;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * A cipher per thread for unwrapping: a query opens a whole roster, one key each, and looking a cipher up costs
     * more than unwrapping a key. Initialised anew for every key; only decryption reuses it (GCM refuses a reused nonce).
     */
    private static final ThreadLocal<Cipher> UNWRAPPING = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is not available", e);
        }
    });

    private KeyWrap() {
    }

    static byte[] wrap(byte[] wrappingKey, String subject, byte[] key) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(wrappingKey, "AES"), new GCMParameterSpec(128, nonce));
            c.updateAAD(subject.getBytes(StandardCharsets.US_ASCII));
            byte[] ct = c.doFinal(key);
            return ByteBuffer.allocate(NONCE_BYTES + ct.length).put(nonce).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("wrapping a volunteer key failed", e);
        }
    }

    static byte[] unwrap(byte[] wrappingKey, String subject, byte[] wrapped) {
        try {
            Cipher c = UNWRAPPING.get();
            c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(wrappingKey, "AES"), new GCMParameterSpec(128, wrapped, 0, NONCE_BYTES));
            c.updateAAD(subject.getBytes(StandardCharsets.US_ASCII));
            return c.doFinal(wrapped, NONCE_BYTES, wrapped.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unwrapping the key of " + subject + " failed: wrong epoch or master key?", e);
        }
    }
}
