package nrw.komman.command.privacy;

import nrw.komman.command.testing.InMemoryGrantFiles;
import nrw.komman.command.testing.InMemoryRequesterRetention;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.command.testing.InMemoryVolunteerRetention;
import nrw.komman.command.testing.TestClock;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.privacy.RetentionRunRecordedEvent;
import nrw.komman.kernel.privacy.RunRetentionCommand;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static nrw.komman.command.testing.EventsSatisfying.eventsSatisfying;
import static nrw.komman.command.testing.Refusal.refused;
import static nrw.komman.command.testing.TestClock.TODAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The retention run: who may start it, what it erases (through the port) and what it records. */
class RetentionRunTest {

    private static final CentreId VIERSEN = new CentreId("05166");
    private static final Actor ADMINISTRATOR = Actor.of("betrieb", AccountRole.ADMINISTRATOR);
    private static final String RUN = "2026-11-25-a1b2c3";
    /** Three full years before the test's "today" (25 November 2026). */
    private static final LocalDate CUTOFF = LocalDate.of(2023, 11, 25);

    private final VolunteerId longInactive = VolunteerId.random();
    private final VolunteerId exactlyThreeYears = VolunteerId.random();
    private final VolunteerId notYet = VolunteerId.random();

    private AggregateTestFixture<RetentionRun> fixture;
    private InMemoryVolunteerRetention candidates;
    private InMemoryGrantFiles grantFiles;
    private RecordingErasure erasure;
    private final InMemoryRequesterRetention endedRequests = new InMemoryRequesterRetention();
    private final RecordingRequesterErasure requesterErasure = new RecordingRequesterErasure();

    static final class RecordingRequesterErasure implements RequesterErasure {
        final List<HelpRequestId> asked = new ArrayList<>();
        final List<LocalDate> cutoffs = new ArrayList<>();

        @Override
        public boolean eraseIfDue(HelpRequestId requestId, LocalDate cutoff, Actor actor) {
            asked.add(requestId);
            cutoffs.add(cutoff);
            return true;
        }
    }

    /** Erases whatever it is asked to, except the volunteers the aggregate would find no longer due. */
    static final class RecordingErasure implements RetentionErasure {
        final List<VolunteerId> asked = new ArrayList<>();
        final List<Actor> actors = new ArrayList<>();
        final List<LocalDate> cutoffs = new ArrayList<>();
        final Set<VolunteerId> noLongerDue = new HashSet<>();

        @Override
        public boolean eraseIfDue(VolunteerId volunteerId, LocalDate cutoff, Actor actor) {
            asked.add(volunteerId);
            actors.add(actor);
            cutoffs.add(cutoff);
            return !noLongerDue.contains(volunteerId);
        }
    }

    @BeforeEach
    void setUp() {
        candidates = new InMemoryVolunteerRetention();
        candidates.deactivated(longInactive, VIERSEN, LocalDate.of(2019, 5, 1));
        candidates.deactivated(exactlyThreeYears, VIERSEN, CUTOFF);
        candidates.deactivated(notYet, VIERSEN, CUTOFF.plusDays(1));
        grantFiles = new InMemoryGrantFiles()
                .reported(GrantId.random(), LocalDate.of(2020, 2, 15))
                .reported(GrantId.random(), LocalDate.of(2021, 11, 25)) // exactly five years
                .reported(GrantId.random(), LocalDate.of(2021, 11, 26));
        erasure = new RecordingErasure();
        fixture = fixture(new RetentionRules(3, 5), candidates, grantFiles);
    }

    private AggregateTestFixture<RetentionRun> fixture(RetentionRules rules, RetentionCandidates candidates,
                                                       DueGrantFiles grantFiles) {
        AggregateTestFixture<RetentionRun> f = new AggregateTestFixture<>(RetentionRun.class);
        f.registerInjectableResource(TestClock.CLOCK);
        f.registerInjectableResource(rules);
        f.registerInjectableResource(candidates);
        f.registerInjectableResource(erasure);
        f.registerInjectableResource(grantFiles);
        f.registerInjectableResource(endedRequests);
        f.registerInjectableResource(requesterErasure);
        return f;
    }

