package nrw.komman.kernel.coordination;

import nrw.komman.kernel.common.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a volunteer is usually free and away: its sealed text form and what matching asks of it. */
class AvailabilityTest {

    private static final Availability TUESDAY_MORNINGS_AWAY_AT_CHRISTMAS = new Availability(
            Set.of(new Availability.Slot(DayOfWeek.TUESDAY, DayPart.MORNING), new Availability.Slot(DayOfWeek.FRIDAY, DayPart.EVENING)),
            List.of(new Availability.Absence(LocalDate.of(2026, 12, 20), LocalDate.of(2027, 1, 6))));

    @Test
    void the_canonical_text_is_stable_and_reads_back_to_the_same_availability() {
        String text = TUESDAY_MORNINGS_AWAY_AT_CHRISTMAS.canonical();
        assertThat(text).isEqualTo("TUESDAY:MORNING,FRIDAY:EVENING|2026-12-20..2027-01-06");
        assertThat(Availability.parse(text)).isEqualTo(TUESDAY_MORNINGS_AWAY_AT_CHRISTMAS);
        assertThat(Availability.parse(null)).isEqualTo(Availability.UNKNOWN);
        assertThat(Availability.UNKNOWN.known()).isFalse();
    }

    @Test
    void matching_asks_which_slots_a_time_touches_and_whether_the_volunteer_is_away() {
        assertThat(TUESDAY_MORNINGS_AWAY_AT_CHRISTMAS.slotsTouching(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(11, 0)))
                .containsExactly(new Availability.Slot(DayOfWeek.TUESDAY, DayPart.MORNING));
        assertThat(TUESDAY_MORNINGS_AWAY_AT_CHRISTMAS.slotsTouching(DayOfWeek.TUESDAY, LocalTime.of(13, 0), LocalTime.of(15, 0))).isEmpty();
        assertThat(TUESDAY_MORNINGS_AWAY_AT_CHRISTMAS.awayOn(LocalDate.of(2026, 12, 24))).isTrue();
        assertThat(TUESDAY_MORNINGS_AWAY_AT_CHRISTMAS.awayOn(LocalDate.of(2027, 1, 7))).isFalse();
    }

    @Test
    void an_absence_ends_after_it_starts_and_there_are_at_most_twenty() {
        assertThatThrownBy(() -> new Availability.Absence(LocalDate.of(2027, 1, 6), LocalDate.of(2026, 12, 20)))
                .isInstanceOf(InvalidInputException.class).hasFieldOrPropertyWithValue("code", "availability.away.order");
        List<Availability.Absence> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(new Availability.Absence(LocalDate.of(2027, 1, 1).plusWeeks(i), LocalDate.of(2027, 1, 2).plusWeeks(i)));
        }
        assertThatThrownBy(() -> new Availability(Set.of(), many)).hasFieldOrPropertyWithValue("code", "availability.away.too-many");
    }
}
