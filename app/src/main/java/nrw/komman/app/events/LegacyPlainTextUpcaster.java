package nrw.komman.app.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Revision 0 to 1 of an event whose free text revision 1 seals (ADR 21). An upcaster cannot seal (it has no key,
 * and the text would stay in the row anyway), so the plain text moves to a field named {@code legacy...} and the
 * sealed field is null; every other field stays as stored. A row redacted in place by the erasure holds JSON null
 * there, which moves the same way. The row itself is never changed by reading it.
 */
abstract class LegacyPlainTextUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType old;
    private final SimpleSerializedType next;
    private final String container;
    private final String field;
    private final String legacyField;

    /**
     * @param container the object holding the text inside the payload ({@code null}: the payload itself)
     */
    LegacyPlainTextUpcaster(Class<?> type, String container, String field, String legacyField) {
        this.old = new SimpleSerializedType(type.getName(), null);
        this.next = new SimpleSerializedType(type.getName(), "1");
        this.container = container;
        this.field = field;
        this.legacyField = legacyField;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return old.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(next, JsonNode.class, payload -> {
            JsonNode holder = container == null ? payload : payload.get(container);
            if (holder instanceof ObjectNode fields) {
                JsonNode plain = fields.remove(field);
                fields.putNull(field);
                fields.set(legacyField, plain == null ? fields.nullNode() : plain);
            }
            return payload;
        });
    }
}
