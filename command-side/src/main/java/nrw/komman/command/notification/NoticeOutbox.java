package nrw.komman.command.notification;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import nrw.komman.kernel.centre.CentreEstablishedEvent;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.coordination.AssignmentConfirmedEvent;
import nrw.komman.kernel.coordination.AssignmentDeclinedEvent;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.AssignmentOfferedEvent;
import nrw.komman.kernel.coordination.AssignmentReminderDueEvent;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.HelpRequestOpenedEvent;
import nrw.komman.kernel.coordination.HelpRequestUnstaffedEvent;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.coordination.VolunteerAskedEvent;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.grant.DecisionOverdueEvent;
import nrw.komman.kernel.grant.FundsRequestedEvent;
import nrw.komman.kernel.grant.GrantAppliedEvent;
import nrw.komman.kernel.grant.GrantApprovedEvent;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantRaiseProposedEvent;
import nrw.komman.kernel.grant.GrantRejectedEvent;
import nrw.komman.kernel.grant.GrantReviewedEvent;
import nrw.komman.kernel.grant.ReviewOverdueEvent;
import nrw.komman.kernel.grant.TrancheDisbursedEvent;
import nrw.komman.kernel.grant.TrancheSpendingOverdueEvent;
import nrw.komman.kernel.grant.UsageReportDueExtendedEvent;
import nrw.komman.kernel.grant.UsageReportDueSoonEvent;
import nrw.komman.kernel.grant.UsageReportOverdueEvent;
import nrw.komman.kernel.grant.UsageReportSubmittedEvent;
import nrw.komman.kernel.notification.NoticeKind;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static nrw.komman.kernel.common.AccountRole.COORDINATOR;
import static nrw.komman.kernel.common.AccountRole.GRANT_OFFICER;
import static nrw.komman.kernel.common.AccountRole.VOLUNTEER;

/**
 * Writes a row of the notice outbox ({@code notice_outbox}, V43) for each event someone must hear of, one per kind
 * and audience role ({@link NoticeKind#audience()}), in the transaction that stores the event (the subscribing
 * processor {@value #PROCESSING_GROUP}, {@link NoticeOutboxConfiguration}). A row says which accounts are told (a
 * role; coordinators of the item's centre only), what the notice is about ({@code subject_id}), the page that opens
 * it ({@code link}, per role) and the facts its texts are made of: a JSON object of strings holding ids, codes,
 * dates (ISO), amounts (cents) and grant titles, never a volunteer's personal data (a volunteer's answer is told as
 * "a person asked has agreed", with the request's category and days). {@code cause_event_id} is the event's
 * identifier: an event handled again writes nothing.
 * <p>
 * A volunteer's own notices (asked or offered a place, reminded the day before) are rows for that one volunteer
 * ({@code audience_volunteer}, role VOLUNTEER) with the link {@code /mein-einsatz}, into which the web puts the
 * volunteer's token when it writes the e-mail. The outbox knows nothing of consent: the web's fan-out turns such a
 * row into an e-mail only for an active volunteer with consent to e-mail in force (rule 22), and into nothing
 * otherwise. Their facts are the assignment, the request's category, days, weekdays, times and minutes and the
 * centre, never the volunteer's name, address or languages. A request that starts soon and is not staffed is told
 * to its centre's coordinators (rule 23).
 * <p>Why this size: one small handler per event that causes a notice (grants, grant dates, the volunteers' answers,
 * the volunteers' own notices, the unstaffed request), each naming its facts; the row writing is shared below. Splitting
 * it by feature would spread one processing group, and its ordering in the event's transaction, over several classes.
 */
@Component
@ProcessingGroup(NoticeOutbox.PROCESSING_GROUP)
public class NoticeOutbox {

    public static final String PROCESSING_GROUP = "notice-outbox";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter HOURS_MINUTES = DateTimeFormatter.ofPattern("HH:mm");
    /** The volunteer's page; the web adds the volunteer's token when it writes the e-mail (ADR 34). */
    static final String VOLUNTEER_LINK = "/mein-einsatz";

    private final JdbcTemplate jdbc;
    private final NoticeSubjects subjects;

