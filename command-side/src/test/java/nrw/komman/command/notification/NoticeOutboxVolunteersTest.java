package nrw.komman.command.notification;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.centre.CentreEstablishedEvent;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.AssignmentOfferedEvent;
import nrw.komman.kernel.coordination.AssignmentReminderDueEvent;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.HelpRequestOpenedEvent;
import nrw.komman.kernel.coordination.HelpRequestUnstaffedEvent;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.coordination.VolunteerAskedEvent;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The volunteers' own notices and the escalation of an unstaffed request (issue 19, rules 22 and 23) as outbox rows,
 * against a real database (H2 in PostgreSQL mode, schema by Flyway), the handlers called as Axon would.
 */
class NoticeOutboxVolunteersTest {

    private static final CentreId KOELN = new CentreId("05315");
    private static final Instant AT = Instant.parse("2027-03-01T08:00:00Z");
    /** Tuesday 2 March 2027, 9 to 11 in Cologne. */
    private static final Schedule TUESDAY = Schedule.once(LocalDate.of(2027, 3, 2), LocalTime.of(9, 0), LocalTime.of(11, 0));
    private static final Schedule THURSDAYS = Schedule.weekly(LocalDate.of(2027, 3, 1), LocalDate.of(2027, 4, 30),
            Set.of(DayOfWeek.THURSDAY, DayOfWeek.MONDAY), LocalTime.of(15, 0), LocalTime.of(18, 0));

