package nrw.komman.command.grant;

import nrw.komman.kernel.common.AccountRole;
import nrw.komman.kernel.common.Actor;
import nrw.komman.kernel.common.ForbiddenException;
import nrw.komman.kernel.common.InvalidInputException;
import nrw.komman.kernel.common.RuleViolationException;
import nrw.komman.kernel.grant.ProgrammeDates;
import nrw.komman.kernel.grant.ProgrammeDatesSetEvent;
import nrw.komman.kernel.grant.ProgrammePart;
import nrw.komman.kernel.grant.SetProgrammeDatesCommand;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static nrw.komman.command.testing.EventsSatisfying.eventsSatisfying;
import static nrw.komman.command.testing.Given.by;
import static nrw.komman.command.testing.Refusal.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ministry's dates of a programme part (issue 19): who sets them, what the record says, nothing unchanged. */
class ProgrammePartDatesTest {

    private static final Actor MINISTER = Actor.of("m.schulz", AccountRole.MINISTRY);
    private static final ProgrammeDates DEFAULTS = ProgrammeDates.defaults(ProgrammePart.PART_II_B);
    private static final ProgrammeDates LONGER = new ProgrammeDates(ProgrammePart.PART_II_B, 9, 6, 8, 4);
    private static final ProgrammeDates SHORTER = new ProgrammeDates(ProgrammePart.PART_II_B, 3, 2, 4, 2);

    private AggregateTestFixture<ProgrammePartDates> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ProgrammePartDates.class);
    }

    @Test
    void the_ministry_sets_a_parts_dates_the_first_time_over_the_defaults() {
        fixture.givenNoPriorActivity()
                .when(new SetProgrammeDatesCommand(LONGER, "Erlass vom 1.12."), MINISTER.toMetaData())
                .expectEvents(new ProgrammeDatesSetEvent("PART_II_B", DEFAULTS, LONGER, "Erlass vom 1.12."))
                .expectEventsMatching(eventsSatisfying(events -> assertThat(events.get(0).getMetaData())
                        .containsEntry(Actor.ACCOUNT, "m.schulz")))
                .expectState(part -> assertThat(part.dates()).isEqualTo(LONGER));
    }

    @Test
    void a_change_records_what_held_before() {
        fixture.given(by(MINISTER, new ProgrammeDatesSetEvent("PART_II_B", DEFAULTS, LONGER, null)))
                .when(new SetProgrammeDatesCommand(SHORTER, null), MINISTER.toMetaData())
                .expectEvents(new ProgrammeDatesSetEvent("PART_II_B", LONGER, SHORTER, null));
    }

    @Test
    void the_same_dates_again_are_refused_as_unchanged() {
        fixture.given(by(MINISTER, new ProgrammeDatesSetEvent("PART_II_B", DEFAULTS, LONGER, null)))
                .when(new SetProgrammeDatesCommand(LONGER, null), MINISTER.toMetaData())
                .expectException(refused(RuleViolationException.class, "programme-dates.unchanged"))
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new SetProgrammeDatesCommand(DEFAULTS, null), MINISTER.toMetaData())
                .expectException(refused(RuleViolationException.class, "programme-dates.unchanged"))
                .expectNoEvents();
    }

    @Test
    void only_the_ministry_sets_them() {
        for (Actor other : new Actor[]{Actor.of("b.officer", AccountRole.GRANT_OFFICER), Actor.coordinator("k.yilmaz",
                new nrw.komman.kernel.centre.CentreId("05166")), Actor.of("admin", AccountRole.ADMINISTRATOR), Actor.SYSTEM}) {
            fixture.givenNoPriorActivity()
                    .when(new SetProgrammeDatesCommand(LONGER, null), other.toMetaData())
                    .expectException(refused(ForbiddenException.class, "programme-dates.forbidden"))
                    .expectNoEvents();
        }
    }

    @Test
    void dates_out_of_their_range_are_no_dates() {
        assertThatThrownBy(() -> new ProgrammeDates(ProgrammePart.PART_II_B, 0, 4, 6, 4)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ProgrammeDates(ProgrammePart.PART_II_B, 6, 13, 6, 4)).isInstanceOf(InvalidInputException.class);
    }
}
