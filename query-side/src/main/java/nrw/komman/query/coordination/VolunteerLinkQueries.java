package nrw.komman.query.coordination;

import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.access.Permissions;
import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.coordination.Availability;
import nrw.komman.kernel.coordination.CertificateId;
import nrw.komman.kernel.coordination.CertificateLine;
import nrw.komman.kernel.coordination.CertificateVerification;
import nrw.komman.kernel.coordination.FetchVolunteerLinkStatusQuery;
import nrw.komman.kernel.coordination.FetchVolunteerOwnPageQuery;
import nrw.komman.kernel.coordination.ResolveVolunteerLinkQuery;
import nrw.komman.kernel.coordination.VerifyCertificateQuery;
import nrw.komman.kernel.coordination.VolunteerLinkId;
import nrw.komman.kernel.coordination.VolunteerLinkResolution;
import nrw.komman.kernel.coordination.VolunteerLinkStatus;
import nrw.komman.kernel.coordination.VolunteerOwnPage;
import nrw.komman.kernel.volunteer.PersonalData;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.SealedPersonalData;
import nrw.komman.kernel.volunteer.SealedText;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.query.common.ReadAccess;
import nrw.komman.query.common.Rows;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The volunteer's personal link (issue 18): resolving a token's hash to its volunteer, the link's status for the
 * coordinators, the volunteer's own page, and checking a certificate's number. A volunteer has a current link per
 * channel (handed over, e-mailed); either resolves. A link works only while it is the volunteer's current one of
 * its channel, not revoked or ended, not past its last day, and the volunteer active and not erased.
 */
@Component
public class VolunteerLinkQueries {

