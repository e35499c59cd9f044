package nrw.komman.web.platform.problem;

/** One entry of a problem's {@code errors}: which field, and what is wrong with it (German). */
public record FieldError(String field, String message) {
}
