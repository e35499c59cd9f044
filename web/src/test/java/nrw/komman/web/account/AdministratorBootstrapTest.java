package nrw.komman.web.account;

import nrw.komman.kernel.common.AccountRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdministratorBootstrapTest {

    private CountingPasswordEncoder encoder;
    private JdbcTemplate jdbc;
    private AccountService accounts;

    @BeforeEach
    void setUp() {
        encoder = new CountingPasswordEncoder();
        jdbc = new JdbcTemplate(TestDatabase.migrated());
        accounts = new AccountService(jdbc, encoder,
                new CredentialCache(Duration.ofMinutes(5), 10));
    }

    @Test
    void the_first_start_creates_the_administrator_with_the_configured_password() {
        Optional<String> generated = new AdministratorBootstrap(accounts, new AdminProperties("admin", "Betrieb-Passwort-2025"))
                .ensureAdministrator();

        assertThat(generated).isEmpty();
        AccountPrincipal admin = accounts.loadPrincipal("admin").orElseThrow();
        assertThat(admin.role()).isEqualTo(AccountRole.ADMINISTRATOR);
        assertThat(encoder.matches("Betrieb-Passwort-2025", admin.getPassword())).isTrue();
    }

    @Test
    void without_a_configured_password_a_strong_one_is_generated_once() {
        AdministratorBootstrap bootstrap = new AdministratorBootstrap(accounts, new AdminProperties("admin", null));

        String password = bootstrap.ensureAdministrator().orElseThrow();

        assertThat(password).hasSize(20);
        assertThat(encoder.matches(password, accounts.loadPrincipal("admin").orElseThrow().getPassword())).isTrue();
        assertThat(bootstrap.ensureAdministrator()).isEmpty(); // second start: nothing new, nothing printed
        assertThat(accounts.list()).hasSize(1);
    }

    @Test
    void a_second_start_leaves_an_existing_administrator_alone() {
        accounts.create("betrieb", "Lange-Passphrase-42", AccountRole.ADMINISTRATOR, null, "system");

        new AdministratorBootstrap(accounts, new AdminProperties("admin", "Betrieb-Passwort-2025")).ensureAdministrator();

        assertThat(accounts.find("admin")).isEmpty();
    }

    @Test
    void a_disabled_administrator_of_that_name_is_enabled_again_with_the_new_password() {
        accounts.create("admin", "Lange-Passphrase-42", AccountRole.ADMINISTRATOR, null, "system");
        jdbc.update("update account set enabled = false"); // e.g. disabled directly in the database

        new AdministratorBootstrap(accounts, new AdminProperties("admin", "Betrieb-Passwort-2025")).ensureAdministrator();

        AccountPrincipal admin = accounts.loadPrincipal("admin").orElseThrow();
        assertThat(admin.isEnabled()).isTrue();
        assertThat(encoder.matches("Betrieb-Passwort-2025", admin.getPassword())).isTrue();
    }

    @Test
    void an_account_of_that_name_with_another_role_is_not_turned_into_an_administrator() {
        accounts.create("admin", "Lange-Passphrase-42", AccountRole.AUDITOR, null, "system");

        new AdministratorBootstrap(accounts, new AdminProperties("admin", "Betrieb-Passwort-2025")).ensureAdministrator();

        assertThat(accounts.get("admin").role()).isEqualTo(AccountRole.AUDITOR);
        assertThat(accounts.anyEnabledAdministrator()).isFalse();
    }

    @Test
    void a_configured_password_that_breaks_the_policy_stops_the_start() {
        assertThatThrownBy(() -> new AdministratorBootstrap(accounts, new AdminProperties("admin", "kurz")).ensureAdministrator())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KOMMAN_ADMIN_PASSWORD")
                .hasMessageContaining("mindestens 12 Zeichen");
    }

    @Test
    void generated_passwords_follow_the_policy_and_differ() {
        String one = AdministratorBootstrap.generatePassword("admin");
        String two = AdministratorBootstrap.generatePassword("admin");

        AccountService.checkPassword("admin", one);
        assertThat(one).isNotEqualTo(two);
    }
}
