package nrw.komman.web.platform.problem;

import nrw.komman.kernel.common.InvalidInputException;

/**
 * An {@link InvalidInputException} that knows which field of the request it is about, so the
 * problem response can list it under {@code errors} like a Bean Validation failure.
 */
public class InvalidFieldException extends InvalidInputException {

    private final String field;

    public InvalidFieldException(String field, InvalidInputException cause) {
        super(cause.code(), cause.getMessage());
        this.field = field;
    }

    public InvalidFieldException(String field, String code, String message) {
        super(code, message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
