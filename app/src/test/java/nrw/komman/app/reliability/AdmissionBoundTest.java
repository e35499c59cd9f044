package nrw.komman.app.reliability;

import nrw.komman.app.support.Api;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.TestAccounts;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static nrw.komman.app.support.Requests.volunteer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The admission bound itself (ADR 28), made visible with one place: a request whose body is still on its way holds
 * the place; meanwhile every other request is refused at once with 503 and Retry-After (problem JSON on the API, the
 * error page in the browser), static files and the health probe still pass; once the slow request is done, the place
 * is free again.
 */
@TestPropertySource(properties = {"komman.web.admission.max-in-flight=1", "komman.web.admission.queue-wait=0s",
        "komman.web.admission.retry-after=3s"})
class AdmissionBoundTest extends OnH2 {

    @LocalServerPort
    int port;

    @Test
    void while_the_only_place_is_taken_others_are_refused_at_once_with_503_and_retry_after() throws Exception {
        Api api = new Api(port);
        TestAccounts.createAll(api);
        byte[] body = new ObjectMapper().writeValueAsBytes(volunteer("Langsam", "langsam@example.org"));
        try (Socket slow = new Socket("localhost", port)) {
            OutputStream out = slow.getOutputStream();
            String auth = Base64.getEncoder().encodeToString((TestAccounts.KOELN.username() + ":"
                    + TestAccounts.KOELN.password()).getBytes(StandardCharsets.UTF_8));
            out.write(("POST /api/centres/" + TestAccounts.KOELN_CENTRE + "/volunteers HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Basic " + auth + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush(); // the headers only: the request is admitted and waits for its body

            await().untilAsserted(() -> assertThat(api.get("/api/centres", TestAccounts.KOELN).status()).isEqualTo(503));
            long t0 = System.nanoTime();
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/centres"))
                    .header("Authorization", "Basic " + auth).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).contains("3");
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(refused.body()).contains("\"code\":\"service.overloaded\"").contains("ausgelastet");
            System.out.printf("ADMISSION refused in %d ms while the only place was taken%n", millis);

            Api.Response page = api.get("/freiwillige", null);
            assertThat(page.status()).isEqualTo(503);
            assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
            assertThat(api.get("/css/app.css", null).status()).isEqualTo(200);

            out.write(body);
            out.flush();
            InputStream in = slow.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 201");
        }
        await().untilAsserted(() -> assertThat(api.get("/api/centres", TestAccounts.KOELN).status()).isEqualTo(200));
    }
}
