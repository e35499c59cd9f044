package nrw.komman.query.privacy;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.NotFoundException;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.privacy.FetchVolunteerDataExportQuery;
import nrw.komman.kernel.privacy.VolunteerDataExport;
import nrw.komman.kernel.privacy.VolunteerDataExport.ActivityEntry;
import nrw.komman.kernel.privacy.VolunteerDataExport.ChangeEntry;
import nrw.komman.kernel.privacy.VolunteerDataExport.ChangeKind;
import nrw.komman.kernel.privacy.VolunteerDataExport.ConsentEntry;
import nrw.komman.kernel.volunteer.PersonalData;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.SealedPersonalData;
import nrw.komman.kernel.volunteer.SealedText;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerStatus;
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
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Everything the platform holds on one volunteer (DSGVO Art. 15), assembled from the read models of
 * {@code centre-views}: the profile, the consent history (the consent of the registration with its withdrawal,
 * if any, then the consent to be contacted by e-mail with its withdrawal, if one was given) and every activity as
 * it stands now, withdrawn ones included and marked. Once the volunteer's key is destroyed the personal fields are null
 * and {@code erased} is true, also while the projection still catches up.
 * The read models hold the personal data and notes sealed (ADR 22); they are opened here with one key look-up.
 */
@Component
public class VolunteerDataExportQueries {

    private final NamedParameterJdbcTemplate jdbc;
    private final PersonalDataVault vault;
    private final Clock clock;

    @Autowired
    public VolunteerDataExportQueries(NamedParameterJdbcTemplate jdbc, PersonalDataVault vault, ObjectProvider<Clock> clock) {
        this(jdbc, vault, clock.getIfAvailable(Nrw::systemClock));
    }

