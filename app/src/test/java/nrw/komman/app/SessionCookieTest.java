package nrw.komman.app;

import nrw.komman.app.support.OnH2;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySourcesPropertyResolver;
import org.springframework.core.io.ClassPathResource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session cookie's flags as the application configures them (ADR 13): HttpOnly and SameSite=Lax always; Secure
 * in the postgres (production) profile unless KOMMAN_SESSION_COOKIE_SECURE says otherwise, not in the embedded
 * default so that http://localhost works.
 */
class SessionCookieTest extends OnH2 {

    @LocalServerPort
    int port;

    @Test
    void the_session_cookie_is_http_only_and_same_site_lax_and_not_secure_on_the_embedded_default() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        List<String> cookies = page.headers().allValues("Set-Cookie");
        assertThat(cookies).filteredOn(c -> c.startsWith("JSESSIONID=")).singleElement()
                .satisfies(c -> assertThat(c).contains("; HttpOnly", "; SameSite=Lax").doesNotContain("Secure"));
    }

    @Test
    void the_postgres_profile_makes_the_session_cookie_secure_by_default() throws Exception {
        MutablePropertySources sources = new MutablePropertySources();
        new YamlPropertySourceLoader().load("postgres", new ClassPathResource("application-postgres.yml"))
                .forEach(sources::addLast);
        PropertySourcesPropertyResolver resolver = new PropertySourcesPropertyResolver(sources);

        assertThat(resolver.getProperty("server.servlet.session.cookie.secure", Boolean.class))
                .isEqualTo(System.getenv("KOMMAN_SESSION_COOKIE_SECURE") == null
                        || Boolean.parseBoolean(System.getenv("KOMMAN_SESSION_COOKIE_SECURE")));
    }
}
