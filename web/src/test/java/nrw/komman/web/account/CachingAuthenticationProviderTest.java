package nrw.komman.web.account;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.AccountRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingAuthenticationProviderTest {

    private static final CentreId VIERSEN = new CentreId("05166");

    private CountingPasswordEncoder encoder;
    private MutableClock clock;
    private CredentialCache cache;
    private AccountService accounts;
    private AuthenticationManager manager;

    @BeforeEach
    void setUp() {
        encoder = new CountingPasswordEncoder();
        clock = new MutableClock(Instant.parse("2025-03-31T08:00:00Z"));
        cache = new CredentialCache(Duration.ofMinutes(5), 100, clock);
        accounts = new AccountService(new JdbcTemplate(TestDatabase.migrated()), encoder, cache);
        AccountUserDetailsService userDetails = new AccountUserDetailsService(accounts);
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(userDetails);
        passwords.setPasswordEncoder(encoder);
        manager = new ProviderManager(new CachingAuthenticationProvider(passwords, userDetails, cache));
        accounts.create("programm.viersen", "Lange-Passphrase-42", AccountRole.COORDINATOR, VIERSEN, "admin");
    }

    @Test
    void the_first_sign_in_checks_the_password_hash_and_yields_the_actor() {
        Authentication result = manager.authenticate(basic("programm.viersen", "Lange-Passphrase-42"));

        assertThat(encoder.matches.get()).isEqualTo(1);
        assertThat(result.isAuthenticated()).isTrue();
        assertThat(((AccountPrincipal) result.getPrincipal()).actor()).isEqualTo(Actor.coordinator("programm.viersen", VIERSEN));
        assertThat(result.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_COORDINATOR");
    }

    @Test
    void a_second_authentication_with_the_same_password_does_not_call_the_password_encoder() {
        manager.authenticate(basic("programm.viersen", "Lange-Passphrase-42"));

        Authentication second = manager.authenticate(basic("programm.viersen", "Lange-Passphrase-42"));
        Authentication third = manager.authenticate(basic("Programm.Viersen", "Lange-Passphrase-42"));

        assertThat(encoder.matches.get()).isEqualTo(1);
        assertThat(second.isAuthenticated()).isTrue();
        assertThat(((AccountPrincipal) third.getPrincipal()).actor().account()).isEqualTo("programm.viersen");
        assertThat(second.getCredentials()).isNull();
    }

    @Test
    void a_wrong_password_is_never_answered_from_the_cache() {
        manager.authenticate(basic("programm.viersen", "Lange-Passphrase-42"));

        assertThatThrownBy(() -> manager.authenticate(basic("programm.viersen", "Lange-Passphrase-43")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(encoder.matches.get()).isEqualTo(2);
    }

    @Test
    void a_password_reset_invalidates_the_remembered_password() {
        manager.authenticate(basic("programm.viersen", "Lange-Passphrase-42"));

        accounts.resetPassword("programm.viersen", "Neue-Passphrase-2025", "admin");

        assertThatThrownBy(() -> manager.authenticate(basic("programm.viersen", "Lange-Passphrase-42")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(manager.authenticate(basic("programm.viersen", "Neue-Passphrase-2025")).isAuthenticated()).isTrue();
        assertThat(encoder.matches.get()).isEqualTo(3);
    }

    @Test
    void a_password_changed_elsewhere_is_noticed_even_when_this_cache_was_not_told() {
        manager.authenticate(basic("programm.viersen", "Lange-Passphrase-42"));
        // another node resets the password: this node's cache is not invalidated
        new AccountService(new JdbcTemplate(accountsDataSource()), encoder, new CredentialCache(Duration.ofMinutes(5), 10))
                .resetPassword("programm.viersen", "Neue-Passphrase-2025", "admin");

        assertThatThrownBy(() -> manager.authenticate(basic("programm.viersen", "Lange-Passphrase-42")))
                .isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void a_disabled_account_is_refused_although_its_password_was_remembered() {
        manager.authenticate(basic("programm.viersen", "Lange-Passphrase-42"));
        accounts.create("admin", "Lange-Passphrase-42", AccountRole.ADMINISTRATOR, null, "system");

        accounts.disable("programm.viersen", "admin");

        assertThatThrownBy(() -> manager.authenticate(basic("programm.viersen", "Lange-Passphrase-42")))
                .isInstanceOf(DisabledException.class);
    }

    @Test
    void a_remembered_password_expires_after_the_time_to_live() {
        manager.authenticate(basic("programm.viersen", "Lange-Passphrase-42"));

        clock.advance(Duration.ofMinutes(5).plusSeconds(1));
        manager.authenticate(basic("programm.viersen", "Lange-Passphrase-42"));

        assertThat(encoder.matches.get()).isEqualTo(2);
    }

    @Test
    void an_unknown_account_is_refused_like_a_wrong_password() {
        assertThatThrownBy(() -> manager.authenticate(basic("niemand", "Lange-Passphrase-42")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(cache.size()).isZero();
    }

    private javax.sql.DataSource accountsDataSource() {
        try {
            var field = AccountService.class.getDeclaredField("jdbc");
            field.setAccessible(true);
            return ((JdbcTemplate) field.get(accounts)).getDataSource();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UsernamePasswordAuthenticationToken basic(String username, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(username, password);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