    private JdbcTemplate jdbc;
    private NoticeOutbox outbox;
    private final HelpRequestId request = HelpRequestId.random();
    private final VolunteerId volunteer = VolunteerId.random();
    private final AssignmentId assignment = AssignmentId.random();

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:notice-outbox-volunteers-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        NoticeSubjects subjects = new NoticeSubjects(jdbc, new StaticListableBeanFactory().getBeanProvider(EventStore.class));
        outbox = new NoticeOutbox(jdbc, subjects);
        outbox.on(new CentreEstablishedEvent(KOELN, "Köln, Stadt", "Kreisfreie Stadt", KOELN.regierungsbezirk(), LocalDate.of(2013, 1, 1)));
    }

    private void opened(Schedule schedule) {
        outbox.on(new HelpRequestOpenedEvent(request, KOELN, ActivityCategory.ACCOMPANIMENT, Set.of("prs"), schedule, 90,
                "Köln", null, 2, null, null, null, null));
    }

    private Map<String, Object> row(String eventId) {
        return jdbc.queryForMap("select * from notice_outbox where cause_event_id = ?", eventId);
    }

    @Test
    void a_volunteer_asked_is_told_alone_with_the_assignment_and_when_nothing_personal() {
        opened(TUESDAY);
        String asked = UUID.randomUUID().toString();
        outbox.on(new VolunteerAskedEvent(request, assignment, volunteer, KOELN, TUESDAY), asked, AT);

        Map<String, Object> row = row(asked);
        assertThat(row.get("kind")).isEqualTo("ASSIGNMENT_ASKED");
        assertThat(row.get("audience_role")).isEqualTo("VOLUNTEER");
        assertThat(row.get("audience_volunteer")).isEqualTo(volunteer.toString());
        assertThat(row.get("audience_centre")).isEqualTo("05315");
        assertThat(row.get("subject_id")).isEqualTo(request.toString());
        assertThat(row.get("link")).isEqualTo("/mein-einsatz");
        assertThat(row.get("fanned_out_at")).isNull();
        assertThat((String) row.get("facts")).isEqualTo("{\"centre\":\"05315\",\"centreName\":\"Köln, Stadt\","
                + "\"category\":\"ACCOMPANIMENT\",\"firstDay\":\"2027-03-02\",\"lastDay\":\"2027-03-02\",\"minutes\":\"90\","
                + "\"assignment\":\"" + assignment + "\",\"invitation\":\"asked\",\"startTime\":\"09:00\",\"endTime\":\"11:00\"}");
        // the request's languages and place are not the volunteer's notice's business either
        assertThat((String) row.get("facts")).doesNotContain("prs", "Köln\"", volunteer.toString());
    }

    @Test
    void an_offer_says_it_is_one_and_a_weekly_request_names_its_weekdays() {
        opened(THURSDAYS);
        String offered = UUID.randomUUID().toString();
        outbox.on(new AssignmentOfferedEvent(request, assignment, volunteer, KOELN, THURSDAYS), offered, AT);

        Map<String, Object> row = row(offered);
        assertThat(row.get("kind")).isEqualTo("ASSIGNMENT_ASKED");
        assertThat(row.get("audience_volunteer")).isEqualTo(volunteer.toString());
        assertThat((String) row.get("facts")).contains("\"invitation\":\"offered\"", "\"weekdays\":\"MONDAY,THURSDAY\"",
                "\"firstDay\":\"2027-03-01\"", "\"lastDay\":\"2027-04-30\"", "\"startTime\":\"15:00\"");
    }

    @Test
    void the_reminder_names_the_day_and_the_start_in_local_time() {
        opened(TUESDAY);
        String reminder = UUID.randomUUID().toString();
        Instant startsAt = Instant.parse("2027-03-02T08:00:00Z");
        outbox.on(new AssignmentReminderDueEvent(request, assignment, volunteer, KOELN, LocalDate.of(2027, 3, 2), startsAt),
                reminder, AT);

        Map<String, Object> row = row(reminder);
        assertThat(row.get("kind")).isEqualTo("ASSIGNMENT_REMINDER");
        assertThat(row.get("audience_role")).isEqualTo("VOLUNTEER");
        assertThat(row.get("audience_volunteer")).isEqualTo(volunteer.toString());
        assertThat(row.get("link")).isEqualTo("/mein-einsatz");
        assertThat((String) row.get("facts")).contains("\"category\":\"ACCOMPANIMENT\"", "\"centreName\":\"Köln, Stadt\"",
                "\"day\":\"2027-03-02\"", "\"startTime\":\"09:00\"", "\"startsAt\":\"2027-03-02T08:00:00Z\"", "\"minutes\":\"90\"");
    }

    @Test
    void an_unstaffed_request_is_told_to_its_centres_coordinators_with_how_many_are_missing() {
        opened(TUESDAY);
        String unstaffed = UUID.randomUUID().toString();
        outbox.on(new HelpRequestUnstaffedEvent(request, KOELN, Instant.parse("2027-03-02T08:00:00Z"), 1, 2), unstaffed, AT);

        Map<String, Object> row = row(unstaffed);
        assertThat(row.get("kind")).isEqualTo("REQUEST_UNSTAFFED");
        assertThat(row.get("audience_role")).isEqualTo("COORDINATOR");
        assertThat(row.get("audience_centre")).isEqualTo("05315");
        assertThat(row.get("audience_volunteer")).isNull();
        assertThat(row.get("link")).isEqualTo("/zentrum/anfragen/" + request);
        assertThat((String) row.get("facts")).contains("\"category\":\"ACCOMPANIMENT\"", "\"firstDay\":\"2027-03-02\"",
                "\"startsAt\":\"2027-03-02T08:00:00Z\"", "\"confirmed\":\"1\"", "\"needed\":\"2\"");
    }

    @Test
    void a_volunteers_event_handled_again_writes_no_second_notice() {
        opened(TUESDAY);
        String asked = UUID.randomUUID().toString();
        VolunteerAskedEvent event = new VolunteerAskedEvent(request, assignment, volunteer, KOELN, TUESDAY);
        outbox.on(event, asked, AT);
        outbox.on(event, asked, AT);

        assertThat(jdbc.queryForObject("select count(*) from notice_outbox where cause_event_id = ?", Integer.class, asked))
                .isEqualTo(1);
    }

    @Test
    void a_request_the_outbox_never_saw_still_tells_the_volunteer_when() {
        String asked = UUID.randomUUID().toString();
        outbox.on(new VolunteerAskedEvent(request, assignment, volunteer, KOELN, TUESDAY), asked, AT);

        assertThat((String) row(asked).get("facts")).contains("\"firstDay\":\"2027-03-02\"", "\"startTime\":\"09:00\"")
                .doesNotContain("category", "minutes");
    }
}
