package nrw.komman.app.personaldata;

import com.zaxxer.hikari.HikariDataSource;
import nrw.komman.app.support.EmbeddedPostgresServer;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.init.ScriptUtils;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The key ring and its epochs (ADR 20) on a real H2 file database and a real PostgreSQL, with a real key store
 * folder: erasure rotates the epoch and destroys the old epoch key, a rollback leaves everything as it was, a
 * restart reconciles, nodes sharing the store follow each other's rotations, and creating keys never races a
 * rotation. Also measures a rotation of 10,000 living keys (printed, never asserted).
 */
class KeyEpochsTest {

    enum Database { H2, POSTGRESQL }

    /** How many keys the registrations of the race create at most. */
    static final int RACE_KEYS = 3000;

    static final byte[] MASTER = Base64.getDecoder().decode("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");

    @TempDir
    Path dir;

    private final List<HikariDataSource> pools = new ArrayList<>();

    @AfterEach
    void close() {
        pools.forEach(HikariDataSource::close);
    }

    /** One node: its own pool, transactions and key ring, on the shared database and key store. */
    record Node(JdbcTemplate jdbc, TransactionTemplate tx, KeyEpochs epochs, JdbcKeyRing ring) {
    }

    private String url(Database database) {
        return database == Database.H2
                ? "jdbc:h2:file:" + dir.resolve("db") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0"
                : EmbeddedPostgresServer.newDatabaseUrl();
    }