    @Test
    void an_administrator_runs_the_rules_and_the_run_is_recorded_with_the_erased_ids_and_the_grant_files_due() {
        fixture.givenNoPriorActivity()
                .when(new RunRetentionCommand(RUN), ADMINISTRATOR.toMetaData())
                .expectEvents(new RetentionRunRecordedEvent(RUN, TODAY, 3, 5, List.of(longInactive, exactlyThreeYears), 2))
                .expectEventsMatching(eventsSatisfying(events -> assertThat(events.get(0).getMetaData())
                        .containsEntry(Actor.ACCOUNT, "betrieb").containsEntry(Actor.ROLE, "ADMINISTRATOR")));
        assertThat(erasure.asked).containsExactly(longInactive, exactlyThreeYears);
        assertThat(erasure.cutoffs).containsOnly(CUTOFF);
    }

    @Test
    void the_erasures_are_recorded_as_the_platforms_with_the_administrators_account() {
        fixture.givenNoPriorActivity()
                .when(new RunRetentionCommand(RUN), ADMINISTRATOR.toMetaData())
                .expectSuccessfulHandlerExecution();
        assertThat(erasure.actors).containsOnly(new Actor("betrieb", AccountRole.SYSTEM, null));
    }

    @Test
    void a_volunteer_the_aggregate_no_longer_finds_due_is_not_in_the_record() {
        erasure.noLongerDue.add(longInactive); // reactivated or erased meanwhile
        fixture.givenNoPriorActivity()
                .when(new RunRetentionCommand(RUN), ADMINISTRATOR.toMetaData())
                .expectEvents(new RetentionRunRecordedEvent(RUN, TODAY, 3, 5, List.of(exactlyThreeYears), 2));
    }

    @Test
    void a_run_with_nothing_due_is_recorded_too() {
        fixture(new RetentionRules(3, 5), new InMemoryVolunteerRetention(), new InMemoryGrantFiles()).givenNoPriorActivity()
                .when(new RunRetentionCommand(RUN), ADMINISTRATOR.toMetaData())
                .expectEvents(new RetentionRunRecordedEvent(RUN, TODAY, 3, 5, List.of(), 0));
    }

    @Test
    void the_periods_come_from_the_configuration() {
        fixture(new RetentionRules(7, 10), candidates, grantFiles).givenNoPriorActivity()
                .when(new RunRetentionCommand(RUN), ADMINISTRATOR.toMetaData())
                .expectEvents(new RetentionRunRecordedEvent(RUN, TODAY, 7, 10, List.of(longInactive), 0));
    }

    /** ADR 39: the platform runs the same rules on its schedule, under the id of the execution's planned time. */
    @Test
    void the_platform_runs_the_rules_on_its_schedule_and_the_run_is_recorded_as_the_platforms() {
        String scheduled = RetentionSchedule.runId(java.time.Instant.parse("2026-12-07T01:30:00Z"));
        assertThat(scheduled).isEqualTo("2026-12-07-scheduled023000");
        fixture.givenNoPriorActivity()
                .when(new RunRetentionCommand(scheduled), Actor.SYSTEM.toMetaData())
                .expectEvents(new RetentionRunRecordedEvent(scheduled, TODAY, 3, 5, List.of(longInactive, exactlyThreeYears), 2))
                .expectEventsMatching(eventsSatisfying(events -> assertThat(events.get(0).getMetaData())
                        .containsEntry(Actor.ACCOUNT, "system").containsEntry(Actor.ROLE, "SYSTEM")));
        assertThat(erasure.actors).containsOnly(Actor.SYSTEM);
    }

