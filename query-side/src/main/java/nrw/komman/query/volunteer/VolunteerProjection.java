package nrw.komman.query.volunteer;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.privacy.ConsentWithdrawnEvent;
import nrw.komman.kernel.privacy.VolunteerDataErasedEvent;
import nrw.komman.kernel.volunteer.SealedConsent;
import nrw.komman.kernel.volunteer.PersonalData;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.VolunteerDeactivatedEvent;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.kernel.volunteer.VolunteerProfileUpdatedEvent;
import nrw.komman.kernel.volunteer.VolunteerReactivatedEvent;
import nrw.komman.kernel.volunteer.VolunteerRegisteredEvent;
import nrw.komman.kernel.volunteer.VolunteerStatus;
import nrw.komman.query.common.ProcessingGroups;
import nrw.komman.query.common.RebuildableProjection;
import nrw.komman.query.common.Rows;
import nrw.komman.query.common.TableNames;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Projects the volunteer roster into {@code volunteer_view}, {@code volunteer_language} and
 * {@code volunteer_interest}. Personal data, languages and interests included, is opened with the
 * volunteer's key; once that key is destroyed the data opens to nothing and the row is stored as
 * erased (null personal data, no languages, no interests), in live processing and in every replay.
 * {@link VolunteerDataErasedEvent} drops whatever plain text a row still holds (DSGVO Art. 17); the consent
 * record (document, version, when given and withdrawn) and the figures stay, they are not personal data.
 * Owned by {@code centre-views}.
 */
@Component
@ProcessingGroup(ProcessingGroups.CENTRE_VIEWS)
public class VolunteerProjection implements RebuildableProjection {

    /** The tables it writes (ADR 17). */
    private static final TableNames TABLES = TableNames.of("volunteer_view", "volunteer_language", "volunteer_interest");

    private final NamedParameterJdbcTemplate jdbc;
    private final TableNames tables;
    private final PersonalDataVault vault;

    @Autowired
    public VolunteerProjection(NamedParameterJdbcTemplate jdbc, PersonalDataVault vault) {
        this(jdbc, vault, TABLES);
    }

    private VolunteerProjection(NamedParameterJdbcTemplate jdbc, PersonalDataVault vault, TableNames tables) {
        this.jdbc = jdbc;
        this.vault = vault;
        this.tables = tables;
    }

    @Override
    public TableNames tables() {
        return tables;
    }

    @Override
    public VolunteerProjection copyOver(TableNames generation) {
        return new VolunteerProjection(jdbc, vault, generation);
    }

    @EventHandler
    public void on(VolunteerRegisteredEvent event, @Timestamp Instant occurredAt) {
        SealedConsent consent = event.consent();
        LocalDate registeredOn = event.registeredOn() != null
                ? event.registeredOn() : Nrw.dateOf(occurredAt);
        Optional<PersonalData> data = vault.open(event.volunteerId(), event.personalData());
        MapSqlParameterSource p = personalData(event.volunteerId(), data)
                .addValue("centreId", event.centreId().value())
                .addValue("status", VolunteerStatus.ACTIVE.name())
                .addValue("registeredOn", registeredOn)
                .addValue("consentDocument", consent == null ? null : consent.legacyDocument())
                // sealed since ADR 21: kept as the event's ciphertext, opened by the export
                .addValue("consentDocumentSealed", consent == null || consent.document() == null ? null : consent.document().ciphertext())
                .addValue("consentVersion", consent == null ? null : consent.version())
                .addValue("consentGivenAt", consent == null ? null : Rows.timestamp(consent.givenAt()));
        int updated = jdbc.update(tables.sql("""
                update {volunteer_view} set centre_id = :centreId, name = :name, email = :email, phone = :phone,
                       availability = :availability, status = :status, registered_on = :registeredOn,
                       consent_document = :consentDocument, consent_document_sealed = :consentDocumentSealed,
                       consent_version = :consentVersion,
                       consent_given_at = :consentGivenAt, erased = :erased
                 where volunteer_id = :volunteerId"""), p);
        if (updated == 0) {
            jdbc.update(tables.sql("""
                    insert into {volunteer_view} (volunteer_id, centre_id, name, email, phone, availability, status,
                                                registered_on, consent_document, consent_document_sealed, consent_version,
                                                consent_given_at, erased)
                    values (:volunteerId, :centreId, :name, :email, :phone, :availability, :status,
                            :registeredOn, :consentDocument, :consentDocumentSealed, :consentVersion, :consentGivenAt, :erased)"""), p);
        }
        replaceLanguagesAndInterests(event.volunteerId(), data);
    }

