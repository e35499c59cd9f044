package nrw.komman.command.volunteer;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The set-based e-mail check against a real database (H2 in PostgreSQL mode, schema by Flyway from V10). */
class JdbcEmailRegistryTest {

    private static final String PEPPER = "test-pepper-0123456789abcdef";
    private static final VolunteerId AMIRA = VolunteerId.random();
    private static final VolunteerId JONAS = VolunteerId.random();
    private static final CentreId VIERSEN = new CentreId("05166");
    private static final CentreId KOELN = new CentreId("05315");

    /** What the event store would answer for volunteers remembered before V39. */
    private final Map<VolunteerId, CentreId> legacyCentres = new HashMap<>();

    private JdbcTemplate jdbc;
    private TransactionTemplate tx;
    private JdbcEmailRegistry registry;

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:emails-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        registry = new JdbcEmailRegistry(jdbc, PEPPER, id -> Optional.ofNullable(legacyCentres.get(id)));
    }

    private String holderOf(String email) {
        List<String> holders = jdbc.queryForList("select volunteer_id from active_email_claim where fingerprint = ?",
                String.class, new EmailFingerprint(PEPPER).of(email));
        return holders.isEmpty() ? null : holders.get(0);
    }

    private void inTransaction(Runnable work) {
        tx.executeWithoutResult(status -> work.run());
    }

    @Test
    void a_registration_claims_the_address_and_stores_only_its_fingerprint() {
        inTransaction(() -> registry.register(AMIRA, VIERSEN, "Amira.Haddad@example.org"));

        assertThat(holderOf("amira.haddad@example.org")).isEqualTo(AMIRA.toString());
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select c.fingerprint as claimed, e.fingerprint as remembered from active_email_claim c "
                        + "join volunteer_email e on e.volunteer_id = c.volunteer_id");
        assertThat(rows).hasSize(1);
        for (Object fingerprint : rows.get(0).values()) {
            assertThat(fingerprint.toString()).matches("[0-9a-f]{64}").doesNotContain("amira").doesNotContain("example");
        }
    }

    @Test
    void a_second_active_volunteer_of_the_centre_with_the_same_address_is_refused_whatever_the_case() {
        inTransaction(() -> registry.register(AMIRA, VIERSEN, "amira.haddad@example.org"));

        assertThatThrownBy(() -> inTransaction(() -> registry.register(JONAS, VIERSEN, "AMIRA.HADDAD@example.org")))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> {
                    assertThat(e.code()).isEqualTo("volunteer.email.taken");
                    assertThat(e.getMessage()).isEqualTo("Diese E-Mail-Adresse ist in Ihrem Integrationszentrum bereits für eine aktive Person registriert.");
                });
        assertThat(holderOf("amira.haddad@example.org")).isEqualTo(AMIRA.toString());
    }

    @Test
    void the_primary_key_refuses_a_duplicate_that_the_look_up_did_not_see() {
        // the look-up in claim() cannot see another transaction's uncommitted claim; the key must catch it
        inTransaction(() -> registry.register(AMIRA, VIERSEN, "amira.haddad@example.org"));
        String fingerprint = new EmailFingerprint(PEPPER).of("amira.haddad@example.org");
        assertThatThrownBy(() -> jdbc.update("insert into active_email_claim (fingerprint, volunteer_id) values (?, ?)",
                fingerprint, JONAS.toString()))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
    }

    @Test
    void of_two_registrations_racing_for_the_same_address_exactly_one_wins() throws Exception {
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> inTransaction(() -> {
            registry.register(AMIRA, VIERSEN, "amira.haddad@example.org");
            firstClaimed.countDown();
            awaitSessionBlockedOnAKey(); // commit only once the rival waits on the primary key
        }));
        await(firstClaimed);
        // the rival's look-up cannot see the uncommitted claim, so it is the key that stops it
        CompletableFuture<Void> second = CompletableFuture.runAsync(
                () -> inTransaction(() -> registry.register(JONAS, VIERSEN, "amira.haddad@example.org")));

        first.get(20, TimeUnit.SECONDS);
        assertThatThrownBy(() -> second.get(20, TimeUnit.SECONDS))
                .hasCauseInstanceOf(RuleViolationException.class);
        assertThat(holderOf("amira.haddad@example.org")).isEqualTo(AMIRA.toString());
        assertThat(jdbc.queryForObject("select count(*) from active_email_claim", Integer.class)).isEqualTo(1);
    }

    private void awaitSessionBlockedOnAKey() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        // H2 shows a session waiting on a row lock as still executing its insert
        while (jdbc.queryForObject("select count(*) from information_schema.sessions"
                + " where executing_statement like 'insert into active_email_claim%'", Integer.class) == 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the rival registration never waited for the first one");
            }
            Thread.onSpinWait();
        }
    }

    @Test
    void a_claim_that_is_rolled_back_leaves_the_address_free() {
        tx.executeWithoutResult(status -> {
            registry.register(AMIRA, VIERSEN, "amira.haddad@example.org");
            status.setRollbackOnly(); // as when appending the command's events fails
        });

        assertThat(holderOf("amira.haddad@example.org")).isNull();
        assertThatCode(() -> inTransaction(() -> registry.register(JONAS, VIERSEN, "amira.haddad@example.org"))).doesNotThrowAnyException();
    }

    @Test
    void a_deactivated_volunteers_address_is_free_for_others() {
        inTransaction(() -> registry.register(AMIRA, VIERSEN, "amira.haddad@example.org"));
        inTransaction(() -> registry.release(AMIRA));

        inTransaction(() -> registry.register(JONAS, VIERSEN, "amira.haddad@example.org"));
        assertThat(holderOf("amira.haddad@example.org")).isEqualTo(JONAS.toString());
    }

    @Test
    void a_reactivated_volunteer_claims_the_remembered_address_again() {
        inTransaction(() -> registry.register(AMIRA, VIERSEN, "amira.haddad@example.org"));
        inTransaction(() -> registry.release(AMIRA));
        assertThat(holderOf("amira.haddad@example.org")).isNull();

        inTransaction(() -> registry.reclaim(AMIRA, VIERSEN));
        assertThat(holderOf("amira.haddad@example.org")).isEqualTo(AMIRA.toString());
    }

    @Test
    void a_reactivation_is_refused_when_another_active_volunteer_took_the_address_meanwhile() {
        inTransaction(() -> registry.register(AMIRA, VIERSEN, "amira.haddad@example.org"));
        inTransaction(() -> registry.release(AMIRA));
        inTransaction(() -> registry.register(JONAS, VIERSEN, "amira.haddad@example.org"));

        assertThatThrownBy(() -> inTransaction(() -> registry.reclaim(AMIRA, VIERSEN)))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("volunteer.email.taken"));
        assertThat(holderOf("amira.haddad@example.org")).isEqualTo(JONAS.toString());
    }

    @Test
    void a_profile_update_moves_the_claim_and_frees_the_old_address() {
        inTransaction(() -> registry.register(AMIRA, VIERSEN, "amira.haddad@example.org"));
        inTransaction(() -> registry.changeAddress(AMIRA, VIERSEN, "amira@example.net", true));

        assertThat(holderOf("amira@example.net")).isEqualTo(AMIRA.toString());
        assertThat(holderOf("amira.haddad@example.org")).isNull();
        inTransaction(() -> registry.register(JONAS, VIERSEN, "amira.haddad@example.org"));
        assertThat(holderOf("amira.haddad@example.org")).isEqualTo(JONAS.toString());
    }

    @Test
    void a_profile_update_to_an_address_held_by_another_active_volunteer_is_refused_and_keeps_the_old_claim() {
        inTransaction(() -> registry.register(AMIRA, VIERSEN, "amira.haddad@example.org"));
        inTransaction(() -> registry.register(JONAS, VIERSEN, "jonas@example.org"));

        assertThatThrownBy(() -> inTransaction(() -> registry.changeAddress(AMIRA, VIERSEN, "jonas@example.org", true)))
                .isInstanceOf(RuleViolationException.class);
        assertThat(holderOf("amira.haddad@example.org")).isEqualTo(AMIRA.toString());
        assertThat(holderOf("jonas@example.org")).isEqualTo(JONAS.toString());
    }

    @Test
    void keeping_the_same_address_on_a_profile_update_is_no_conflict() {
        inTransaction(() -> registry.register(AMIRA, VIERSEN, "amira.haddad@example.org"));
        assertThatCode(() -> inTransaction(() -> registry.changeAddress(AMIRA, VIERSEN, "Amira.Haddad@example.org", true)))
                .doesNotThrowAnyException();
        assertThat(holderOf("amira.haddad@example.org")).isEqualTo(AMIRA.toString());
    }

    @Test
    void removing_the_address_releases_the_claim_and_forgets_it() {
        inTransaction(() -> registry.register(AMIRA, VIERSEN, "amira.haddad@example.org"));
        inTransaction(() -> registry.changeAddress(AMIRA, VIERSEN, null, true));

        assertThat(holderOf("amira.haddad@example.org")).isNull();
        assertThat(jdbc.queryForObject("select count(*) from volunteer_email", Integer.class)).isZero();
        inTransaction(() -> registry.reclaim(AMIRA, VIERSEN)); // nothing to claim
        assertThat(jdbc.queryForObject("select count(*) from active_email_claim", Integer.class)).isZero();
    }

    @Test
    void an_inactive_volunteer_changes_the_address_without_claiming_it() {
        inTransaction(() -> registry.register(AMIRA, VIERSEN, "amira.haddad@example.org"));
        inTransaction(() -> registry.release(AMIRA));
        inTransaction(() -> registry.register(JONAS, VIERSEN, "amira@example.net"));

        inTransaction(() -> registry.changeAddress(AMIRA, VIERSEN, "amira@example.net", false));
        assertThat(holderOf("amira@example.net")).isEqualTo(JONAS.toString());
        assertThatThrownBy(() -> inTransaction(() -> registry.reclaim(AMIRA, VIERSEN))).isInstanceOf(RuleViolationException.class);
    }

    @Test
    void forgetting_an_erased_volunteer_deletes_the_claim_and_the_remembered_fingerprint() {
        inTransaction(() -> registry.register(AMIRA, VIERSEN, "amira.haddad@example.org"));
        inTransaction(() -> registry.register(JONAS, VIERSEN, "jonas@example.org"));

        inTransaction(() -> registry.forget(AMIRA));

        assertThat(holderOf("amira.haddad@example.org")).isNull();
        assertThat(jdbc.queryForList("select volunteer_id from volunteer_email", String.class))
                .containsExactly(JONAS.toString());
        assertThat(jdbc.queryForList("select volunteer_id from active_email_claim", String.class))
                .containsExactly(JONAS.toString());
        inTransaction(() -> registry.reclaim(AMIRA, VIERSEN)); // nothing left to claim again
        assertThat(holderOf("amira.haddad@example.org")).isNull();
    }

    @Test
    void the_address_of_a_forgotten_volunteer_is_free_for_a_new_registration() {
        VolunteerId newcomer = VolunteerId.random();
        inTransaction(() -> registry.register(AMIRA, VIERSEN, "amira.haddad@example.org"));
        inTransaction(() -> registry.forget(AMIRA));

        assertThatCode(() -> inTransaction(() -> registry.register(newcomer, VIERSEN, "Amira.Haddad@example.org")))
                .doesNotThrowAnyException();
        assertThat(holderOf("amira.haddad@example.org")).isEqualTo(newcomer.toString());
    }

    @Test
    void forgetting_an_inactive_volunteer_deletes_the_remembered_fingerprint_and_a_rollback_keeps_it() {
        inTransaction(() -> registry.register(AMIRA, VIERSEN, "amira.haddad@example.org"));
        inTransaction(() -> registry.release(AMIRA));
        tx.executeWithoutResult(status -> {
            registry.forget(AMIRA);
            status.setRollbackOnly(); // as when the erasure's events cannot be appended
        });
        assertThat(jdbc.queryForObject("select count(*) from volunteer_email", Integer.class)).isEqualTo(1);

        inTransaction(() -> registry.forget(AMIRA));
        assertThat(jdbc.queryForObject("select count(*) from volunteer_email", Integer.class)).isZero();
        assertThatCode(() -> inTransaction(() -> registry.forget(AMIRA))).doesNotThrowAnyException();
    }

    // ---- ADR 27: an address claimed in another centre is held, not refused -------------------------------

    private boolean held(VolunteerId volunteer) {
        return jdbc.queryForObject("select count(*) from volunteer_email where volunteer_id = ? and held_since is not null",
                Integer.class, volunteer.toString()) == 1;
    }

    private int claims() {
        return jdbc.queryForObject("select count(*) from active_email_claim", Integer.class);
    }

    @Test
    void an_address_claimed_in_another_centre_is_accepted_but_held_and_the_claim_stays_with_its_holder() {
        inTransaction(() -> registry.register(AMIRA, KOELN, "amira.haddad@example.org"));

        assertThatCode(() -> inTransaction(() -> registry.register(JONAS, VIERSEN, "Amira.Haddad@example.org")))
                .doesNotThrowAnyException();

        assertThat(holderOf("amira.haddad@example.org")).isEqualTo(AMIRA.toString());
        assertThat(held(JONAS)).isTrue();
        assertThat(held(AMIRA)).isFalse();
        assertThat(claims()).isEqualTo(1);
    }

    @Test
    void a_held_address_is_still_unique_within_its_centre() {
        VolunteerId third = VolunteerId.random();
        inTransaction(() -> registry.register(AMIRA, KOELN, "amira.haddad@example.org"));
        inTransaction(() -> registry.register(JONAS, VIERSEN, "amira.haddad@example.org"));

        assertThatThrownBy(() -> inTransaction(() -> registry.register(third, VIERSEN, "amira.haddad@example.org")))
                .isInstanceOfSatisfying(RuleViolationException.class, e -> assertThat(e.code()).isEqualTo("volunteer.email.taken"));
    }

    @Test
    void the_erasure_of_the_holder_hands_the_claim_to_the_address_held_longest() {
        VolunteerId later = VolunteerId.random();
        inTransaction(() -> registry.register(AMIRA, KOELN, "amira.haddad@example.org"));
        inTransaction(() -> registry.register(JONAS, VIERSEN, "amira.haddad@example.org"));
        sleepAMoment(); // held_since is a timestamp: the first to hold comes first
        inTransaction(() -> registry.register(later, new CentreId("05111"), "amira.haddad@example.org"));

        inTransaction(() -> registry.forget(AMIRA));

        assertThat(holderOf("amira.haddad@example.org")).isEqualTo(JONAS.toString());
        assertThat(held(JONAS)).isFalse();
        assertThat(held(later)).isTrue();
        assertThat(claims()).isEqualTo(1);
    }

    @Test
    void deactivating_the_holder_hands_the_claim_on_and_the_reactivated_holder_then_holds_it() {
        inTransaction(() -> registry.register(AMIRA, KOELN, "amira.haddad@example.org"));
        inTransaction(() -> registry.register(JONAS, VIERSEN, "amira.haddad@example.org"));

        inTransaction(() -> registry.release(AMIRA));
        assertThat(holderOf("amira.haddad@example.org")).isEqualTo(JONAS.toString());

        assertThatCode(() -> inTransaction(() -> registry.reclaim(AMIRA, KOELN))).doesNotThrowAnyException();
        assertThat(holderOf("amira.haddad@example.org")).isEqualTo(JONAS.toString());
        assertThat(held(AMIRA)).isTrue();
        assertThat(claims()).isEqualTo(1);
    }

    @Test
    void a_new_address_of_the_holder_hands_the_old_claim_on() {
        inTransaction(() -> registry.register(AMIRA, KOELN, "amira.haddad@example.org"));
        inTransaction(() -> registry.register(JONAS, VIERSEN, "amira.haddad@example.org"));

        inTransaction(() -> registry.changeAddress(AMIRA, KOELN, "amira@example.net", true));

        assertThat(holderOf("amira.haddad@example.org")).isEqualTo(JONAS.toString());
        assertThat(holderOf("amira@example.net")).isEqualTo(AMIRA.toString());
        assertThat(held(JONAS)).isFalse();
    }

    @Test
    void a_held_volunteer_who_changes_to_a_free_address_claims_it() {
        inTransaction(() -> registry.register(AMIRA, KOELN, "amira.haddad@example.org"));
        inTransaction(() -> registry.register(JONAS, VIERSEN, "amira.haddad@example.org"));

        inTransaction(() -> registry.changeAddress(JONAS, VIERSEN, "jonas@example.org", true));

        assertThat(holderOf("jonas@example.org")).isEqualTo(JONAS.toString());
        assertThat(held(JONAS)).isFalse();
        assertThat(holderOf("amira.haddad@example.org")).isEqualTo(AMIRA.toString());
    }

    @Test
    void a_claim_remembered_before_the_centres_were_kept_is_placed_by_the_volunteers_history() {
        // as V10 left it: a claim and a remembered fingerprint, without a centre
        String fp = new EmailFingerprint(PEPPER).of("amira.haddad@example.org");
        jdbc.update("insert into volunteer_email (volunteer_id, fingerprint) values (?, ?)", AMIRA.toString(), fp);
        jdbc.update("insert into active_email_claim (fingerprint, volunteer_id) values (?, ?)", fp, AMIRA.toString());
        legacyCentres.put(AMIRA, KOELN);

        assertThatThrownBy(() -> inTransaction(() -> registry.register(JONAS, KOELN, "amira.haddad@example.org")))
                .as("the same centre is told, as before").isInstanceOf(RuleViolationException.class);
        inTransaction(() -> registry.register(JONAS, VIERSEN, "amira.haddad@example.org"));

        assertThat(held(JONAS)).isTrue();
        assertThat(holderOf("amira.haddad@example.org")).isEqualTo(AMIRA.toString());
        assertThat(jdbc.queryForObject("select active_centre_id from volunteer_email where volunteer_id = ?", String.class,
                AMIRA.toString())).isEqualTo("05315");
    }

    @Test
    void of_two_registrations_racing_for_one_address_from_two_centres_both_are_accepted_and_one_claims() throws Exception {
        CountDownLatch firstClaimed = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> inTransaction(() -> {
            registry.register(AMIRA, KOELN, "amira.haddad@example.org");
            firstClaimed.countDown();
            awaitSessionBlockedOnAKey();
        }));
        await(firstClaimed);
        CompletableFuture<Void> second = CompletableFuture.runAsync(
                () -> inTransaction(() -> registry.register(JONAS, VIERSEN, "amira.haddad@example.org")));

        first.get(20, TimeUnit.SECONDS);
        second.get(20, TimeUnit.SECONDS);
        assertThat(holderOf("amira.haddad@example.org")).isEqualTo(AMIRA.toString());
        assertThat(held(JONAS)).isTrue();
        assertThat(claims()).isEqualTo(1);
    }

    private static void sleepAMoment() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
