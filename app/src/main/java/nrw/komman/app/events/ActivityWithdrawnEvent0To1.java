package nrw.komman.app.events;

import nrw.komman.kernel.activity.ActivityWithdrawnEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@link ActivityWithdrawnEvent} of revision 0 (plain {@code reason}) read as revision 1: the text in {@code legacyReason}, {@code reason} null. */
@Component
@Order(EventUpcasterOrder.ACTIVITY_WITHDRAWN_1)
public class ActivityWithdrawnEvent0To1 extends LegacyPlainTextUpcaster {

    public ActivityWithdrawnEvent0To1() {
        super(ActivityWithdrawnEvent.class, null, "reason", "legacyReason");
    }
}
