package nrw.komman.query.volunteer;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.volunteer.ConsentRecord;
import nrw.komman.kernel.volunteer.SealedText;
import nrw.komman.kernel.volunteer.FindVolunteerQuery;
import nrw.komman.kernel.volunteer.FindVolunteersQuery;
import nrw.komman.kernel.volunteer.PersonalData;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.RosterSort;
import nrw.komman.kernel.volunteer.SealedPersonalData;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerPage;
import nrw.komman.kernel.volunteer.VolunteerStatus;
import nrw.komman.kernel.volunteer.VolunteerView;
import nrw.komman.query.centre.CentreQueries;
import nrw.komman.query.common.ReadAccess;
import nrw.komman.query.common.Rows;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The volunteer roster of a centre with personal data and this year's hours. Only the centre's
 * coordinators may ask (data minimisation: everybody else sees counts in the ministry overview).
 *
 * <p>The read model holds the personal data sealed (ADR 22), so the database can neither search nor sort by
 * name: a roster query reads the centre's rows (by the index on centre and status), opens them with one look-up
 * of their keys, and filters, sorts and pages in memory, with the same answers as the SQL of before (search
 * in name or e-mail regardless of case, wildcards taken literally; ordered by the lower-case name, erased
 * volunteers last, then by id). Another order ({@link RosterSort}) sorts by its column first, nameless last in
 * either direction, then as before; sorted by hours, this year's hours are read for the whole roster, otherwise for
 * the page only.
 */
@Component
public class VolunteerQueries {

    private static final String SELECT = """
            select v.volunteer_id, v.centre_id, v.sealed_personal_data, v.status,
                   v.registered_on, v.consent_document, v.consent_document_sealed, v.consent_version, v.consent_given_at, v.erased
              from volunteer_view v
            """;

    /** The roster's order: by name regardless of case (Java's order of the lower-case text), nameless last, then by id. */
    private static final Comparator<VolunteerView> ROSTER_ORDER = Comparator
            .comparing((VolunteerView v) -> v.name() == null ? null : v.name().toLowerCase(Locale.ROOT),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(v -> v.volunteerId().toString());

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataVault vault;
    private final Clock clock;

    @Autowired
    public VolunteerQueries(NamedParameterJdbcTemplate jdbc, PersonalDataVault vault, ObjectProvider<Clock> clock) {
        this(jdbc, vault, clock.getIfAvailable(Nrw::systemClock));
    }

    public VolunteerQueries(NamedParameterJdbcTemplate jdbc, PersonalDataVault vault, Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.clock = clock;
    }

    @QueryHandler
    public VolunteerPage handle(FindVolunteersQuery query, MetaData metaData) {
        CentreQueries.requireOwnKnownCentre(jdbc, metaData, query.centreId());
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("centreId", query.centreId().value());
        StringBuilder where = new StringBuilder(" where v.centre_id = :centreId");
        if (query.status() != null) {
            where.append(" and v.status = :status");
            p.addValue("status", query.status().name());
        }
        Predicate<VolunteerView> matches = v -> true;
        if (query.language() != null && !query.language().isBlank()) {
            String language = query.language().strip().toLowerCase(Locale.ROOT);
            matches = matches.and(v -> v.languages().contains(language));
        }
        if (query.interest() != null) {
            matches = matches.and(v -> v.interests().contains(query.interest()));
        }
        if (query.search() != null && !query.search().isBlank()) {
            String search = query.search().strip().toLowerCase(Locale.ROOT);
            matches = matches.and(v -> contains(v.name(), search) || contains(v.email(), search));
        }
        List<VolunteerView> all = opened(jdbc.query(SELECT + where, p, ROW));
        List<VolunteerView> found = all.stream().filter(matches).toList();
        boolean byHours = query.sort() == RosterSort.HOURS;
        if (byHours) {
            found = withHoursThisYear(found);
        }
        found = found.stream().sorted(order(query.sort(), query.descending())).toList();
        long from = (long) query.page() * query.size();
        List<VolunteerView> page = from >= found.size() ? List.of()
                : found.subList((int) from, (int) Math.min(found.size(), from + query.size()));
        return new VolunteerPage(byHours ? page : withHoursThisYear(page), query.page(), query.size(), found.size());
    }

    @QueryHandler
    public VolunteerView handle(FindVolunteerQuery query, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        ReadAccess.requireCoordinator(actor);
        if (query.volunteerId() == null) {
            throw new InvalidInputException("volunteerId.missing", "Die Kennung der/des Ehrenamtlichen fehlt.");
        }
        List<Row> rows = jdbc.query(SELECT + " where v.volunteer_id = :volunteerId",
                new MapSqlParameterSource("volunteerId", query.volunteerId().toString()), ROW);
        if (rows.isEmpty()) {
            throw new NotFoundException("volunteer.not-found", "Diese*r Ehrenamtliche ist nicht bekannt.");
        }
        ReadAccess.requirePersonalDataOf(actor, rows.get(0).centreId());
        return withHoursThisYear(opened(rows)).get(0);
    }

    /**
     * The column's order (reversed when descending), then the roster's order. Erased volunteers have no name and no
     * contact: they stay last in either direction, so the people one looks for come first.
     */
    static Comparator<VolunteerView> order(RosterSort sort, boolean descending) {
        if (sort == null || sort == RosterSort.NAME) {
            Comparator<VolunteerView> byName = Comparator.comparing((VolunteerView v) -> v.name() == null ? null
                    : v.name().toLowerCase(Locale.ROOT), Comparator.nullsLast(descending
                    ? Comparator.<String>reverseOrder() : Comparator.<String>naturalOrder()));
            return byName.thenComparing(v -> v.volunteerId().toString());
        }
        Comparator<VolunteerView> column = switch (sort) {
            case CONTACT -> Comparator.comparing(VolunteerQueries::contact, Comparator.nullsLast(descending
                    ? Comparator.<String>reverseOrder() : Comparator.<String>naturalOrder()));
            case REGISTERED_ON -> Comparator.comparing(VolunteerView::registeredOn, Comparator.nullsLast(descending
                    ? Comparator.<LocalDate>reverseOrder() : Comparator.<LocalDate>naturalOrder()));
            case STATUS -> descending ? Comparator.comparing(VolunteerView::status).reversed()
                    : Comparator.comparing(VolunteerView::status);
            case HOURS -> descending ? Comparator.comparingLong(VolunteerView::minutesThisYear).reversed()
                    : Comparator.comparingLong(VolunteerView::minutesThisYear);
            case NAME -> throw new IllegalStateException("handled above");
        };
        return column.thenComparing(ROSTER_ORDER);
    }

    /** What the roster shows to tell people apart: the e-mail address, else the phone number. */
    private static String contact(VolunteerView v) {
        String contact = v.email() != null && !v.email().isBlank() ? v.email() : v.phone();
        return contact == null || contact.isBlank() ? null : contact.toLowerCase(Locale.ROOT);
    }

    private static boolean contains(String text, String search) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(search);
    }

