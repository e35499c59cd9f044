package nrw.komman.app.support;

import nrw.komman.app.KommAnApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The whole application on the embedded default: an H2 file database in a fresh folder, on a random port. */
@SpringBootTest(classes = KommAnApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "komman.admin.password=" + TestAccounts.ADMIN_PASSWORD)
@ActiveProfiles("test")
public abstract class OnH2 {

    @DynamicPropertySource
    static void freshDataDirectory(DynamicPropertyRegistry registry) {
        try {
            Path dir = Files.createTempDirectory("komman-h2-");
            registry.add("komman.data-dir", dir::toString);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
