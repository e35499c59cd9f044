package nrw.komman.web.platform.security;

import nrw.komman.web.WebTestApplication;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The security headers on pages, on the API (answers and refusals) and on Swagger UI; pages the policy allows. */
@SpringBootTest(classes = WebTestApplication.class, properties = {
        "spring.datasource.url=jdbc:h2:mem:web-headers;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "spring.flyway.locations=classpath:db/migration/common",
        "komman.admin.password=Betrieb-Passwort-2025"})
@AutoConfigureMockMvc
class SecurityHeadersTest {

    @Autowired
    private MockMvc mvc;
    @MockitoBean
    private CommandGateway commandGateway;
    @MockitoBean
    private QueryGateway queryGateway;

    private static void commonHeaders(ResultActions result) throws Exception {
        result.andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("Permissions-Policy", SecurityConfiguration.PERMISSIONS_POLICY))
                .andExpect(header().doesNotExist("Strict-Transport-Security")); // plain HTTP: the browser would ignore it
    }

    @Test
    void a_page_allows_nothing_from_elsewhere_no_inline_code_and_no_framing() throws Exception {
        ResultActions page = mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy",
                        "default-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; object-src 'none'"));
        commonHeaders(page);
    }

    @Test
    void api_answers_and_refusals_may_load_nothing() throws Exception {
        for (ResultActions answer : List.of(
                mvc.perform(get("/api/me").with(httpBasic("admin", "Betrieb-Passwort-2025"))).andExpect(status().isOk()),
                mvc.perform(get("/api/me")).andExpect(status().isUnauthorized()))) {
            answer.andExpect(header().string("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"));
            commonHeaders(answer);
        }
    }

    @Test
    void swagger_ui_gets_its_own_policy_with_inline_styles_and_data_images_but_no_foreign_scripts() throws Exception {
        ResultActions ui = mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk())
                .andExpect(header().string("Content-Security-Policy", SecurityConfiguration.SWAGGER_UI_CONTENT_SECURITY_POLICY));
        commonHeaders(ui);
        assertThat(SecurityConfiguration.SWAGGER_UI_CONTENT_SECURITY_POLICY).doesNotContain("script-src", "'unsafe-eval'");
    }

    @Test
    void https_requests_get_strict_transport_security() throws Exception {
        mvc.perform(get("/login").secure(true))
                .andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
        mvc.perform(get("/api/me").secure(true))
                .andExpect(header().string("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains"));
    }

    /** The UI's policy forbids inline scripts, event handler attributes and style attributes: no template may need them. */
    @Test
    void no_template_has_inline_scripts_handlers_or_style_attributes() throws IOException {
        Pattern forbidden = Pattern.compile("<script(?![^>]*\\bsrc=)|<style|\\s(th:)?style=|\\son[a-z]+=|javascript:",
                Pattern.CASE_INSENSITIVE);
        List<String> offenders = new ArrayList<>();
        Resource[] templates = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
        assertThat(templates).hasSizeGreaterThan(20);
        for (Resource template : templates) {
            String html = template.getContentAsString(StandardCharsets.UTF_8);
            if (forbidden.matcher(html).find()) {
                offenders.add(template.getFilename());
            }
        }
        assertThat(offenders).isEmpty();
    }
}
