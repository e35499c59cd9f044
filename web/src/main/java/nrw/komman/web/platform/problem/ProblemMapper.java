package nrw.komman.web.platform.problem;

import jakarta.validation.ConstraintViolationException;
import nrw.komman.kernel.common.DomainException;
import nrw.komman.kernel.common.InvalidTextException;
import nrw.komman.kernel.common.Refusal;
import org.axonframework.commandhandling.NoHandlerForCommandException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.queryhandling.NoHandlerForQueryException;
import org.springframework.beans.InvalidPropertyException;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.validation.BindException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * Turns any exception into an RFC 9457 problem: German title and detail, a stable {@code code}, and
 * {@code errors: [{field, message}]} where fields are at fault. Pure (no logging, no request): the
 * {@link ApiExceptionHandler} and the security handlers use it; unit tests cover every branch.
 *
 * <p>Order: a {@link DomainException} anywhere in the cause chain wins (Axon wraps refusals in
 * {@code CommandExecutionException}, {@code CompletionException}, Jackson in mapping exceptions),
 * then a too-large body, Spring MVC's own exceptions, security, Axon's infrastructure refusals, and
 * finally a generic 500 that says nothing about the exception. Input that could not be read at all (the
 * body, a parameter's type) has its own class, {@link UnreadableInput}.
 * <p>Why this size: one branch per kind of failure, in the order in which they must be tried.
 */
public class ProblemMapper {

    /** Property names in the problem body. */
    public static final String CODE = "code";
    public static final String ERRORS = "errors";
    public static final String INCIDENT = "incident";

    static final String GENERIC_500 = "Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es später noch einmal; "
            + "bleibt der Fehler, nennen Sie dem Betrieb die Vorgangsnummer.";

    static final String MALFORMED = "Die Eingabe hat nicht das erwartete Format.";

    private static final Map<HttpStatus, String> TITLES = Map.ofEntries(
            Map.entry(HttpStatus.BAD_REQUEST, "Ungültige Eingabe"),
            Map.entry(HttpStatus.UNAUTHORIZED, "Nicht angemeldet"),
            Map.entry(HttpStatus.FORBIDDEN, "Keine Berechtigung"),
            Map.entry(HttpStatus.NOT_FOUND, "Nicht gefunden"),
            Map.entry(HttpStatus.METHOD_NOT_ALLOWED, "Methode nicht erlaubt"),
            Map.entry(HttpStatus.NOT_ACCEPTABLE, "Antwortformat nicht verfügbar"),
            Map.entry(HttpStatus.CONFLICT, "Konflikt mit einer Regel"),
            Map.entry(HttpStatus.PAYLOAD_TOO_LARGE, "Anfrage zu groß"),
            Map.entry(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Medientyp nicht unterstützt"),
            Map.entry(HttpStatus.INTERNAL_SERVER_ERROR, "Interner Fehler"),
            Map.entry(HttpStatus.SERVICE_UNAVAILABLE, "Vorübergehend nicht verfügbar"));

    /** The problem for any exception. */
    public ProblemDetail toProblem(Throwable ex) {
        Optional<DomainException> refusal = findDomainException(ex);
        if (refusal.isPresent()) {
            return fromRefusal(refusal.get());
        }
        if (find(ex, RequestBodyTooLargeException.class).isPresent() || ex instanceof MaxUploadSizeExceededException) {
            return bodyTooLarge(find(ex, RequestBodyTooLargeException.class).map(RequestBodyTooLargeException::limit).orElse(-1L));
        }
        if (find(ex, RequestRejectedException.class).isPresent()) {
            // Spring Security's firewall checks header values only when they are read, i.e. inside Spring MVC (reading a
            // JSON body reads every header): a header with characters outside printable Latin-1 would otherwise be a 500
            return problem(HttpStatus.BAD_REQUEST, "request.rejected",
                    "Die Anfrage enthält unzulässige Zeichen in der Adresse oder einem Kopffeld (Header) und wurde abgewiesen.");
        }
        if (find(ex, InvalidPropertyException.class).isPresent()) {
            // form fields the binder cannot take at all, e.g. a list index beyond its auto-grow limit ("away[300].from")
            return problem(HttpStatus.BAD_REQUEST, "request.malformed", MALFORMED);
        }
        if (ex instanceof BindException bind) { // includes MethodArgumentNotValidException
            return invalidFields(fieldErrors(bind.getBindingResult()));
        }
        if (ex instanceof HandlerMethodValidationException hmv) {
            return invalidFields(fieldErrors(hmv));
        }
        if (ex instanceof ConstraintViolationException cve) {
            return invalidFields(cve.getConstraintViolations().stream()
                    .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                    .toList());
        }
        if (ex instanceof HttpMessageNotReadableException unreadable) {
            return UnreadableInput.body(unreadable);
        }
        if (ex instanceof TypeMismatchException mismatch) {
            return UnreadableInput.parameter(mismatch);
        }
        if (ex instanceof MissingServletRequestParameterException missing) {
            return problem(HttpStatus.BAD_REQUEST, "parameter.missing",
                    "Der Parameter „" + missing.getParameterName() + "“ fehlt.",
                    List.of(new FieldError(missing.getParameterName(), "fehlt")));
        }
        if (ex instanceof MissingPathVariableException) {
            return internalError();
        }
        if (ex instanceof ServletRequestBindingException) {
            return problem(HttpStatus.BAD_REQUEST, "request.incomplete", "Der Anfrage fehlen Angaben.");
        }
        if (ex instanceof HttpRequestMethodNotSupportedException method) {
            return problem(HttpStatus.METHOD_NOT_ALLOWED, "method.not-allowed",
                    "Die Methode " + method.getMethod() + " ist für diese Adresse nicht erlaubt"
                            + (method.getSupportedHttpMethods() == null || method.getSupportedHttpMethods().isEmpty() ? "." :
                            " (erlaubt: " + method.getSupportedHttpMethods().stream().map(Object::toString).sorted()
                                    .collect(Collectors.joining(", ")) + ")."));
        }
        if (ex instanceof HttpMediaTypeNotSupportedException media) {
            return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "media-type.unsupported",
                    "Der Medientyp " + (media.getContentType() == null ? "(keiner)" : "„" + media.getContentType() + "“")
                            + " wird nicht unterstützt; bitte als " + MediaType.APPLICATION_JSON_VALUE + " senden.");
        }
        if (ex instanceof HttpMediaTypeNotAcceptableException) {
            return problem(HttpStatus.NOT_ACCEPTABLE, "media-type.not-acceptable",
                    "Die Antwort gibt es nur als " + MediaType.APPLICATION_JSON_VALUE + ".");
        }
        if (ex instanceof NoResourceFoundException || ex instanceof NoHandlerFoundException) {
            return problem(HttpStatus.NOT_FOUND, "route.not-found", "Diese Adresse gibt es nicht.");
        }
        if (ex instanceof AsyncRequestTimeoutException) {
            return unavailable();
        }
        if (ex instanceof AccessDeniedException) {
            return forbidden();
        }
        if (ex instanceof AuthenticationException auth) {
            return unauthenticated(auth);
        }
        if (find(ex, AggregateNotFoundException.class).isPresent()) {
            return problem(HttpStatus.NOT_FOUND, "not-found", "Das gesuchte Objekt gibt es nicht.");
        }
        if (find(ex, AggregateStreamCreationException.class).isPresent()) {
            return problem(HttpStatus.CONFLICT, "already-exists", "Ein Objekt mit dieser Kennung gibt es bereits.");
        }
        if (find(ex, ConcurrencyException.class).isPresent() || find(ex, ConflictingModificationException.class).isPresent()) {
            return problem(HttpStatus.CONFLICT, "concurrent-modification",
                    "Das Objekt wurde gerade gleichzeitig geändert. Bitte laden Sie es neu und versuchen Sie es noch einmal.");
        }
        if (find(ex, NoHandlerForCommandException.class).isPresent() || find(ex, NoHandlerForQueryException.class).isPresent()
                || find(ex, TimeoutException.class).isPresent() || find(ex, ServiceUnavailableException.class).isPresent()
                || DatabaseOutage.isCauseOf(ex)) {
            return unavailable();
        }
        if (ex instanceof ErrorResponse errorResponse && errorResponse.getStatusCode().is4xxClientError()) {
            HttpStatus status = HttpStatus.valueOf(errorResponse.getStatusCode().value());
            return problem(status, "request.refused", "Die Anfrage kann so nicht bearbeitet werden.");
        }
        return internalError();
    }

    /** 401: not signed in, or the sign-in failed (never says which part was wrong or that an account is disabled). */
    public ProblemDetail unauthenticated(AuthenticationException ex) {
        if (ex == null || ex instanceof InsufficientAuthenticationException
                || ex instanceof AuthenticationCredentialsNotFoundException) {
            return problem(HttpStatus.UNAUTHORIZED, "authentication.required", "Anmeldung erforderlich.");
        }
        return problem(HttpStatus.UNAUTHORIZED, "authentication.failed",
                "Anmeldung fehlgeschlagen: Benutzername oder Passwort ist falsch, oder das Konto ist gesperrt.");
    }

    /** 403 at the URL level: the role may not do this. */
    public ProblemDetail forbidden() {
        return problem(HttpStatus.FORBIDDEN, "access.denied", "Dafür fehlt Ihnen die Berechtigung.");
    }

    public ProblemDetail bodyTooLarge(long limit) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "request.too-large",
                limit > 0 ? "Die Anfrage ist zu groß (höchstens " + (limit / 1024) + " KB)." : "Die Anfrage ist zu groß.");
    }

    /** 503: the platform or its database is briefly out of reach; the request may be repeated (Retry-After). */
    public ProblemDetail unavailable() {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable",
                "Der Dienst ist gerade nicht erreichbar oder überlastet. Bitte versuchen Sie es in Kürze noch einmal.");
    }

    /** 503 before any work: more requests are in flight than the database can serve; repeat after Retry-After. */
    public ProblemDetail overloaded() {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "service.overloaded",
                "Der Dienst ist gerade stark ausgelastet. Bitte versuchen Sie es in wenigen Sekunden noch einmal.");
    }

    /** 500 without any text of the exception; {@code incident} lets the operators find the log entry. */
    private ProblemDetail internalError() {
        ProblemDetail pd = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", GENERIC_500);
        pd.setProperty(INCIDENT, UUID.randomUUID().toString());
        return pd;
    }

    private ProblemDetail fromRefusal(DomainException refusal) {
        HttpStatus status = switch (refusal.kind()) {
            case INVALID_INPUT -> HttpStatus.BAD_REQUEST;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case RULE_VIOLATED -> HttpStatus.CONFLICT;
        };
        ProblemDetail pd = problem(status, refusal.code(), refusal.getMessage());
        if (refusal instanceof InvalidFieldException field) {
            pd.setProperty(ERRORS, List.of(new FieldError(field.field(), refusal.getMessage())));
        }
        if (refusal instanceof InvalidTextException text) { // the kernel's text rule names its field (ADR 25)
            pd.setProperty(ERRORS, List.of(new FieldError(text.field(), refusal.getMessage())));
        }
        return pd;
    }

    private ProblemDetail invalidFields(List<FieldError> errors) {
        List<FieldError> sorted = errors.stream()
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        String detail = sorted.size() == 1
                ? "Eine Angabe ist ungültig: „" + sorted.get(0).field() + "“ " + sentence(sorted.get(0).message())
                : "Die Angaben sind unvollständig oder ungültig (" + sorted.size() + " Fehler).";
        return problem(HttpStatus.BAD_REQUEST, "validation.failed", detail, sorted);
    }

    private static List<FieldError> fieldErrors(BindingResult result) {
        List<FieldError> errors = new ArrayList<>();
        result.getFieldErrors().forEach(e -> errors.add(new FieldError(e.getField(), message(e))));
        result.getGlobalErrors().forEach(e -> errors.add(new FieldError(e.getObjectName(), message(e))));
        return errors;
    }

    private static List<FieldError> fieldErrors(HandlerMethodValidationException ex) {
        List<FieldError> errors = new ArrayList<>();
        for (ParameterValidationResult result : ex.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            result.getResolvableErrors().forEach(e -> errors.add(new FieldError(
                    e instanceof org.springframework.validation.FieldError fe ? fe.getField() : String.valueOf(name), message(e))));
        }
        return errors;
    }

    private static String message(MessageSourceResolvable error) {
        return error.getDefaultMessage() == null ? "ist ungültig" : error.getDefaultMessage();
    }

    /** The problem skeleton: German title by status, detail, code. */
    public static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setTitle(TITLES.getOrDefault(status, status.getReasonPhrase()));
        pd.setProperty(CODE, code);
        return pd;
    }

    static ProblemDetail problem(HttpStatus status, String code, String detail, List<FieldError> errors) {
        ProblemDetail pd = problem(status, code, detail);
        pd.setProperty(ERRORS, errors);
        return pd;
    }

    /** The refusal behind an exception: itself, a cause, Axon's details (in one process, or as a {@link Refusal} over Axon Server). */
    public static Optional<DomainException> findDomainException(Throwable ex) {
        return Refusal.behind(ex);
    }

    static <T extends Throwable> Optional<T> find(Throwable ex, Class<T> type) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = ex; t != null && seen.add(t); t = t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }

    private static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }


}