    public VolunteerDataExportQueries(NamedParameterJdbcTemplate jdbc, PersonalDataVault vault, Clock clock) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.clock = clock;
    }

    @QueryHandler
    public VolunteerDataExport handle(FetchVolunteerDataExportQuery query, MetaData metaData) {
        Actor actor = ReadAccess.actor(metaData);
        ReadAccess.requireExportReader(actor);
        if (query.volunteerId() == null) {
            throw new InvalidInputException("volunteerId.missing", "Die Kennung der/des Ehrenamtlichen fehlt.");
        }
        String id = query.volunteerId().toString();
        List<Profile> profiles = jdbc.query("""
                select v.volunteer_id, v.centre_id, c.name as centre_name, v.sealed_personal_data,
                       v.status, v.registered_on, v.consent_document, v.consent_document_sealed, v.consent_version, v.consent_given_at,
                       v.consent_withdrawn_at, v.erased
                  from volunteer_view v
                  left join centre_view c on c.centre_id = v.centre_id
                 where v.volunteer_id = :volunteerId""", Map.of("volunteerId", id), (rs, i) -> new Profile(
                new CentreId(rs.getString("centre_id")), rs.getString("centre_name"),
                sealed(rs.getString("sealed_personal_data"), SealedPersonalData::new),
                VolunteerStatus.valueOf(rs.getString("status")), Rows.date(rs, "registered_on"),
                rs.getString("consent_document"), rs.getString("consent_document_sealed"), rs.getString("consent_version"),
                Rows.instant(rs, "consent_given_at"), Rows.instant(rs, "consent_withdrawn_at"), rs.getBoolean("erased")));
        if (profiles.isEmpty()) {
            throw new NotFoundException("volunteer.not-found", "Diese*r Ehrenamtliche ist nicht bekannt.");
        }
        Profile p = profiles.get(0);
        ReadAccess.requirePersonalDataOfExport(actor, p.centreId());
        PersonalDataVault.Opener opener = vault.openerFor(List.of(query.volunteerId()));
        // a key destroyed after the rows were written: the data is gone already
        boolean erased = p.erased() || !opener.hasKey(query.volunteerId());
        Optional<PersonalData> data = erased ? Optional.empty() : opener.open(query.volunteerId(), p.data());
        MapSqlParameterSource byId = new MapSqlParameterSource("volunteerId", id);
        Set<String> languages = Collections.unmodifiableSet(new TreeSet<>(data.map(PersonalData::languages).orElse(Set.of())));
        Set<ActivityCategory> interests = EnumSet.noneOf(ActivityCategory.class);
        data.ifPresent(d -> interests.addAll(d.interests()));
        List<ConsentEntry> consents = new ArrayList<>();
        if (p.consentVersion() != null) {
            consents.add(new ConsentEntry(erased ? null : consentDocument(query.volunteerId(), p, opener), p.consentVersion(),
                    p.consentGivenAt(), p.consentWithdrawnAt()));
        }
        consents.addAll(emailConsent(query.volunteerId(), erased, opener));
        Map<String, List<ChangeEntry>> changes = changesByActivity(query.volunteerId(), erased, opener);
        List<ActivityEntry> activities = jdbc.query("""
                select activity_id, activity_date, minutes, category, sealed_note, grant_id, corrected, withdrawn
                  from activity_view where volunteer_id = :volunteerId
                 order by activity_date, logged_at, activity_id""", byId, (rs, i) -> {
            String grantId = rs.getString("grant_id");
            return new ActivityEntry(rs.getString("activity_id").trim(), Rows.date(rs, "activity_date"), rs.getInt("minutes"),
                    ActivityCategory.valueOf(rs.getString("category")),
                    erased ? null : opener.openText(query.volunteerId(), sealed(rs.getString("sealed_note"), SealedText::new)).orElse(null),
                    grantId == null ? null : grantId.trim(), rs.getBoolean("corrected"), rs.getBoolean("withdrawn"),
                    changes.getOrDefault(rs.getString("activity_id").trim(), List.of()));
        });
        return new VolunteerDataExport(query.volunteerId(), p.centreId(), p.centreName(), erased, p.status(), p.registeredOn(),
                data.map(PersonalData::name).orElse(null), data.map(PersonalData::email).orElse(null),
                data.map(PersonalData::phone).orElse(null), data.map(PersonalData::availability).orElse(null), languages,
                Collections.unmodifiableSet(interests), List.copyOf(consents), activities, clock.instant());
    }

    /** The consent to be contacted by e-mail (issue 19), when one was given: its document sealed like the other's. */
    private List<ConsentEntry> emailConsent(VolunteerId volunteerId, boolean erased, PersonalDataVault.Opener opener) {
        return jdbc.query("""
                select email_consent_document_sealed, email_consent_version, email_consent_given_at, email_consent_withdrawn_at
                  from volunteer_view where volunteer_id = :volunteerId and email_consent_version is not null""",
                Map.of("volunteerId", volunteerId.toString()), (rs, i) -> new ConsentEntry(
                        erased ? null : opener.openText(volunteerId, sealed(rs.getString("email_consent_document_sealed"),
                                SealedText::new)).orElse(null),
                        rs.getString("email_consent_version"), Rows.instant(rs, "email_consent_given_at"),
                        Rows.instant(rs, "email_consent_withdrawn_at")));
    }

    /** The consent's document: sealed since ADR 21 (opened here), or plain from an event stored before. */
    private static String consentDocument(VolunteerId volunteerId, Profile p, PersonalDataVault.Opener opener) {
        return p.consentDocument() != null ? p.consentDocument()
                : opener.openText(volunteerId, sealed(p.consentDocumentSealed(), SealedText::new)).orElse(null);
    }

    /** Every correction and withdrawal of the volunteer's activities with its reason, opened with the vault; none once erased. */
    private Map<String, List<ChangeEntry>> changesByActivity(VolunteerId volunteerId, boolean erased,
                                                             PersonalDataVault.Opener opener) {
        Map<String, List<ChangeEntry>> changes = new HashMap<>();
        jdbc.query("""
                select activity_id, kind, recorded_at, reason_sealed, legacy_reason
                  from activity_reason where volunteer_id = :volunteerId
                 order by sequence_number""", Map.of("volunteerId", volunteerId.toString()), (RowCallbackHandler) rs -> {
            String sealed = rs.getString("reason_sealed");
            String reason = erased ? null : sealed != null ? opener.openText(volunteerId, new SealedText(sealed)).orElse(null)
                    : rs.getString("legacy_reason");
            changes.computeIfAbsent(rs.getString("activity_id").trim(), k -> new ArrayList<>())
                    .add(new ChangeEntry(ChangeKind.valueOf(rs.getString("kind")), Rows.instant(rs, "recorded_at"), reason));
        });
        return changes;
    }

    private static <T> T sealed(String ciphertext, Function<String, T> type) {
        return ciphertext == null ? null : type.apply(ciphertext);
    }

    private record Profile(CentreId centreId, String centreName, SealedPersonalData data, VolunteerStatus status,
                           LocalDate registeredOn, String consentDocument, String consentDocumentSealed, String consentVersion, Instant consentGivenAt,
                           Instant consentWithdrawnAt, boolean erased) {
    }
}