    @EventHandler
    public void on(VolunteerProfileUpdatedEvent event) {
        Optional<PersonalData> data = vault.open(event.volunteerId(), event.personalData());
        int updated = jdbc.update(tables.sql("""
                update {volunteer_view} set name = :name, email = :email, phone = :phone,
                       availability = :availability, erased = :erased
                 where volunteer_id = :volunteerId"""), personalData(event.volunteerId(), data));
        if (updated > 0) {
            replaceLanguagesAndInterests(event.volunteerId(), data);
        }
    }

    @EventHandler
    public void on(VolunteerDeactivatedEvent event) {
        setStatus(event.volunteerId(), VolunteerStatus.INACTIVE, event.deactivatedOn());
    }

    @EventHandler
    public void on(VolunteerReactivatedEvent event) {
        setStatus(event.volunteerId(), VolunteerStatus.ACTIVE, null);
    }

    @EventHandler
    public void on(ConsentWithdrawnEvent event) {
        jdbc.update(tables.sql("update {volunteer_view} set consent_withdrawn_at = :withdrawnAt where volunteer_id = :volunteerId"),
                new MapSqlParameterSource()
                        .addValue("volunteerId", event.volunteerId().toString())
                        .addValue("withdrawnAt", Rows.timestamp(event.withdrawnAt())));
    }

    /** The key is destroyed: every plain copy of the personal data goes from the roster's tables. */
    @EventHandler
    public void on(VolunteerDataErasedEvent event) {
        jdbc.update(tables.sql("""
                update {volunteer_view} set name = null, email = null, phone = null, availability = null, erased = true,
                       consent_document = null, consent_document_sealed = null
                 where volunteer_id = :volunteerId"""), new MapSqlParameterSource("volunteerId", event.volunteerId().toString()));
        replaceLanguagesAndInterests(event.volunteerId(), Optional.empty());
    }

    @ResetHandler
    public void reset() {
        jdbc.getJdbcOperations().update(tables.sql("delete from {volunteer_language}"));
        jdbc.getJdbcOperations().update(tables.sql("delete from {volunteer_interest}"));
        jdbc.getJdbcOperations().update(tables.sql("delete from {volunteer_view}"));
    }

    private static MapSqlParameterSource personalData(VolunteerId volunteerId, Optional<PersonalData> data) {
        return new MapSqlParameterSource()
                .addValue("volunteerId", volunteerId.toString())
                .addValue("name", data.map(PersonalData::name).orElse(null))
                .addValue("email", data.map(PersonalData::email).orElse(null))
                .addValue("phone", data.map(PersonalData::phone).orElse(null))
                .addValue("availability", data.map(PersonalData::availability).orElse(null))
                .addValue("erased", data.isEmpty());
    }

    private void setStatus(VolunteerId volunteerId, VolunteerStatus status, LocalDate inactiveSince) {
        jdbc.update(tables.sql("update {volunteer_view} set status = :status, inactive_since = :inactiveSince where volunteer_id = :volunteerId"),
                new MapSqlParameterSource()
                        .addValue("volunteerId", volunteerId.toString())
                        .addValue("status", status.name())
                        .addValue("inactiveSince", inactiveSince));
    }

    /**
     * The opened data's languages and interests (validated and normalised by {@link PersonalData});
     * none once the key is destroyed: an erased volunteer has no languages or interests.
     */
    private void replaceLanguagesAndInterests(VolunteerId volunteerId, Optional<PersonalData> data) {
        String id = volunteerId.toString();
        MapSqlParameterSource byId = new MapSqlParameterSource("volunteerId", id);
        jdbc.update(tables.sql("delete from {volunteer_language} where volunteer_id = :volunteerId"), byId);
        jdbc.update(tables.sql("delete from {volunteer_interest} where volunteer_id = :volunteerId"), byId);
        Set<String> codes = new TreeSet<>(data.map(PersonalData::languages).orElse(Set.of()));
        if (!codes.isEmpty()) {
            jdbc.batchUpdate(tables.sql("insert into {volunteer_language} (volunteer_id, language_code) values (:volunteerId, :code)"),
                    codes.stream().map(c -> (SqlParameterSource) new MapSqlParameterSource()
                            .addValue("volunteerId", id).addValue("code", c)).toArray(SqlParameterSource[]::new));
        }
        Set<ActivityCategory> categories = new TreeSet<>(data.map(PersonalData::interests).orElse(Set.of()));
        if (!categories.isEmpty()) {
            jdbc.batchUpdate(tables.sql("insert into {volunteer_interest} (volunteer_id, category) values (:volunteerId, :category)"),
                    categories.stream().map(c -> (SqlParameterSource) new MapSqlParameterSource()
                            .addValue("volunteerId", id).addValue("category", c.name())).toArray(SqlParameterSource[]::new));
        }
    }
}