    NoticeOutbox(JdbcTemplate jdbc, NoticeSubjects subjects) {
        this.jdbc = jdbc;
        this.subjects = subjects;
    }

    // ------------------------------------------------------------------ what the notices name

    @EventHandler
    void on(CentreEstablishedEvent event) {
        subjects.established(event);
    }

    @EventHandler
    void on(HelpRequestOpenedEvent event) {
        subjects.opened(event);
    }

    // ------------------------------------------------------------------ grants

    @EventHandler
    void on(GrantAppliedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        subjects.applied(event);
        notice(NoticeKind.GRANT_APPLIED, event.grantId(), event.centreId(), eventId, at, facts -> facts
                .put("requestedCents", cents(event.requestedAmount()))
                .put("appliedOn", day(event.appliedOn())));
    }

    @EventHandler
    void on(GrantReviewedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        notice(NoticeKind.GRANT_REVIEWED, event.grantId(), event.centreId(), eventId, at, facts -> facts
                .put("recommendation", event.recommendation().name()));
    }

    @EventHandler
    void on(GrantApprovedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        // without a due date of its own, the ministry's programme dates give it: the grant's page shows it
        notice(NoticeKind.GRANT_APPROVED, event.grantId(), event.centreId(), eventId, at, facts -> facts
                .put("approvedCents", cents(event.approvedAmount()))
                .put("approvedOn", day(event.approvedOn()))
                .put("dueOn", day(event.usageReportDue())));
    }

    @EventHandler
    void on(GrantRejectedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        notice(NoticeKind.GRANT_REJECTED, event.grantId(), event.centreId(), eventId, at, facts -> facts);
    }

    @EventHandler
    void on(GrantRaiseProposedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        notice(NoticeKind.GRANT_RAISE_PROPOSED, event.grantId(), event.centreId(), eventId, at, facts -> facts
                .put("approvedBeforeCents", cents(event.approvedBefore()))
                .put("proposedCents", cents(event.proposedAmount()))
                .put("proposedOn", day(event.proposedOn())));
    }

    @EventHandler
    void on(FundsRequestedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        notice(NoticeKind.FUNDS_REQUESTED, event.grantId(), event.centreId(), eventId, at, facts -> facts
                .put("amountCents", cents(event.amount()))
                .put("requestedOn", day(event.requestedOn())));
    }

    @EventHandler
    void on(TrancheDisbursedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        notice(NoticeKind.TRANCHE_DISBURSED, event.grantId(), event.centreId(), eventId, at, facts -> facts
                .put("tranche", Integer.toString(event.tranche()))
                .put("amountCents", cents(event.amount()))
                .put("disbursedOn", day(event.disbursedOn())));
    }

    @EventHandler
    void on(UsageReportSubmittedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        notice(NoticeKind.USAGE_REPORT_SUBMITTED, event.grantId(), event.centreId(), eventId, at, facts -> facts
                .put("spentCents", cents(event.amountSpent()))
                .put("submittedOn", day(event.submittedOn())));
    }

    // ------------------------------------------------------------------ grant dates, recorded by the platform

    @EventHandler
    void on(UsageReportDueSoonEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        notice(NoticeKind.USAGE_REPORT_DUE_SOON, event.grantId(), event.centreId(), eventId, at, facts -> facts
                .put("dueOn", day(event.dueOn())));
    }

    @EventHandler
    void on(UsageReportOverdueEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        notice(NoticeKind.USAGE_REPORT_OVERDUE, event.grantId(), event.centreId(), eventId, at, facts -> facts
                .put("dueOn", day(event.dueOn())));
    }

    @EventHandler
    void on(UsageReportDueExtendedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        notice(NoticeKind.USAGE_REPORT_DUE_EXTENDED, event.grantId(), event.centreId(), eventId, at, facts -> facts
                .put("dueBefore", day(event.dueBefore()))
                .put("dueOn", day(event.dueAfter())));
    }

    @EventHandler
    void on(TrancheSpendingOverdueEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        notice(NoticeKind.TRANCHE_SPENDING_OVERDUE, event.grantId(), event.centreId(), eventId, at, facts -> facts
                .put("tranche", Integer.toString(event.tranche()))
                .put("amountCents", cents(event.amount()))
                .put("disbursedOn", day(event.disbursedOn()))
                .put("dueOn", day(event.dueOn())));
    }

