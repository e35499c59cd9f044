package nrw.komman.web.platform.problem;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import java.net.URI;

/**
 * Every error of the REST API as {@code application/problem+json} (RFC 9457), built by
 * {@link ProblemMapper}. Spring MVC's own exceptions (405, 415, unreadable bodies, validation, unknown
 * routes) come through {@link #handleExceptionInternal}; everything else through {@link #handleAny}.
 *
 * <p>It is not limited to a package on purpose: unknown routes and wrong methods have no controller, and
 * only an advice without selectors sees them. The pages' advice ({@code UiExceptionHandler}, for every {@code @PageController}) takes
 * precedence for the page controllers (it has the highest precedence).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final ProblemMapper mapper;

    public ApiExceptionHandler() {
        this(new ProblemMapper());
    }

    public ApiExceptionHandler(ProblemMapper mapper) {
        this.mapper = mapper;
    }

    /** Domain refusals (also wrapped by Axon), Axon's infrastructure exceptions, security, and the unexpected. */
    @ExceptionHandler(Exception.class)
    public ResponseEntity<Object> handleAny(Exception ex, NativeWebRequest request) {
        return respond(ex, new HttpHeaders(), request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        return respond(ex, headers, request);
    }

    private ResponseEntity<Object> respond(Exception ex, HttpHeaders headers, WebRequest request) {
        ProblemDetail problem = mapper.toProblem(ex);
        if (request instanceof NativeWebRequest nwr && nwr.getNativeRequest() instanceof HttpServletRequest http) {
            problem.setInstance(URI.create(http.getRequestURI()));
        }
        HttpHeaders responseHeaders = new HttpHeaders();
        if (problem.getStatus() == HttpStatus.SERVICE_UNAVAILABLE.value()) {
            // the database or another part is briefly away: the client may repeat the request after a short wait
            responseHeaders.set(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
            log.warn("Request not carried out (503): {}", ex.toString());
        } else if (problem.getStatus() >= 500) {
            log.error("Request failed, incident {}: {}", problem.getProperties() == null ? "-" :
                    problem.getProperties().get(ProblemMapper.INCIDENT), ex.toString(), ex);
        } else if (log.isDebugEnabled()) {
            log.debug("Request refused with {}: {}", problem.getStatus(), ex.toString());
        }
        responseHeaders.putAll(headers);
        responseHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, responseHeaders, problem.getStatus());
    }
}
