package nrw.komman.app.personaldata;

import nrw.komman.kernel.volunteer.KeyRing;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The per-volunteer keys in the table {@code personal_data_key}, each wrapped with the master key
 * (AES-GCM, volunteer id as associated data), so a copy of the database alone opens nothing.
 * Keys are created inside the transaction of the command that first seals data for the volunteer.
 * Destroying a key overwrites it with NULL; the row remains as the record of the erasure.
 */
public class JdbcKeyRing implements KeyRing {

    private static final int NONCE_BYTES = 12;
    private final JdbcTemplate jdbc;
    private final SecretKeySpec masterKey;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public JdbcKeyRing(JdbcTemplate jdbc, byte[] masterKey, Clock clock) {
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("the master key must be 256 bits (32 bytes, Base64-encoded in configuration)");
        }
        this.jdbc = jdbc;
        this.masterKey = new SecretKeySpec(masterKey, "AES");
        this.clock = clock;
    }

    @Override
    public byte[] keyFor(VolunteerId subject) {
        Optional<Row> row = find(subject);
        if (row.isPresent()) {
            if (row.get().wrapped() == null) {
                throw new IllegalStateException("the personal data of " + subject + " was erased; nothing can be sealed for it");
            }
            return unwrap(subject, row.get().wrapped());
        }
        byte[] key = new byte[32];
        random.nextBytes(key);
        jdbc.update("insert into personal_data_key (volunteer_id, wrapped_key, created_at) values (?, ?, ?)",
                subject.toString(), wrap(subject, key), Timestamp.from(clock.instant()));
        return key;
    }

    @Override
    public Optional<byte[]> existingKey(VolunteerId subject) {
        return find(subject).filter(r -> r.wrapped() != null).map(r -> unwrap(subject, r.wrapped()));
    }

    @Override
    public void destroy(VolunteerId subject) {
        int updated = jdbc.update("update personal_data_key set wrapped_key = null, destroyed_at = ? where volunteer_id = ?",
                Timestamp.from(clock.instant()), subject.toString());
        if (updated == 0) { // never had data sealed: still record the erasure
            jdbc.update("insert into personal_data_key (volunteer_id, wrapped_key, created_at, destroyed_at) values (?, null, ?, ?)",
                    subject.toString(), Timestamp.from(clock.instant()), Timestamp.from(clock.instant()));
        }
    }

    @Override
    public boolean isDestroyed(VolunteerId subject) {
        return find(subject).map(r -> r.wrapped() == null).orElse(false);
    }

    private Optional<Row> find(VolunteerId subject) {
        List<Row> rows = jdbc.query("select wrapped_key from personal_data_key where volunteer_id = ?",
                (rs, i) -> new Row(rs.getBytes(1)), subject.toString());
        return rows.stream().findFirst();
    }

    private byte[] wrap(VolunteerId subject, byte[] key) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, masterKey, new GCMParameterSpec(128, nonce));
            c.updateAAD(subject.toString().getBytes());
            byte[] ct = c.doFinal(key);
            return ByteBuffer.allocate(NONCE_BYTES + ct.length).put(nonce).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("wrapping a volunteer key failed", e);
        }
    }

    private byte[] unwrap(VolunteerId subject, byte[] wrapped) {
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, masterKey, new GCMParameterSpec(128, Arrays.copyOf(wrapped, NONCE_BYTES)));
            c.updateAAD(subject.toString().getBytes());
            return c.doFinal(wrapped, NONCE_BYTES, wrapped.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("unwrapping the key of " + subject + " failed: wrong master key?", e);
        }
    }

    private record Row(byte[] wrapped) {
    }
}