    @EventHandler
    void on(ReviewOverdueEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        notice(NoticeKind.REVIEW_OVERDUE, event.grantId(), event.centreId(), eventId, at, facts -> facts
                .put("appliedOn", day(event.appliedOn()))
                .put("dueOn", day(event.dueOn())));
    }

    @EventHandler
    void on(DecisionOverdueEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        notice(NoticeKind.DECISION_OVERDUE, event.grantId(), event.centreId(), eventId, at, facts -> facts
                .put("reviewedOn", day(event.reviewedOn()))
                .put("dueOn", day(event.dueOn())));
    }

    // ------------------------------------------------------------------ coordination: the volunteers' answers

    @EventHandler
    void on(AssignmentConfirmedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        answered(NoticeKind.ASSIGNMENT_CONFIRMED, event.requestId(), event.centreId(), eventId, at);
    }

    @EventHandler
    void on(AssignmentDeclinedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        // the reason stays in the sealed event: it may name the person
        answered(NoticeKind.ASSIGNMENT_DECLINED, event.requestId(), event.centreId(), eventId, at);
    }

    private void answered(NoticeKind kind, HelpRequestId requestId, CentreId centreId, String eventId, Instant at) {
        write(kind, COORDINATOR, centreId, null, requestId.toString(), "/zentrum/anfragen/" + requestId,
                requestFacts(requestId, centreId), eventId, at);
    }

    // ------------------------------------------------------------------ coordination: the volunteer's own notices

    @EventHandler
    void on(VolunteerAskedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        invited("asked", event.requestId(), event.assignmentId(), event.volunteerId(), event.centreId(),
                event.schedule(), eventId, at);
    }

    @EventHandler
    void on(AssignmentOfferedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        invited("offered", event.requestId(), event.assignmentId(), event.volunteerId(), event.centreId(),
                event.schedule(), eventId, at);
    }

    /** Asked (a place held for them) or offered (whoever accepts first): what, when, how long, where to answer. */
    private void invited(String invitation, HelpRequestId requestId, AssignmentId assignmentId, VolunteerId volunteerId,
                         CentreId centreId, Schedule schedule, String eventId, Instant at) {
        Facts facts = requestFacts(requestId, centreId).put("assignment", assignmentId.toString())
                .put("invitation", invitation)
                .put("firstDay", day(schedule.firstDay()))
                .put("lastDay", day(schedule.lastDay()))
                .put("weekdays", schedule.recurring() ? schedule.weekdays().stream().map(Enum::name)
                        .collect(Collectors.joining(",")) : null)
                .put("startTime", time(schedule.start()))
                .put("endTime", time(schedule.end()));
        write(NoticeKind.ASSIGNMENT_ASKED, VOLUNTEER, centreId, volunteerId, requestId.toString(), VOLUNTEER_LINK, facts,
                eventId, at);
    }

    @EventHandler
    void on(AssignmentReminderDueEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        Facts facts = requestFacts(event.requestId(), event.centreId()).put("assignment", event.assignmentId().toString())
                .put("day", day(event.day()))
                .put("startsAt", event.startsAt().toString())
                .put("startTime", time(event.startsAt().atZone(Nrw.ZONE).toLocalTime()));
        write(NoticeKind.ASSIGNMENT_REMINDER, VOLUNTEER, event.centreId(), event.volunteerId(), event.requestId().toString(),
                VOLUNTEER_LINK, facts, eventId, at);
    }

    // ------------------------------------------------------------------ coordination: the escalation

    @EventHandler
    void on(HelpRequestUnstaffedEvent event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        Facts facts = requestFacts(event.requestId(), event.centreId())
                .put("startsAt", event.startsAt().toString())
                .put("startTime", time(event.startsAt().atZone(Nrw.ZONE).toLocalTime()))
                .put("confirmed", Integer.toString(event.confirmed()))
                .put("needed", Integer.toString(event.needed()));
        write(NoticeKind.REQUEST_UNSTAFFED, COORDINATOR, event.centreId(), null, event.requestId().toString(),
                "/zentrum/anfragen/" + event.requestId(), facts, eventId, at);
    }

