package nrw.komman.web.account;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialCacheTest {

    @Test
    void keys_depend_on_user_name_and_password_and_reveal_neither() {
        CredentialCache cache = new CredentialCache(Duration.ofMinutes(5), 10);

        String key = cache.key("k.mueller", "Lange-Passphrase-42");

        assertThat(key).isEqualTo(cache.key(" K.Mueller ", "Lange-Passphrase-42"));
        assertThat(key).isNotEqualTo(cache.key("k.mueller", "Lange-Passphrase-43"));
        assertThat(key).isNotEqualTo(cache.key("k.muellerL", "ange-Passphrase-42"));
        assertThat(key).doesNotContain("mueller").doesNotContain("Passphrase");
    }

    @Test
    void the_same_pair_gives_a_different_key_in_another_process() {
        assertThat(new CredentialCache(Duration.ofMinutes(5), 10).key("a", "b"))
                .isNotEqualTo(new CredentialCache(Duration.ofMinutes(5), 10).key("a", "b"));
    }

    @Test
    void the_cache_never_holds_more_than_its_bound() {
        CredentialCache cache = new CredentialCache(Duration.ofMinutes(5), 3);

        for (int i = 0; i < 10; i++) {
            cache.remember(cache.key("user" + i, "pw"), "user" + i, "{bcrypt}hash" + i);
        }

        assertThat(cache.size()).isLessThanOrEqualTo(3);
        assertThat(cache.lookup(cache.key("user9", "pw"))).isPresent();
    }

    @Test
    void invalidating_an_account_forgets_all_its_pairs_and_only_those() {
        CredentialCache cache = new CredentialCache(Duration.ofMinutes(5), 10);
        cache.remember(cache.key("a", "pw1"), "a", "h");
        cache.remember(cache.key("a", "pw2"), "a", "h");
        cache.remember(cache.key("b", "pw1"), "b", "h");

        cache.invalidate("A");

        assertThat(cache.size()).isEqualTo(1);
        assertThat(cache.lookup(cache.key("b", "pw1"))).isPresent();
    }

    @Test
    void a_zero_bound_or_time_to_live_turns_remembering_off() {
        CredentialCache none = new CredentialCache(Duration.ofMinutes(5), 0);
        none.remember(none.key("a", "b"), "a", "h");
        CredentialCache instant = new CredentialCache(Duration.ZERO, 10);
        instant.remember(instant.key("a", "b"), "a", "h");

        assertThat(none.size()).isZero();
        assertThat(instant.size()).isZero();
    }

    @Test
    void an_entry_matches_only_the_hash_it_was_verified_against() {
        CredentialCache.Entry entry = new CredentialCache.Entry("a", "{bcrypt}one", java.time.Instant.MAX);

        assertThat(CredentialCache.sameHash(entry, "{bcrypt}one")).isTrue();
        assertThat(CredentialCache.sameHash(entry, "{bcrypt}two")).isFalse();
        assertThat(CredentialCache.sameHash(entry, null)).isFalse();
    }
}
