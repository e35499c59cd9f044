package nrw.komman.command.coordination.policy;

import nrw.komman.command.testing.TestBookings;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.CancelAssignmentCommand;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.privacy.ErasureReason;
import nrw.komman.kernel.privacy.VolunteerDataErasedEvent;
import nrw.komman.kernel.volunteer.VolunteerDeactivatedEvent;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A volunteer who leaves keeps no live assignment: the policy cancels each one the booking ledger knows. */
class LeavingVolunteersTest {

    private static final CentreId VIERSEN = new CentreId("05166");
    private static final VolunteerId AMIRA = new VolunteerId(UUID.fromString("0b6f7c1e-0000-4000-8000-000000000001"));
    private static final VolunteerId JONAS = new VolunteerId(UUID.fromString("0b6f7c1e-0000-4000-8000-000000000002"));
    private static final Schedule TUESDAY = Schedule.once(LocalDate.of(2026, 12, 1), LocalTime.of(9, 0), LocalTime.of(12, 0));

    private final TestBookings bookings = new TestBookings();
    private final RecordingCommandBus bus = new RecordingCommandBus();
    private final LeavingVolunteers policy = new LeavingVolunteers(bookings.ledger(), gateway(bus));

    private static org.springframework.beans.factory.ObjectProvider<CommandGateway> gateway(RecordingCommandBus bus) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("commandGateway", DefaultCommandGateway.builder().commandBus(bus).build());
        return beans.getBeanProvider(CommandGateway.class);
    }

    @Test
    void a_deactivated_volunteers_asked_and_offered_assignments_are_cancelled_by_the_platform_with_a_reason_code() {
        HelpRequestId asked = HelpRequestId.random();
        HelpRequestId offered = HelpRequestId.random();
        AssignmentId askedAssignment = AssignmentId.random();
        AssignmentId offeredAssignment = AssignmentId.random();
        bookings.ledger().hold(AMIRA, askedAssignment, asked, TUESDAY);
        bookings.ledger().offer(AMIRA, offeredAssignment, offered);
        bookings.ledger().hold(JONAS, AssignmentId.random(), asked, TUESDAY);

        policy.on(new VolunteerDeactivatedEvent(AMIRA, VIERSEN, LocalDate.of(2026, 11, 25)));

        List<CommandMessage<?>> sent = bus.getDispatchedCommands();
        assertThat(sent).extracting(m -> (Object) m.getPayload()).containsExactlyInAnyOrder(
                new CancelAssignmentCommand(asked, askedAssignment, LeavingVolunteers.DEACTIVATED),
                new CancelAssignmentCommand(offered, offeredAssignment, LeavingVolunteers.DEACTIVATED));
        assertThat(sent).allSatisfy(m -> assertThat(Actor.fromMetaData(m.getMetaData()))
                .isEqualTo(new Actor("system", nrw.komman.kernel.common.AccountRole.SYSTEM, VIERSEN)));
    }

    @Test
    void an_erased_volunteers_assignments_are_cancelled_too() {
        AssignmentId assignment = AssignmentId.random();
        HelpRequestId request = HelpRequestId.random();
        bookings.ledger().hold(AMIRA, assignment, request, TUESDAY);

        policy.on(new VolunteerDataErasedEvent(AMIRA, VIERSEN, ErasureReason.REQUEST, LocalDate.of(2026, 11, 25)));

        assertThat(bus.getDispatchedCommands()).extracting(m -> (Object) m.getPayload())
                .containsExactly(new CancelAssignmentCommand(request, assignment, LeavingVolunteers.ERASED));
    }

    @Test
    void a_volunteer_without_live_assignments_sends_nothing() {
        policy.on(new VolunteerDeactivatedEvent(JONAS, VIERSEN, LocalDate.of(2026, 11, 25)));
        assertThat(bus.getDispatchedCommands()).isEmpty();
    }

    @Test
    void a_row_the_request_no_longer_knows_as_live_does_not_stop_the_deactivation() {
        AssignmentId stale = AssignmentId.random();
        bookings.ledger().hold(AMIRA, stale, HelpRequestId.random(), TUESDAY);
        bus.setCallbackBehavior((command, metaData) -> {
            throw new RuleViolationException("assignment.not-live", "nicht mehr offen");
        });

        policy.on(new VolunteerDeactivatedEvent(AMIRA, VIERSEN, LocalDate.of(2026, 11, 25)));

        assertThat(bookings.live(stale)).isFalse();
    }
}