    private Node node(String url, Path keyStore, Clock clock) throws Exception {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(url);
        pool.setUsername(url.startsWith("jdbc:h2") ? "sa" : "postgres");
        pool.setPassword(url.startsWith("jdbc:h2") ? "" : "postgres");
        pool.setMaximumPoolSize(12);
        pools.add(pool);
        JdbcTemplate jdbc = new JdbcTemplate(pool);
        boolean fresh = jdbc.queryForObject("select count(*) from information_schema.tables where lower(table_name) = 'personal_data_epoch'",
                Integer.class) == 0;
        if (fresh) {
            try (Connection c = pool.getConnection()) {
                ScriptUtils.executeSqlScript(c, new ClassPathResource("db/migration/common/V2__personal_data_keys.sql"));
                ScriptUtils.executeSqlScript(c, new ClassPathResource("db/migration/common/V33__personal_data_key_epochs.sql"));
            }
        }
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(pool));
        KeyEpochs epochs = new KeyEpochs(jdbc, tx, clock, MASTER, keyStore);
        epochs.start();
        return new Node(jdbc, tx, epochs, new JdbcKeyRing(jdbc, tx, epochs, clock));
    }

    private Node node(Database database) throws Exception {
        return node(url(database), dir.resolve("keys"), Clock.systemUTC());
    }

    private static String current(Node node) {
        return node.jdbc().queryForObject("select current_epoch from personal_data_epoch", String.class);
    }

    private static byte[] wrapped(Node node, VolunteerId id) {
        return node.jdbc().queryForObject("select wrapped_key from personal_data_key where volunteer_id = ?", byte[].class, id.toString());
    }

    /** How many of the given wrapped copies open with any epoch key the store holds now (or the master key). */
    private static long opened(Node node, VolunteerId id, List<byte[]> copies) {
        List<byte[]> keys = new ArrayList<>();
        node.epochs().store().epochs().forEach(e -> keys.add(node.epochs().store().key(e).orElseThrow()));
        keys.add(MASTER);
        return copies.stream().filter(copy -> keys.stream().anyMatch(k -> {
            try {
                KeyWrap.unwrap(k, id.toString(), copy);
                return true;
            } catch (IllegalStateException no) {
                return false;
            }
        })).count();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void erasure_rotates_the_epoch_and_a_copy_of_the_old_row_opens_no_more(Database database) throws Exception {
        Node node = node(database);
        String first = current(node);
        VolunteerId amina = VolunteerId.random();
        VolunteerId bela = VolunteerId.random();
        byte[] aminaKey = node.tx().execute(s -> node.ring().keyFor(amina));
        byte[] belaKey = node.tx().execute(s -> node.ring().keyFor(bela));
        byte[] aminaCopy = wrapped(node, amina); // what a copy of the database file holds
        assertThat(aminaCopy).hasSize(KeyWrap.WRAPPED_BYTES);
        assertThat(opened(node, amina, List.of(aminaCopy))).as("before erasure the copy opens").isEqualTo(1);

        node.ring().destroy(amina);

        assertThat(node.ring().isDestroyed(amina)).isTrue();
        assertThat(node.ring().existingKey(amina)).isEmpty();
        assertThat(current(node)).isNotEqualTo(first);
        assertThat(node.epochs().store().epochs()).containsExactly(current(node));
        assertThat(Files.readString(node.epochs().store().file())).doesNotContain(first);
        assertThat(opened(node, amina, List.of(aminaCopy))).as("the copy taken before the erasure").isZero();
        assertThat(node.ring().existingKey(bela)).hasValueSatisfying(k -> assertThat(k).isEqualTo(belaKey));
        assertThat(node.jdbc().queryForObject("select epoch_id from personal_data_key where volunteer_id = ?", String.class,
                bela.toString())).isEqualTo(current(node));
        assertThat(aminaKey).hasSize(32);
        assertThatThrownBy(() -> node.ring().keyFor(amina)).hasMessageContaining("erased");
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void an_erasure_that_rolls_back_leaves_the_epoch_and_the_key(Database database) throws Exception {
        Node node = node(database);
        String first = current(node);
        VolunteerId amina = VolunteerId.random();
        byte[] key = node.tx().execute(s -> node.ring().keyFor(amina));

        node.tx().executeWithoutResult(s -> {
            node.ring().destroy(amina);
            s.setRollbackOnly();
        });

        assertThat(current(node)).isEqualTo(first);
        assertThat(node.epochs().store().epochs()).containsExactly(first);
        assertThat(node.ring().existingKey(amina)).hasValueSatisfying(k -> assertThat(k).isEqualTo(key));
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void one_rotation_per_transaction_however_many_keys_it_destroys(Database database) throws Exception {
        Node node = node(database);
        List<VolunteerId> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            VolunteerId id = VolunteerId.random();
            node.tx().execute(s -> node.ring().keyFor(id));
            ids.add(id);
        }
        String first = current(node);
        node.tx().executeWithoutResult(s -> ids.subList(0, 3).forEach(node.ring()::destroy));

        assertThat(current(node)).isNotEqualTo(first);
        assertThat(node.epochs().store().epochs()).containsExactly(current(node));
        assertThat(node.ring().existingKeys(ids)).containsOnlyKeys(ids.subList(3, 5));
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void a_start_destroys_epoch_keys_the_database_no_longer_names_and_refuses_a_store_without_the_current_one(Database database)
            throws Exception {
        String url = url(database);
        Node node = node(url, dir.resolve("keys"), Clock.systemUTC());
        String orphan = node.epochs().store().create(); // a crash between a rotation's commit and the destruction leaves this
        assertThat(node.epochs().store().epochs()).contains(orphan);

        Node restarted = node(url, dir.resolve("keys"), Clock.systemUTC());

        assertThat(restarted.epochs().store().epochs()).containsExactly(current(restarted));
        assertThatThrownBy(() -> node(url, dir.resolve("another-store"), Clock.systemUTC()))
                .hasMessageContaining("does not hold the key of the current epoch");
    }

    /** The restore procedure of docs/operations.md: erasures re-applied by SQL, then rotated_at cleared, then a start. */
    @ParameterizedTest
    @EnumSource(Database.class)
    void a_start_rotates_when_an_operator_cleared_the_time_of_the_last_rotation(Database database) throws Exception {
        String url = url(database);
        Node node = node(url, dir.resolve("keys"), Clock.systemUTC());
        VolunteerId amina = VolunteerId.random();
        node.tx().execute(s -> node.ring().keyFor(amina));
        byte[] copy = wrapped(node, amina);
        String restored = current(node);
        node.jdbc().update("update personal_data_key set wrapped_key = null, epoch_id = null, destroyed_at = current_timestamp "
                + "where volunteer_id = ?", amina.toString());
        node.jdbc().update("update personal_data_epoch set rotated_at = null");

        Node restarted = node(url, dir.resolve("keys"), Clock.systemUTC());

        assertThat(current(restarted)).isNotEqualTo(restored);
        assertThat(restarted.epochs().store().epochs()).containsExactly(current(restarted));
        assertThat(opened(restarted, amina, List.of(copy))).isZero();
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void a_node_follows_the_rotation_of_another_node_through_the_shared_store(Database database) throws Exception {
        String url = url(database);
        Node one = node(url, dir.resolve("keys"), Clock.systemUTC());
        Node two = node(url, dir.resolve("keys"), Clock.systemUTC());
        VolunteerId amina = VolunteerId.random();
        VolunteerId bela = VolunteerId.random();
        byte[] key = one.tx().execute(s -> one.ring().keyFor(amina));
        two.tx().execute(s -> two.ring().keyFor(bela));
        assertThat(two.ring().existingKey(amina)).hasValueSatisfying(k -> assertThat(k).isEqualTo(key));

        one.ring().destroy(bela); // node one rotates; node two still knows only the old epoch

        assertThat(two.ring().existingKey(amina)).as("node two meets the new epoch and re-reads the store")
                .hasValueSatisfying(k -> assertThat(k).isEqualTo(key));
        assertThat(two.epochs().store().epochs()).containsExactly(current(two));
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void the_schedule_rotates_once_the_period_has_passed(Database database) throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-01T08:00:00Z"));
        Node node = node(url(database), dir.resolve("keys"), clock);
        VolunteerId amina = VolunteerId.random();
        byte[] key = node.tx().execute(s -> node.ring().keyFor(amina));
        byte[] copy = wrapped(node, amina);
        String first = current(node);

        clock.now = clock.now.plus(Duration.ofDays(6));
        assertThat(node.epochs().rotateIfDue(Duration.ofDays(7))).isEmpty();
        assertThat(current(node)).isEqualTo(first);

        clock.now = clock.now.plus(Duration.ofDays(1));
        assertThat(node.epochs().rotateIfDue(Duration.ofDays(7))).hasValueSatisfying(r -> assertThat(r.rewrapped()).isEqualTo(1));
        assertThat(current(node)).isNotEqualTo(first);
        assertThat(node.epochs().store().epochs()).containsExactly(current(node));
        assertThat(opened(node, amina, List.of(copy))).as("a backup from before the rotation").isZero();
        assertThat(node.ring().existingKey(amina)).hasValueSatisfying(k -> assertThat(k).isEqualTo(key));
    }

    @ParameterizedTest
    @EnumSource(Database.class)
    void the_batch_read_answers_what_the_single_reads_answer(Database database) throws Exception {
        Node node = node(database);
        List<VolunteerId> ids = new ArrayList<>();
        for (int i = 0; i < 1203; i++) {
            ids.add(VolunteerId.random());
        }
        node.tx().executeWithoutResult(s -> ids.forEach(node.ring()::keyFor));
        node.ring().destroy(ids.get(7));
        List<VolunteerId> asked = new ArrayList<>(ids);
        asked.add(VolunteerId.random()); // never had a key

        Map<VolunteerId, byte[]> keys = node.ring().existingKeys(asked);

        assertThat(keys).hasSize(1202).doesNotContainKey(ids.get(7)).doesNotContainKey(asked.get(asked.size() - 1));
        for (VolunteerId id : ids) {
            if (!id.equals(ids.get(7))) {
                assertThat(keys.get(id)).isEqualTo(node.ring().existingKey(id).orElseThrow());
            }
        }
    }

    /**
     * Registrations (new keys) on eight threads of two nodes race erasures (rotations) on two threads: every key
     * handed out by a committed creation still opens afterwards, with the same bytes. Without the shared lock a
     * creation wraps its key under an epoch the concurrent rotation destroys, and the key is lost. The registrations
     * stop at {@value #RACE_KEYS} keys, so that the test's work stays bounded however slow the machine: every
     * rotation re-wraps all keys, and an erasure starved by the registrations (a row's {@code for share} on
     * PostgreSQL before the advisory lock) let them grow into thousands and timed out on a loaded CI machine. The
     * erasures' waits are printed (median and longest), never asserted.
     */
    @ParameterizedTest
    @EnumSource(Database.class)
    void creating_keys_never_races_a_rotation(Database database) throws Exception {
        String url = url(database);
        Node one = node(url, dir.resolve("keys"), Clock.systemUTC());
        Node two = node(url, dir.resolve("keys"), Clock.systemUTC());
        List<VolunteerId> victims = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            VolunteerId id = VolunteerId.random();
            one.tx().execute(s -> one.ring().keyFor(id));
            victims.add(id);
        }
        Map<VolunteerId, byte[]> created = new ConcurrentHashMap<>();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger rotations = new AtomicInteger();
        List<Long> erasureMillis = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(10);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> work = new ArrayList<>();
        try {
            for (int t = 0; t < 8; t++) {
                Node node = t % 2 == 0 ? one : two;
                work.add(threads.submit(() -> {
                    go.await();
                    while (running.get() && created.size() < RACE_KEYS) {
                        VolunteerId id = VolunteerId.random();
                        byte[] key = node.tx().execute(s -> {
                            byte[] k = node.ring().keyFor(id);
                            sleep(2); // the rest of a registration's transaction
                            return k;
                        });
                        created.put(id, key);
                    }
                    return null;
                }));
            }
            for (int t = 0; t < 2; t++) {
                Node node = t == 0 ? one : two;
                List<VolunteerId> mine = victims.subList(t * 20, t * 20 + 20);
                work.add(threads.submit(() -> {
                    go.await();
                    for (VolunteerId victim : mine) {
                        long began = System.nanoTime();
                        node.ring().destroy(victim);
                        erasureMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));
                        rotations.incrementAndGet();
                        sleep(5);
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : work.subList(8, 10)) {
                f.get(120, TimeUnit.SECONDS);
            }
            running.set(false);
            for (Future<?> f : work.subList(0, 8)) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            running.set(false); // a failed wait must not leave registrations running into the next test
            threads.shutdownNow();
            threads.awaitTermination(30, TimeUnit.SECONDS);
        }

        List<VolunteerId> lost = new ArrayList<>();
        for (Map.Entry<VolunteerId, byte[]> e : created.entrySet()) {
            try {
                if (!Arrays.equals(one.ring().existingKey(e.getKey()).orElse(null), e.getValue())) {
                    lost.add(e.getKey());
                }
            } catch (IllegalStateException unreadable) {
                lost.add(e.getKey());
            }
        }
        List<Long> waits = new ArrayList<>(erasureMillis);
        Collections.sort(waits);
        System.out.printf("KeyEpochsTest race (%s): %d keys created on 8 threads of 2 nodes during %d rotations, %d lost; "
                        + "an erasure took %d ms (median), %d ms at most; epochs in the store: %d%n", database, created.size(),
                rotations.get(), lost.size(), waits.get(waits.size() / 2), waits.get(waits.size() - 1),
                one.epochs().store().epochs().size());
        assertThat(rotations.get()).isEqualTo(40);
        assertThat(created).hasSizeGreaterThan(40);
        assertThat(lost).as("keys lost to a rotation").isEmpty();
        assertThat(one.epochs().store().epochs()).containsExactly(current(one));
    }

    /** A rotation of 10,000 living keys, measured (never asserted): erasure waits for it. */
    @ParameterizedTest
    @EnumSource(Database.class)
    void rotation_of_ten_thousand_keys_is_measured(Database database) throws Exception {
        Node node = node(database);
        List<VolunteerId> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(VolunteerId.random());
        }
        for (int from = 0; from < ids.size(); from += 1000) {
            List<VolunteerId> chunk = ids.subList(from, from + 1000);
            node.tx().executeWithoutResult(s -> chunk.forEach(node.ring()::keyFor));
        }
        node.epochs().rotateNow(); // warm-up
        KeyEpochs.Rotation scheduled = node.epochs().rotateNow();
        long start = System.nanoTime();
        node.ring().destroy(ids.get(0));
        long erasure = System.nanoTime() - start;
        start = System.nanoTime();
        Map<VolunteerId, byte[]> keys = node.ring().existingKeys(ids.subList(1, 1001));
        long batch = System.nanoTime() - start;
        System.out.printf("KeyEpochsTest rotation (%s): %d keys re-wrapped in %d ms (scheduled rotation); an erasure with its "
                        + "rotation %d ms; batch read of %d keys %d ms%n", database, scheduled.rewrapped(), scheduled.took().toMillis(),
                erasure / 1_000_000, keys.size(), batch / 1_000_000);
        assertThat(scheduled.rewrapped()).isEqualTo(10_000);
        assertThat(keys).hasSize(1000);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
