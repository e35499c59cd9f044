package nrw.komman.web.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import nrw.komman.web.platform.problem.ProblemMapper;
import nrw.komman.web.platform.problem.ProblemResponseWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Bounds the requests carried out at once to what the database can serve (ADR 28). Without it, 200
 * clients on a pool of 10 connections all start work, wait for a connection up to the pool's timeout
 * (30 s) and many fail after all: everybody stalls. With it, a request that finds no place within a short
 * wait is refused at once with 503 and Retry-After, before it touches the session, the sign-in or the
 * database, and the admitted ones get their connection without waiting long.
 *
 * <p>It runs first of all filters (before Spring Session's, which reads the session from the database).
 * Static files and the health probes pass without a place: they need no connection, and a load balancer
 * must still see that the node lives. A place is held per request thread, so an asynchronous request
 * would give it back early; the platform has none.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class AdmissionFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(AdmissionFilter.class);
    private static final long LOG_EVERY_MILLIS = 10_000;

    private final Semaphore places;
    private final long queueWaitNanos;
    private final String retryAfterSeconds;
    private final ProblemMapper problems = new ProblemMapper();
    private final AtomicLong refusedSinceLog = new AtomicLong();
    private final AtomicLong lastLog = new AtomicLong();

    AdmissionFilter(AdmissionProperties admission) {
        this.places = admission.maxInFlight() == 0 ? null : new Semaphore(admission.maxInFlight(), true);
        this.queueWaitNanos = admission.queueWait().toNanos();
        this.retryAfterSeconds = String.valueOf(Math.max(1, admission.retryAfter().toSeconds()));
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (places == null) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/css/") || path.startsWith("/js/") || path.startsWith("/images/")
                || path.startsWith("/webjars/") || path.equals("/favicon.ico") || path.startsWith("/actuator/health");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        try {
            admitted = places.tryAcquire(queueWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            refuse(request, response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            places.release();
        }
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        logNowAndThen();
        response.setHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            ProblemResponseWriter.write(request, response, problems.overloaded());
        } else {
            response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        }
    }

    /** One line per ten seconds at most: a flood of refusals must not become a flood of log lines. */
    private void logNowAndThen() {
        refusedSinceLog.incrementAndGet();
        long now = System.currentTimeMillis();
        long last = lastLog.get();
        if (now - last >= LOG_EVERY_MILLIS && lastLog.compareAndSet(last, now)) {
            log.warn("Overloaded: refused {} request(s) with 503 in the last {} s (komman.web.admission.max-in-flight)",
                    refusedSinceLog.getAndSet(0), last == 0 ? 0 : (now - last) / 1000);
        }
    }
}
