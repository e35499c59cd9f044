package nrw.komman.app.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nrw.komman.app.events.EventFixtures.Fixture;
import nrw.komman.app.support.OnH2;
import nrw.komman.kernel.centre.CentreClosedEvent;
import nrw.komman.kernel.centre.CentreEstablishedEvent;
import org.axonframework.common.DateTimeUtils;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.AbstractEventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.UnknownSerializedType;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.RegexPatternTypeFilter;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events written by older releases keep loading (issue 7, docs/event-catalogue.md). Every file under
 * {@code src/test/resources/events/} is a row of the event store as some release wrote it; each is read
 * through the very serializer and upcaster chain of the application's storage engine, as a row read from
 * the database would be.
 * <p>
 * <b>Generating samples.</b> For a new event type or a new revision of one, add a fixture to
 * {@link EventFixtures} and run
 * <pre>./mvnw -B -o -q -pl app -am test -Dtest=StoredEventsKeepLoadingTest -Devents.write-samples=true -Dsurefire.failIfNoSpecifiedTests=false</pre>
 * The generator writes the current revision's sample of every fixture that has none and never overwrites
 * a sample: an existing one is the record of what a release wrote. Commit the new files.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StoredEventsKeepLoadingTest extends OnH2 {

    static final String WRITE_SAMPLES = "events.write-samples";

    @Autowired
    EventStorageEngine storageEngine;

    @Autowired
    JdbcTemplate jdbc;

    Serializer serializer;
    EventUpcaster upcasterChain;

    @BeforeEach
    void theApplicationsOwnSerializerAndUpcasterChain() throws ReflectiveOperationException {
        AbstractEventStorageEngine engine = (AbstractEventStorageEngine) storageEngine;
        serializer = engine.getEventSerializer();
        Field chain = AbstractEventStorageEngine.class.getDeclaredField("upcasterChain");
        chain.setAccessible(true);
        upcasterChain = (EventUpcaster) chain.get(engine);
    }

    @Test
    void every_event_type_has_a_fixture_and_a_sample_of_its_current_revision() {
        Set<Class<?>> eventTypes = eventTypes();
        List<String> missing = new ArrayList<>();
        for (Class<?> type : eventTypes) {
            SerializedType current = serializer.typeForClass(type);
            Path file = StoredSample.path(samples(), current.getName(), current.getRevision());
            if (EventFixtures.of(type).isEmpty()) {
                missing.add(type.getSimpleName() + ": no fixture in EventFixtures");
            } else if (!Files.exists(file)) {
                missing.add(type.getSimpleName() + ": no sample " + samples().relativize(file)
                        + " of its current revision " + current.getRevision() + " (run the generator, see this class)");
            } else {
                StoredSample sample = StoredSample.read(file);
                assertThat(sample.payloadType()).as(file.toString()).isEqualTo(current.getName());
                assertThat(sample.payloadRevision()).as(file.toString()).isEqualTo(current.getRevision());
            }
        }
        assertThat(missing).as("event types without a current sample").isEmpty();
    }

    @Test
    void the_event_types_found_are_every_type_that_an_aggregate_or_a_projection_handles() {
        Set<Class<?>> found = eventTypes();
        Set<Class<?>> handled = handledKernelTypes();
        assertThat(handled).as("handled payload types of the kernel").hasSizeGreaterThanOrEqualTo(20);
        assertThat(found).as("events named *Event in nrw.komman.kernel").containsAll(handled);
    }

    @Test
    void every_sample_of_every_revision_loads_into_the_current_record_with_the_fixture_values() {
        List<Path> files = StoredSample.all(samples());
        assertThat(files).isNotEmpty();
        Set<Class<?>> current = eventTypes();
        SoftAssertions softly = new SoftAssertions();
        for (Path file : files) {
            String name = samples().relativize(file).toString();
            StoredSample sample = StoredSample.read(file);
            softly.assertThat(file.getFileName().toString()).as("file name of " + name).isEqualTo(StoredSample.fileName(sample.payloadRevision()));
            DomainEventMessage<?> event = load(sample, upcasterChain);
            softly.assertThat(current).as(name + " loads into a current event type, not " + event.getPayloadType().getName())
                    .contains(event.getPayloadType());
            Optional<Fixture> fixture = EventFixtures.of(event.getPayloadType());
            Optional<Object> expected = EventFixtures.expectedLoadOf(name, event.getPayloadType());
            if (fixture.isEmpty() || expected.isEmpty()) {
                softly.fail(name + " loads as " + event.getPayloadType().getName() + ", which has no fixture");
                continue;
            }
            softly.assertThat(event.getPayload()).as(name + " loads with the fixture's values").isEqualTo(expected.get());
            softly.assertThat(event.getMetaData()).as(name + ": metadata").isEqualTo(fixture.get().metaData());
            softly.assertThat(event.getAggregateIdentifier()).as(name).isEqualTo(sample.aggregateIdentifier());
            softly.assertThat(event.getSequenceNumber()).as(name).isEqualTo(sample.sequenceNumber());
            softly.assertThat(event.getIdentifier()).as(name).isEqualTo(sample.eventIdentifier());
            softly.assertThat(event.getTimestamp()).as(name).isEqualTo(DateTimeUtils.parseInstant(sample.timestamp()));
        }
        softly.assertAll();
    }

    @Test
    void re_serialising_the_current_samples_gives_the_stored_bytes() throws Exception {
        ObjectMapper json = new ObjectMapper();
        SoftAssertions softly = new SoftAssertions();
        for (Class<?> type : eventTypes()) {
            SerializedType current = serializer.typeForClass(type);
            Path file = StoredSample.path(samples(), current.getName(), current.getRevision());
            if (!Files.exists(file)) {
                continue; // reported by every_event_type_has_a_fixture_and_a_sample_of_its_current_revision
            }
            StoredSample sample = StoredSample.read(file);
            DomainEventMessage<?> event = load(sample, upcasterChain);
            softly.assertThat(utf8(serializer.serialize(event.getPayload(), byte[].class).getData()))
                    .as("%s written today (a renamed field, a changed format?)", type.getSimpleName())
                    .isEqualTo(sample.payload());
            // metadata is a map: Axon writes its keys in hash order, which carries no meaning
            softly.assertThat(json.readTree(serializer.serialize(event.getMetaData(), byte[].class).getData()))
                    .as("metadata of %s written today", type.getSimpleName())
                    .isEqualTo(json.readTree(sample.metaData()));
        }
        softly.assertAll();
    }

    /** The worked example of docs/event-catalogue.md: an older type and field name, read as today's event. */
    @Test
    void an_event_stored_under_an_older_name_and_field_loads_as_today_s_centre_closed_event() {
        StoredSample old = StoredSample.read(samples().resolve("CentreDissolvedEvent").resolve("rev-0.json"));
        assertThat(old.payloadType()).isEqualTo("nrw.komman.kernel.centre.CentreDissolvedEvent");
        assertThat(old.payload()).contains("\"dissolvedOn\"").doesNotContain("closedOn");

        DomainEventMessage<?> event = load(old, upcasterChain);

        assertThat(event.getPayload()).isInstanceOf(CentreClosedEvent.class)
                .isEqualTo(EventFixtures.of(CentreClosedEvent.class).orElseThrow().payload());
        assertThat(((CentreClosedEvent) event.getPayload()).closedOn()).hasToString("2026-06-30");
        // without the upcaster, Axon does not fail: it hands out an "unknown type" that every handler ignores
        assertThat(load(old, NoOpEventUpcaster.INSTANCE).getPayload())
                .as("without the application's upcaster chain the old row is silently unknown")
                .isInstanceOf(UnknownSerializedType.class);
    }

    /** Removing a field from a record is safe for old rows: the application's serializer ignores what it does not know. */
    @Test
    void a_field_that_the_current_record_no_longer_has_is_ignored_when_loading() throws Exception {
        StoredSample sample = StoredSample.read(StoredSample.path(samples(), CentreClosedEvent.class.getName(), null));
        ObjectMapper json = new ObjectMapper();
        ObjectNode payload = (ObjectNode) json.readTree(sample.payload());
        payload.put("closedBy", "Kreistag");
        StoredSample withARemovedField = new StoredSample(null, sample.payloadType(), sample.payloadRevision(),
                json.writeValueAsString(payload), sample.metaData(), sample.eventIdentifier(), sample.aggregateType(),
                sample.aggregateIdentifier(), sample.sequenceNumber(), sample.timestamp());

        assertThat(load(withARemovedField, upcasterChain).getPayload())
                .isEqualTo(EventFixtures.of(CentreClosedEvent.class).orElseThrow().payload());
    }

    /**
     * The samples are shaped like real rows: the reference centres that the application established at
     * its start are stored with the payload type, revision, fields and metadata keys of the sample.
     */
    @Test
    void the_samples_have_the_shape_of_the_rows_the_application_writes() throws Exception {
        Map<String, Object> row = jdbc.queryForMap("select payload_type, payload_revision, payload, meta_data, time_stamp "
                + "from domain_event_entry where payload_type = ? order by global_index limit 1", CentreEstablishedEvent.class.getName());
        SerializedType current = serializer.typeForClass(CentreEstablishedEvent.class);
        StoredSample sample = StoredSample.read(StoredSample.path(samples(), current.getName(), current.getRevision()));
        ObjectMapper json = new ObjectMapper();

        assertThat(row.get("payload_type")).isEqualTo(sample.payloadType());
        assertThat(row.get("payload_revision")).isEqualTo(sample.payloadRevision());
        assertThat(fieldNames(json.readTree((byte[]) row.get("payload")))).isEqualTo(fieldNames(json.readTree(sample.payload())));
        // the reference centres are established by the system, which has no centre; coordinators' events carry one
        Set<String> sampleMetaData = fieldNames(json.readTree(sample.metaData()));
        assertThat(fieldNames(json.readTree((byte[]) row.get("meta_data")))).isEqualTo(sampleMetaData);
        assertThat(DateTimeUtils.formatInstant(DateTimeUtils.parseInstant((String) row.get("time_stamp"))))
                .as("time stamps are stored in Axon's format, as in the samples").isEqualTo(row.get("time_stamp"));
    }

    /**
     * The generator: writes the current revision's sample of every fixture that has none, through the
     * application's serializer, exactly as the JDBC storage engine stores a row. Never overwrites.
     */
    @Test
    @Order(0) // before the checks, so one run writes the samples and checks them
    @EnabledIfSystemProperty(named = WRITE_SAMPLES, matches = "true")
    void write_the_missing_samples() {
        for (Fixture fixture : EventFixtures.all()) {
            SerializedType current = serializer.typeForClass(fixture.type());
            Path file = StoredSample.path(samples(), current.getName(), current.getRevision());
            if (Files.exists(file)) {
                continue;
            }
            new StoredSample(null, current.getName(), current.getRevision(),
                    utf8(serializer.serialize(fixture.payload(), byte[].class).getData()),
                    utf8(serializer.serialize(fixture.metaData(), byte[].class).getData()),
                    fixture.eventIdentifier(), fixture.aggregateType(), fixture.aggregateIdentifier(), fixture.sequenceNumber(),
                    DateTimeUtils.formatInstant(EventFixtures.STORED_AT)).write(file);
            System.out.println("Wrote " + file);
        }
    }

    private DomainEventMessage<?> load(StoredSample sample, EventUpcaster upcasters) {
        Iterator<? extends DomainEventMessage<?>> events = EventStreamUtils.asStream(
                EventStreamUtils.upcastAndDeserializeDomainEvents(Stream.of(sample.asStoredRow()), serializer, upcasters)).iterator();
        assertThat(events.hasNext()).as("the upcaster chain dropped " + sample.payloadType()).isTrue();
        DomainEventMessage<?> event = events.next();
        event.getPayload();
        event.getMetaData();
        return event;
    }

    /** The samples' folder in the sources (not the copy in target/), so the generator writes where git sees it. */
    static Path samples() {
        try {
            Path testClasses = Path.of(StoredEventsKeepLoadingTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return testClasses.getParent().getParent().resolve("src/test/resources/events");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The kernel's events: every class named *Event in nrw.komman.kernel. */
    static Set<Class<?>> eventTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new RegexPatternTypeFilter(Pattern.compile("nrw\\.komman\\.kernel\\..*Event")));
        Set<Class<?>> types = new java.util.TreeSet<>(java.util.Comparator.comparing(Class::getName));
        for (BeanDefinition candidate : scanner.findCandidateComponents("nrw.komman.kernel")) {
            types.add(load(candidate.getBeanClassName()));
        }
        return types;
    }

    /** Payload types of the kernel handled by any @EventSourcingHandler or @EventHandler in the platform. */
    static Set<Class<?>> handledKernelTypes() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter((reader, factory) -> true);
        Set<Class<?>> types = new java.util.TreeSet<>(java.util.Comparator.comparing(Class::getName));
        for (String module : List.of("nrw.komman.command", "nrw.komman.query", "nrw.komman.app")) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(module)) {
                for (Method method : load(candidate.getBeanClassName()).getDeclaredMethods()) {
                    if ((method.isAnnotationPresent(EventSourcingHandler.class) || method.isAnnotationPresent(EventHandler.class))
                            && method.getParameterCount() > 0
                            && method.getParameterTypes()[0].getName().startsWith("nrw.komman.kernel.")) {
                        types.add(method.getParameterTypes()[0]);
                    }
                }
            }
        }
        return types;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name, false, StoredEventsKeepLoadingTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
