package nrw.komman.kernel.common;

/** Refusal of an actor acting outside their rights, e.g. on another centre (HTTP 403). */
public class ForbiddenException extends DomainException {

    public ForbiddenException(String code, String message) {
        super(code, message);
    }

    @Override
    public Kind kind() {
        return Kind.FORBIDDEN;
    }
}