    /**
     * The rows with their personal data opened, the keys looked up once for all of them. A volunteer whose key
     * is destroyed shows as erased at once, also before the projection has seen the erasure. Hours are not yet
     * filled in.
     */
    private List<VolunteerView> opened(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        PersonalDataVault.Opener opener = vault.openerFor(rows.stream().filter(r -> r.sealed() != null).map(Row::volunteerId).toList());
        List<VolunteerView> views = new ArrayList<>(rows.size());
        for (Row r : rows) {
            Optional<PersonalData> data = r.erased() ? Optional.empty() : opener.open(r.volunteerId(), r.sealed());
            // no data from a sealed row: the key is gone. A row without ciphertext that is not erased was
            // projected before V35 and waits for the rebuild (ADR 22): nothing to show, but not erased.
            boolean erased = r.erased() || (r.sealed() != null && data.isEmpty());
            views.add(new VolunteerView(r.volunteerId(), r.centreId(),
                    data.map(PersonalData::name).orElse(null), data.map(PersonalData::email).orElse(null),
                    data.map(PersonalData::phone).orElse(null), data.map(PersonalData::availability).orElse(null),
                    data.map(d -> Collections.unmodifiableSet(new LinkedHashSet<>(d.languages()))).orElse(Set.of()),
                    data.map(d -> Collections.unmodifiableSet(new LinkedHashSet<>(d.interests()))).orElse(Set.of()),
                    r.status(), r.registeredOn(), erased ? null : r.consent().open(r.volunteerId(), opener), 0, 0, erased));
        }
        return views;
    }

    /** The views with this year's minutes and activities, read for these volunteers only. */
    private List<VolunteerView> withHoursThisYear(List<VolunteerView> views) {
        if (views.isEmpty()) {
            return List.of();
        }
        Map<String, long[]> hours = new HashMap<>();
        jdbc.query("""
                select volunteer_id, minutes, activities from volunteer_year_stats
                 where activity_year = :year and volunteer_id in (:ids)""",
                new MapSqlParameterSource("year", LocalDate.now(clock).getYear())
                        .addValue("ids", views.stream().map(v -> v.volunteerId().toString()).toList()),
                (RowCallbackHandler) rs -> hours.put(rs.getString("volunteer_id").trim(),
                        new long[]{rs.getLong("minutes"), rs.getLong("activities")}));
        return views.stream().map(v -> {
            long[] h = hours.getOrDefault(v.volunteerId().toString(), new long[2]);
            return new VolunteerView(v.volunteerId(), v.centreId(), v.name(), v.email(), v.phone(), v.availability(),
                    v.languages(), v.interests(), v.status(), v.registeredOn(), v.consent(), h[0], (int) h[1], v.erased());
        }).toList();
    }

    private record Row(VolunteerId volunteerId, CentreId centreId, SealedPersonalData sealed, VolunteerStatus status,
                       LocalDate registeredOn, ConsentRow consent, boolean erased) {
    }

    /** The consent as stored: its document sealed (ADR 21) or, from an event stored before, in plain text. */
    private record ConsentRow(String document, String documentSealed, String version, Instant givenAt) {

        ConsentRecord open(VolunteerId volunteerId, PersonalDataVault.Opener opener) {
            String text = document != null ? document
                    : documentSealed == null ? null : opener.openText(volunteerId, new SealedText(documentSealed)).orElse(null);
            return text == null || version == null || givenAt == null ? null : new ConsentRecord(text, version, givenAt);
        }
    }

    private static final RowMapper<Row> ROW = (rs, i) -> {
        ConsentRow consent = new ConsentRow(rs.getString("consent_document"), rs.getString("consent_document_sealed"),
                rs.getString("consent_version"), Rows.instant(rs, "consent_given_at"));
        String sealed = rs.getString("sealed_personal_data");
        return new Row(VolunteerId.parse(rs.getString("volunteer_id").trim()), new CentreId(rs.getString("centre_id")),
                sealed == null ? null : new SealedPersonalData(sealed),
                VolunteerStatus.valueOf(rs.getString("status")), Rows.date(rs, "registered_on"), consent,
                rs.getBoolean("erased"));
    };
}
