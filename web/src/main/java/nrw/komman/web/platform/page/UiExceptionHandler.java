package nrw.komman.web.platform.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nrw.komman.web.platform.problem.DatabaseOutage;
import nrw.komman.web.platform.problem.ProblemMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the browser pages as German HTML pages (not problem JSON): status and text come from the
 * API's {@link ProblemMapper}, so a 403 ("not your centre"), 404 or 409 reads the same in both. Takes
 * precedence over the API's advice for the page controllers ({@link PageController}) only. Spring Security's own exceptions are
 * left to its filters (sign-in page, 403 page via {@code /error}).
 */
@ControllerAdvice(annotations = PageController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class UiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(UiExceptionHandler.class);

    private final ProblemMapper mapper = new ProblemMapper();

    @ExceptionHandler(Exception.class)
    public ModelAndView handle(Exception ex, HttpServletRequest request, HttpServletResponse response) throws Exception {
        if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
            throw ex;
        }
        ProblemDetail problem = mapper.toProblem(ex);
        int status = problem.getStatus();
        if (status == 503) {
            response.setHeader("Retry-After", String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
            log.warn("Page {} not available (503): {}", nrw.komman.web.platform.LoggedPaths.of(request), ex.toString());
        } else if (status >= 500) {
            log.error("Page {} failed, incident {}: {}", nrw.komman.web.platform.LoggedPaths.of(request),
                    problem.getProperties() == null ? "-" : problem.getProperties().get(ProblemMapper.INCIDENT), ex.toString(), ex);
        } else {
            log.debug("Page {} refused with {}: {}", nrw.komman.web.platform.LoggedPaths.of(request), status, ex.toString());
        }
        String view = switch (status) {
            case 403 -> "error/403";
            case 404 -> "error/404";
            case 503 -> "error/503";
            default -> "error";
        };
        ModelAndView page = new ModelAndView(view);
        page.setStatus(org.springframework.http.HttpStatusCode.valueOf(status));
        page.addObject("status", status);
        page.addObject("errorTitle", problem.getTitle());
        page.addObject("detail", problem.getDetail());
        page.addObject("incident", problem.getProperties() == null ? null : problem.getProperties().get(ProblemMapper.INCIDENT));
        return page;
    }
}