    @ParameterizedTest
    @EnumSource(value = AccountRole.class, names = {"ADMINISTRATOR", "SYSTEM"}, mode = EnumSource.Mode.EXCLUDE)
    void only_an_administrator_or_the_platform_runs_the_rules(AccountRole role) {
        Actor actor = role == AccountRole.COORDINATOR ? Actor.coordinator("k.yilmaz", VIERSEN) : Actor.of("someone", role);
        fixture.givenNoPriorActivity()
                .when(new RunRetentionCommand(RUN), actor.toMetaData())
                .expectException(refused(ForbiddenException.class, "retention.forbidden"))
                .expectNoEvents();
        assertThat(erasure.asked).isEmpty();
    }

    @Test
    void a_run_id_is_used_once() {
        fixture.given(new RetentionRunRecordedEvent(RUN, TODAY, 3, 5, List.of(), 0))
                .when(new RunRetentionCommand(RUN), ADMINISTRATOR.toMetaData())
                .expectException(refused(RuleViolationException.class, "retention.run.duplicate"))
                .expectNoEvents();
        assertThat(erasure.asked).isEmpty();
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"lauf mit leerzeichen", "05166", "2026/PART_I",
            "3f1c2a7e-0000-4000-8000-000000000001", "2026-11-25-", "2026-11-25-a b"})
    void a_run_id_that_is_not_a_date_with_a_random_suffix_is_refused(String runId) {
        // aggregate ids share one namespace: a run must never land in a centre's, budget's or volunteer's stream
        fixture.givenNoPriorActivity()
                .when(new RunRetentionCommand(runId), ADMINISTRATOR.toMetaData())
                .expectException(refused(InvalidInputException.class, "retention.run-id.invalid"))
                .expectNoEvents();
        assertThat(erasure.asked).isEmpty();
    }

    @Test
    void a_missing_run_id_is_refused_by_the_command_itself() {
        assertThatThrownBy(() -> new RunRetentionCommand(" "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.code()).isEqualTo("runId.missing"));
        assertThatThrownBy(() -> new RunRetentionCommand(null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void the_periods_are_whole_years_of_at_least_one() {
        assertThatThrownBy(() -> new RetentionRules(0, 5)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new RetentionRules(3, 0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void the_data_of_requesters_is_erased_six_full_months_after_their_request_ended() {
        HelpRequestId longAgo = HelpRequestId.random();
        HelpRequestId exactlySixMonths = HelpRequestId.random();
        HelpRequestId notYet = HelpRequestId.random();
        endedRequests.ended(longAgo, VIERSEN, LocalDate.of(2025, 1, 10));
        endedRequests.ended(exactlySixMonths, VIERSEN, LocalDate.of(2026, 5, 25));
        endedRequests.ended(notYet, VIERSEN, LocalDate.of(2026, 5, 26));
        fixture.givenNoPriorActivity()
                .when(new RunRetentionCommand(RUN), ADMINISTRATOR.toMetaData())
                .expectSuccessfulHandlerExecution();
        assertThat(requesterErasure.asked).containsExactly(longAgo, exactlySixMonths);
        assertThat(requesterErasure.cutoffs).containsOnly(LocalDate.of(2026, 5, 25));
    }

    @Test
    void the_period_for_requesters_data_is_configurable() {
        HelpRequestId endedInMarch = HelpRequestId.random();
        endedRequests.ended(endedInMarch, VIERSEN, LocalDate.of(2026, 3, 1));
        fixture(new RetentionRules(3, 5, 12), candidates, grantFiles).givenNoPriorActivity()
                .when(new RunRetentionCommand(RUN), ADMINISTRATOR.toMetaData())
                .expectSuccessfulHandlerExecution();
        assertThat(requesterErasure.asked).isEmpty();
        assertThatThrownBy(() -> new RetentionRules(3, 5, 0)).isInstanceOf(IllegalStateException.class);
    }
}
