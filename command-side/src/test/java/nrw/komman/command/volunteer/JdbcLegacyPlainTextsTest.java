package nrw.komman.command.volunteer;

import nrw.komman.kernel.activity.ActivityCorrectedEvent;
import nrw.komman.kernel.activity.ActivityWithdrawnEvent;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerRegisteredEvent;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The redaction in place of plain texts that revision 0 stored (ADR 21), against a real database (H2, Axon's event
 * table as the wiring test creates it): exactly the volunteer's revision-0 rows with text change, and in them only the
 * text; nothing else in the store changes. The end-to-end tests (app: SealedTextsOnH2Test, SealedTextsOnPostgresTest)
 * run it through an erasure on both databases.
 */
class JdbcLegacyPlainTextsTest {

    private final VolunteerId amira = VolunteerId.random();
    private final VolunteerId other = VolunteerId.random();
    private JdbcTemplate jdbc;
    private JdbcLegacyPlainTexts texts;

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:legacy-texts-" + UUID.randomUUID() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/wiring-test").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        texts = new JdbcLegacyPlainTexts(jdbc, new StaticListableBeanFactory().getBeanProvider(EventSchema.class));
    }

    @Test
    void the_plain_texts_of_the_volunteers_revision_0_rows_become_null_and_nothing_else_changes() {
        String registered = insert(amira, 0, VolunteerRegisteredEvent.class, null, "{\"volunteerId\":\"" + amira
                + "\",\"personalData\":{\"ciphertext\":\"AAAA\"},\"consent\":{\"document\":\"Einwilligung Özdemir\","
                + "\"version\":\"2024-01\",\"givenAt\":\"2025-01-15T10:00:00Z\"},\"registeredOn\":\"2025-01-15\"}");
        String logged = insert(amira, 1, "nrw.komman.kernel.activity.ActivityLoggedEvent", null, "{\"minutes\":90,\"note\":null}");
        String corrected = insert(amira, 2, ActivityCorrectedEvent.class, null, "{\"minutes\":120,\"reason\":\"Frau Özdemir war krank\"}");
        String withdrawn = insert(amira, 3, ActivityWithdrawnEvent.class, null, "{\"reason\":\"doppelt, sagt Herr K.\"}");
        String alreadyNull = insert(amira, 4, ActivityWithdrawnEvent.class, null, "{\"reason\":null}");
        String sealed = insert(amira, 5, ActivityCorrectedEvent.class, "1", "{\"reason\":{\"ciphertext\":\"BBBB\"},\"legacyReason\":null}");
        String others = insert(other, 0, ActivityWithdrawnEvent.class, null, "{\"reason\":\"Text der anderen Person\"}");
        jdbc.update("insert into SnapshotEventEntry (aggregateIdentifier, sequenceNumber, type, eventIdentifier, payload,"
                + " payloadType, timeStamp) values (?, 3, 'Volunteer', ?, ?, 'Volunteer', '2026-01-01T00:00:00Z')",
                amira.toString(), UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8));
        List<String> before = payloads(logged, alreadyNull, sealed, others);

        List<String> redacted = texts.redact(amira);

        assertThat(redacted).containsExactly(registered, corrected, withdrawn);
        assertThat(payload(registered)).isEqualTo("{\"volunteerId\":\"" + amira + "\",\"personalData\":{\"ciphertext\":\"AAAA\"},"
                + "\"consent\":{\"document\":null,\"version\":\"2024-01\",\"givenAt\":\"2025-01-15T10:00:00Z\"},"
                + "\"registeredOn\":\"2025-01-15\"}");
        assertThat(payload(corrected)).isEqualTo("{\"minutes\":120,\"reason\":null}");
        assertThat(payload(withdrawn)).isEqualTo("{\"reason\":null}");
        assertThat(payloads(logged, alreadyNull, sealed, others)).as("rows without plain text, of another revision or person")
                .isEqualTo(before);
        assertThat(jdbc.queryForList("select payloadRevision from DomainEventEntry where eventIdentifier in (?, ?, ?)",
                String.class, registered, corrected, withdrawn)).containsOnlyNulls();
        assertThat(jdbc.queryForObject("select count(*) from SnapshotEventEntry where aggregateIdentifier = ?", Integer.class,
                amira.toString())).as("snapshots dropped").isZero();
        assertThat(texts.redact(amira)).as("a second time: nothing left").isEmpty();
    }

    private String insert(VolunteerId volunteer, long sequence, Class<?> type, String revision, String payload) {
        return insert(volunteer, sequence, type.getName(), revision, payload);
    }

    private String insert(VolunteerId volunteer, long sequence, String type, String revision, String payload) {
        String id = UUID.randomUUID().toString();
        jdbc.update("insert into DomainEventEntry (eventIdentifier, aggregateIdentifier, sequenceNumber, type, timeStamp,"
                + " payloadType, payloadRevision, payload, metaData) values (?, ?, ?, 'Volunteer', '2026-01-01T00:00:00Z', ?, ?, ?, ?)",
                id, volunteer.toString(), sequence, type, revision, payload.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        return id;
    }

    private String payload(String eventId) {
        return new String(jdbc.queryForObject("select payload from DomainEventEntry where eventIdentifier = ?", byte[].class, eventId),
                StandardCharsets.UTF_8);
    }

    private List<String> payloads(String... eventIds) {
        return java.util.Arrays.stream(eventIds).map(this::payload).toList();
    }
}
