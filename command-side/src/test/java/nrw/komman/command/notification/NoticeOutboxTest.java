package nrw.komman.command.notification;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.centre.CentreEstablishedEvent;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.coordination.AssignmentDeclinedEvent;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.HelpRequestOpenedEvent;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.grant.GrantAppliedEvent;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.UsageReportOverdueEvent;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox's rows against a real database (H2 in PostgreSQL mode, schema by Flyway), the handlers called as Axon would. */
class NoticeOutboxTest {

    private static final CentreId KOELN = new CentreId("05315");
    private static final Instant AT = Instant.parse("2027-07-01T04:00:00Z");

    private JdbcTemplate jdbc;
    private NoticeOutbox outbox;

    @BeforeEach
    void setUp() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:notice-outbox-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        // no event store here: a subject must have been seen by the outbox itself
        NoticeSubjects subjects = new NoticeSubjects(jdbc, new StaticListableBeanFactory().getBeanProvider(EventStore.class));
        outbox = new NoticeOutbox(jdbc, subjects);
        outbox.on(new CentreEstablishedEvent(KOELN, "Köln, Stadt", "Kreisfreie Stadt", KOELN.regierungsbezirk(), LocalDate.of(2013, 1, 1)));
    }

    @Test
    void a_date_that_passed_tells_each_role_of_its_audience_with_its_own_link_and_the_grants_facts() {
        GrantId grant = GrantId.random();
        String applied = UUID.randomUUID().toString();
        String overdue = UUID.randomUUID().toString();
        outbox.on(new GrantAppliedEvent(grant, KOELN, 2026, ProgrammePart.PART_II_A, "Ankommenstreffpunkt Kalk", "Café",
                Money.ofCents(1_250_000), LocalDate.of(2026, 2, 1)), applied, AT);
        outbox.on(new UsageReportOverdueEvent(grant, KOELN, LocalDate.of(2027, 6, 30), LocalDate.of(2027, 7, 1)), overdue, AT);

        List<Map<String, Object>> rows = jdbc.queryForList("select * from notice_outbox where cause_event_id = ? order by audience_role",
                overdue);
        assertThat(rows).extracting(r -> r.get("audience_role")).containsExactly("COORDINATOR", "GRANT_OFFICER");
        assertThat(rows.get(0).get("audience_centre")).isEqualTo("05315");
        assertThat(rows.get(0).get("link")).isEqualTo("/zentrum/zuwendungen/" + grant + "/verwendungsnachweis");
        assertThat(rows.get(1).get("audience_centre")).isNull();
        assertThat(rows.get(1).get("link")).isEqualTo("/zuwendungen/" + grant);
        assertThat((String) rows.get(0).get("facts")).isEqualTo("{\"title\":\"Ankommenstreffpunkt Kalk\",\"fundingYear\":\"2026\","
                + "\"programmePart\":\"PART_II_A\",\"centre\":\"05315\",\"centreName\":\"Köln, Stadt\",\"dueOn\":\"2027-06-30\"}");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get("kind")).isEqualTo("USAGE_REPORT_OVERDUE");
            assertThat(r.get("subject_id")).isEqualTo(grant.toString());
            assertThat(r.get("fanned_out_at")).isNull();
        });
    }

    @Test
    void an_event_handled_again_writes_no_second_notice() {
        GrantId grant = GrantId.random();
        String applied = UUID.randomUUID().toString();
        String overdue = UUID.randomUUID().toString();
        GrantAppliedEvent application = new GrantAppliedEvent(grant, KOELN, 2026, ProgrammePart.PART_I, "Stärkung", "Zweck",
                Money.ofCents(100_000), LocalDate.of(2026, 2, 1));
        outbox.on(application, applied, AT);
        outbox.on(application, applied, AT);
        UsageReportOverdueEvent passed = new UsageReportOverdueEvent(grant, KOELN, LocalDate.of(2027, 6, 30), LocalDate.of(2027, 7, 1));
        outbox.on(passed, overdue, AT);
        outbox.on(passed, overdue, AT);

        assertThat(jdbc.queryForObject("select count(*) from notice_outbox where cause_event_id = ?", Integer.class, overdue))
                .isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from notice_outbox where cause_event_id = ?", Integer.class, applied))
                .isEqualTo(1);
    }

    @Test
    void a_volunteers_answer_tells_the_coordinators_what_and_when_never_who() {
        HelpRequestId request = HelpRequestId.random();
        VolunteerId volunteer = VolunteerId.random();
        String declined = UUID.randomUUID().toString();
        outbox.on(new HelpRequestOpenedEvent(request, KOELN, ActivityCategory.ACCOMPANIMENT, Set.of("prs"),
                Schedule.once(LocalDate.of(2027, 3, 2), LocalTime.of(9, 0), LocalTime.of(11, 0)), 120, "Köln", null, 1,
                null, null, null, null));
        outbox.on(new AssignmentDeclinedEvent(request, AssignmentId.random(), volunteer, KOELN, true, null), declined, AT);

        Map<String, Object> row = jdbc.queryForMap("select * from notice_outbox where cause_event_id = ?", declined);
        assertThat(row.get("kind")).isEqualTo("ASSIGNMENT_DECLINED");
        assertThat(row.get("audience_role")).isEqualTo("COORDINATOR");
        assertThat(row.get("audience_centre")).isEqualTo("05315");
        assertThat(row.get("link")).isEqualTo("/zentrum/anfragen/" + request);
        assertThat((String) row.get("facts")).contains("\"category\":\"ACCOMPANIMENT\"", "\"firstDay\":\"2027-03-02\"")
                .doesNotContain(volunteer.toString());
    }

    @Test
    void a_grant_whose_application_the_outbox_never_saw_is_still_told_to_its_centre() {
        GrantId unknown = GrantId.random();
        String overdue = UUID.randomUUID().toString();
        outbox.on(new UsageReportOverdueEvent(unknown, KOELN, LocalDate.of(2027, 6, 30), LocalDate.of(2027, 7, 1)),
                overdue, AT);

        Map<String, Object> row = jdbc.queryForMap("select * from notice_outbox where cause_event_id = ? and audience_role = 'COORDINATOR'",
                overdue);
        assertThat(row.get("audience_centre")).isEqualTo("05315");
        assertThat((String) row.get("facts")).isEqualTo("{\"centre\":\"05315\",\"centreName\":\"Köln, Stadt\",\"dueOn\":\"2027-06-30\"}");
    }
}
