package nrw.komman.web.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the platform says its own address (redirects, {@code Location} headers, links built from the
 * request), that address never comes from what a client claims ({@code Host}, or forwarded headers of a
 * proxy that is not trusted; ADR 25).
 * <ul>
 *   <li>With {@code komman.web.public-url} set (e.g. {@code https://komm-an.nrw.de}), the request's scheme,
 *       host and port are that address's, whatever the client sent, and every absolute redirect of the
 *       platform points there.</li>
 *   <li>Without it (the embedded default), every redirect and {@code Location} is relative
 *       ({@code /login?abgemeldet}): the browser stays on the address it used, and no header can
 *       change where it goes.</li>
 * </ul>
 * The platform only ever redirects to itself, so an absolute {@code http(s)} location is always its own
 * and is rewritten to the public address or to a relative one. Forwarded headers reach the request only
 * from the trusted proxies that Tomcat's RemoteIpValve is given ({@code server.tomcat.remoteip.internal-proxies}).
 * Runs first of all filters, before Spring Security builds its sign-in redirect.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class PublicAddressFilter extends OncePerRequestFilter {

    private final URI publicUrl;

    public PublicAddressFilter(@Value("${komman.web.public-url:}") String publicUrl) {
        this.publicUrl = parse(publicUrl);
    }

    /** The configured public address without a trailing slash, or {@code null} when none is set. */
    public URI publicUrl() {
        return publicUrl;
    }

    static URI parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value.strip().replaceAll("/+$", ""));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawQuery() != null
                    || uri.getRawFragment() != null || uri.getRawUserInfo() != null
                    || uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
                throw new IllegalArgumentException("komman.web.public-url must be the platform's origin such as "
                        + "https://komm-an.example.org (scheme, host and optional port; no path, query or user), not '" + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("komman.web.public-url is no address: '" + value + "'", e);
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest seen = publicUrl == null ? request : new AtPublicAddress(request, publicUrl);
        chain.doFilter(seen, new OwnRedirects(response, publicUrl));
    }

    /** An error page's dispatch gets the container's own request and response again: wrap them again. */
    @Override
    protected void doFilterNestedErrorDispatch(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        doFilterInternal(request, response, chain);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    /** The request as if it had come to the public address. */
    private static final class AtPublicAddress extends HttpServletRequestWrapper {
        private final URI publicUrl;

        AtPublicAddress(HttpServletRequest request, URI publicUrl) {
            super(request);
            this.publicUrl = publicUrl;
        }

        @Override
        public String getScheme() {
            return publicUrl.getScheme().toLowerCase(Locale.ROOT);
        }

        @Override
        public String getServerName() {
            return publicUrl.getHost();
        }

        @Override
        public int getServerPort() {
            return port(publicUrl);
        }

        @Override
        public boolean isSecure() {
            return "https".equals(getScheme());
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(origin(publicUrl)).append(getRequestURI());
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.HOST.equalsIgnoreCase(name) ? publicUrl.getRawAuthority() : super.getHeader(name);
        }

        @Override
        public java.util.Enumeration<String> getHeaders(String name) {
            return HttpHeaders.HOST.equalsIgnoreCase(name)
                    ? java.util.Collections.enumeration(java.util.List.of(publicUrl.getRawAuthority())) : super.getHeaders(name);
        }
    }

    /** Every absolute location the platform sends is its own: made relative, or pointed at the public address. */
    private static final class OwnRedirects extends HttpServletResponseWrapper {
        private final URI publicUrl;

        OwnRedirects(HttpServletResponse response, URI publicUrl) {
            super(response);
            this.publicUrl = publicUrl;
        }

        /**
         * A 302 with the location as given, never made absolute by the servlet container (Tomcat would
         * complete a relative one with the {@code Host} the client sent).
         */
        @Override
        public void sendRedirect(String location) throws IOException {
            if (isCommitted()) {
                throw new IllegalStateException("Cannot redirect: the response is already committed");
            }
            resetBuffer();
            setStatus(SC_FOUND);
            super.setHeader(HttpHeaders.LOCATION, own(location));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? own(value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, HttpHeaders.LOCATION.equalsIgnoreCase(name) ? own(value) : value);
        }

        private String own(String location) {
            if (location == null) {
                return null;
            }
            String lower = location.toLowerCase(Locale.ROOT);
            boolean absolute = lower.startsWith("http://") || lower.startsWith("https://");
            boolean schemeRelative = location.startsWith("//") || location.startsWith("/\\") || location.startsWith("\\");
            if (!absolute && !schemeRelative) {
                return location;
            }
            String rest = pathQueryAndFragment(location, absolute ? location.indexOf("//") + 2 : 2);
            return publicUrl == null ? rest : origin(publicUrl) + rest;
        }

        /** What follows the authority: "/path?query#fragment", at least "/". */
        private static String pathQueryAndFragment(String location, int authorityStart) {
            int end = location.length();
            for (int i = authorityStart; i < location.length(); i++) {
                char c = location.charAt(i);
                if (c == '/' || c == '?' || c == '#' || c == '\\') {
                    end = i;
                    break;
                }
            }
            String rest = location.substring(end).replace('\\', '/');
            while (rest.startsWith("//")) { // never a scheme-relative address to another host
                rest = rest.substring(1);
            }
            return rest.isEmpty() || rest.charAt(0) != '/' ? "/" + rest : rest;
        }
    }

    static String origin(URI url) {
        return url.getScheme().toLowerCase(Locale.ROOT) + "://" + url.getRawAuthority();
    }

    static int port(URI url) {
        return url.getPort() > 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
    }
}
