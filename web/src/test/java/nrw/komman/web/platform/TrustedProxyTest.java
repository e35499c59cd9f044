package nrw.komman.web.platform;

import nrw.komman.web.WebTestApplication;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Behind a trusted reverse proxy (here: loopback, as the compose file's proxy on the same host) and without a public
 * address, the proxy's forwarded headers are read (its {@code X-Forwarded-Proto: https} makes the request secure,
 * so the answer carries HSTS), but a forwarded host still never becomes a redirect: redirects stay relative (ADR 25).
 */
@SpringBootTest(classes = WebTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:web-trusted-proxy;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration/common",
        "komman.admin.password=Betrieb-Passwort-2025",
        "server.forward-headers-strategy=native",
        "server.tomcat.remoteip.internal-proxies=127\\.0\\.0\\.1|0:0:0:0:0:0:0:1"})
class TrustedProxyTest {

    @LocalServerPort
    int port;
    @MockitoBean
    CommandGateway commandGateway;
    @MockitoBean
    QueryGateway queryGateway;

    @Test
    void a_trusted_proxys_scheme_is_read_but_its_forwarded_host_never_becomes_a_redirect() throws IOException {
        String answer = send("GET /verwaltung/konten HTTP/1.0\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
                + "X-Forwarded-Proto: https\r\nX-Forwarded-For: 203.0.113.7\r\nAccept: text/html\r\n\r\n");
        String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase(Locale.ROOT);
        assertThat(head).startsWith("http/1.1 302").contains("\r\nlocation: /login\r\n").doesNotContain("evil");
        assertThat(head).as("the trusted proxy's X-Forwarded-Proto was read").contains("strict-transport-security");

        String plain = send("GET /verwaltung/konten HTTP/1.0\r\nHost: localhost\r\nAccept: text/html\r\n\r\n");
        assertThat(plain.toLowerCase(Locale.ROOT)).doesNotContain("strict-transport-security");
    }

    private String send(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
