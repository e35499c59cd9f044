package nrw.komman.app.personaldata;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertiesPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * The embedded default has no operator to hand it secrets, yet its vault must open tomorrow what it
 * sealed today. So, when the secrets are not configured and generating them is allowed, they are
 * created once in {@code ${komman.data-dir}/secrets.properties} (owner-only) and read from there on
 * every later start. The postgres profile forbids this: production secrets come from the environment.
 */
public class GeneratedSecretsEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String MASTER_KEY = "komman.personal-data.master-key";
    static final String EMAIL_PEPPER = "komman.personal-data.email-pepper";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        boolean configured = hasText(env.getProperty(MASTER_KEY)) && hasText(env.getProperty(EMAIL_PEPPER));
        if (configured || !env.getProperty("komman.personal-data.generate-missing-secrets", Boolean.class, false)) {
            return; // missing secrets then fail the start in PersonalDataConfiguration, with a clear message
        }
        Path file = Path.of(env.getProperty("komman.data-dir", "./data")).resolve("secrets.properties");
        env.getPropertySources().addLast(new PropertiesPropertySource("generated-secrets", loadOrCreate(file)));
    }

    private static Properties loadOrCreate(Path file) {
        Properties secrets = new Properties();
        try {
            if (Files.exists(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    secrets.load(in);
                }
                return secrets;
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            SecureRandom random = new SecureRandom();
            secrets.setProperty(MASTER_KEY, randomBase64(random, 32));
            secrets.setProperty(EMAIL_PEPPER, randomBase64(random, 32));
            try (OutputStream out = Files.newOutputStream(file)) {
                secrets.store(out, "Generated once by the KOMM-AN platform. Losing this file makes all personal data unreadable.");
            }
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
            return secrets;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    private static String randomBase64(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
