package nrw.komman.query.coordination;

import nrw.komman.kernel.coordination.CertificateIssuedEvent;
import nrw.komman.kernel.coordination.CertificateLine;
import nrw.komman.kernel.coordination.LinkChannel;
import nrw.komman.kernel.coordination.VolunteerAvailabilityUpdatedEvent;
import nrw.komman.kernel.coordination.VolunteerLinkIssuedEvent;
import nrw.komman.kernel.coordination.VolunteerLinkRevokedEvent;
import nrw.komman.kernel.privacy.VolunteerDataErasedEvent;
import nrw.komman.kernel.volunteer.EmailConsentWithdrawnEvent;
import nrw.komman.kernel.volunteer.VolunteerDeactivatedEvent;
import nrw.komman.query.common.ProcessingGroups;
import nrw.komman.query.common.RebuildableProjection;
import nrw.komman.query.common.TableNames;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Projects what a volunteer has for coordination (issue 18): their availability (the event's ciphertext, ADR 22),
 * their current personal links, one per {@link LinkChannel} (only the token's hash; a new link replaces the old one
 * of its channel; revocation, deactivation and erasure end it, and only a new link works again; a withdrawn consent
 * to e-mail ends the e-mailed one) and the certificates issued to them (erased with the
 * volunteer: they can no longer be confirmed). Owned by {@code centre-views}.
 */
@Component
@ProcessingGroup(ProcessingGroups.CENTRE_VIEWS)
public class VolunteerCoordinationProjection implements RebuildableProjection {

    /** The tables it writes (ADR 17). */
    private static final TableNames TABLES = TableNames.of("volunteer_availability", "volunteer_link", "certificate_view");

    private final NamedParameterJdbcTemplate jdbc;
    private final TableNames tables;

    @Autowired
    public VolunteerCoordinationProjection(NamedParameterJdbcTemplate jdbc) {
        this(jdbc, TABLES);
    }

    private VolunteerCoordinationProjection(NamedParameterJdbcTemplate jdbc, TableNames tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    @Override
    public TableNames tables() {
        return tables;
    }

    @Override
    public VolunteerCoordinationProjection copyOver(TableNames generation) {
        return new VolunteerCoordinationProjection(jdbc, generation);
    }

    @EventHandler
    public void on(VolunteerAvailabilityUpdatedEvent event) {
        MapSqlParameterSource p = new MapSqlParameterSource("volunteerId", event.volunteerId().toString())
                .addValue("centreId", event.centreId().value())
                .addValue("sealed", event.availability() == null ? null : event.availability().ciphertext());
        if (jdbc.update(tables.sql("""
                update {volunteer_availability} set centre_id = :centreId, sealed_availability = :sealed
                 where volunteer_id = :volunteerId"""), p) == 0) {
            jdbc.update(tables.sql("""
                    insert into {volunteer_availability} (volunteer_id, centre_id, sealed_availability)
                    values (:volunteerId, :centreId, :sealed)"""), p);
        }
    }

    /** The new link replaces the volunteer's earlier one of its channel, whatever state that was in. */
    @EventHandler
    public void on(VolunteerLinkIssuedEvent event) {
        MapSqlParameterSource p = new MapSqlParameterSource("volunteerId", event.volunteerId().toString())
                .addValue("channel", event.channel().name())
                .addValue("centreId", event.centreId().value())
                .addValue("linkId", event.linkId().toString())
                .addValue("tokenHash", event.tokenHash())
                .addValue("expiresOn", event.expiresOn());
        if (jdbc.update(tables.sql("""
                update {volunteer_link} set centre_id = :centreId, link_id = :linkId, token_hash = :tokenHash,
                       expires_on = :expiresOn, ended = false
                 where volunteer_id = :volunteerId and channel = :channel"""), p) == 0) {
            jdbc.update(tables.sql("""
                    insert into {volunteer_link} (volunteer_id, channel, centre_id, link_id, token_hash, expires_on, ended)
                    values (:volunteerId, :channel, :centreId, :linkId, :tokenHash, :expiresOn, false)"""), p);
        }
    }

    /** Ends the named link only: a revocation that crossed a newer link leaves the newer one working. */
    @EventHandler
    public void on(VolunteerLinkRevokedEvent event) {
        jdbc.update(tables.sql("update {volunteer_link} set ended = true where volunteer_id = :volunteerId and link_id = :linkId"),
                new MapSqlParameterSource("volunteerId", event.volunteerId().toString()).addValue("linkId", event.linkId().toString()));
    }

    /** A deactivated volunteer's link stops; after a reactivation the coordinator issues a new one. */
    @EventHandler
    public void on(VolunteerDeactivatedEvent event) {
        endLink(event.volunteerId().toString());
    }

    /**
     * No e-mail any more: the e-mailed link stops with the consent (the command side revokes it too; ending it here as
     * well keeps the read model right whatever the order), the handed-over one stays.
     */
    @EventHandler
    public void on(EmailConsentWithdrawnEvent event) {
        jdbc.update(tables.sql("update {volunteer_link} set ended = true where volunteer_id = :volunteerId and channel = :channel"),
                new MapSqlParameterSource("volunteerId", event.volunteerId().toString())
                        .addValue("channel", LinkChannel.EMAIL.name()));
    }

    @EventHandler
    public void on(CertificateIssuedEvent event) {
        MapSqlParameterSource p = new MapSqlParameterSource("certificateId", event.certificateId().toString())
                .addValue("volunteerId", event.volunteerId().toString())
                .addValue("centreId", event.centreId().value())
                .addValue("issuedOn", event.issuedOn())
                .addValue("lines", lines(event.lines()));
        jdbc.update(tables.sql("delete from {certificate_view} where certificate_id = :certificateId"), p);
        jdbc.update(tables.sql("""
                insert into {certificate_view} (certificate_id, volunteer_id, centre_id, issued_on, lines, erased)
                values (:certificateId, :volunteerId, :centreId, :issuedOn, :lines, false)"""), p);
    }

    /** The volunteer's key is destroyed: availability gone, link ended, certificates no longer confirmed. */
    @EventHandler
    public void on(VolunteerDataErasedEvent event) {
        MapSqlParameterSource p = new MapSqlParameterSource("volunteerId", event.volunteerId().toString());
        jdbc.update(tables.sql("delete from {volunteer_availability} where volunteer_id = :volunteerId"), p);
        endLink(event.volunteerId().toString());
        jdbc.update(tables.sql("update {certificate_view} set erased = true where volunteer_id = :volunteerId"), p);
    }

    @ResetHandler
    public void reset() {
        for (String table : TABLES.tables()) {
            jdbc.getJdbcOperations().update(tables.sql("delete from {" + table + "}"));
        }
    }

    private void endLink(String volunteerId) {
        jdbc.update(tables.sql("update {volunteer_link} set ended = true where volunteer_id = :volunteerId"),
                new MapSqlParameterSource("volunteerId", volunteerId));
    }

    /** "2026:ACCOMPANIMENT:120,..." in the certificate's order. */
    static String lines(List<CertificateLine> lines) {
        return lines == null ? "" : lines.stream().map(l -> l.year() + ":" + l.category().name() + ":" + l.minutes())
                .collect(Collectors.joining(","));
    }

    static List<CertificateLine> lines(String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(column.split(",")).map(line -> {
            String[] p = line.split(":");
            return new CertificateLine(Integer.parseInt(p[0]), nrw.komman.kernel.activity.ActivityCategory.valueOf(p[1]),
                    Long.parseLong(p[2]));
        }).toList();
    }
}
