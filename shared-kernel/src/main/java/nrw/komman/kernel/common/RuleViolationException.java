package nrw.komman.kernel.common;

/** Refusal of a rule of the domain that the current state forbids (HTTP 409). */
public class RuleViolationException extends DomainException {

    public RuleViolationException(String code, String message) {
        super(code, message);
    }

    @Override
    public Kind kind() {
        return Kind.RULE_VIOLATED;
    }
}
