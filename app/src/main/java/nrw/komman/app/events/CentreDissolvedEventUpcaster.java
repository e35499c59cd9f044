package nrw.komman.app.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nrw.komman.kernel.centre.CentreClosedEvent;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The worked example of docs/event-catalogue.md ("Changing an event"). No release of the platform has
 * written this form: it stands for the day an event is renamed. Suppose an older release stored the closing
 * of a centre as {@code nrw.komman.kernel.centre.CentreDissolvedEvent} (revision null) with the date under
 * {@code dissolvedOn}; this upcaster reads such a row as today's {@link CentreClosedEvent} (revision null),
 * the date under {@code closedOn}, every other field as stored. Its sample is
 * {@code app/src/test/resources/events/CentreDissolvedEvent/rev-0.json}, and {@code StoredEventsKeepLoadingTest}
 * loads it into the current record.
 * <p>
 * Upcasters work on read only: the stored row is never rewritten, so the grant hash chain (ADR 8), which
 * hashes the stored bytes, is untouched by any upcaster. Axon's Spring Boot support registers every
 * {@code EventUpcaster} bean in the order of {@link Order}; keep older-to-newer order when a chain grows.
 */
@Component
@Order(EventUpcasterOrder.CENTRE_DISSOLVED_TO_CLOSED)
public class CentreDissolvedEventUpcaster extends SingleEventUpcaster {

    static final SimpleSerializedType DISSOLVED = new SimpleSerializedType("nrw.komman.kernel.centre.CentreDissolvedEvent", null);
    static final SimpleSerializedType CLOSED = new SimpleSerializedType(CentreClosedEvent.class.getName(), null);

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return DISSOLVED.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(CLOSED, JsonNode.class, payload -> {
            // every field as stored, in its place; only the date's name changes
            ObjectNode current = ((ObjectNode) payload).objectNode();
            payload.fields().forEachRemaining(field ->
                    current.set("dissolvedOn".equals(field.getKey()) ? "closedOn" : field.getKey(), field.getValue()));
            return current;
        });
    }
}
