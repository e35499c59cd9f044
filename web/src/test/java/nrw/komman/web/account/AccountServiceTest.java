package nrw.komman.web.account;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.DomainException;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.web.platform.problem.InvalidFieldException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountServiceTest {

    private static final CentreId KOELN = new CentreId("05315");
    private static final Instant NOW = Instant.parse("2025-03-31T08:00:00Z");

    private JdbcTemplate jdbc;
    private CountingPasswordEncoder encoder;
    private CredentialCache cache;
    private AccountService accounts;

    @BeforeEach
    void setUp() {
        jdbc = new JdbcTemplate(TestDatabase.migrated());
        encoder = new CountingPasswordEncoder();
        cache = new CredentialCache(Duration.ofMinutes(5), 100);
        accounts = new AccountService(jdbc, encoder, cache, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void a_new_account_is_stored_with_a_bcrypt_hash_and_read_back_without_it() {
        Account account = accounts.create("k.mueller", "Lange-Passphrase-42", AccountRole.COORDINATOR, KOELN, "admin");

        assertThat(account.username()).isEqualTo("k.mueller");
        assertThat(account.role()).isEqualTo(AccountRole.COORDINATOR);
        assertThat(account.centreId()).isEqualTo(KOELN);
        assertThat(account.enabled()).isTrue();
        assertThat(account.createdAt()).isEqualTo(NOW);
        assertThat(account.createdBy()).isEqualTo("admin");
        String hash = jdbc.queryForObject("select password_hash from account where username = 'k.mueller'", String.class);
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("Lange-Passphrase-42");
    }

    @Test
    void the_principal_exposes_the_actor_with_account_role_and_centre() {
        accounts.create("k.mueller", "Lange-Passphrase-42", AccountRole.COORDINATOR, KOELN, "admin");

        AccountPrincipal principal = accounts.loadPrincipal("K.Mueller").orElseThrow();

        assertThat(principal.actor()).isEqualTo(Actor.coordinator("k.mueller", KOELN));
        assertThat(principal.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_COORDINATOR");
        assertThat(principal.getPassword()).startsWith("{bcrypt}");
    }

    @Test
    void user_names_are_stored_in_lower_case_and_found_in_any_case() {
        accounts.create("  Ministerium.NRW ", "Lange-Passphrase-42", AccountRole.MINISTRY, null, "admin");

        assertThat(accounts.find("MINISTERIUM.nrw")).map(Account::username).contains("ministerium.nrw");
    }

    @Test
    void malformed_and_reserved_user_names_are_refused() {
        assertRefused(() -> accounts.create("ab", "Lange-Passphrase-42", AccountRole.AUDITOR, null, "admin"), "username", "username.malformed");
        assertRefused(() -> accounts.create("mit leerzeichen", "Lange-Passphrase-42", AccountRole.AUDITOR, null, "admin"), "username", "username.malformed");
        assertRefused(() -> accounts.create("x".repeat(65), "Lange-Passphrase-42", AccountRole.AUDITOR, null, "admin"), "username", "username.malformed");
        assertRefused(() -> accounts.create("system", "Lange-Passphrase-42", AccountRole.AUDITOR, null, "admin"), "username", "username.reserved");
        assertRefused(() -> accounts.create(" ", "Lange-Passphrase-42", AccountRole.AUDITOR, null, "admin"), "username", "username.missing");
    }

    @Test
    void passwords_must_have_at_least_twelve_characters_and_follow_the_policy() {
        assertRefused(() -> accounts.create("pruefer", "kurz-11-zei", AccountRole.AUDITOR, null, "admin"), "password", "password.too-short");
        assertRefused(() -> accounts.create("pruefer", "", AccountRole.AUDITOR, null, "admin"), "password", "password.missing");
        assertRefused(() -> accounts.create("pruefer", "ä".repeat(37), AccountRole.AUDITOR, null, "admin"), "password", "password.too-long");
        assertRefused(() -> accounts.create("pruefer", "mein-pruefer-konto", AccountRole.AUDITOR, null, "admin"), "password", "password.contains-username");
        assertRefused(() -> accounts.create("pruefer", "abababababab", AccountRole.AUDITOR, null, "admin"), "password", "password.too-simple");
        assertRefused(() -> accounts.create("pruefer", "Lange-Pass\u0000phrase", AccountRole.AUDITOR, null, "admin"), "password", "password.control-characters");
        assertThat(accounts.find("pruefer")).isEmpty();

        assertThat(accounts.create("pruefer", "zwölf-zeichen", AccountRole.AUDITOR, null, "admin").enabled()).isTrue();
    }

    @Test
    void a_coordinator_needs_a_centre_and_no_other_role_has_one() {
        assertRefused(() -> accounts.create("koordination", "Lange-Passphrase-42", AccountRole.COORDINATOR, null, "admin"),
                "centreId", "centreId.missing");
        assertRefused(() -> accounts.create("ministerium", "Lange-Passphrase-42", AccountRole.MINISTRY, KOELN, "admin"),
                "centreId", "centreId.not-allowed");
        assertRefused(() -> accounts.create("plattform", "Lange-Passphrase-42", AccountRole.SYSTEM, null, "admin"),
                "role", "role.not-assignable");
        assertRefused(() -> accounts.create("ehrenamt", "Lange-Passphrase-42", AccountRole.VOLUNTEER, null, "admin"),
                "role", "role.not-assignable"); // volunteers act through their personal link, never an account
        assertRefused(() -> accounts.create("ohne-rolle", "Lange-Passphrase-42", null, null, "admin"),
                "role", "role.missing");
    }

    @Test
    void the_table_itself_refuses_a_coordinator_without_a_centre() {
        assertThatThrownBy(() -> jdbc.update("""
                insert into account (username, password_hash, role, centre_id, enabled, created_at, created_by,
                                     updated_at, updated_by, password_changed_at)
                values ('x', 'h', 'COORDINATOR', null, true, current_timestamp, 'a', current_timestamp, 'a', current_timestamp)"""))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void a_second_account_with_the_same_name_is_a_conflict() {
        accounts.create("bezreg.arnsberg", "Lange-Passphrase-42", AccountRole.GRANT_OFFICER, null, "admin");

        assertThatThrownBy(() -> accounts.create("BezReg.Arnsberg", "Andere-Passphrase-7", AccountRole.AUDITOR, null, "admin"))
                .isInstanceOf(RuleViolationException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("account.exists");
    }

    @Test
    void creating_if_absent_creates_once_and_then_leaves_the_account_alone() {
        assertThat(accounts.createIfAbsent("demo.ministerium", "Lange-Passphrase-42", AccountRole.MINISTRY, null, "demo")).isTrue();
        assertThat(accounts.createIfAbsent("demo.ministerium", "Andere-Passphrase-7", AccountRole.AUDITOR, null, "demo")).isFalse();

        assertThat(accounts.get("demo.ministerium").role()).isEqualTo(AccountRole.MINISTRY);
    }

    @Test
    void accounts_are_listed_by_name() {
        accounts.create("zeta.pruefung", "Lange-Passphrase-42", AccountRole.AUDITOR, null, "admin");
        accounts.create("alpha.ministerium", "Lange-Passphrase-42", AccountRole.MINISTRY, null, "admin");

        assertThat(accounts.list()).extracting(Account::username).containsExactly("alpha.ministerium", "zeta.pruefung");
    }

    @Test
    void a_disabled_account_can_be_enabled_again() {
        accounts.create("k.mueller", "Lange-Passphrase-42", AccountRole.COORDINATOR, KOELN, "admin");

        accounts.disable("k.mueller", "admin");
        assertThat(accounts.get("k.mueller").enabled()).isFalse();
        assertThat(accounts.loadPrincipal("k.mueller").orElseThrow().isEnabled()).isFalse();

        accounts.enable("k.mueller", "admin2");
        assertThat(accounts.get("k.mueller").enabled()).isTrue();
        assertThat(accounts.get("k.mueller").updatedBy()).isEqualTo("admin2");
    }

    @Test
    void the_last_enabled_administrator_cannot_be_disabled_but_one_of_two_can() {
        accounts.create("admin", "Lange-Passphrase-42", AccountRole.ADMINISTRATOR, null, "system");
        assertThat(accounts.anyEnabledAdministrator()).isTrue();

        assertThatThrownBy(() -> accounts.disable("admin", "admin"))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("Das letzte aktive Administrationskonto kann nicht gesperrt werden.");

        accounts.create("betrieb", "Lange-Passphrase-42", AccountRole.ADMINISTRATOR, null, "admin");
        accounts.disable("admin", "betrieb");
        assertThat(accounts.get("admin").enabled()).isFalse();
        assertThat(accounts.anyEnabledAdministrator()).isTrue();
    }

    @Test
    void a_new_role_follows_the_rules_of_roles_and_the_last_administrator_keeps_theirs() {
        accounts.create("admin", "Lange-Passphrase-42", AccountRole.ADMINISTRATOR, null, "system");
        accounts.create("k.mueller", "Lange-Passphrase-42", AccountRole.COORDINATOR, KOELN, "admin");

        assertThatThrownBy(() -> accounts.changeRole("admin", AccountRole.AUDITOR, null, "admin"))
                .isInstanceOf(RuleViolationException.class)
                .hasMessage("Das letzte aktive Administrationskonto behält seine Rolle.");
        assertThatThrownBy(() -> accounts.changeRole("k.mueller", AccountRole.AUDITOR, KOELN, "admin"))
                .isInstanceOf(InvalidFieldException.class);
        assertThat(accounts.get("k.mueller").role()).isEqualTo(AccountRole.COORDINATOR);

        Account auditor = accounts.changeRole("k.mueller", AccountRole.AUDITOR, null, "admin");
        assertThat(auditor.role()).isEqualTo(AccountRole.AUDITOR);
        assertThat(auditor.centreId()).isNull();
        assertThat(auditor.updatedBy()).isEqualTo("admin");
    }

    @Test
    void the_owner_proves_the_current_password_before_setting_a_new_one() {
        accounts.create("k.mueller", "Lange-Passphrase-42", AccountRole.AUDITOR, null, "admin");

        assertThatThrownBy(() -> accounts.changeOwnPassword("k.mueller", "Falsche-Passphrase-42", "Neue-Passphrase-2026", null))
                .isInstanceOf(InvalidFieldException.class).hasMessage("Das bisherige Passwort stimmt nicht.");
        assertThatThrownBy(() -> accounts.changeOwnPassword("k.mueller", "Lange-Passphrase-42", "kurz", null))
                .isInstanceOf(InvalidFieldException.class);
        assertThat(encoder.matches("Lange-Passphrase-42", accounts.loadPrincipal("k.mueller").orElseThrow().getPassword())).isTrue();

        accounts.changeOwnPassword("k.mueller", "Lange-Passphrase-42", "Neue-Passphrase-2026", null);
        assertThat(encoder.matches("Neue-Passphrase-2026", accounts.loadPrincipal("k.mueller").orElseThrow().getPassword())).isTrue();
    }

    @Test
    void a_password_reset_replaces_the_hash_and_forgets_remembered_sign_ins() {
        accounts.create("k.mueller", "Lange-Passphrase-42", AccountRole.COORDINATOR, KOELN, "admin");
        String before = accounts.loadPrincipal("k.mueller").orElseThrow().getPassword();
        cache.remember(cache.key("k.mueller", "Lange-Passphrase-42"), "k.mueller", before);

        accounts.resetPassword("k.mueller", "Neue-Passphrase-2025", "admin");

        String after = accounts.loadPrincipal("k.mueller").orElseThrow().getPassword();
        assertThat(after).isNotEqualTo(before);
        assertThat(encoder.matches("Neue-Passphrase-2025", after)).isTrue();
        assertThat(cache.size()).isZero();
    }

    @Test
    void a_password_reset_follows_the_same_policy() {
        accounts.create("k.mueller", "Lange-Passphrase-42", AccountRole.COORDINATOR, KOELN, "admin");

        assertRefused(() -> accounts.resetPassword("k.mueller", "zu-kurz", "admin"), "password", "password.too-short");
    }

    @Test
    void disabling_forgets_remembered_sign_ins() {
        accounts.create("k.mueller", "Lange-Passphrase-42", AccountRole.COORDINATOR, KOELN, "admin");
        cache.remember(cache.key("k.mueller", "Lange-Passphrase-42"), "k.mueller", "{bcrypt}x");

        accounts.disable("k.mueller", "admin");

        assertThat(cache.size()).isZero();
    }

    @Test
    void an_unknown_account_is_not_found() {
        assertThatThrownBy(() -> accounts.disable("niemand", "admin")).isInstanceOf(NotFoundException.class)
                .hasMessage("Das Konto „niemand“ gibt es nicht.");
        assertThatThrownBy(() -> accounts.enable("niemand", "admin")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> accounts.resetPassword("niemand", "Lange-Passphrase-42", "admin")).isInstanceOf(NotFoundException.class);
        assertThat(accounts.loadPrincipal("niemand")).isEmpty();
    }

    private static void assertRefused(Runnable action, String field, String code) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).isNotBlank();
                });
    }
}
