package nrw.komman.app.events;

import nrw.komman.kernel.volunteer.VolunteerRegisteredEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@link VolunteerRegisteredEvent} of revision 0 (plain {@code document}) read as revision 1: the text in {@code legacyDocument}, {@code document} null. */
@Component
@Order(EventUpcasterOrder.VOLUNTEER_REGISTERED_1)
public class VolunteerRegisteredEvent0To1 extends LegacyPlainTextUpcaster {

    public VolunteerRegisteredEvent0To1() {
        super(VolunteerRegisteredEvent.class, "consent", "document", "legacyDocument");
    }
}
