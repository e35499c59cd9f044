package nrw.komman.command.testing;

import org.axonframework.eventhandling.EventMessage;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeMatcher;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs plain (AssertJ) assertions on the published events, for events that cannot be compared by
 * equality (sealed personal data has a fresh nonce every time).
 */
public final class EventsSatisfying extends TypeSafeMatcher<List<EventMessage<?>>> {

    private final Consumer<List<EventMessage<?>>> assertions;
    private String failure;

    private EventsSatisfying(Consumer<List<EventMessage<?>>> assertions) {
        this.assertions = assertions;
    }

    public static EventsSatisfying eventsSatisfying(Consumer<List<EventMessage<?>>> assertions) {
        return new EventsSatisfying(assertions);
    }

    @Override
    protected boolean matchesSafely(List<EventMessage<?>> events) {
        try {
            assertions.accept(events);
            return true;
        } catch (AssertionError e) {
            failure = e.getMessage();
            return false;
        }
    }

    @Override
    public void describeTo(Description description) {
        description.appendText("events satisfying the assertions");
        if (failure != null) {
            description.appendText(" (" + failure + ")");
        }
    }
}
