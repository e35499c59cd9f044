package nrw.komman.app.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One row of {@code domain_event_entry} as a file: {@code events/<EventSimpleName>/rev-<revision, 0 for none>.json}.
 * {@code payload} and {@code metaData} are the stored bytes as UTF-8 text, exactly (no re-formatting), so
 * the file says byte for byte what a release wrote; {@code note} (optional) explains a hand-written sample.
 */
@JsonPropertyOrder({"note", "payloadType", "payloadRevision", "payload", "metaData", "eventIdentifier", "aggregateType",
        "aggregateIdentifier", "sequenceNumber", "timestamp"})
record StoredSample(@JsonInclude(JsonInclude.Include.NON_NULL) String note, String payloadType, String payloadRevision,
                    String payload, String metaData, String eventIdentifier, String aggregateType,
                    String aggregateIdentifier, long sequenceNumber, String timestamp) {

    private static final ObjectMapper FILES = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The file name of a revision: Axon's null revision (an event without {@code @Revision}) is {@code rev-0}. */
    static String fileName(String revision) {
        return "rev-" + (revision == null ? "0" : revision) + ".json";
    }

    static Path path(Path root, String payloadType, String revision) {
        return root.resolve(payloadType.substring(payloadType.lastIndexOf('.') + 1)).resolve(fileName(revision));
    }

    /** As the JDBC storage engine hands a row to the upcaster chain: payload and metadata as {@code byte[]}. */
    DomainEventData<byte[]> asStoredRow() {
        return new GenericDomainEventEntry<>(aggregateType, aggregateIdentifier, sequenceNumber, eventIdentifier, timestamp,
                payloadType, payloadRevision, payload.getBytes(StandardCharsets.UTF_8), metaData.getBytes(StandardCharsets.UTF_8));
    }

    static StoredSample read(Path file) {
        try {
            return FILES.readValue(file.toFile(), StoredSample.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Unreadable sample " + file, e);
        }
    }

    void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, FILES.writeValueAsString(this) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Path> all(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().matches("rev-.+\\.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
