package nrw.komman.web.platform.problem;

import nrw.komman.kernel.common.RuleViolationException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.context.request.ServletWebRequest;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiExceptionHandlerTest {

    private final ApiExceptionHandler handler = new ApiExceptionHandler();
    private final ServletWebRequest request = new ServletWebRequest(new MockHttpServletRequest("POST", "/api/grants/42/approval"));

    @Test
    void a_refusal_is_answered_as_problem_json_with_the_request_path_as_instance() {
        ResponseEntity<Object> response = handler.handleAny(new RuleViolationException("grant.four-eyes", "Vier Augen."), request);

        assertThat(response.getStatusCode().value()).isEqualTo(409);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail body = (ProblemDetail) response.getBody();
        assertThat(body.getInstance()).isEqualTo(URI.create("/api/grants/42/approval"));
        assertThat(body.getDetail()).isEqualTo("Vier Augen.");
    }

    @Test
    void springs_own_exceptions_keep_their_headers_such_as_allow() throws Exception {
        ResponseEntity<Object> response = handler.handleException(
                new HttpRequestMethodNotSupportedException("DELETE", List.of("GET", "POST")), request);

        assertThat(response.getStatusCode().value()).isEqualTo(405);
        assertThat(response.getHeaders().get(HttpHeaders.ALLOW)).isNotEmpty();
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(((ProblemDetail) response.getBody()).getTitle()).isEqualTo("Methode nicht erlaubt");
    }

    @Test
    void an_unexpected_exception_is_a_generic_500() {
        ResponseEntity<Object> response = handler.handleAny(new NullPointerException("secret"), request);

        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(((ProblemDetail) response.getBody()).getDetail()).doesNotContain("secret").doesNotContain("NullPointer");
    }
}