    /** The centre and, when the outbox knows the request, its category, days and minutes. */
    private Facts requestFacts(HelpRequestId requestId, CentreId centreId) {
        Facts facts = new Facts().put("centre", centreId.value())
                .put("centreName", subjects.centreName(centreId).orElse(null));
        subjects.helpRequest(requestId).ifPresent(request -> facts
                .put("category", request.category())
                .put("firstDay", day(request.firstDay()))
                .put("lastDay", day(request.lastDay()))
                .put("minutes", request.minutes() == null ? null : Integer.toString(request.minutes())));
        return facts;
    }

    // ------------------------------------------------------------------ the rows

    private void notice(NoticeKind kind, GrantId grantId, CentreId centre, String eventId, Instant at,
                        Function<Facts, Facts> specific) {
        Facts facts = new Facts();
        // the event names the centre; the grant's title and year come from its application, when the outbox knows it
        subjects.grant(grantId).ifPresent(grant -> facts.put("title", grant.title())
                .put("fundingYear", Integer.toString(grant.fundingYear()))
                .put("programmePart", grant.programmePart()));
        facts.put("centre", centre.value()).put("centreName", subjects.centreName(centre).orElse(null));
        specific.apply(facts);
        for (AccountRole role : kind.audience()) {
            write(kind, role, role == COORDINATOR ? centre : null, null, grantId.toString(), grantLink(kind, role, grantId),
                    facts, eventId, at);
        }
    }

    /** The page where the role does what the notice is about. */
    static String grantLink(NoticeKind kind, AccountRole role, GrantId grantId) {
        String grant = "/zuwendungen/" + grantId;
        return switch (kind) {
            case GRANT_APPLIED, REVIEW_OVERDUE -> grant + "/pruefung";
            case GRANT_REVIEWED, DECISION_OVERDUE -> grant + "/entscheidung";
            case GRANT_RAISE_PROPOSED -> grant + "/erhoehung";
            case FUNDS_REQUESTED -> grant + "/auszahlung";
            case USAGE_REPORT_SUBMITTED -> grant + "/abschluss";
            case USAGE_REPORT_DUE_SOON -> "/zentrum/zuwendungen/" + grantId + "/verwendungsnachweis";
            case USAGE_REPORT_OVERDUE -> role == GRANT_OFFICER ? grant : "/zentrum/zuwendungen/" + grantId + "/verwendungsnachweis";
            default -> grant;
        };
    }

    /** One row; {@code volunteer} is the one volunteer told (role VOLUNTEER), null for the accounts of a role. */
    private void write(NoticeKind kind, AccountRole role, CentreId centre, VolunteerId volunteer, String subjectId,
                       String link, Facts facts, String eventId, Instant at) {
        Integer already = jdbc.queryForObject("select count(*) from notice_outbox where cause_event_id = ? and kind = ?"
                + " and audience_role = ?", Integer.class, eventId, kind.name(), role.name());
        if (already != null && already > 0) {
            return;
        }
        jdbc.update("insert into notice_outbox (notice_id, kind, audience_role, audience_centre, audience_volunteer,"
                        + " subject_id, link, facts, cause_event_id, occurred_at, fanned_out_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null)",
                UUID.randomUUID().toString(), kind.name(), role.name(), centre == null ? null : centre.value(),
                volunteer == null ? null : volunteer.toString(), subjectId, link, facts.json(), eventId,
                java.sql.Timestamp.from(at));
    }

    private static String cents(Money amount) {
        return amount == null ? null : Long.toString(amount.cents());
    }

    private static String time(LocalTime time) {
        return time == null ? null : time.format(HOURS_MINUTES);
    }

    private static String day(LocalDate day) {
        return day == null ? null : day.toString();
    }

    /** The facts of a notice: strings only, missing ones left out, in the order they were put. */
    static final class Facts {
        private final Map<String, String> values = new LinkedHashMap<>();

        Facts put(String key, String value) {
            if (value != null) {
                values.put(key, value);
            }
            return this;
        }

        String json() {
            try {
                return JSON.writeValueAsString(values);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("facts of a notice cannot be written as JSON", e);
            }
        }
    }
}
