package nrw.komman.app.personaldata;

import nrw.komman.kernel.volunteer.KeyRing;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-volunteer keys in the table {@code personal_data_key}, each wrapped under the current epoch key
 * ({@link KeyEpochs}, ADR 20; AES-GCM, volunteer id as associated data), so a copy of the database alone opens
 * nothing, and a copy taken before the next rotation opens nothing once that rotation destroyed its epoch key.
 * Keys are created inside the transaction of the command that first seals data for the volunteer, holding the
 * epoch lock shared. Destroying a key overwrites it with NULL (the row remains as the record of the erasure) and
 * rotates the epoch before the transaction commits, so the old copies of the row are wrapped under a destroyed key.
 */
public class JdbcKeyRing implements KeyRing {

    private static final int BATCH = 500;
    private static final int ATTEMPTS = 3;
    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transactions;
    private final KeyEpochs epochs;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public JdbcKeyRing(JdbcTemplate jdbc, TransactionTemplate transactions, KeyEpochs epochs, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.transactions = transactions;
        this.epochs = epochs;
        this.clock = clock;
    }

    @Override
    public byte[] keyFor(VolunteerId subject) {
        Optional<byte[]> existing = existingKey(subject);
        if (existing.isPresent()) {
            return existing.get();
        }
        return transactions.execute(status -> {
            KeyEpochs.Epoch epoch = epochs.lockShared(); // until commit: no rotation in between
            Optional<Row> row = find(subject);
            if (row.isPresent()) {
                if (row.get().wrapped() == null) {
                    throw new IllegalStateException("the personal data of " + subject + " was erased; nothing can be sealed for it");
                }
                return unwrap(row.get());
            }
            byte[] key = new byte[32];
            random.nextBytes(key);
            jdbc.update("insert into personal_data_key (volunteer_id, wrapped_key, epoch_id, created_at) values (?, ?, ?, ?)",
                    subject.toString(), KeyWrap.wrap(epochs.wrappingKey(epoch.current(), subject.toString()), subject.toString(), key),
                    epoch.current(), Timestamp.from(clock.instant()));
            return key;
        });
    }

    @Override
    public Optional<byte[]> existingKey(VolunteerId subject) {
        for (int attempt = 1; ; attempt++) {
            Optional<Row> row = find(subject);
            if (row.isEmpty() || row.get().wrapped() == null) {
                return Optional.empty();
            }
            if (readable(row.get()) || attempt == ATTEMPTS) {
                return Optional.of(unwrap(row.get()));
            }
            // a rotation re-wrapped the row and destroyed its epoch between our read and now: read it again
        }
    }

    /** One query per {@value #BATCH} volunteers. */
    @Override
    public Map<VolunteerId, byte[]> existingKeys(Collection<VolunteerId> subjects) {
        List<VolunteerId> distinct = new ArrayList<>(new LinkedHashSet<>(subjects));
        Map<VolunteerId, byte[]> keys = new LinkedHashMap<>();
        for (int from = 0; from < distinct.size(); from += BATCH) {
            List<VolunteerId> chunk = distinct.subList(from, Math.min(distinct.size(), from + BATCH));
            Map<String, Row> rows = new LinkedHashMap<>();
            named.query("select volunteer_id, wrapped_key, epoch_id from personal_data_key where volunteer_id in (:ids) "
                            + "and wrapped_key is not null", Map.of("ids", chunk.stream().map(VolunteerId::toString).toList()),
                    rs -> {
                        rows.put(rs.getString(1), new Row(rs.getString(1), rs.getBytes(2), rs.getString(3)));
                    });
            for (VolunteerId subject : chunk) {
                Row row = rows.get(subject.toString());
                if (row == null) {
                    continue;
                }
                if (readable(row)) {
                    keys.put(subject, unwrap(row));
                } else {
                    existingKey(subject).ifPresent(key -> keys.put(subject, key)); // re-wrapped meanwhile
                }
            }
        }
        return keys;
    }

    @Override
    public void destroy(VolunteerId subject) {
        transactions.executeWithoutResult(status -> {
            epochs.lockExclusively(); // first, so that erasures never wait for each other's rows
            Timestamp now = Timestamp.from(clock.instant());
            int updated = jdbc.update("update personal_data_key set wrapped_key = null, epoch_id = null, destroyed_at = ? "
                    + "where volunteer_id = ?", now, subject.toString());
            if (updated == 0) { // never had data sealed: still record the erasure
                jdbc.update("insert into personal_data_key (volunteer_id, wrapped_key, created_at, destroyed_at) values (?, null, ?, ?)",
                        subject.toString(), now, now);
            }
            epochs.rotateBeforeCommit();
        });
    }

    @Override
    public boolean isDestroyed(VolunteerId subject) {
        return find(subject).map(r -> r.wrapped() == null).orElse(false);
    }

    private boolean readable(Row row) {
        return row.epoch() == null || epochs.store().key(row.epoch()).isPresent();
    }

    private byte[] unwrap(Row row) {
        return KeyWrap.unwrap(epochs.wrappingKey(row.epoch(), row.subject()), row.subject(), row.wrapped());
    }

    private Optional<Row> find(VolunteerId subject) {
        List<Row> rows = jdbc.query("select volunteer_id, wrapped_key, epoch_id from personal_data_key where volunteer_id = ?",
                (rs, i) -> new Row(rs.getString(1), rs.getBytes(2), rs.getString(3)), subject.toString());
        return rows.stream().findFirst();
    }

    private record Row(String subject, byte[] wrapped, String epoch) {
    }
}
