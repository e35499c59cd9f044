package nrw.komman.command.grant.audit;

import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One row of the event table exactly as stored (raw payload and metadata bytes, the stored time-stamp
 * string), and its canonical serialisation: a compact JSON object with sorted keys
 * <pre>
 * {"aggregateIdentifier":…,"eventIdentifier":…,"metaData":{…},"payload":{…},"payloadRevision":…,
 *  "payloadType":…,"sequenceNumber":3,"timestamp":"2026-03-02T10:15:00.123Z","type":"Grant"}
 * </pre>
 * Payload and metadata are the stored JSON in {@link CanonicalJson canonical form}, so re-serialising
 * them (key order, whitespace, escapes) is not a change, but any change of content is. Bytes that are
 * not JSON (another serializer, or bytes damaged beyond JSON) enter as Base64 under
 * {@code payloadBase64} / {@code metaDataBase64} instead: verification never fails on them, and a
 * document can never hash like bytes that are not one, because the member names differ.
 */
public record StoredEvent(String aggregateIdentifier, long sequenceNumber, String eventIdentifier, String timestamp,
                          String type, String payloadType, String payloadRevision, byte[] payload, byte[] metaData) {

    /** The canonical serialisation of this row (see the class comment). */
    public String canonical() {
        Map<String, String> members = new TreeMap<>();
        members.put("aggregateIdentifier", text(aggregateIdentifier));
        members.put("sequenceNumber", Long.toString(sequenceNumber));
        members.put("eventIdentifier", text(eventIdentifier));
        members.put("timestamp", text(timestamp));
        members.put("type", text(type));
        members.put("payloadType", text(payloadType));
        members.put("payloadRevision", text(payloadRevision));
        document(members, "payload", payload);
        document(members, "metaData", metaData);
        StringBuilder out = new StringBuilder("{");
        members.forEach((name, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(CanonicalJson.quote(name)).append(':').append(value);
        });
        return out.append('}').toString();
    }

    private static String text(String value) {
        return value == null ? "null" : CanonicalJson.quote(value);
    }

    private static void document(Map<String, String> members, String name, byte[] bytes) {
        if (bytes == null) {
            members.put(name, "null");
            return;
        }
        try {
            members.put(name, CanonicalJson.canonical(bytes));
        } catch (CanonicalJson.Malformed notJson) {
            members.put(name + "Base64", CanonicalJson.quote(Base64.getEncoder().encodeToString(bytes)));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredEvent e && sequenceNumber == e.sequenceNumber
                && Objects.equals(aggregateIdentifier, e.aggregateIdentifier)
                && Objects.equals(eventIdentifier, e.eventIdentifier) && Objects.equals(timestamp, e.timestamp)
                && Objects.equals(type, e.type) && Objects.equals(payloadType, e.payloadType)
                && Objects.equals(payloadRevision, e.payloadRevision)
                && Arrays.equals(payload, e.payload) && Arrays.equals(metaData, e.metaData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(aggregateIdentifier, sequenceNumber, eventIdentifier) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "StoredEvent[" + aggregateIdentifier + "#" + sequenceNumber + " " + payloadType + " " + eventIdentifier + "]";
    }
}
