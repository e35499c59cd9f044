package nrw.komman.app.events;

import nrw.komman.kernel.activity.ActivityCorrectedEvent;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** {@link ActivityCorrectedEvent} of revision 0 (plain {@code reason}) read as revision 1: the text in {@code legacyReason}, {@code reason} null. */
@Component
@Order(EventUpcasterOrder.ACTIVITY_CORRECTED_1)
public class ActivityCorrectedEvent0To1 extends LegacyPlainTextUpcaster {

    public ActivityCorrectedEvent0To1() {
        super(ActivityCorrectedEvent.class, null, "reason", "legacyReason");
    }
}
