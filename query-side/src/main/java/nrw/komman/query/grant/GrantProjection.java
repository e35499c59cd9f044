package nrw.komman.query.grant;

import nrw.komman.kernel.centre.CentreEstablishedEvent;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.common.Role;
import nrw.komman.kernel.grant.GrantAppliedEvent;
import nrw.komman.kernel.grant.GrantApprovedEvent;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantRejectedEvent;
import nrw.komman.kernel.grant.GrantReviewedEvent;
import nrw.komman.kernel.grant.GrantStatus;
import nrw.komman.kernel.grant.GrantWithdrawnEvent;
import nrw.komman.query.common.ProcessingGroups;
import nrw.komman.query.common.Rows;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Projects the grants register ({@code grant_view}) and every grant's history
 * ({@code grant_history}, one row per event in aggregate sequence), with who did it from the
 * event metadata ({@link Actor#ACCOUNT}, {@link Actor#ROLE}). Keeps its own copy of the centres'
 * names ({@code grant_centre}) so it never reads another group's tables. Owned by {@code grant-views}.
 *
 * <p>An event whose sequence number the grant has already seen changes nothing, so processing it
 * twice is harmless.
 */
@Component
@ProcessingGroup(ProcessingGroups.GRANT_VIEWS)
public class GrantProjection {

    private final NamedParameterJdbcTemplate jdbc;

    public GrantProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    public void on(CentreEstablishedEvent event) {
        MapSqlParameterSource p = new MapSqlParameterSource()
                .addValue("centreId", event.centreId().value())
                .addValue("name", event.name());
        if (jdbc.update("update grant_centre set name = :name where centre_id = :centreId", p) == 0) {
            jdbc.update("insert into grant_centre (centre_id, name) values (:centreId, :name)", p);
        }
        jdbc.update("update grant_view set centre_name = :name where centre_id = :centreId", p);
    }

    @EventHandler
    public void on(GrantAppliedEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        if (current(event.grantId()).isPresent()) {
            return; // already projected
        }
        CentreId centreId = event.centreId();
        List<String> names = jdbc.queryForList("select name from grant_centre where centre_id = :centreId",
                Map.of("centreId", centreId.value()), String.class);
        LocalDate appliedOn = event.appliedOn() != null ? event.appliedOn() : LocalDate.ofInstant(occurredAt, Rows.BERLIN);
        jdbc.update("""
                insert into grant_view (grant_id, centre_id, centre_name, region, funding_year, programme_part, title,
                                        purpose, status, requested_cents, approved_cents, recommendation, review_note,
                                        decision_note, applied_on, applied_by, reviewed_by, decided_by, decided_on,
                                        next_step, last_sequence)
                values (:grantId, :centreId, :centreName, :region, :fundingYear, :programmePart, :title,
                        :purpose, :status, :requested, null, null, null,
                        null, :appliedOn, :appliedBy, null, null, null,
                        :nextStep, :sequence)""", new MapSqlParameterSource()
                .addValue("grantId", event.grantId().toString())
                .addValue("centreId", centreId.value())
                .addValue("centreName", names.isEmpty() ? null : names.get(0))
                .addValue("region", centreId.regierungsbezirk().name())
                .addValue("fundingYear", event.fundingYear())
                .addValue("programmePart", event.programmePart().name())
                .addValue("title", event.title())
                .addValue("purpose", event.purpose())
                .addValue("status", GrantStatus.APPLIED.name())
                .addValue("requested", event.requestedAmount().cents())
                .addValue("appliedOn", appliedOn)
                .addValue("appliedBy", account(metaData))
                .addValue("nextStep", GrantWording.nextStep(GrantStatus.APPLIED))
                .addValue("sequence", sequence));
        history(event.grantId(), centreId, sequence, GrantWording.APPLIED, occurredAt, metaData,
                null, GrantStatus.APPLIED, null, null, event.requestedAmount(), null);
    }

    @EventHandler
    public void on(GrantReviewedEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        Optional<Current> before = unseen(event.grantId(), sequence);
        if (before.isEmpty()) {
            return;
        }
        Current old = before.get();
        jdbc.update("""
                update grant_view set status = :status, recommendation = :recommendation, review_note = :note,
                       reviewed_by = :account, next_step = :nextStep, last_sequence = :sequence
                 where grant_id = :grantId""", new MapSqlParameterSource()
                .addValue("grantId", event.grantId().toString())
                .addValue("status", GrantStatus.REVIEWED.name())
                .addValue("recommendation", Rows.name(event.recommendation()))
                .addValue("note", event.note())
                .addValue("account", account(metaData))
                .addValue("nextStep", GrantWording.nextStep(GrantStatus.REVIEWED))
                .addValue("sequence", sequence));
        String reason = "Empfehlung: " + GrantWording.recommendation(event.recommendation())
                + (event.note() == null ? "" : ". " + event.note());
        history(event.grantId(), event.centreId(), sequence, GrantWording.REVIEWED, occurredAt, metaData,
                old.status(), GrantStatus.REVIEWED, old.approved(), old.approved(), null, reason);
    }

    @EventHandler
    public void on(GrantApprovedEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        Optional<Current> before = unseen(event.grantId(), sequence);
        if (before.isEmpty()) {
            return;
        }
        Current old = before.get();
        LocalDate approvedOn = event.approvedOn() != null ? event.approvedOn() : LocalDate.ofInstant(occurredAt, Rows.BERLIN);
        MapSqlParameterSource p = decision(event.grantId(), GrantStatus.APPROVED, event.note(), metaData, approvedOn, sequence)
                .addValue("approved", event.approvedAmount().cents());
        jdbc.update("""
                update grant_view set status = :status, approved_cents = :approved, decision_note = :note,
                       decided_by = :account, decided_on = :decidedOn, next_step = :nextStep, last_sequence = :sequence
                 where grant_id = :grantId""", p);
        history(event.grantId(), event.centreId(), sequence, GrantWording.APPROVED, occurredAt, metaData,
                old.status(), GrantStatus.APPROVED, old.approved(), event.approvedAmount(), event.approvedAmount(),
                event.note());
    }

    @EventHandler
    public void on(GrantRejectedEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        end(event.grantId(), event.centreId(), GrantStatus.REJECTED, GrantWording.REJECTED, event.reason(),
                metaData, occurredAt, sequence);
    }

    /** A withdrawal ends the procedure like a decision: its reason, date and account are shown as such. */
    @EventHandler
    public void on(GrantWithdrawnEvent event, MetaData metaData, @Timestamp Instant occurredAt,
                   @SequenceNumber long sequence) {
        end(event.grantId(), event.centreId(), GrantStatus.WITHDRAWN, GrantWording.WITHDRAWN, event.reason(),
                metaData, occurredAt, sequence);
    }

    @ResetHandler
    public void reset() {
        jdbc.getJdbcOperations().update("delete from grant_history");
        jdbc.getJdbcOperations().update("delete from grant_view");
        jdbc.getJdbcOperations().update("delete from grant_centre");
    }

    private void end(GrantId grantId, CentreId centreId, GrantStatus status, String fact, String reason,
                     MetaData metaData, Instant occurredAt, long sequence) {
        Optional<Current> before = unseen(grantId, sequence);
        if (before.isEmpty()) {
            return;
        }
        Current old = before.get();
        jdbc.update("""
                update grant_view set status = :status, decision_note = :note, decided_by = :account,
                       decided_on = :decidedOn, next_step = :nextStep, last_sequence = :sequence
                 where grant_id = :grantId""",
                decision(grantId, status, reason, metaData, LocalDate.ofInstant(occurredAt, Rows.BERLIN), sequence));
        history(grantId, centreId, sequence, fact, occurredAt, metaData,
                old.status(), status, old.approved(), old.approved(), null, reason);
    }

    private static MapSqlParameterSource decision(GrantId grantId, GrantStatus status, String note, MetaData metaData,
                                                  LocalDate decidedOn, long sequence) {
        return new MapSqlParameterSource()
                .addValue("grantId", grantId.toString())
                .addValue("status", status.name())
                .addValue("note", note)
                .addValue("account", account(metaData))
                .addValue("decidedOn", decidedOn)
                .addValue("nextStep", GrantWording.nextStep(status))
                .addValue("sequence", sequence);
    }

    private void history(GrantId grantId, CentreId centreId, long sequence, String fact, Instant occurredAt,
                         MetaData metaData, GrantStatus statusBefore, GrantStatus statusAfter,
                         Money approvedBefore, Money approvedAfter, Money amount, String reason) {
        jdbc.update("""
                insert into grant_history (grant_id, sequence_number, centre_id, fact, occurred_at, actor_account,
                                           actor_role, status_before, status_after, approved_before_cents,
                                           approved_after_cents, amount_cents, reason)
                values (:grantId, :sequence, :centreId, :fact, :occurredAt, :account,
                        :role, :statusBefore, :statusAfter, :approvedBefore,
                        :approvedAfter, :amount, :reason)""", new MapSqlParameterSource()
                .addValue("grantId", grantId.toString())
                .addValue("sequence", sequence)
                .addValue("centreId", centreId.value())
                .addValue("fact", fact)
                .addValue("occurredAt", Rows.timestamp(occurredAt))
                .addValue("account", account(metaData))
                .addValue("role", Rows.name(role(metaData)))
                .addValue("statusBefore", Rows.name(statusBefore))
                .addValue("statusAfter", statusAfter.name())
                .addValue("approvedBefore", Rows.cents(approvedBefore))
                .addValue("approvedAfter", Rows.cents(approvedAfter))
                .addValue("amount", Rows.cents(amount))
                .addValue("reason", reason));
    }

    /** The grant as it stands, if it exists and has not yet seen this sequence number. */
    private Optional<Current> unseen(GrantId grantId, long sequence) {
        return current(grantId).filter(c -> sequence > c.lastSequence());
    }

    private Optional<Current> current(GrantId grantId) {
        return jdbc.query("select status, approved_cents, last_sequence from grant_view where grant_id = :grantId",
                        Map.of("grantId", grantId.toString()),
                        (rs, i) -> new Current(GrantStatus.valueOf(rs.getString("status")),
                                Rows.money(rs, "approved_cents"), rs.getLong("last_sequence")))
                .stream().findFirst();
    }

    private static String account(MetaData metaData) {
        Object account = metaData == null ? null : metaData.get(Actor.ACCOUNT);
        if (account == null) {
            return null;
        }
        String text = account.toString();
        return text.length() > 200 ? text.substring(0, 200) : text; // the column's width; accounts are shorter

    }

    private static Role role(MetaData metaData) {
        Object role = metaData == null ? null : metaData.get(Actor.ROLE);
        if (role == null) {
            return null;
        }
        try {
            return Role.valueOf(role.toString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private record Current(GrantStatus status, Money approved, long lastSequence) {
    }
}
