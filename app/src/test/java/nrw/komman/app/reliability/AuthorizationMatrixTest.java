package nrw.komman.app.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.Api.Login;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.reliability.ApiRules.Rule;
import nrw.komman.app.reliability.ApiRules.Who;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the OpenAPI description, called by every kind of caller (anonymous, a coordinator of the
 * resource's centre and of another centre, grant authority, ministry, auditor, administrator), against the rules
 * declared in {@link ApiRules} (the roles from the permission map, the scopes and the personal data its own): an
 * allowed caller gets anything but 401/403 (a 400, 404 or 409 is fine), a denied one exactly 401 (anonymous) or 403. An operation the rules do not know fails the test, so a new endpoint must be
 * classified. Allowed calls change the data, hence a database of its own.
 */
@TestPropertySource(properties = "komman.test.database=authorization-matrix") // an own context: a fresh database
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AuthorizationMatrixTest extends OnH2 {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void every_operation_answers_every_role_as_the_declared_rules_say() {
        long started = System.nanoTime();
        RawHttp http = new RawHttp(port);
        ApiDescription api = ApiDescription.fetch(http);
        Fixtures fixtures = Fixtures.create(new Api(port));

        Set<String> described = new TreeSet<>();
        api.operations().forEach(op -> described.add(op.key()));
        Set<String> unclassified = new TreeSet<>(described);
        unclassified.removeAll(ApiRules.RULES.keySet());
        assertThat(unclassified).as("operations of /v3/api-docs that ApiRules does not classify (add a rule for each)").isEmpty();
        Set<String> gone = new TreeSet<>(ApiRules.RULES.keySet());
        gone.removeAll(described);
        assertThat(gone).as("rules for operations that /v3/api-docs no longer describes").isEmpty();

        List<String> wrong = new ArrayList<>();
        int cells = 0;
        int allowed = 0;
        for (ApiDescription.Operation op : api.operations()) {
            Rule rule = ApiRules.of(op);
            // the denied callers first: the allowed ones may change what the operation addresses
            List<Who> callers = new ArrayList<>(List.of(Who.values()));
            callers.sort(Comparator.comparing((Who w) -> rule.expected(w) == 0));
            for (Who who : callers) {
                RawHttp.Response r = http.send(request(op, who, fixtures, api));
                int expected = rule.expected(who);
                cells++;
                boolean right = expected == 0 ? r.status() != 401 && r.status() != 403 && r.status() > 0 && r.status() < 500
                        : r.status() == expected;
                if (expected == 0 && right) {
                    allowed++;
                }
                if (!right) {
                    wrong.add(op.key() + " as " + who + ": expected " + (expected == 0 ? "allowed" : expected) + ", got "
                            + r.status() + " " + abbreviate(r.body()));
                }
            }
        }
        System.out.printf("Authorization matrix: %d operations × %d callers = %d cells checked (%d allowed, %d denied) in %d ms%n",
                api.operations().size(), Who.values().length, cells, allowed, cells - allowed, (System.nanoTime() - started) / 1_000_000);
        assertThat(wrong).as("cells that disagree with the declared rules").isEmpty();
    }

    private static RawHttp.Request request(ApiDescription.Operation op, Who who, Fixtures fixtures, ApiDescription api) {
        RawHttp.Request request = RawHttp.Request.of(op.method(), fixtures.path(op) + fixtures.query(op), who.name());
        Login login = Fixtures.login(who);
        if (login != null) {
            request = request.basic(login.username(), login.password());
        }
        Map<String, Object> body = fixtures.body(op, api);
        if (body == null) {
            return request;
        }
        try {
            return request.header("Content-Type", "application/json")
                    .withBody(JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }
}
