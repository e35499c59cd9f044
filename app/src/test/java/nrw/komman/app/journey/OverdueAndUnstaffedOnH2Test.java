package nrw.komman.app.journey;

import com.fasterxml.jackson.databind.JsonNode;
import nrw.komman.app.support.Api;
import nrw.komman.app.support.Api.Login;
import nrw.komman.app.support.Budgets;
import nrw.komman.app.support.FormClient;
import nrw.komman.app.support.HelpRequests;
import nrw.komman.app.support.OnH2;
import nrw.komman.app.support.Requests;
import nrw.komman.app.support.TestAccounts;
import nrw.komman.command.grant.GrantDate;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.Nrw;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.HelpRequestUnstaffedEvent;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static nrw.komman.app.support.TestAccounts.MINISTRY;
import static nrw.komman.app.support.TestAccounts.OFFICER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19 in the worklists and the as-of reports, on the whole application: a request the platform finds unstaffed
 * is first on the centre's board and on its start page, in words, until it is called off, and counted in the state's
 * figures; a usage report recorded overdue by the grant's own deadline is counted in the annual report as of a moment
 * after it and not before it, nor after the grant authority moved the due day. The fact of the request is appended to
 * its stream as the request's deadline records it (that deadline is built on the command side in parallel); the
 * grant's fact is recorded by its real deadline, scheduled in db-scheduler. Kreis Heinsberg is this test's centre
 * alone, so the shared database's other centres change none of its counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OverdueAndUnstaffedOnH2Test extends OnH2 {

    private static final ZoneId NRW = ZoneId.of("Europe/Berlin");
    private static final String HEINSBERG = "05370";
    private static final Login COORDINATOR = new Login("heinsberg.koordination", "Heinsberg-Passwort-2026");

    @LocalServerPort
    int port;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactionManager;
    @Autowired
    DeadlineManager deadlines;

    private Api api;

    @BeforeAll
    void accounts() {
        api = new Api(port);
        TestAccounts.createAll(api);
        TestAccounts.createCoordinator(api, COORDINATOR, HEINSBERG);
    }

    private JsonNode board() {
        Api.Response board = api.get("/api/centres/" + HEINSBERG + "/help-requests", COORDINATOR);
        assertThat(board.status()).as(board.toString()).isEqualTo(200);
        return board.json().path("requests");
    }

    private int escalatedUnstaffed() {
        return api.get("/api/state/coordination", MINISTRY).json().path("escalatedUnstaffed").asInt();
    }

    /** The fact as the request's deadline records it: the next event of the request's own stream, by the platform. */
    private void recordUnstaffed(HelpRequestId request, Instant startsAt, int confirmed, int needed) {
        long next = eventStore.lastSequenceNumberFor(request.toString()).map(n -> n + 1).orElse(0L);
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        unitOfWork.attachTransaction(transactionManager);
        unitOfWork.execute(() -> eventStore.publish(new GenericDomainEventMessage<>("HelpRequest", request.toString(), next,
                new HelpRequestUnstaffedEvent(request, new CentreId(HEINSBERG), startsAt, confirmed, needed),
                MetaData.from(Actor.SYSTEM.toMetaData()))));
    }

    @Test
    void a_request_found_unstaffed_is_first_on_the_board_and_the_start_page_until_it_is_called_off_and_the_state_counts_it() {
        LocalDate today = LocalDate.now(NRW);
        LocalDate day = today.plusDays(3);
        Api.Response sooner = api.post("/api/centres/" + HEINSBERG + "/help-requests",
                HelpRequests.once(today.plusDays(2), LocalTime.of(8, 0), LocalTime.of(9, 0), 60, List.of(), 1), COORDINATOR);
        assertThat(sooner.status()).as(sooner.toString()).isEqualTo(201);
        Api.Response opened = api.post("/api/centres/" + HEINSBERG + "/help-requests",
                HelpRequests.once(day, LocalTime.of(9, 0), LocalTime.of(11, 0), 120, List.of("ar"), 2), COORDINATOR);
        assertThat(opened.status()).as(opened.toString()).isEqualTo(201);
        HelpRequestId request = HelpRequestId.parse(opened.text("requestId"));
        int escalatedBefore = escalatedUnstaffed();

        Instant startsAt = day.atTime(9, 0).atZone(NRW).toInstant();
        recordUnstaffed(request, startsAt, 0, 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> board().path(0).path("requestId").asText().equals(request.toString()));

        assertThat(board().path(0).hasNonNull("unstaffedStartsAt")).isTrue();
        assertThat(board().path(1).hasNonNull("unstaffedStartsAt")).as("the sooner one is not marked").isFalse();
        String sentence = "Noch nicht besetzt – beginnt am " + Nrw.date(day) + " um 09:00, 0 von 2 bestätigt";
        FormClient coordinator = FormClient.signedIn(port, COORDINATOR);
        String boardPage = coordinator.get("/zentrum/anfragen").body();
        assertThat(boardPage).contains(sentence);
        assertThat(boardPage.indexOf("/zentrum/anfragen/" + request)).as("its row first")
                .isLessThan(boardPage.indexOf("/zentrum/anfragen/" + sooner.text("requestId")));
        assertThat(coordinator.get("/zentrum").body()).contains("Noch nicht besetzte Einsatzanfragen (1)", sentence);
        assertThat(escalatedUnstaffed()).isEqualTo(escalatedBefore + 1);

        assertThat(api.post("/api/help-requests/" + request + "/cancellation", Map.of("reason", "Termin entfällt"), COORDINATOR)
                .status()).isEqualTo(204);
        assertThat(coordinator.get("/zentrum/anfragen").body()).doesNotContain("Noch nicht besetzt –");
        assertThat(coordinator.get("/zentrum").body()).doesNotContain("Noch nicht besetzte Einsatzanfragen");
        assertThat(escalatedUnstaffed()).as("escalated it was, whatever became of it").isEqualTo(escalatedBefore + 1);
    }

    private JsonNode annual(int year, Instant cutOff, String centre) {
        Api.Response report = api.get("/api/reports/annual?fundingYear=" + year + (cutOff == null ? "" : "&cutOff=" + cutOff)
                + (centre == null ? "" : "&centreId=" + centre), MINISTRY);
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        return report.json();
    }

    private static long heinsbergIn(JsonNode stateReport) {
        for (JsonNode centre : stateReport.path("centres")) {
            if (centre.path("centreId").asText().equals(HEINSBERG)) {
                return centre.path("figures").path("usageReportsOverdue").asLong();
            }
        }
        throw new AssertionError("Heinsberg is not in the report");
    }

    @Test
    void a_usage_report_recorded_overdue_counts_in_the_annual_report_as_of_a_moment_after_it_and_not_after_an_extension()
            throws Exception {
        int year = LocalDate.now(NRW).getYear();
        Budgets.ensure(api, year, "PART_II_A");
        String grant = api.post("/api/grants", Requests.grant(year, "9000.00"), COORDINATOR).text("grantId");
        assertThat(api.post("/api/grants/" + grant + "/review", Map.of("recommendation", "APPROVE", "note", "förderfähig"), OFFICER)
                .status()).isEqualTo(204);
        assertThat(api.post("/api/grants/" + grant + "/approval", Map.of("approvedAmount", "9000.00"), MINISTRY).status())
                .isEqualTo(204);
        LocalDate due = LocalDate.parse(api.get("/api/grants/" + grant, COORDINATOR).json().path("usageReportDue").asText());
        Instant beforeTheFact = Instant.now();
        Thread.sleep(5);

        // the grant's own deadline of the usage report, come early: the platform records the fact through the aggregate
        ScopeDescriptor scope = new AggregateScopeDescriptor("Grant", grant);
        deadlines.schedule(Instant.now(), GrantDate.DEADLINE,
                new GenericMessage<>(GrantDate.of(GrantDate.Kind.USAGE_REPORT, due)).withMetaData(Actor.SYSTEM.toMetaData()), scope);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/api/grants/" + grant, COORDINATOR).json().path("usageReportOverdue").asBoolean());
        Thread.sleep(5);
        Instant afterTheFact = Instant.now();

        assertThat(annual(year, beforeTheFact, HEINSBERG).path("total").path("usageReportsOverdue").asLong()).isZero();
        JsonNode centreReport = annual(year, afterTheFact, HEINSBERG);
        assertThat(centreReport.path("total").path("usageReportsOverdue").asLong()).isEqualTo(1);
        JsonNode stateReport = annual(year, afterTheFact, null);
        assertThat(heinsbergIn(stateReport)).isEqualTo(1);
        assertThat(stateReport.path("total").path("usageReportsOverdue").asLong()).isGreaterThanOrEqualTo(1);

        String csv = new String(api.download("/api/reports/annual.csv?fundingYear=" + year + "&cutOff=" + afterTheFact
                + "&centreId=" + HEINSBERG, MINISTRY).body(), StandardCharsets.UTF_8);
        assertThat(csv).contains(";Zurückgezahlt;Verwendungsnachweise überfällig\n");
        // the figures line of the centre report (the lines of the months follow with their month in the third cell)
        assertThat(csv.lines().filter(line -> line.startsWith("Gesamt;" + HEINSBERG + ";;"))).singleElement()
                .satisfies(line -> assertThat(line).endsWith(";1"));
        String page = FormClient.signedIn(port, MINISTRY).get("/berichte?jahr=" + year + "&zentrum=" + HEINSBERG).body();
        assertThat(page.replace('\u00A0', ' ')).contains("Verwendungsnachweise überfällig",
                "1 Verwendungsnachweis am " + Nrw.date(LocalDate.now(NRW)) + " überfällig");

        // the grant authority moves the due day: from then on not overdue; the report of the earlier moment stays
        assertThat(api.post("/api/grants/" + grant + "/usage-report-due",
                Map.of("dueOn", due.plusMonths(3).toString(), "reason", "Krankheit der Projektleitung"), OFFICER).status())
                .isEqualTo(204);
        assertThat(annual(year, null, HEINSBERG).path("total").path("usageReportsOverdue").asLong()).isZero();
        assertThat(annual(year, afterTheFact, HEINSBERG).path("checksum").asText()).isEqualTo(centreReport.path("checksum").asText());
    }
}
