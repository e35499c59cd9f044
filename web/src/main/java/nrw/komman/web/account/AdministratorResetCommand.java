package nrw.komman.web.account;

import nrw.komman.kernel.admin.ServerCommand;
import nrw.komman.kernel.common.NotFoundException;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;

/**
 * The way in when all else fails (ADR 24): {@code java -jar komm-an-platform.jar --komman.admin.reset=<username>} sets a
 * new generated password for the account, enables it and forgets its failed sign-ins from every address, prints the
 * password once on the console and exits. It starts neither the web server nor Axon nor the event processors: only
 * the database connection of the configured profile (and Flyway, so that the schema is the release's). It answers
 * only on the command line, never to an environment variable, so that a forgotten setting cannot reset an account
 * on every start. With the embedded H2 database, stop the application first (H2 allows one process per file); with
 * PostgreSQL the nodes may keep running: the credential cache of each notices the new hash at once.
 *
 * <p>The account's browser sessions on every node end with the reset (their rows are deleted in its transaction);
 * afterwards {@link AccountCredentialsReset} is published in the command's context. Exit codes: 0 done, 2 no such account, 1 anything else (the reason is printed).
 */
public final class AdministratorResetCommand implements ServerCommand {

    static final String ARGUMENT = "--komman.admin.reset=";
    private static final String BY = "system";

    @Override
    public boolean wants(String[] args) {
        return Arrays.stream(args).anyMatch(a -> a.startsWith(ARGUMENT));
    }

    @Override
    public int run(String[] args) {
        return run(args, System.out);
    }

    int run(String[] args, PrintStream out) {
        String username = Arrays.stream(args).filter(a -> a.startsWith(ARGUMENT)).reduce((a, b) -> b).orElse(ARGUMENT)
                .substring(ARGUMENT.length());
        if (!AccountService.couldBeAccountName(username)) {
            out.println("KOMM-AN NRW: '" + username + "' is no account name. Usage: --komman.admin.reset=<username>");
            return 2;
        }
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(Context.class)
                    .web(WebApplicationType.NONE)
                    .bannerMode(Banner.Mode.OFF)
                    .logStartupInfo(false)
                    .properties("logging.level.root=warn")
                    .run(args);
        } catch (RuntimeException e) {
            out.println("KOMM-AN NRW: the database cannot be opened (" + rootMessage(e) + "). With the embedded H2 database, "
                    + "stop the application first; with PostgreSQL, check KOMMAN_DB_URL, KOMMAN_DB_USER and KOMMAN_DB_PASSWORD.");
            return 1;
        }
        try (context) {
            String password = context.getBean(Reset.class).reset(username);
            context.publishEvent(new AccountCredentialsReset(CredentialCache.normalise(username), Clock.systemUTC().instant()));
            out.printf("""

                    ==========================================================================
                    KOMM-AN NRW: account '%s' reset on the server: enabled, failed sign-ins forgotten, sessions ended.
                    New password (shown only this once): %s
                    Sign in and keep it safe; an administrator can set another one.
                    ==========================================================================
                    %n""", CredentialCache.normalise(username), password);
            return 0;
        } catch (NotFoundException e) {
            out.println("KOMM-AN NRW: there is no account '" + CredentialCache.normalise(username) + "'. Nothing changed.");
            return 2;
        } catch (RuntimeException e) {
            out.println("KOMM-AN NRW: the reset failed (" + rootMessage(e) + "). Nothing changed.");
            return 1;
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** The reset itself, in one transaction. */
    static final class Reset {
        private final AccountService accounts;
        private final JdbcTemplate jdbc;
        private final TransactionTemplate transaction;

        Reset(AccountService accounts, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
            this.accounts = accounts;
            this.jdbc = jdbc;
            this.transaction = new TransactionTemplate(transactions);
        }

        String reset(String username) {
            return transaction.execute(status -> {
                Account account = accounts.get(username);
                String password = AdministratorBootstrap.generatePassword(account.username());
                accounts.resetPassword(account.username(), password, BY);
                accounts.enable(account.username(), BY);
                SignInThrottle.clear(jdbc, account.username());
                // its browser sessions end with it (ADR 23): this process has no session repository, but the rows are
                // the sessions of every node (the attributes go with them, on delete cascade)
                jdbc.update("delete from spring_session where principal_name = ?", account.username());
                return password;
            });
        }
    }

    /**
     * The command's whole context: the database of the configured profile, Flyway, and the accounts. Deliberately no
     * {@code @Configuration}: the web module's component scan must not pick it up into the running platform.
     */
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
            JdbcTemplateAutoConfiguration.class, FlywayAutoConfiguration.class})
    static class Context {

        @Bean
        AccountService accountService(JdbcTemplate jdbc) {
            // nothing is remembered in this short-lived process
            return new AccountService(jdbc, PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                    new CredentialCache(Duration.ZERO, 0));
        }

        @Bean
        Reset reset(AccountService accounts, JdbcTemplate jdbc, PlatformTransactionManager transactions) {
            return new Reset(accounts, jdbc, transactions);
        }
    }
}
