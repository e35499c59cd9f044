package nrw.komman.web.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nrw.komman.web.platform.problem.ProblemMapper;
import nrw.komman.web.platform.problem.ProblemResponseWriter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/** 403 for the API when the role may not use the address ("Dafür fehlt Ihnen die Berechtigung."). */
public class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final ProblemMapper problems = new ProblemMapper();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex) throws IOException {
        ProblemResponseWriter.write(request, response, problems.forbidden());
    }
}
