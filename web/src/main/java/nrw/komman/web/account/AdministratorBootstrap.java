package nrw.komman.web.account;

import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.RuleViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.Optional;

/**
 * On start, when no enabled administrator exists, creates one ({@code komman.admin.username},
 * default {@code admin}) with the password from {@code KOMMAN_ADMIN_PASSWORD}
 * ({@code komman.admin.password}), or with a generated one that is printed to the log this once.
 * A configured password that breaks the password policy stops the start with a clear message.
 * Runs early ({@link #ORDER}); the application's seeding can order itself after it.
 */
@Component
public class AdministratorBootstrap implements ApplicationRunner, Ordered {

    public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

    private static final Logger log = LoggerFactory.getLogger(AdministratorBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int GENERATED_LENGTH = 20; // about 117 bits
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountService accounts;
    private final AdminProperties properties;

    public AdministratorBootstrap(AccountService accounts, AdminProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureAdministrator();
    }

    /** @return the generated password when one was generated (for tests), else empty */
    public Optional<String> ensureAdministrator() {
        if (accounts.anyEnabledAdministrator()) {
            return Optional.empty();
        }
        String username = properties.username();
        boolean generate = properties.password() == null || properties.password().isBlank();
        String password = generate ? generatePassword(username) : properties.password();
        try {
            Optional<Account> existing = accounts.find(username);
            if (existing.isPresent()) {
                if (existing.get().role() != AccountRole.ADMINISTRATOR) {
                    log.error("No enabled administrator account exists, and the account '{}' has the role {}. "
                            + "Set komman.admin.username to a free name to create an administrator.", username, existing.get().role());
                    return Optional.empty();
                }
                accounts.resetPassword(username, password, "system");
                accounts.enable(username, "system");
            } else {
                accounts.create(username, password, AccountRole.ADMINISTRATOR, null, "system");
            }
        } catch (RuleViolationException e) {
            log.info("Administrator account '{}' was created concurrently by another node.", username);
            return Optional.empty();
        } catch (InvalidInputException e) {
            throw new IllegalStateException("The administrator password from KOMMAN_ADMIN_PASSWORD (komman.admin.password) "
                    + "is not acceptable: " + e.getMessage(), e);
        }
        if (generate) {
            log.warn("""

                    ==========================================================================
                    KOMM-AN NRW: administrator account '{}' created.
                    Generated password (shown only this once): {}
                    Keep it safe, or set KOMMAN_ADMIN_PASSWORD before the first start.
                    ==========================================================================""", username, password);
            return Optional.of(password);
        }
        log.info("Administrator account '{}' created with the password from KOMMAN_ADMIN_PASSWORD.", username);
        return Optional.empty();
    }

    static String generatePassword(String username) {
        while (true) {
            StringBuilder sb = new StringBuilder(GENERATED_LENGTH);
            for (int i = 0; i < GENERATED_LENGTH; i++) {
                sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
            try {
                AccountService.checkPassword(username, sb.toString());
                return sb.toString();
            } catch (InvalidInputException e) {
                // astronomically rare (e.g. contains the user name): draw again
            }
        }
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
