package nrw.komman.kernel.common;

/** Refusal of an unknown identifier (HTTP 404). */
public class NotFoundException extends DomainException {

    public NotFoundException(String code, String message) {
        super(code, message);
    }

    @Override
    public Kind kind() {
        return Kind.NOT_FOUND;
    }
}
