package nrw.komman.app.input;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * HTTP/1.1 over a plain socket with a browser's cookie jar: any {@code Host}, any forwarded header,
 * any bytes in the body, exactly as sent; redirects are not followed, so their {@code Location} can be read.
 */
final class HttpWire {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");
    private final int port;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();
    private String host;

    HttpWire(int port) {
        this.port = port;
        this.host = "localhost:" + port;
    }

    /** The Host header to send from now on. */
    HttpWire host(String value) {
        this.host = value;
        return this;
    }

    /** A header sent with every request from now on (e.g. X-Forwarded-Host). */
    HttpWire always(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    record Answer(int status, Map<String, List<String>> headers, String body) {
        String location() {
            List<String> values = headers.get("location");
            return values == null ? null : values.get(0);
        }

        String csrf() {
            Matcher m = CSRF.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token in the page (" + status + "): " + body);
            }
            return m.group(1) != null ? m.group(1) : m.group(2);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + (body.length() > 800 ? body.substring(0, 800) + "…" : body);
        }
    }

    Answer get(String target) {
        return send("GET", target, null, null, Map.of());
    }

    Answer form(String target, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send("POST", target, "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    Answer send(String method, String target, String contentType, byte[] body, Map<String, String> headers) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            StringBuilder head = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n");
            extraHeaders.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
            if (headers.keySet().stream().noneMatch("Accept"::equalsIgnoreCase)) {
                head.append("Accept: text/html,application/xhtml+xml\r\n"); // a browser
            }
            if (!cookies.isEmpty()) {
                head.append("Cookie: ").append(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; "))).append("\r\n");
            }
            if (contentType != null) {
                head.append("Content-Type: ").append(contentType).append("\r\n");
            }
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + target + " failed: " + e, e);
        }
    }

    static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private Answer read(InputStream in) throws IOException {
        byte[] all = in.readAllBytes();
        String text = new String(all, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return new Answer(-1, Map.of(), text);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String[] lines = text.substring(0, end).split("\r\n");
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            if (name.equals("set-cookie")) {
                String pair = value.split(";", 2)[0];
                int eq = pair.indexOf('=');
                cookies.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        String body = text.substring(end + 4);
        if (headers.getOrDefault("transfer-encoding", List.of()).stream().anyMatch(v -> v.contains("chunked"))) {
            body = dechunk(body);
        }
        return new Answer(Integer.parseInt(text.substring(9, 12)), headers, body);
    }

    private static String dechunk(String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < bytes.length) {
            int eol = indexOf(bytes, i);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(new String(bytes, i, eol - i, StandardCharsets.US_ASCII).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(bytes, eol + 2, Math.min(size, bytes.length - eol - 2));
            i = eol + 2 + size + 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
