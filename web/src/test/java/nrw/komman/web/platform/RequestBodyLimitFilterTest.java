package nrw.komman.web.platform;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import nrw.komman.web.platform.problem.RequestBodyTooLargeException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestBodyLimitFilterTest {

    private final RequestBodyLimitFilter filter = new RequestBodyLimitFilter(1024);

    @Test
    void a_declared_body_over_the_limit_is_answered_with_413_before_anything_else_runs() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/grants");
        request.setContent(new byte[2048]);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, response, chain);

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(chain.getRequest()).isNull();
        Map<?, ?> body = new ObjectMapper().readValue(response.getContentAsByteArray(), Map.class);
        assertThat(body.get("detail")).isEqualTo("Die Anfrage ist zu groß (höchstens 1 KB).");
        assertThat(body.get("code")).isEqualTo("request.too-large");
        assertThat(body.get("instance")).isEqualTo("/api/grants");
    }

    @Test
    void a_body_without_a_declared_length_is_cut_off_while_reading() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/grants") {
            @Override
            public long getContentLengthLong() {
                return -1; // chunked
            }
        };
        request.setContent(new byte[4096]);
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set((HttpServletRequest) req));

        InputStream in = seen.get().getInputStream();
        assertThatThrownBy(in::readAllBytes).isInstanceOf(RequestBodyTooLargeException.class);
    }

    @Test
    void a_body_within_the_limit_reads_completely() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/grants");
        request.setContent("{\"title\":\"Ankommenstreffpunkt\"}".getBytes());
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> seen.set((HttpServletRequest) req));

        assertThat(new String(seen.get().getInputStream().readAllBytes())).isEqualTo("{\"title\":\"Ankommenstreffpunkt\"}");
    }

    @Test
    void requests_outside_the_api_are_not_limited_here() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setContent(new byte[2048]);
        MockFilterChain chain = new MockFilterChain();

        filter.doFilter(request, new MockHttpServletResponse(), chain);

        assertThat(chain.getRequest()).isSameAs(request);
        assertThat(new ByteArrayInputStream(new byte[0])).isNotNull();
    }
}
