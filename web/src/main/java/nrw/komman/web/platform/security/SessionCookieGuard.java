package nrw.komman.web.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Hides a session cookie whose value cannot be a session of ours before Spring Session looks it up (ADR 23). Its ids
 * are UUIDs, sent in Base64; anything else ({@code JSESSIONID=AAAA…} decodes to NUL bytes, which PostgreSQL's driver
 * refuses in a query) would otherwise turn a harmless wrong cookie into a 500. Such a request is simply anonymous.
 */
public class SessionCookieGuard extends OncePerRequestFilter {

    private static final Pattern SESSION_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final String cookieName;

    public SessionCookieGuard(String cookieName) {
        this.cookieName = cookieName;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Cookie[] cookies = request.getCookies();
        if (cookies == null || Arrays.stream(cookies).allMatch(this::harmless)) {
            chain.doFilter(request, response);
            return;
        }
        Cookie[] kept = Arrays.stream(cookies).filter(this::harmless).toArray(Cookie[]::new);
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public Cookie[] getCookies() {
                return kept.length == 0 ? null : kept.clone();
            }
        }, response);
    }

    private boolean harmless(Cookie cookie) {
        return !cookieName.equals(cookie.getName()) || couldBeSession(cookie.getValue());
    }

    /** Whether the cookie's value is the Base64 of a session id (a UUID). */
    public static boolean couldBeSession(String value) {
        if (value == null || value.length() > 64) {
            return false;
        }
        try {
            return SESSION_ID.matcher(new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)).matches();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
