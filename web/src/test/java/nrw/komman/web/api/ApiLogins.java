package nrw.komman.web.api;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

/** The accounts the API tests create, signed in with HTTP Basic as a program would. */
final class ApiLogins {

    static final String ADMIN_PASSWORD = "Betrieb-Passwort-2025";
    static final String PASSWORD = "Lange-Passphrase-42";

    private ApiLogins() {
    }

    static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    static RequestPostProcessor coordinator() {
        return httpBasic("koordination.koeln", PASSWORD);
    }

    static RequestPostProcessor duesseldorf() {
        return httpBasic("koordination.duesseldorf", PASSWORD);
    }

    static RequestPostProcessor ministry() {
        return httpBasic("ministerium", PASSWORD);
    }

    static RequestPostProcessor grantOfficer() {
        return httpBasic("bezreg", PASSWORD);
    }

    static RequestPostProcessor auditor() {
        return httpBasic("pruefung", PASSWORD);
    }

    static RequestPostProcessor admin() {
        return httpBasic("admin", ADMIN_PASSWORD);
    }
}
