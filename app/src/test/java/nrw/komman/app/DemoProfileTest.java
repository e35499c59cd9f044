package nrw.komman.app;

import nrw.komman.web.demo.DemoData;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The demo profile seeds accounts and data on the embedded database, and refuses PostgreSQL. */
class DemoProfileTest {

    @Test
    void the_demo_profile_creates_an_account_per_role_and_a_little_history(@TempDir Path dataDir) {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(KommAnApplication.class)
                .profiles("demo", "test").run("--komman.data-dir=" + dataDir, "--server.port=0")) {
            Api api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
            Api.Login koeln = new Api.Login("koordination.koeln", DemoData.PASSWORD);
            var roster = api.get("/api/centres/05315/volunteers", koeln);
            assertThat(roster.status()).isEqualTo(200);
            assertThat(roster.json().path("totalItems").asLong()).isEqualTo(4);
            var grants = api.get("/api/grants", new Api.Login("pruefung", DemoData.PASSWORD)).json();
            assertThat(grants.size()).isEqualTo(3);
            for (String user : new String[]{"koordination.duesseldorf", "koordination.viersen", "bezirksregierung",
                    "ministerium.referat", "ministerium.leitung", "pruefung"}) {
                assertThat(api.get("/api/centres", new Api.Login(user, DemoData.PASSWORD)).status()).as(user).isEqualTo(200);
            }
        }
    }

    @Test
    void the_demo_profile_refuses_a_postgresql_database_unless_forced() {
        String url = EmbeddedPostgresServer.newDatabaseUrl();
        assertThatThrownBy(() -> new SpringApplicationBuilder(KommAnApplication.class)
                .profiles("postgres", "demo", "test")
                .run("--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres", "--server.port=0").close())
                .hasStackTraceContaining("demo profile refuses");
    }
}
