package nrw.komman.app.personaldata;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The epochs of the per-volunteer keys (ADR 20). The row {@code personal_data_epoch} names the current epoch;
 * its key is in the {@link EpochKeyStore}. A rotation creates a new epoch key, re-wraps every living volunteer
 * key under it and names it current, all in one transaction; after the commit it destroys the epoch keys that
 * existed before. Erasure rotates once per transaction that destroys keys, a schedule rotates when no erasure
 * did for {@code komman.personal-data.epoch-rotation}.
 *
 * <p>One lock keeps the epochs consistent across threads and nodes: a rotation, an erasure (from its first destroyed
 * key on, so that two erasures never wait for each other's rows) and a reconciliation hold it exclusively; the
 * creation of a new volunteer key holds it shared until its commit, so a key is never wrapped under an epoch that a
 * concurrent rotation is about to destroy. On PostgreSQL it is a transaction-scoped advisory lock taken before the
 * row is read: its waiters queue in order, so a steady stream of registrations cannot starve an erasure (a row's
 * {@code for share} lets new sharers in past a waiting {@code for update}, and under load the rotation waited
 * for seconds while the keys to re-wrap grew). H2 knows only {@code for update} on the row, and its one node
 * serializes the few creations. New epoch
 * keys are only created and epochs only reconciled under the lock; after a commit exactly the epochs that
 * existed before the rotation are destroyed, never one a later rotation created.
 */
public class KeyEpochs {

    private static final Logger log = LoggerFactory.getLogger(KeyEpochs.class);
    private static final String LOCK = "select installation_id, current_epoch, rotated_at from personal_data_epoch where id = 1";
    private static final int PAGE = 1000;
    private static final int H2_LOCK_WAIT_MILLIS = 60_000;
    /** The advisory lock's key on PostgreSQL: "KOMMEPOC" in ASCII, unlikely to meet another application's. */
    private static final long ADVISORY_KEY = 0x4b4f4d4d45504f43L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final byte[] masterKey;
    private final Path keyStoreDirectory;
    private final boolean postgres;
    private volatile EpochKeyStore store;

    public KeyEpochs(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock, byte[] masterKey, Path keyStoreDirectory) {
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("the master key must be 256 bits (32 bytes, Base64-encoded in configuration)");
        }
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.masterKey = masterKey.clone();
        this.keyStoreDirectory = keyStoreDirectory;
        this.postgres = Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) c ->
                c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
    }

    record Epoch(String installation, String current, Instant rotatedAt) {
    }

    /**
     * On start: names the installation, creates the first epoch (re-wrapping keys from before V33, which the
     * master key wrapped) and destroys the epoch keys the database no longer names (a crash between a rotation's
     * commit and the destruction). Refuses to start when the key store lacks the current epoch's key.
     */
    public void start() {
        Set<String> stale = transactions.execute(status -> {
            Epoch epoch = lockExclusively();
            String installation = epoch.installation();
            if (installation == null) {
                installation = UUID.randomUUID().toString();
                jdbc.update("update personal_data_epoch set installation_id = ? where id = 1", installation);
            }
            store = new EpochKeyStore(keyStoreDirectory, installation, masterKey);
            if (epoch.current() != null && store.key(epoch.current()).isEmpty()) {
                throw new IllegalStateException("the key store " + store.file() + " does not hold the key of the current epoch "
                        + epoch.current() + ": give this node the key store of this database (komman.personal-data.key-store, "
                        + "docs/operations.md); without it no personal data can be opened");
            }
            if (epoch.current() == null || epoch.rotatedAt() == null) {
                // the first epoch (the rows from before V33 were wrapped with the master key), or an operator asked for a
                // rotation after re-applying erasures to a restored backup (docs/operations.md)
                return rotateLocked(epoch).old();
            }
            Set<String> others = new HashSet<>(store.epochs());
            others.remove(epoch.current());
            return others;
        });
        destroyAfterCommit(stale);
    }

    EpochKeyStore store() {
        if (store == null) {
            throw new IllegalStateException("the key epochs have not been started");
        }
        return store;
    }

    byte[] masterKey() {
        return masterKey;
    }

    Epoch lockExclusively() {
        if (postgres) {
            jdbc.query("select pg_advisory_xact_lock(?)", rs -> { }, ADVISORY_KEY);
        }
        return lock(LOCK + " for update");
    }

    /** Held by the creation of a new key until its transaction ends. */
    Epoch lockShared() {
        if (postgres) {
            jdbc.query("select pg_advisory_xact_lock_shared(?)", rs -> { }, ADVISORY_KEY);
            return select(LOCK);
        }
        return lock(LOCK + " for update");
    }

    private Epoch lock(String sql) {
        if (postgres) {
            return select(sql);
        }
        // H2 gives up waiting for a row lock after 2 s, shorter than a rotation of many keys on a slow disk takes:
        // this wait, and only this one, may last a minute (a setting of the session, set back at once)
        Integer before = jdbc.queryForObject("select lock_timeout()", Integer.class);
        jdbc.execute("set lock_timeout " + H2_LOCK_WAIT_MILLIS);
        try {
            return select(sql);
        } finally {
            jdbc.execute("set lock_timeout " + before);
        }
    }

    private Epoch select(String sql) {
        return jdbc.queryForObject(sql, (rs, i) -> new Epoch(rs.getString(1), rs.getString(2),
                Optional.ofNullable(rs.getTimestamp(3)).map(Timestamp::toInstant).orElse(null)));
    }

    /**
     * Called by erasure inside its transaction, after it took the lock exclusively: rotates once before the
     * transaction commits and destroys the older epoch keys right after it, in the committing thread (before the
     * erasure is answered). A rolled-back transaction destroys the epoch key it created, which nothing names.
     */
    void rotateBeforeCommit() {
        if (TransactionSynchronizationManager.hasResource(this)) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("keys are destroyed inside a transaction only");
        }
        TransactionSynchronizationManager.bindResource(this, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            private Rotation rotation;

            @Override
            public void beforeCommit(boolean readOnly) {
                rotation = rotateLocked(lockExclusively());
            }

            @Override
            public void afterCommit() {
                store().destroy(rotation.old());
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(KeyEpochs.this);
                if (status != STATUS_COMMITTED && rotation != null) {
                    store().destroy(Set.of(rotation.created()));
                }
            }
        });
    }

    /** A rotation in a transaction of its own, if the last one is at least {@code period} ago; then reconciles. */
    public Optional<Rotation> rotateIfDue(Duration period) {
        Rotation[] done = new Rotation[1];
        Set<String> stale = transactions.execute(status -> {
            Epoch epoch = lockExclusively();
            if (epoch.rotatedAt() == null || !epoch.rotatedAt().plus(period).isAfter(clock.instant())) {
                done[0] = rotateLocked(epoch);
                return done[0].old();
            }
            Set<String> others = new HashSet<>(store().epochs());
            others.remove(epoch.current());
            return others;
        });
        destroyAfterCommit(stale);
        return Optional.ofNullable(done[0]);
    }

    /** Now, in a transaction of its own (operations, tests, the benchmark). */
    public Rotation rotateNow() {
        return rotateIfDue(Duration.ZERO).orElseThrow();
    }

    private void destroyAfterCommit(Set<String> epochs) {
        if (!epochs.isEmpty()) {
            store().destroy(epochs);
            log.info("Destroyed {} epoch key(s) no longer named by the database", epochs.size());
        }
    }

    /** What a rotation did: the new epoch, the epochs to destroy once it committed, how many keys it re-wrapped. */
    public record Rotation(String created, Set<String> old, int rewrapped, Duration took) {
    }

    /** Under the exclusive lock: a new epoch key, every living key re-wrapped under it, the new epoch current. */
    private Rotation rotateLocked(Epoch epoch) {
        long start = System.nanoTime();
        Set<String> old = new HashSet<>(store().epochs());
        String created = store().create();
        byte[] newKey = store().key(created).orElseThrow();
        int rewrapped = 0;
        String after = "";
        while (true) {
            List<Object[]> updates = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            jdbc.query("select volunteer_id, wrapped_key, epoch_id from personal_data_key where wrapped_key is not null "
                    + "and volunteer_id > ? order by volunteer_id limit " + PAGE, rs -> {
                String subject = rs.getString(1);
                byte[] key = KeyWrap.unwrap(wrappingKey(rs.getString(3), subject), subject, rs.getBytes(2));
                updates.add(new Object[]{KeyWrap.wrap(newKey, subject, key), created, subject});
                ids.add(subject);
            }, after);
            if (updates.isEmpty()) {
                break;
            }
            jdbc.batchUpdate("update personal_data_key set wrapped_key = ?, epoch_id = ? where volunteer_id = ?", updates);
            rewrapped += updates.size();
            after = ids.get(ids.size() - 1);
        }
        jdbc.update("update personal_data_epoch set current_epoch = ?, rotated_at = ? where id = 1",
                created, Timestamp.from(clock.instant()));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        log.info("Rotated the key epoch: {} volunteer key(s) re-wrapped in {} ms", rewrapped, took.toMillis());
        return new Rotation(created, old, rewrapped, took);
    }

    /** The key that wraps a row's volunteer key: its epoch's, or the master key for a row from before V33. */
    byte[] wrappingKey(String epoch, String subject) {
        if (epoch == null) {
            return masterKey;
        }
        return store().key(epoch).orElseThrow(() -> new IllegalStateException(
                "the key of epoch " + epoch + " (volunteer " + subject + ") is not in the key store " + store().file()));
    }
}
