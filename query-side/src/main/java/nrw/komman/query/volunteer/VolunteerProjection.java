package nrw.komman.query.volunteer;

import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.privacy.ConsentWithdrawnEvent;
import nrw.komman.kernel.privacy.VolunteerDataErasedEvent;
import nrw.komman.kernel.volunteer.EmailConsentGivenEvent;
import nrw.komman.kernel.volunteer.EmailConsentWithdrawnEvent;
import nrw.komman.kernel.volunteer.SealedConsent;
import nrw.komman.kernel.volunteer.PersonalDataVault;
import nrw.komman.kernel.volunteer.SealedPersonalData;
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
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Projects the volunteer roster into {@code volunteer_view}. The personal data (name, contact, availability,
 * languages, interests) is stored as the events carry it, sealed under the volunteer's own key, and opened only
 * by the queries (ADR 22): no plain copy is ever written, so no old row version in the database files can give
 * it away once the key is destroyed. {@link VolunteerDataErasedEvent} drops the ciphertext too and marks the
 * row erased (DSGVO Art. 17); the consent record (document, version, when given and withdrawn) and the figures
 * stay, they are not personal data. The consent to e-mail (issue 19) is kept the same way in its own columns: a
 * consent given again clears an earlier withdrawal. Owned by {@code centre-views}.
 */
@Component
@ProcessingGroup(ProcessingGroups.CENTRE_VIEWS)
public class VolunteerProjection implements RebuildableProjection {

    /** The tables it writes (ADR 17). */
    private static final TableNames TABLES = TableNames.of("volunteer_view");

    private final NamedParameterJdbcTemplate jdbc;
    private final TableNames tables;
    /** Opens nothing here (ADR 22); kept so that the wiring and the rebuild's copies stay as they were. */
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
        MapSqlParameterSource p = personalData(event.volunteerId(), event.personalData())
                .addValue("centreId", event.centreId().value())
                .addValue("status", VolunteerStatus.ACTIVE.name())
                .addValue("registeredOn", registeredOn)
                .addValue("consentDocument", consent == null ? null : consent.legacyDocument())
                // sealed since ADR 21: kept as the event's ciphertext, opened by the export
                .addValue("consentDocumentSealed", consent == null || consent.document() == null ? null : consent.document().ciphertext())
                .addValue("consentVersion", consent == null ? null : consent.version())
                .addValue("consentGivenAt", consent == null ? null : Rows.timestamp(consent.givenAt()));
        int updated = jdbc.update(tables.sql("""
                update {volunteer_view} set centre_id = :centreId, sealed_personal_data = :sealedPersonalData,
                       status = :status, registered_on = :registeredOn,
                       consent_document = :consentDocument, consent_document_sealed = :consentDocumentSealed,
                       consent_version = :consentVersion,
                       consent_given_at = :consentGivenAt, erased = :erased
                 where volunteer_id = :volunteerId"""), p);
        if (updated == 0) {
            jdbc.update(tables.sql("""
                    insert into {volunteer_view} (volunteer_id, centre_id, sealed_personal_data, status,
                                                registered_on, consent_document, consent_document_sealed, consent_version,
                                                consent_given_at, erased)
                    values (:volunteerId, :centreId, :sealedPersonalData, :status,
                            :registeredOn, :consentDocument, :consentDocumentSealed, :consentVersion, :consentGivenAt, :erased)"""), p);
        }
    }

    @EventHandler
    public void on(VolunteerProfileUpdatedEvent event) {
        jdbc.update(tables.sql("""
                update {volunteer_view} set sealed_personal_data = :sealedPersonalData, erased = :erased
                 where volunteer_id = :volunteerId"""), personalData(event.volunteerId(), event.personalData()));
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

    @EventHandler
    public void on(EmailConsentGivenEvent event) {
        SealedConsent consent = event.consent();
        jdbc.update(tables.sql("""
                update {volunteer_view} set email_consent_document_sealed = :documentSealed,
                       email_consent_version = :version, email_consent_given_at = :givenAt,
                       email_consent_withdrawn_at = null
                 where volunteer_id = :volunteerId"""), new MapSqlParameterSource()
                .addValue("volunteerId", event.volunteerId().toString())
                .addValue("documentSealed", consent == null || consent.document() == null ? null : consent.document().ciphertext())
                .addValue("version", consent == null ? null : consent.version())
                .addValue("givenAt", consent == null ? null : Rows.timestamp(consent.givenAt())));
    }

    @EventHandler
    public void on(EmailConsentWithdrawnEvent event) {
        jdbc.update(tables.sql("update {volunteer_view} set email_consent_withdrawn_at = :withdrawnAt where volunteer_id = :volunteerId"),
                new MapSqlParameterSource()
                        .addValue("volunteerId", event.volunteerId().toString())
                        .addValue("withdrawnAt", Rows.timestamp(event.withdrawnAt())));
    }

    /** The key is destroyed: the ciphertext, unreadable now, goes from the roster too. */
    @EventHandler
    public void on(VolunteerDataErasedEvent event) {
        jdbc.update(tables.sql("""
                update {volunteer_view} set sealed_personal_data = null, erased = true,
                       consent_document = null, consent_document_sealed = null, email_consent_document_sealed = null
                 where volunteer_id = :volunteerId"""), new MapSqlParameterSource("volunteerId", event.volunteerId().toString()));
    }

    @ResetHandler
    public void reset() {
        jdbc.getJdbcOperations().update(tables.sql("delete from {volunteer_view}"));
    }

    /** The sealed data as the event carries it: never opened here (ADR 22). */
    private static MapSqlParameterSource personalData(VolunteerId volunteerId, SealedPersonalData sealed) {
        return new MapSqlParameterSource()
                .addValue("volunteerId", volunteerId.toString())
                .addValue("sealedPersonalData", sealed == null ? null : sealed.ciphertext())
                .addValue("erased", sealed == null);
    }

    private void setStatus(VolunteerId volunteerId, VolunteerStatus status, LocalDate inactiveSince) {
        jdbc.update(tables.sql("update {volunteer_view} set status = :status, inactive_since = :inactiveSince where volunteer_id = :volunteerId"),
                new MapSqlParameterSource()
                        .addValue("volunteerId", volunteerId.toString())
                        .addValue("status", status.name())
                        .addValue("inactiveSince", inactiveSince));
    }
}
