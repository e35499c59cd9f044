package nrw.komman.web.coordination;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.List;

/**
 * The headers of everything reached by a secret in the address (the volunteer's link, a certificate's number): no
 * referrer, so the address never travels to another site; nothing cached; not indexed by search engines. Set before
 * Spring Security's header writers, which keep a header that is already there.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class PersonalLinkHeaders extends OncePerRequestFilter {

    static final List<String> PREFIXES = List.of("/mein-einsatz/", "/api/link/", "/nachweis/", "/api/certificates/");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return PREFIXES.stream().noneMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        chain.doFilter(request, response);
    }
}
