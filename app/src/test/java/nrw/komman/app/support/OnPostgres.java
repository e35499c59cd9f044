package nrw.komman.app.support;

import nrw.komman.app.KommAnApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole application on a real PostgreSQL (embedded server, own database), on a random port. */
@SpringBootTest(classes = KommAnApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "komman.admin.password=" + TestAccounts.ADMIN_PASSWORD)
@ActiveProfiles({"postgres", "test"})
public abstract class OnPostgres {

    @DynamicPropertySource
    static void freshDatabase(DynamicPropertyRegistry registry) {
        String url = EmbeddedPostgresServer.newDatabaseUrl();
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "postgres");
    }
}
