package nrw.komman.kernel.common;

/** A text refused by {@link PlainText}'s rule (HTTP 400), naming the field it is about so a form or a problem can point at it. */
public class InvalidTextException extends InvalidInputException {

    private final String field;

    public InvalidTextException(String field, String code, String message) {
        super(code, message);
        this.field = field;
    }

    /** The field as the command names it, e.g. {@code name} or {@code consent.document}. */
    public String field() {
        return field;
    }
}
