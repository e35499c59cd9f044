package nrw.komman.query.volunteer;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.volunteer.ConsentRecord;
import nrw.komman.kernel.volunteer.SealedText;
import nrw.komman.kernel.volunteer.FindVolunteerQuery;
import nrw.komman.kernel.volunteer.FindVolunteersQuery;
import nrw.komman.kernel.volunteer.PersonalDataVault;
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
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The volunteer roster of a centre with personal data and this year's hours. Only the centre's
 * coordinators may ask (data minimisation: everybody else sees counts in the ministry overview).
 */
@Component
public class VolunteerQueries {

    private static final String SELECT = """
            select v.volunteer_id, v.centre_id, v.name, v.email, v.phone, v.availability, v.status,
                   v.registered_on, v.consent_document, v.consent_document_sealed, v.consent_version, v.consent_given_at, v.erased,
                   coalesce(s.minutes, 0) as minutes_this_year, coalesce(s.activities, 0) as activities_this_year
              from volunteer_view v
              left join volunteer_year_stats s on s.volunteer_id = v.volunteer_id and s.activity_year = :year
            """;

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
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("year", thisYear())
                .addValue("centreId", query.centreId().value());
        StringBuilder where = new StringBuilder(" where v.centre_id = :centreId");
        if (query.status() != null) {
            where.append(" and v.status = :status");
            p.addValue("status", query.status().name());
        }
        if (query.language() != null && !query.language().isBlank()) {
            where.append(" and exists (select 1 from volunteer_language l"
                    + " where l.volunteer_id = v.volunteer_id and l.language_code = :language)");
            p.addValue("language", query.language().strip().toLowerCase(Locale.ROOT));
        }
        if (query.interest() != null) {
            where.append(" and exists (select 1 from volunteer_interest i"
                    + " where i.volunteer_id = v.volunteer_id and i.category = :interest)");
            p.addValue("interest", query.interest().name());
        }
        if (query.search() != null && !query.search().isBlank()) {
            where.append(" and (lower(v.name) like :search escape '\\' or lower(v.email) like :search escape '\\')");
            p.addValue("search", Rows.containsPattern(query.search().strip().toLowerCase(Locale.ROOT)));
        }
        Long total = jdbc.queryForObject("select count(*) from volunteer_view v" + where, p, Long.class);
        p.addValue("limit", query.size()).addValue("offset", (long) query.page() * query.size());
        List<Row> rows = jdbc.query(SELECT + where
                + " order by lower(v.name) nulls last, v.volunteer_id limit :limit offset :offset", p, ROW);
        return new VolunteerPage(views(rows), query.page(), query.size(), total == null ? 0 : total);
    }

    @QueryHandler
    public VolunteerView handle(FindVolunteerQuery query, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        ReadAccess.requireCoordinator(actor);
        if (query.volunteerId() == null) {
            throw new InvalidInputException("volunteerId.missing", "Die Kennung der/des Ehrenamtlichen fehlt.");
        }
        List<Row> rows = jdbc.query(SELECT + " where v.volunteer_id = :volunteerId",
                new MapSqlParameterSource().addValue("year", thisYear())
                        .addValue("volunteerId", query.volunteerId().toString()), ROW);
        if (rows.isEmpty()) {
            throw new NotFoundException("volunteer.not-found", "Diese*r Ehrenamtliche ist nicht bekannt.");
        }
        ReadAccess.requirePersonalDataOf(actor, rows.get(0).centreId());
        return views(rows).get(0);
    }

    private int thisYear() {
        return LocalDate.now(clock).getYear();
    }

    private List<VolunteerView> views(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(r -> r.volunteerId().toString()).toList();
        Map<String, Set<String>> languages = new HashMap<>();
        jdbc.query("select volunteer_id, language_code from volunteer_language where volunteer_id in (:ids)",
                Map.of("ids", ids), rs -> {
                    languages.computeIfAbsent(rs.getString("volunteer_id").trim(), k -> new TreeSet<>())
                            .add(rs.getString("language_code"));
                });
        Map<String, Set<ActivityCategory>> interests = new HashMap<>();
        jdbc.query("select volunteer_id, category from volunteer_interest where volunteer_id in (:ids)",
                Map.of("ids", ids), rs -> {
                    interests.computeIfAbsent(rs.getString("volunteer_id").trim(), k -> EnumSet.noneOf(ActivityCategory.class))
                            .add(ActivityCategory.valueOf(rs.getString("category")));
                });
        List<VolunteerView> views = new ArrayList<>(rows.size());
        for (Row r : rows) {
            String id = r.volunteerId().toString();
            // a key destroyed after the row was written: show the volunteer as erased already
            boolean erased = r.erased() || vault.isShredded(r.volunteerId());
            views.add(new VolunteerView(r.volunteerId(), r.centreId(),
                    erased ? null : r.name(), erased ? null : r.email(), erased ? null : r.phone(),
                    erased ? null : r.availability(),
                    erased ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(languages.getOrDefault(id, Set.of()))),
                    erased ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(interests.getOrDefault(id, Set.of()))),
                    r.status(), r.registeredOn(), erased ? null : r.consent().open(r.volunteerId(), vault), r.minutesThisYear(), r.activitiesThisYear(), erased));
        }
        return views;
    }

    private record Row(VolunteerId volunteerId, CentreId centreId, String name, String email, String phone,
                       String availability, VolunteerStatus status, LocalDate registeredOn, ConsentRow consent,
                       long minutesThisYear, int activitiesThisYear, boolean erased) {
    }

    /** The consent as stored: its document sealed (ADR 21) or, from an event stored before, in plain text. */
    private record ConsentRow(String document, String documentSealed, String version, Instant givenAt) {

        ConsentRecord open(VolunteerId volunteerId, PersonalDataVault vault) {
            String text = document != null ? document
                    : documentSealed == null ? null : vault.openText(volunteerId, new SealedText(documentSealed)).orElse(null);
            return text == null || version == null || givenAt == null ? null : new ConsentRecord(text, version, givenAt);
        }
    }

    private static final RowMapper<Row> ROW = (rs, i) -> {
        ConsentRow consent = new ConsentRow(rs.getString("consent_document"), rs.getString("consent_document_sealed"),
                rs.getString("consent_version"), Rows.instant(rs, "consent_given_at"));
        return new Row(VolunteerId.parse(rs.getString("volunteer_id").trim()), new CentreId(rs.getString("centre_id")),
                rs.getString("name"), rs.getString("email"), rs.getString("phone"), rs.getString("availability"),
                VolunteerStatus.valueOf(rs.getString("status")), Rows.date(rs, "registered_on"), consent,
                rs.getLong("minutes_this_year"), rs.getInt("activities_this_year"), rs.getBoolean("erased"));
    };
}
