package nrw.komman.app.reliability;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * HTTP/1.1 over a plain socket, one connection per request: unlike {@link java.net.http.HttpClient} it sends any
 * request target (raw {@code %00}, {@code ..}, unencoded Unicode), any method, any header value and chunked bodies,
 * exactly as a hostile client would.
 */
final class RawHttp {

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** A request as it goes on the wire. {@code body} null: no body; {@code chunked}: sent in chunks without a length. */
    record Request(String method, String target, List<String[]> headers, byte[] body, boolean chunked, String label) {

        static Request of(String method, String target, String label) {
            return new Request(method, target, new ArrayList<>(), null, false, label);
        }

        Request header(String name, String value) {
            headers.add(new String[]{name, value});
            return this;
        }

        Request basic(String username, String password) {
            return header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (username + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }

        Request withBody(byte[] newBody, boolean sendChunked) {
            return new Request(method, target, headers, newBody, sendChunked, label);
        }

        boolean isWrite() {
            return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
        }

        @Override
        public String toString() {
            String t = target.length() > 160 ? target.substring(0, 160) + "…(" + target.length() + ")" : target;
            return method + " " + t + " [" + label + "]";
        }
    }

    /** The answer: status (-1 when the server closed the connection without one), content type, body as text. */
    record Response(int status, String contentType, String body) {
        boolean textual() {
            String ct = contentType.toLowerCase(Locale.ROOT);
            return ct.isEmpty() || ct.contains("json") || ct.contains("text") || ct.contains("html") || ct.contains("xml");
        }
    }

    Response send(Request request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            head.writeBytes((request.method() + " " + request.target() + " HTTP/1.1\r\n").getBytes(StandardCharsets.UTF_8));
            head.writeBytes(("Host: localhost:" + port + "\r\nConnection: close\r\n").getBytes(StandardCharsets.UTF_8));
            boolean accept = false;
            for (String[] h : request.headers()) {
                head.writeBytes((h[0] + ": " + h[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
                accept |= h[0].equalsIgnoreCase("Accept");
            }
            if (!accept) {
                head.writeBytes("Accept: application/json, application/problem+json\r\n".getBytes(StandardCharsets.UTF_8));
            }
            byte[] body = request.body();
            if (body != null && request.chunked()) {
                head.writeBytes("Transfer-Encoding: chunked\r\n".getBytes(StandardCharsets.UTF_8));
            } else if (body != null) {
                head.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            head.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
            try {
                out.write(head.toByteArray());
                if (body != null && request.chunked()) {
                    for (int i = 0; i < body.length; i += 8192) {
                        int n = Math.min(8192, body.length - i);
                        out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body, i, n);
                        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } else if (body != null) {
                    out.write(body);
                }
                out.flush();
            } catch (SocketException e) {
                // the server may answer (413) and close before it has read a large body: read what it said
            }
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException("request failed: " + request + ": " + e, e);
        }
    }

    private static Response read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[16384];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (SocketException e) {
            // a reset after the answer: keep what arrived
        }
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (!text.startsWith("HTTP/1.1 ") || end < 0) {
            return new Response(-1, "", text);
        }
        int status = Integer.parseInt(text.substring(9, 12));
        String contentType = "";
        boolean chunked = false;
        for (String line : text.substring(0, end).split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-type:")) {
                contentType = line.substring(13).trim();
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        String body = text.substring(end + 4);
        return new Response(status, contentType, chunked ? dechunk(body) : body);
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < body.length()) {
            int eol = body.indexOf("\r\n", i);
            if (eol < 0) {
                break;
            }
            int size;
            try {
                size = Integer.parseInt(body.substring(i, eol).split(";")[0].trim(), 16);
            } catch (NumberFormatException e) {
                return body;
            }
            if (size == 0) {
                break;
            }
            // sizes count bytes; the text is decoded already, so take bytes from the UTF-8 form of the rest
            byte[] rest = body.substring(eol + 2).getBytes(StandardCharsets.UTF_8);
            String chunk = new String(rest, 0, Math.min(size, rest.length), StandardCharsets.UTF_8);
            out.append(chunk);
            i = eol + 2 + chunk.length() + 2;
        }
        return out.toString();
    }
}