    private static final String WORKING_LINK = """
            select l.volunteer_id, l.centre_id, l.link_id, l.expires_on
              from volunteer_link l
              join volunteer_view v on v.volunteer_id = l.volunteer_id
             where l.ended = false and l.expires_on >= :today and v.status = 'ACTIVE' and v.erased = false
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataVault vault;
    private final Clock clock;
    private final HelpRequestQueries requests;

    @Autowired
    public VolunteerLinkQueries(NamedParameterJdbcTemplate jdbc, PersonalDataVault vault, ObjectProvider<Clock> clock) {
        this(jdbc, vault, clock.getIfAvailable(Nrw::systemClock));
    }

    public VolunteerLinkQueries(NamedParameterJdbcTemplate jdbc, PersonalDataVault vault, Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.clock = clock;
        this.requests = new HelpRequestQueries(jdbc, vault, clock);
    }

    /** The token is the credential: only the link's own actor asks, and an unknown, ended or expired link is not found. */
    @QueryHandler
    public VolunteerLinkResolution handle(ResolveVolunteerLinkQuery query, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        Permissions.require(actor, Action.OPEN_PERSONAL_LINK);
        List<VolunteerLinkResolution> found = jdbc.query(WORKING_LINK + " and l.token_hash = :tokenHash",
                new MapSqlParameterSource("tokenHash", query.tokenHash()).addValue("today", Nrw.today(clock)), (rs, i) ->
                        new VolunteerLinkResolution(VolunteerId.parse(rs.getString("volunteer_id").trim()),
                                new CentreId(rs.getString("centre_id")), VolunteerLinkId.parse(rs.getString("link_id").trim()),
                                Rows.date(rs, "expires_on")));
        // the key gone before the projection saw the erasure: the link is dead already
        if (found.isEmpty() || vault.isShredded(found.get(0).volunteerId())) {
            throw unknownLink();
        }
        return found.get(0);
    }

    /** For the volunteer's coordinators: whether the handed-over link works and until when (never the token). */
    @QueryHandler
    public VolunteerLinkStatus handle(FetchVolunteerLinkStatusQuery query, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        ReadAccess.requireCoordinator(actor);
        ReadAccess.requirePersonalDataOf(actor, HelpRequestQueries.centreOfVolunteer(jdbc, query.volunteerId()));
        // the link the coordinator handed over; the e-mailed one is the platform's and shown nowhere
        List<VolunteerLinkStatus> found = jdbc.query(WORKING_LINK + " and l.volunteer_id = :volunteerId and l.channel = 'HANDED_OVER'",
                new MapSqlParameterSource("volunteerId", query.volunteerId().toString()).addValue("today", Nrw.today(clock)),
                (rs, i) -> new VolunteerLinkStatus(query.volunteerId(), VolunteerLinkId.parse(rs.getString("link_id").trim()),
                        Rows.date(rs, "expires_on")));
        return found.isEmpty() ? new VolunteerLinkStatus(query.volunteerId(), null, null) : found.get(0);
    }

    /** The volunteer's coordinators, for the availability form; unknown when nothing was said, or once erased. */
    @QueryHandler
    public Availability handle(nrw.komman.kernel.coordination.FetchVolunteerAvailabilityQuery query, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        ReadAccess.requireCoordinator(actor);
        ReadAccess.requirePersonalDataOf(actor, HelpRequestQueries.centreOfVolunteer(jdbc, query.volunteerId()));
        List<String> sealed = jdbc.queryForList(
                "select sealed_availability from volunteer_availability where volunteer_id = :volunteerId",
                new MapSqlParameterSource("volunteerId", query.volunteerId().toString()), String.class);
        if (sealed.isEmpty() || sealed.get(0) == null) {
            return Availability.UNKNOWN;
        }
        return vault.openText(query.volunteerId(), new SealedText(sealed.get(0))).map(Availability::parse)
                .orElse(Availability.UNKNOWN);
    }

    /** Only the volunteer themself, through their own resolved link. */
    @QueryHandler
    public VolunteerOwnPage handle(FetchVolunteerOwnPageQuery query, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        Permissions.require(actor, Action.READ_OWN_VOLUNTEER_PAGE, actor.centre());
        if (!actor.actsAsVolunteer(query.volunteerId().value())) {
            throw new nrw.komman.kernel.common.ForbiddenException("link.forbidden",
                    "Persönliche Links öffnen nur die Ehrenamtlichen, denen sie gehören.");
        }
        VolunteerId id = query.volunteerId();
        MapSqlParameterSource p = new MapSqlParameterSource("volunteerId", id.toString());
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select v.centre_id, v.sealed_personal_data, v.status, v.erased, c.name as centre_name, a.sealed_availability
                  from volunteer_view v
                  left join centre_view c on c.centre_id = v.centre_id
                  left join volunteer_availability a on a.volunteer_id = v.volunteer_id
                 where v.volunteer_id = :volunteerId""", p);
        if (rows.isEmpty() || Boolean.TRUE.equals(rows.get(0).get("erased")) || !"ACTIVE".equals(rows.get(0).get("status"))
                || !actor.centre().value().equals(rows.get(0).get("centre_id"))) {
            throw unknownLink();
        }
        Map<String, Object> row = rows.get(0);
        PersonalDataVault.Opener opener = vault.openerFor(List.of(id));
        String sealed = (String) row.get("sealed_personal_data");
        String name = sealed == null ? null : opener.open(id, new SealedPersonalData(sealed)).map(PersonalData::name).orElse(null);
        String sealedAvailability = (String) row.get("sealed_availability");
        Availability availability = sealedAvailability == null ? Availability.UNKNOWN
                : opener.openText(id, new SealedText(sealedAvailability)).map(Availability::parse).orElse(Availability.UNKNOWN);
        return new VolunteerOwnPage(id, new CentreId((String) row.get("centre_id")), (String) row.get("centre_name"), name,
                availability, requests.assignmentsOf(id, true, AssignmentRows.Reader.VOLUNTEER), totals(id));
    }

    /** Whoever holds the number; the holder's name only while the volunteer is not erased. */
    @QueryHandler
    public CertificateVerification handle(VerifyCertificateQuery query, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        Permissions.require(actor, Action.VERIFY_CERTIFICATE);
        List<Map<String, Object>> rows = jdbc.queryForList("""
                select c.volunteer_id, c.centre_id, c.issued_on, c.lines, c.erased, z.name as centre_name,
                       v.sealed_personal_data, v.erased as volunteer_erased
                  from certificate_view c
                  left join centre_view z on z.centre_id = c.centre_id
                  left join volunteer_view v on v.volunteer_id = c.volunteer_id
                 where c.certificate_id = :certificateId""", new MapSqlParameterSource("certificateId", query.certificateId().toString()));
        if (rows.isEmpty()) {
            throw new NotFoundException("certificate.not-found", "Ein Nachweis mit dieser Nummer ist nicht bekannt.");
        }
        Map<String, Object> row = rows.get(0);
        VolunteerId volunteer = VolunteerId.parse(((String) row.get("volunteer_id")).trim());
        String sealed = (String) row.get("sealed_personal_data");
        boolean erased = Boolean.TRUE.equals(row.get("erased")) || Boolean.TRUE.equals(row.get("volunteer_erased"));
        String name = erased || sealed == null ? null
                : vault.open(volunteer, new SealedPersonalData(sealed)).map(PersonalData::name).orElse(null);
        LocalDate issuedOn = row.get("issued_on") instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) row.get("issued_on");
        return new CertificateVerification(query.certificateId(), new CentreId((String) row.get("centre_id")),
                (String) row.get("centre_name"), name, issuedOn, VolunteerCoordinationProjection.lines((String) row.get("lines")),
                name != null);
    }

    /** Minutes per year and category from the activity log, withdrawn activities not counted; newest year first. */
    private List<CertificateLine> totals(VolunteerId id) {
        Map<Integer, Map<ActivityCategory, Long>> sums = new TreeMap<>(Comparator.reverseOrder());
        jdbc.query("""
                select activity_date, category, minutes from activity_view
                 where volunteer_id = :volunteerId and withdrawn = false""",
                new MapSqlParameterSource("volunteerId", id.toString()), (RowCallbackHandler) rs -> sums
                        .computeIfAbsent(rs.getObject("activity_date", LocalDate.class).getYear(), y -> new TreeMap<>())
                        .merge(ActivityCategory.valueOf(rs.getString("category")), rs.getLong("minutes"), Long::sum));
        List<CertificateLine> lines = new ArrayList<>();
        sums.forEach((year, byCategory) -> byCategory.forEach((category, minutes) -> lines.add(new CertificateLine(year, category, minutes))));
        return lines;
    }

    static NotFoundException unknownLink() {
        return new NotFoundException("link.unknown", "Dieser Link ist ungültig oder abgelaufen.");
    }
}
