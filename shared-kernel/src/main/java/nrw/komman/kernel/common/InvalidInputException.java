package nrw.komman.kernel.common;

/** Refusal of input that is malformed or out of range (HTTP 400). */
public class InvalidInputException extends DomainException {

    public InvalidInputException(String code, String message) {
        super(code, message);
    }

    @Override
    public Kind kind() {
        return Kind.INVALID_INPUT;
    }
}
