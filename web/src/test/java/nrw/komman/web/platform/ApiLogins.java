package nrw.komman.web.platform;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** The accounts the API tests create, signed in with HTTP Basic as a program would. */
public final class ApiLogins {

    public static final String ADMIN_PASSWORD = "Betrieb-Passwort-2025";
    public static final String PASSWORD = "Lange-Passphrase-42";

    private ApiLogins() {
    }

    public static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    public static RequestPostProcessor coordinator() {
        return httpBasic("koordination.koeln", PASSWORD);
    }

    public static RequestPostProcessor duesseldorf() {
        return httpBasic("koordination.duesseldorf", PASSWORD);
    }

    public static RequestPostProcessor ministry() {
        return httpBasic("ministerium", PASSWORD);
    }

    public static RequestPostProcessor grantOfficer() {
        return httpBasic("bezreg", PASSWORD);
    }

    public static RequestPostProcessor auditor() {
        return httpBasic("pruefung", PASSWORD);
    }

    public static RequestPostProcessor admin() {
        return httpBasic("admin", ADMIN_PASSWORD);
    }
}
