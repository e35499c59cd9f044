package nrw.komman.web.platform.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nrw.komman.web.platform.problem.ProblemMapper;
import nrw.komman.web.platform.problem.ProblemResponseWriter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.io.IOException;

/**
 * An address nobody serves: the German 404 page for a browser, the problem JSON of the API for
 * {@code /api/**}. Unknown routes have no controller, so only an advice without selectors sees them;
 * this one takes them before the API's catch-all {@code ApiExceptionHandler}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
public class UnknownAddressHandler {

    private final ProblemMapper mapper = new ProblemMapper();

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    public ModelAndView notFound(Exception ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api") || path.startsWith("/api/")) {
            ProblemResponseWriter.write(request, response, mapper.toProblem(ex));
            return null; // the response is written
        }
        ModelAndView page = new ModelAndView("error/404");
        page.setStatus(HttpStatus.NOT_FOUND);
        page.addObject("status", 404);
        return page;
    }
}
