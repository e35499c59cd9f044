package nrw.komman.app;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.TestAccounts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The way in when all else fails (ADR 24): {@code --komman.admin.reset=<username>} on the command line of the real
 * application, in its own JVM, against the H2 file database of a platform that ran before. The account was disabled
 * and blocked from the test's address; afterwards its new password signs in, and the process never started the web
 * server or the event processors.
 */
class AdministratorResetTest {

    private static final Pattern NEW_PASSWORD = Pattern.compile("New password \\(shown only this once\\): (\\S+)");

    @Test
    void the_reset_on_the_command_line_lets_a_disabled_and_blocked_administrator_in_again(@TempDir Path dataDir) throws Exception {
        Api.Login second = new Api.Login("betrieb", "Zweites-Konto-Passwort-7");
        try (ConfigurableApplicationContext platform = start(dataDir)) {
            Api api = api(platform);
            assertThat(api.post("/api/admin/accounts", Map.of("username", second.username(), "password", second.password(),
                    "role", "ADMINISTRATOR"), TestAccounts.ADMIN).status()).isEqualTo(201);
            assertThat(api.post("/api/admin/accounts/admin/disable", Map.of(), second).status()).isEqualTo(204);
            for (int i = 0; i < 10; i++) {
                assertThat(api.get("/api/me", new Api.Login("admin", "Geraten-Passwort-" + i)).status()).isEqualTo(401);
            }
            assertThat(api.get("/api/admin/accounts/admin", second).json().path("lockedUntil").isTextual())
                    .as("admin is blocked from this address").isTrue();
            // a browser session of admin somewhere (e.g. a stolen one): the reset ends it too
            long now = System.currentTimeMillis();
            platform.getBean(JdbcTemplate.class).update("insert into spring_session (primary_id, session_id, creation_time, "
                    + "last_access_time, max_inactive_interval, expiry_time, principal_name) values (?, ?, ?, ?, 1800, ?, 'admin')",
                    UUID.randomUUID().toString(), UUID.randomUUID().toString(), now, now, now + 1_800_000);
        }

        Process reset = new ProcessBuilder(command(dataDir, "--komman.admin.reset=admin")).redirectErrorStream(true).start();
        boolean ended = reset.waitFor(180, TimeUnit.SECONDS);
        String output = new String(reset.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println("AdministratorResetTest: the reset's console:\n" + output);
        assertThat(ended).as("the command ends by itself").isTrue();
        assertThat(reset.exitValue()).isZero();
        assertThat(output).as("no web server, no Axon, no processors").doesNotContain("Tomcat", "Axon", "EventProcessor", "8080");
        Matcher shown = NEW_PASSWORD.matcher(output);
        assertThat(shown.find()).as("the new password is printed").isTrue();
        String password = shown.group(1);

        try (ConfigurableApplicationContext platform = start(dataDir)) {
            Api api = api(platform);
            Api.Login admin = new Api.Login("admin", password);
            assertThat(api.get("/api/me", admin).status()).as("the new password signs in, from the blocked address").isEqualTo(200);
            assertThat(api.get("/api/me", TestAccounts.ADMIN).status()).as("the old one does not").isEqualTo(401);
            var account = api.get("/api/admin/accounts/admin", admin).json();
            assertThat(account.path("enabled").asBoolean()).isTrue();
            assertThat(account.path("failedSignIns").asInt()).as("the failures are forgotten").isZero();
            assertThat(platform.getBean(JdbcTemplate.class).queryForObject(
                    "select count(*) from spring_session where principal_name = 'admin'", Integer.class))
                    .as("admin's browser sessions ended").isZero();
        }
    }

    @Test
    void a_reset_of_an_unknown_account_changes_nothing_and_says_so(@TempDir Path dataDir) throws Exception {
        try (ConfigurableApplicationContext platform = start(dataDir)) {
            assertThat(api(platform).get("/api/me", TestAccounts.ADMIN).status()).isEqualTo(200);
        }
        Process reset = new ProcessBuilder(command(dataDir, "--komman.admin.reset=gibt.es.nicht")).redirectErrorStream(true).start();
        assertThat(reset.waitFor(180, TimeUnit.SECONDS)).isTrue();
        String output = new String(reset.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(reset.exitValue()).isEqualTo(2);
        assertThat(output).contains("there is no account 'gibt.es.nicht'. Nothing changed.");
    }

    private static List<String> command(Path dataDir, String argument) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), KommAnApplication.class.getName(),
                "--komman.data-dir=" + dataDir, argument);
    }

    private static ConfigurableApplicationContext start(Path dataDir) {
        return new SpringApplicationBuilder(KommAnApplication.class)
                .run("--komman.data-dir=" + dataDir, "--server.port=0", "--komman.admin.password=" + TestAccounts.ADMIN_PASSWORD,
                        "--komman.web.security.lockout.first-delay=0s"); // ten failures at once block the pair
    }

    private static Api api(ConfigurableApplicationContext context) {
        return new Api(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    }
}
