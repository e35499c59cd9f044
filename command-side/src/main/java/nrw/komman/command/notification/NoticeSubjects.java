package nrw.komman.command.notification;

import nrw.komman.kernel.centre.CentreEstablishedEvent;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.HelpRequestOpenedEvent;
import nrw.komman.kernel.grant.GrantAppliedEvent;
import nrw.komman.kernel.grant.GrantId;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a notice names of its subject: a grant's title, year and programme part, a request for help's category,
 * days and minutes ({@code notice_subject}, V47 and V48, written in the transaction of the creating event), and a centre's name (kept in
 * memory: 54 names that never change). A subject created before the table existed is read from its own events in
 * the event store, never from the query side.
 */
@Component
class NoticeSubjects {

    static final String GRANT = "GRANT";
    static final String HELP_REQUEST = "HELP_REQUEST";

    /** A grant as the notices name it. */
    record Grant(CentreId centreId, String title, int fundingYear, String programmePart) {
    }

    /** A request for help as the notices name it: what kind of help, from when until when, how long (null: unknown). */
    record HelpRequest(CentreId centreId, String category, LocalDate firstDay, LocalDate lastDay, Integer minutes) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectProvider<EventStore> eventStore;
    private final Map<CentreId, String> centreNames = new ConcurrentHashMap<>();

    NoticeSubjects(JdbcTemplate jdbc, ObjectProvider<EventStore> eventStore) {
        this.jdbc = jdbc;
        this.eventStore = eventStore;
    }

    void applied(GrantAppliedEvent event) {
        if (known(event.grantId().toString())) {
            return;
        }
        jdbc.update("insert into notice_subject (subject_id, subject_type, centre_id, title, funding_year, programme_part)"
                        + " values (?, ?, ?, ?, ?, ?)", event.grantId().toString(), GRANT, event.centreId().value(),
                event.title(), event.fundingYear(), event.programmePart().name());
    }

    void opened(HelpRequestOpenedEvent event) {
        if (known(event.requestId().toString())) {
            return;
        }
        jdbc.update("insert into notice_subject (subject_id, subject_type, centre_id, category, first_day, last_day,"
                        + " minutes) values (?, ?, ?, ?, ?, ?, ?)", event.requestId().toString(), HELP_REQUEST,
                event.centreId().value(), event.category().name(), Date.valueOf(event.schedule().firstDay()),
                Date.valueOf(event.schedule().lastDay()), event.minutes());
    }

    /** Whether the subject is recorded already (its creating event handled again). */
    private boolean known(String subjectId) {
        Integer rows = jdbc.queryForObject("select count(*) from notice_subject where subject_id = ?", Integer.class, subjectId);
        return rows != null && rows > 0;
    }

    void established(CentreEstablishedEvent event) {
        centreNames.put(event.centreId(), event.name());
    }

    Optional<Grant> grant(GrantId grantId) {
        List<Grant> rows = jdbc.query("select centre_id, title, funding_year, programme_part from notice_subject"
                        + " where subject_id = ? and subject_type = ?",
                (rs, i) -> new Grant(new CentreId(rs.getString(1)), rs.getString(2), rs.getInt(3), rs.getString(4)),
                grantId.toString(), GRANT);
        if (!rows.isEmpty()) {
            return Optional.of(rows.get(0));
        }
        return firstOfStream(grantId.toString(), GrantAppliedEvent.class)
                .map(e -> new Grant(e.centreId(), e.title(), e.fundingYear(), e.programmePart().name()));
    }

    Optional<HelpRequest> helpRequest(HelpRequestId requestId) {
        List<HelpRequest> rows = jdbc.query("select centre_id, category, first_day, last_day, minutes from notice_subject"
                        + " where subject_id = ? and subject_type = ?",
                (rs, i) -> new HelpRequest(new CentreId(rs.getString(1)), rs.getString(2),
                        rs.getDate(3).toLocalDate(), rs.getDate(4).toLocalDate(), (Integer) rs.getObject(5)),
                requestId.toString(), HELP_REQUEST);
        if (!rows.isEmpty() && rows.get(0).minutes() != null) {
            return Optional.of(rows.get(0));
        }
        // a request recorded before V48 has no minutes in its row: its opening event has them
        Optional<HelpRequest> opened = firstOfStream(requestId.toString(), HelpRequestOpenedEvent.class)
                .map(e -> new HelpRequest(e.centreId(), e.category().name(), e.schedule().firstDay(), e.schedule().lastDay(),
                        e.minutes()));
        return opened.isPresent() || rows.isEmpty() ? opened : Optional.of(rows.get(0));
    }

    Optional<String> centreName(CentreId centreId) {
        String known = centreNames.get(centreId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> name = firstOfStream(centreId.value(), CentreEstablishedEvent.class).map(CentreEstablishedEvent::name);
        name.ifPresent(n -> centreNames.put(centreId, n));
        return name;
    }

    /** The first event of this type in the aggregate's own stream (its creation), read from the event store. */
    private <T> Optional<T> firstOfStream(String aggregateId, Class<T> type) {
        EventStore store = eventStore.getIfAvailable();
        if (store == null) {
            return Optional.empty();
        }
        DomainEventStream events = store.readEvents(aggregateId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            if (event.getPayloadType() == type) {
                return Optional.of(type.cast(event.getPayload()));
            }
        }
        return Optional.empty();
    }
}
