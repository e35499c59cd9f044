package nrw.komman.web.platform.problem;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.grant.ProgrammePart;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.mock.http.MockHttpInputMessage;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.ObjectError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class ProblemMapperTest {

    private final ProblemMapper mapper = new ProblemMapper();
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    // ---- domain refusals ------------------------------------------------------------------

    @Test
    void a_property_the_binder_cannot_take_is_400_malformed_also_when_wrapped() {
        org.springframework.beans.InvalidPropertyException grown = new org.springframework.beans.InvalidPropertyException(
                Object.class, "away[300]", "Index of out of bounds in property path 'away[300]'");

        assertProblem(mapper.toProblem(grown), 400, "request.malformed", "Die Eingabe hat nicht das erwartete Format.");
        assertProblem(mapper.toProblem(new IllegalStateException("wrapped", grown)), 400, "request.malformed",
                "Die Eingabe hat nicht das erwartete Format.");
    }

    @Test
    void invalid_input_is_400_with_the_german_message_and_the_code() {
        ProblemDetail p = mapper.toProblem(new InvalidInputException("money.negative", "Ein Betrag darf nicht negativ sein."));

        assertProblem(p, 400, "money.negative", "Ein Betrag darf nicht negativ sein.");
        assertThat(p.getTitle()).isEqualTo("Ungültige Eingabe");
        assertThat(p.getProperties()).doesNotContainKey(ProblemMapper.ERRORS);
    }

    @Test
    void an_invalid_field_is_also_listed_under_errors() {
        ProblemDetail p = mapper.toProblem(new InvalidFieldException("requestedAmount", "money.negative", "Ein Betrag darf nicht negativ sein."));

        assertProblem(p, 400, "money.negative", "Ein Betrag darf nicht negativ sein.");
        assertThat(errors(p)).containsExactly(new FieldError("requestedAmount", "Ein Betrag darf nicht negativ sein."));
    }

    @Test
    void forbidden_not_found_and_rule_violations_map_to_403_404_and_409() {
        assertProblem(mapper.toProblem(new ForbiddenException("centre.foreign", "Nicht Ihr Zentrum.")), 403, "centre.foreign", "Nicht Ihr Zentrum.");
        assertProblem(mapper.toProblem(new NotFoundException("grant.not-found", "Gibt es nicht.")), 404, "grant.not-found", "Gibt es nicht.");
        assertProblem(mapper.toProblem(new RuleViolationException("grant.four-eyes", "Vier Augen.")), 409, "grant.four-eyes", "Vier Augen.");
    }

    @Test
    void a_refusal_wrapped_by_axon_or_a_future_is_found_in_the_cause_chain() {
        RuleViolationException refusal = new RuleViolationException("activity.future", "Das Datum liegt in der Zukunft.");

        assertProblem(mapper.toProblem(new CommandExecutionException("failed", refusal)), 409, "activity.future", refusal.getMessage());
        assertProblem(mapper.toProblem(new QueryExecutionException("failed", refusal)), 409, "activity.future", refusal.getMessage());
        assertProblem(mapper.toProblem(new CompletionException(new ExecutionException(new CommandExecutionException("x", refusal)))),
                409, "activity.future", refusal.getMessage());
    }

    @Test
    void a_refusal_in_the_details_of_a_remote_execution_exception_is_found() {
        NotFoundException refusal = new NotFoundException("volunteer.not-found", "Niemand.");

        assertProblem(mapper.toProblem(new CommandExecutionException("remote", null, refusal)), 404, "volunteer.not-found", "Niemand.");
    }

    @Test
    void a_suppressed_refusal_is_found() {
        RuntimeException outer = new RuntimeException("outer");
        outer.addSuppressed(new ForbiddenException("actor.missing", "Kein Konto."));

        assertProblem(mapper.toProblem(outer), 403, "actor.missing", "Kein Konto.");
    }

    @Test
    void a_cyclic_cause_chain_ends_in_a_500_instead_of_looping() {
        RuntimeException a = new RuntimeException("a");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);

        assertThat(mapper.toProblem(a).getStatus()).isEqualTo(500);
    }

    // ---- request bodies -------------------------------------------------------------------

    @Test
    void a_shared_kernel_constructor_refusing_a_json_value_answers_with_its_message() {
        Throwable jackson = catchThrowable(() -> JSON.readValue("{\"amount\":\"-5\"}", WithMoney.class));

        ProblemDetail p = mapper.toProblem(unreadable(jackson));

        assertProblem(p, 400, "money.negative", "Ein Betrag darf nicht negativ sein.");
    }

    @Test
    void a_request_the_firewall_rejects_while_spring_mvc_reads_its_headers_is_400_not_500() {
        // what StrictHttpFirewall throws when a header value has characters outside printable Latin-1 (e.g. UTF-8 bytes)
        ProblemDetail p = mapper.toProblem(new org.springframework.security.web.firewall.RequestRejectedException(
                "The request was rejected because the header: \"user-agent\" has a value \"Ã¤\" that is not allowed."));

        assertProblem(p, 400, "request.rejected",
                "Die Anfrage enthält unzulässige Zeichen in der Adresse oder einem Kopffeld (Header) und wurde abgewiesen.");
        assertThat(p.getDetail()).doesNotContain("user-agent");
    }

    @Test
    void a_repeated_parameter_that_is_no_number_is_shown_as_sent_not_as_a_java_array() {
        ProblemDetail p = mapper.toProblem(new org.springframework.beans.TypeMismatchException(
                new String[]{"x", "zwei"}, Integer.class) {
            @Override
            public String getPropertyName() {
                return "page";
            }
        });

        assertThat(p.getStatus()).isEqualTo(400);
        assertThat(p.getDetail()).isEqualTo("Der Parameter „page“: „x, zwei“ ist ungültig; erwartet wird eine ganze Zahl.")
                .doesNotContain("java.", "[L");
    }

    @Test
    void malformed_json_is_400() {
        Throwable jackson = catchThrowable(() -> JSON.readValue("{\"title\": ", Titled.class));

        assertProblem(mapper.toProblem(unreadable(jackson)), 400, "json.malformed", "Der Inhalt der Anfrage ist kein gültiges JSON.");
    }

    @Test
    void an_unknown_enum_value_names_the_field_and_the_allowed_values() {
        Throwable jackson = catchThrowable(() -> JSON.readValue("{\"part\":\"PART_IX\"}", WithPart.class));

        ProblemDetail p = mapper.toProblem(unreadable(jackson));

        assertThat(p.getStatus()).isEqualTo(400);
        assertThat(p.getProperties()).containsEntry(ProblemMapper.CODE, "json.invalid-value");
        assertThat(errors(p)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("part");
            assertThat(e.message()).contains("PART_IX").contains("PART_II_A");
        });
    }

    @Test
    void a_malformed_date_names_the_field_and_the_expected_format() {
        Throwable jackson = catchThrowable(() -> JSON.readValue("{\"items\":[{\"date\":\"31.03.2025\"}]}", WithItems.class));

        ProblemDetail p = mapper.toProblem(unreadable(jackson));

        assertThat(errors(p)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("items[0].date");
            assertThat(e.message()).contains("JJJJ-MM-TT");
        });
    }

    @Test
    void a_value_of_the_wrong_type_names_the_field() {
        Throwable jackson = catchThrowable(() -> JSON.readValue("{\"title\":{\"nested\":1}}", Titled.class));

        ProblemDetail p = mapper.toProblem(unreadable(jackson));

        assertThat(p.getProperties()).containsEntry(ProblemMapper.CODE, "json.wrong-type");
        assertThat(errors(p)).extracting(FieldError::field).containsExactly("title");
    }

    @Test
    void an_unknown_field_is_named_when_the_mapper_refuses_unknown_fields() {
        Throwable jackson = catchThrowable(() -> JSON.readValue("{\"titel\":\"x\"}", Titled.class));

        ProblemDetail p = mapper.toProblem(unreadable(jackson));

        assertThat(p.getProperties()).containsEntry(ProblemMapper.CODE, "json.unknown-field");
        assertThat(errors(p)).extracting(FieldError::field).containsExactly("titel");
    }

    @Test
    void an_array_instead_of_an_object_and_a_missing_body_are_400() {
        Throwable array = catchThrowable(() -> JSON.readValue("[1]", Titled.class));

        assertProblem(mapper.toProblem(unreadable(array)), 400, "body.malformed",
                "Der Inhalt der Anfrage fehlt oder hat nicht die erwartete Form (ein JSON-Objekt).");
        assertProblem(mapper.toProblem(new HttpMessageNotReadableException("Required request body is missing: x",
                new MockHttpInputMessage(new byte[0]))), 400, "body.missing", "Der Inhalt der Anfrage fehlt.");
        assertProblem(mapper.toProblem(unreadable(new IllegalStateException("?"))), 400, "body.unreadable",
                "Der Inhalt der Anfrage ist nicht lesbar.");
    }

    @Test
    void a_body_over_the_limit_is_413() {
        ProblemDetail p = mapper.toProblem(unreadable(new RequestBodyTooLargeException(64 * 1024)));

        assertProblem(p, 413, "request.too-large", "Die Anfrage ist zu groß (höchstens 64 KB).");
        assertThat(mapper.toProblem(new MaxUploadSizeExceededException(10)).getStatus()).isEqualTo(413);
    }

    // ---- validation and parameters --------------------------------------------------------

    @Test
    void bean_validation_failures_list_every_field_with_its_german_message() throws Exception {
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(new Titled("x"), "request");
        result.addError(new org.springframework.validation.FieldError("request", "title", "darf höchstens 200 Zeichen lang sein"));
        result.addError(new org.springframework.validation.FieldError("request", "amount", "fehlt"));
        result.addError(new ObjectError("request", "passt nicht zusammen"));

        ProblemDetail p = mapper.toProblem(new MethodArgumentNotValidException(parameter(), result));

        assertProblem(p, 400, "validation.failed", "Die Angaben sind unvollständig oder ungültig (3 Fehler).");
        assertThat(errors(p)).containsExactly(new FieldError("amount", "fehlt"),
                new FieldError("request", "passt nicht zusammen"),
                new FieldError("title", "darf höchstens 200 Zeichen lang sein"));
    }

    @Test
    void a_single_validation_failure_is_named_in_the_detail() throws Exception {
        BeanPropertyBindingResult result = new BeanPropertyBindingResult(new Titled("x"), "request");
        result.addError(new org.springframework.validation.FieldError("request", "title", "fehlt"));

        ProblemDetail p = mapper.toProblem(new MethodArgumentNotValidException(parameter(), result));

        assertThat(p.getDetail()).isEqualTo("Eine Angabe ist ungültig: „title“ fehlt.");
    }

    @Test
    void method_parameter_validation_failures_are_listed_too() throws Exception {
        HandlerMethodValidationException ex = mock(HandlerMethodValidationException.class);
        ParameterValidationResult result = mock(ParameterValidationResult.class);
        MethodParameter parameter = mock(MethodParameter.class);
        when(parameter.getParameterName()).thenReturn("body");
        when(result.getMethodParameter()).thenReturn(parameter);
        when(result.getResolvableErrors()).thenReturn(List.of(new org.springframework.context.support.DefaultMessageSourceResolvable(
                new String[]{"Size"}, "darf höchstens 200 Zeichen lang sein")));
        when(ex.getParameterValidationResults()).thenReturn(List.of(result));

        ProblemDetail p = mapper.toProblem(ex);

        assertThat(errors(p)).containsExactly(new FieldError("body", "darf höchstens 200 Zeichen lang sein"));
    }

    @Test
    void constraint_violations_are_listed_by_property_path() {
        Validator validator = Validation.buildDefaultValidatorFactory().getValidator();
        var violations = validator.validate(new Titled("x".repeat(5)));

        ProblemDetail p = mapper.toProblem(new ConstraintViolationException(violations));

        assertThat(errors(p)).containsExactly(new FieldError("title", "darf höchstens 3 Zeichen lang sein"));
    }

    @Test
    void a_parameter_of_the_wrong_type_is_400_naming_the_parameter() throws Exception {
        ProblemDetail p = mapper.toProblem(new MethodArgumentTypeMismatchException("gestern", LocalDate.class, "from", parameter(), null));

        assertThat(p.getStatus()).isEqualTo(400);
        assertThat(p.getProperties()).containsEntry(ProblemMapper.CODE, "parameter.invalid");
        assertThat(errors(p)).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("from");
            assertThat(e.message()).contains("gestern").contains("JJJJ-MM-TT");
        });
    }

    @Test
    void a_missing_parameter_is_400_and_a_missing_path_variable_a_500() throws Exception {
        assertThat(errors(mapper.toProblem(new MissingServletRequestParameterException("fundingYear", "Integer"))))
                .containsExactly(new FieldError("fundingYear", "fehlt"));
        assertThat(mapper.toProblem(new MissingPathVariableException("id", parameter())).getStatus()).isEqualTo(500);
        assertProblem(mapper.toProblem(new ServletRequestBindingException("header missing")), 400, "request.incomplete",
                "Der Anfrage fehlen Angaben.");
    }

    // ---- routes and media types -----------------------------------------------------------

    @Test
    void unknown_routes_wrong_methods_and_media_types_get_404_405_415_and_406() {
        assertProblem(mapper.toProblem(new NoResourceFoundException(HttpMethod.GET, "api/nichts")), 404, "route.not-found",
                "Diese Adresse gibt es nicht.");
        assertThat(mapper.toProblem(new NoHandlerFoundException("GET", "/api/nichts", HttpHeaders.EMPTY)).getStatus()).isEqualTo(404);
        assertProblem(mapper.toProblem(new HttpRequestMethodNotSupportedException("DELETE", List.of("GET", "POST"))), 405,
                "method.not-allowed", "Die Methode DELETE ist für diese Adresse nicht erlaubt (erlaubt: GET, POST).");
        assertProblem(mapper.toProblem(new HttpMediaTypeNotSupportedException(MediaType.TEXT_PLAIN, List.of(MediaType.APPLICATION_JSON))),
                415, "media-type.unsupported", "Der Medientyp „text/plain“ wird nicht unterstützt; bitte als application/json senden.");
        assertThat(mapper.toProblem(new HttpMediaTypeNotAcceptableException(List.of(MediaType.APPLICATION_JSON))).getStatus()).isEqualTo(406);
    }

    @Test
    void other_client_errors_of_spring_keep_their_status() {
        ProblemDetail p = mapper.toProblem(new ResponseStatusException(HttpStatus.GONE));

        assertProblem(p, 410, "request.refused", "Die Anfrage kann so nicht bearbeitet werden.");
    }

    // ---- security -------------------------------------------------------------------------

    @Test
    void security_refusals_are_401_and_403_without_saying_why_a_sign_in_failed() {
        assertProblem(mapper.toProblem(new AccessDeniedException("no")), 403, "access.denied", "Dafür fehlt Ihnen die Berechtigung.");
        assertProblem(mapper.toProblem(new InsufficientAuthenticationException("no")), 401, "authentication.required", "Anmeldung erforderlich.");
        ProblemDetail bad = mapper.toProblem(new BadCredentialsException("no"));
        ProblemDetail disabled = mapper.toProblem(new DisabledException("no"));
        assertThat(bad.getStatus()).isEqualTo(401);
        assertThat(bad.getDetail()).isEqualTo(disabled.getDetail());
        assertThat(mapper.unauthenticated(null).getDetail()).isEqualTo("Anmeldung erforderlich.");
        assertThat(mapper.toProblem(new org.springframework.security.authentication.AuthenticationCredentialsNotFoundException("none"))
                .getDetail()).isEqualTo("Anmeldung erforderlich.");
    }

    // ---- axon -----------------------------------------------------------------------------

    @Test
    void a_database_out_of_reach_is_503_however_deeply_it_is_wrapped_and_other_database_errors_are_not() {
        SQLException connectionLost = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(mapper.toProblem(new org.axonframework.commandhandling.CommandExecutionException("failed",
                new org.axonframework.eventsourcing.eventstore.EventStoreException("append failed", connectionLost))).getStatus())
                .isEqualTo(503);
        assertThat(mapper.toProblem(new org.springframework.jdbc.CannotGetJdbcConnectionException("pool empty",
                new java.sql.SQLTransientConnectionException("timeout"))).getStatus()).isEqualTo(503);
        assertThat(mapper.toProblem(new org.springframework.transaction.CannotCreateTransactionException("no connection")).getStatus())
                .isEqualTo(503);
        assertThat(mapper.toProblem(new RuntimeException(new SQLException("the database system is starting up", "57P03"))).getStatus())
                .isEqualTo(503);
        assertThat(mapper.toProblem(new org.axonframework.commandhandling.CommandExecutionException("failed",
                new org.springframework.transaction.TransactionSystemException("JDBC rollback failed",
                        new SQLException("Connection is closed")))).getStatus()).as("a commit that lost its connection").isEqualTo(503);
        assertThat(mapper.toProblem(new RuntimeException(new SQLException("syntax error", "42601"))).getStatus()).isEqualTo(500);
    }

    /**
     * A statement on a connection of a running transaction that the pool has closed after the database
     * broke it off (DatabaseRestartTest met it in the sign-in's account lookup): Hikari's own exception,
     * without a SQLSTATE, wrapped by JdbcTemplate.
     */
    @Test
    void a_statement_on_a_connection_the_pool_has_closed_is_503() throws SQLException {
        try (com.zaxxer.hikari.HikariDataSource pool = new com.zaxxer.hikari.HikariDataSource()) {
            pool.setJdbcUrl("jdbc:h2:mem:" + java.util.UUID.randomUUID());
            java.sql.Connection connection = pool.getConnection();
            connection.close();
            SQLException closed = catchThrowableOfType(SQLException.class, () -> connection.prepareStatement("select 1"));

            assertThat(closed.getSQLState()).isNull();
            assertThat(mapper.toProblem(new org.springframework.jdbc.UncategorizedSQLException("PreparedStatementCallback",
                    "select 1", closed)).getStatus()).isEqualTo(503);
            assertThat(mapper.toProblem(new org.springframework.jdbc.UncategorizedSQLException("PreparedStatementCallback",
                    "select 1", new SQLException("Connection is closed"))).getStatus())
                    .as("the same words from elsewhere are no outage").isEqualTo(500);
        }
    }

    @Test
    void axons_infrastructure_refusals_map_to_404_409_and_503() {
        assertProblem(mapper.toProblem(new CommandExecutionException("x", new AggregateNotFoundException("id", "not found"))),
                404, "not-found", "Das gesuchte Objekt gibt es nicht.");
        assertProblem(mapper.toProblem(new AggregateStreamCreationException("exists")), 409, "already-exists",
                "Ein Objekt mit dieser Kennung gibt es bereits.");
        assertThat(mapper.toProblem(new ConcurrencyException("race")).getProperties()).containsEntry(ProblemMapper.CODE, "concurrent-modification");
        assertThat(mapper.toProblem(new ConflictingModificationException("race")).getStatus()).isEqualTo(409);
        assertThat(mapper.toProblem(new NoHandlerForCommandException("none")).getStatus()).isEqualTo(503);
        assertThat(mapper.toProblem(new NoHandlerForQueryException("none")).getStatus()).isEqualTo(503);
        assertThat(mapper.toProblem(new CompletionException(new TimeoutException())).getStatus()).isEqualTo(503);
        assertThat(mapper.toProblem(new ServiceUnavailableException("slow", null)).getStatus()).isEqualTo(503);
        assertThat(mapper.toProblem(new AsyncRequestTimeoutException()).getStatus()).isEqualTo(503);
    }

    @Test
    void anything_unexpected_is_a_500_that_reveals_nothing_but_an_incident_number() throws Exception {
        ProblemDetail p = mapper.toProblem(new IllegalStateException("jdbc:postgresql://db password=hunter2"));

        assertProblem(p, 500, "internal-error", ProblemMapper.GENERIC_500);
        assertThat(p.getProperties().get(ProblemMapper.INCIDENT).toString()).matches("[0-9a-f-]{36}");
        assertThat(new ObjectMapper().writeValueAsString(p)).doesNotContain("hunter2").doesNotContain("IllegalState");
    }

    @Test
    void expected_values_are_described_in_german_for_every_kind_of_type() {
        assertThat(UnreadableInput.expected(Integer.class)).isEqualTo("eine ganze Zahl");
        assertThat(UnreadableInput.expected(boolean.class)).isEqualTo("true oder false");
        assertThat(UnreadableInput.expected(java.util.UUID.class)).isEqualTo("eine Kennung (UUID)");
        assertThat(UnreadableInput.expected(java.time.Instant.class)).contains("ISO-8601");
        assertThat(UnreadableInput.expected(java.time.YearMonth.class)).isEqualTo("eine Zeitangabe nach ISO-8601");
        assertThat(UnreadableInput.expected(List.class)).isEqualTo("eine Liste");
        assertThat(UnreadableInput.expected(String.class)).isEqualTo("ein Text");
        assertThat(UnreadableInput.expected(java.math.BigDecimal.class)).isEqualTo("eine Zahl");
        assertThat(UnreadableInput.expected(Map.class)).isEqualTo("ein Objekt");
        assertThat(UnreadableInput.expected(null)).isEqualTo("ein anderer Wert");
    }

    // ---- helpers --------------------------------------------------------------------------

    record Titled(@Size(max = 3, message = "darf höchstens {max} Zeichen lang sein") String title) {
    }

    record WithMoney(Money amount) {
    }

    record WithPart(ProgrammePart part) {
    }

    record Dated(LocalDate date) {
    }

    record WithItems(List<Dated> items) {
    }

    @SuppressWarnings("unused")
    void handler(Titled body) {
    }

    private static MethodParameter parameter() throws NoSuchMethodException {
        return new MethodParameter(ProblemMapperTest.class.getDeclaredMethod("handler", Titled.class), 0);
    }

    private static HttpMessageNotReadableException unreadable(Throwable cause) {
        return new HttpMessageNotReadableException("unreadable", cause, new MockHttpInputMessage(new byte[0]));
    }

    @SuppressWarnings("unchecked")
    private static List<FieldError> errors(ProblemDetail p) {
        return (List<FieldError>) p.getProperties().get(ProblemMapper.ERRORS);
    }

    private static void assertProblem(ProblemDetail p, int status, String code, String detail) {
        assertThat(p.getStatus()).isEqualTo(status);
        assertThat(p.getProperties()).containsEntry(ProblemMapper.CODE, code);
        assertThat(p.getDetail()).isEqualTo(detail);
        assertThat(p.getTitle()).isNotBlank();
    }
}
