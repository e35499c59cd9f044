package nrw.komman.query.volunteer;

import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.access.Permissions;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.volunteer.EmailConsentStatus;
import nrw.komman.kernel.volunteer.FetchEmailConsentQuery;
import nrw.komman.kernel.volunteer.FetchVolunteerEmailContactQuery;
import nrw.komman.kernel.volunteer.PersonalData;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.SealedPersonalData;
import nrw.komman.kernel.volunteer.VolunteerEmailContact;
import nrw.komman.kernel.volunteer.VolunteerEmailContact.NotEmailed;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.query.common.ReadAccess;
import nrw.komman.query.common.Rows;
import org.axonframework.messaging.MetaData;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * The volunteer's consent to be contacted by e-mail (issue 19): its record for the coordinators, and for the notice
 * delivery whether the volunteer may be e-mailed now and at which address. The address is opened here from the sealed
 * personal data (ADR 22) and handed to the platform only while the volunteer is active, not erased and consents.
 */
@Component
public class EmailContactQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataVault vault;

    public EmailContactQueries(NamedParameterJdbcTemplate jdbc, PersonalDataVault vault) {
        this.jdbc = jdbc;
        this.vault = vault;
    }

    private record Row(CentreId centreId, String status, boolean erased, String sealed, String version,
                       Instant givenAt, Instant withdrawnAt) {
    }

    /** The volunteer's coordinators, or the volunteer themself through their link (to offer "no more e-mail"). */
    @QueryHandler
    public EmailConsentStatus handle(FetchEmailConsentQuery query, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        boolean themself = actor.role() == AccountRole.VOLUNTEER;
        if (themself) {
            Permissions.require(actor, Action.READ_OWN_VOLUNTEER_PAGE, actor.centre());
            if (!actor.actsAsVolunteer(query.volunteerId().value())) {
                throw new ForbiddenException("link.forbidden", "Persönliche Links öffnen nur die Ehrenamtlichen, denen sie gehören.");
            }
        } else {
            ReadAccess.requireCoordinator(actor);
        }
        Row row = row(query.volunteerId()).orElseThrow(EmailContactQueries::unknown);
        if (themself) {
            Permissions.require(actor, Action.READ_OWN_VOLUNTEER_PAGE, row.centreId());
        } else {
            ReadAccess.requirePersonalDataOf(actor, row.centreId());
        }
        return new EmailConsentStatus(query.volunteerId(), row.version(), row.givenAt(), row.withdrawnAt());
    }

    /** Those who may issue the volunteer's link (the platform, for the e-mailed one) may ask where it would go. */
    @QueryHandler
    public VolunteerEmailContact handle(FetchVolunteerEmailContactQuery query, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        Permissions.require(actor, Action.MANAGE_VOLUNTEER_LINKS);
        VolunteerId id = query.volunteerId();
        var found = row(id);
        if (found.isEmpty()) {
            return VolunteerEmailContact.not(id, null, NotEmailed.UNKNOWN);
        }
        Row row = found.get();
        Permissions.require(actor, Action.MANAGE_VOLUNTEER_LINKS, row.centreId());
        if (row.erased() || vault.isShredded(id)) {
            return VolunteerEmailContact.not(id, row.centreId(), NotEmailed.ERASED);
        }
        if (!"ACTIVE".equals(row.status())) {
            return VolunteerEmailContact.not(id, row.centreId(), NotEmailed.INACTIVE);
        }
        if (row.givenAt() == null || row.withdrawnAt() != null) {
            return VolunteerEmailContact.not(id, row.centreId(), NotEmailed.NO_CONSENT);
        }
        String address = row.sealed() == null ? null
                : vault.open(id, new SealedPersonalData(row.sealed())).map(PersonalData::email).orElse(null);
        if (address == null || address.isBlank()) {
            return VolunteerEmailContact.not(id, row.centreId(), NotEmailed.NO_ADDRESS);
        }
        return new VolunteerEmailContact(id, row.centreId(), address.strip(), null);
    }

    private java.util.Optional<Row> row(VolunteerId id) {
        List<Row> rows = jdbc.query("""
                select centre_id, status, erased, sealed_personal_data, email_consent_version,
                       email_consent_given_at, email_consent_withdrawn_at
                  from volunteer_view where volunteer_id = :volunteerId""",
                new MapSqlParameterSource("volunteerId", id.toString()), (rs, i) -> new Row(
                        new CentreId(rs.getString("centre_id")), rs.getString("status"), rs.getBoolean("erased"),
                        rs.getString("sealed_personal_data"), rs.getString("email_consent_version"),
                        Rows.instant(rs, "email_consent_given_at"), Rows.instant(rs, "email_consent_withdrawn_at")));
        return rows.stream().findFirst();
    }

    private static NotFoundException unknown() {
        return new NotFoundException("volunteer.not-found", "Diese*r Ehrenamtliche ist nicht bekannt.");
    }
}
