package nrw.komman.app.input;

import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySourcesPropertyResolver;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped settings of the embedded default and of the postgres profile trust no client's forwarded headers
 * (ADR 25): no {@code framework} strategy (Spring's ForwardedHeaderFilter would believe every client), no proxy
 * pattern that matches every address, and no public address baked in (it is the operator's, from the environment).
 */
class AddressSettingsTest {

    @Test
    void neither_the_embedded_default_nor_the_postgres_profile_trusts_a_clients_forwarded_headers() throws IOException {
        for (String profile : new String[]{null, "postgres"}) {
            PropertySourcesPropertyResolver settings = settings(profile);
            String strategy = settings.getProperty("server.forward-headers-strategy", "none");
            assertThat(strategy).as(profile + ": forward-headers-strategy").isIn("none", "native", "NONE", "NATIVE");
            assertThat(settings.getProperty("server.tomcat.remoteip.internal-proxies", "(Spring Boot's default)"))
                    .as(profile + ": trusted proxies").isNotIn(".*", ".+", "");
            assertThat(settings.getProperty("komman.web.public-url", "")).as(profile + ": public address").isEmpty();
        }
    }

    @Test
    void the_embedded_database_is_closed_by_the_pool_not_by_h2s_own_shutdown_hook() throws IOException {
        assertThat(settings(null).getProperty("spring.datasource.url")).contains(";DB_CLOSE_ON_EXIT=FALSE");
    }

    private static PropertySourcesPropertyResolver settings(String profile) throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        if (profile != null) {
            new YamlPropertySourceLoader().load(profile, new ClassPathResource("application-" + profile + ".yml")).forEach(sources::addLast);
        }
        new YamlPropertySourceLoader().load("default", new ClassPathResource("application.yml")).forEach(sources::addLast);
        PropertySourcesPropertyResolver resolver = new PropertySourcesPropertyResolver(sources);
        resolver.setIgnoreUnresolvableNestedPlaceholders(true);
        return resolver;
    }
}
