package nrw.komman.web.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nrw.komman.web.platform.problem.ProblemMapper;
import nrw.komman.web.platform.problem.ProblemResponseWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;

/** 401 for the API: {@code WWW-Authenticate: Basic} and a problem body ("Anmeldung erforderlich."). */
public class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    public static final String REALM = "KOMM-AN NRW";

    private final ProblemMapper problems = new ProblemMapper();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        ProblemResponseWriter.write(request, response, problems.unauthenticated(ex));
    }
}
