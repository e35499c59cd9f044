package nrw.komman.query.centre;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.activity.ActivityId;
import nrw.komman.kernel.activity.ActivityLoggedEvent;
import nrw.komman.kernel.budget.BudgetId;
import nrw.komman.kernel.budget.BudgetSetEvent;
import nrw.komman.kernel.centre.CentreEstablishedEvent;
import nrw.komman.kernel.common.Money;
import nrw.komman.kernel.grant.GrantAppliedEvent;
import nrw.komman.kernel.grant.GrantId;
import nrw.komman.kernel.grant.GrantRejectedEvent;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.volunteer.VolunteerDeactivatedEvent;
import nrw.komman.kernel.volunteer.VolunteerId;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

import static nrw.komman.query.support.ReadSide.KOELN;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CentreSequencingPolicyTest {

    private final CentreSequencingPolicy policy = new CentreSequencingPolicy();

    @Test
    void events_of_volunteers_activities_grants_and_centres_are_sequenced_by_their_centre() {
        VolunteerId volunteer = VolunteerId.random();
        GrantId grant = GrantId.random();
        Object[] payloads = {
                new CentreEstablishedEvent(KOELN, "Stadt Köln", "Kreisfreie Stadt", KOELN.regierungsbezirk(), LocalDate.of(2013, 1, 1)),
                new VolunteerDeactivatedEvent(volunteer, KOELN, LocalDate.of(2025, 1, 1)),
                new ActivityLoggedEvent(ActivityId.random(), volunteer, KOELN, LocalDate.of(2025, 1, 1), 60,
                        ActivityCategory.OTHER, null, null),
                new GrantAppliedEvent(grant, KOELN, 2025, ProgrammePart.PART_I, "Titel", "Zweck",
                        Money.ofCents(100), LocalDate.of(2025, 1, 1)),
                new GrantRejectedEvent(grant, KOELN, "Kein Bedarf")};
        for (Object payload : payloads) {
            assertThat(policy.getSequenceIdentifierFor(
                    new GenericDomainEventMessage<>("Any", "aggregate-" + payload.hashCode(), 0, payload)))
                    .as(payload.getClass().getSimpleName())
                    .isEqualTo("05315");
        }
    }

    @Test
    void a_centres_budget_is_sequenced_by_its_centre_and_a_state_wide_one_by_its_budget_however_it_arrives() {
        BudgetSetEvent koeln = new BudgetSetEvent(BudgetId.of(2026, ProgrammePart.PART_I, KOELN), 2026,
                ProgrammePart.PART_I, KOELN, null, Money.ofCents(100), null);
        BudgetSetEvent stateWide = new BudgetSetEvent(BudgetId.of(2026, ProgrammePart.PART_I), 2026,
                ProgrammePart.PART_I, null, null, Money.ofCents(100), null);
        BudgetSetEvent stateWideAgain = new BudgetSetEvent(BudgetId.of(2026, ProgrammePart.PART_I), 2026,
                ProgrammePart.PART_I, null, Money.ofCents(100), Money.ofCents(200), "mehr");
        BudgetSetEvent otherPart = new BudgetSetEvent(BudgetId.of(2026, ProgrammePart.PART_II_A), 2026,
                ProgrammePart.PART_II_A, null, null, Money.ofCents(100), null);

        assertThat(policy.getSequenceIdentifierFor(
                new GenericDomainEventMessage<>("Budget", "2026/PART_I/05315", 0, koeln))).isEqualTo("05315");
        Object first = policy.getSequenceIdentifierFor(new GenericDomainEventMessage<>("Budget", "2026/PART_I", 0, stateWide));
        Object second = policy.getSequenceIdentifierFor(new GenericEventMessage<>(stateWideAgain));
        assertThat(first).isEqualTo("2026/PART_I").isEqualTo(second);
        assertThat(policy.getSequenceIdentifierFor(new GenericEventMessage<>(otherPart))).isEqualTo("2026/PART_II_A");
    }

    @Test
    void an_event_without_a_centre_is_sequenced_by_its_aggregate() {
        assertThat(policy.getSequenceIdentifierFor(
                new GenericDomainEventMessage<>("Account", "account-7", 3, "a payload without centre")))
                .isEqualTo("account-7");
    }

    @Test
    void an_event_without_centre_and_aggregate_is_sequenced_by_itself() {
        GenericEventMessage<String> message = new GenericEventMessage<>("no centre, no aggregate");
        assertThat(policy.getSequenceIdentifierFor(message)).isEqualTo(message.getIdentifier());
    }

    @Test
    void the_bean_is_named_as_the_application_configures_it() {
        assertThat(CentreSequencingPolicy.class.getAnnotation(Component.class).value())
                .isEqualTo("centreSequencingPolicy");
    }
}
