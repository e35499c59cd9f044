package nrw.komman.command.testing;

import nrw.komman.kernel.common.DomainException;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;

/** Matches a domain refusal by its kind (exception type) and its stable code. */
public final class Refusal extends TypeSafeMatcher<DomainException> {

    private final Class<? extends DomainException> type;
    private final String code;

    private Refusal(Class<? extends DomainException> type, String code) {
        super(DomainException.class);
        this.type = type;
        this.code = code;
    }

    public static Matcher<DomainException> refused(Class<? extends DomainException> type, String code) {
        return new Refusal(type, code);
    }

    @Override
    protected boolean matchesSafely(DomainException e) {
        return type.isInstance(e) && code.equals(e.code()) && e.getMessage() != null && !e.getMessage().isBlank();
    }

    @Override
    public void describeTo(Description description) {
        description.appendText(type.getSimpleName() + " with code " + code);
    }

    @Override
    protected void describeMismatchSafely(DomainException e, Description description) {
        description.appendText("was " + e.getClass().getSimpleName() + " with code " + e.code() + ": " + e.getMessage());
    }
}
