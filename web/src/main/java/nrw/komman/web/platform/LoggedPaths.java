package nrw.komman.web.platform;

import jakarta.servlet.http.HttpServletRequest;

import java.util.regex.Pattern;

/**
 * The address of a request as the logs may show it: a path segment that looks like a secret (a volunteer's personal
 * link carries a 43-character token as its credential, issue 18) is replaced by "…", so a log line never opens
 * anyone's page. Ids (UUIDs, 36 characters with hyphens in place) stay readable.
 */
public final class LoggedPaths {

    /** 40 or more characters of base64url: longer than any id, word or slug of the platform's addresses. */
    private static final Pattern SECRET = Pattern.compile("(?<=/)[A-Za-z0-9_-]{40,}(?=/|$)");

    private LoggedPaths() {
    }

    public static String of(HttpServletRequest request) {
        return redact(request.getRequestURI());
    }

    public static String redact(String path) {
        return path == null ? null : SECRET.matcher(path).replaceAll("…");
    }
}
