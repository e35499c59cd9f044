package nrw.komman.kernel.coordination;

import nrw.komman.kernel.common.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When a request needs people, and when two assignments overlap (rule 15 is decided on these occurrences). */
class ScheduleTest {

    private static final LocalTime NINE = LocalTime.of(9, 0);
    private static final LocalTime ELEVEN = LocalTime.of(11, 0);

    @Test
    void once_is_one_occurrence_in_nrw_time_summer_and_winter() {
        assertThat(Schedule.once(LocalDate.of(2026, 7, 7), NINE, ELEVEN).occurrences())
                .singleElement().satisfies(o -> assertThat(o.startsAt()).isEqualTo(Instant.parse("2026-07-07T07:00:00Z")));
        assertThat(Schedule.once(LocalDate.of(2026, 12, 8), NINE, ELEVEN).occurrences())
                .singleElement().satisfies(o -> assertThat(o.startsAt()).isEqualTo(Instant.parse("2026-12-08T08:00:00Z")));
    }

    @Test
    void a_weekly_schedule_has_its_weekdays_of_the_period_across_the_change_of_time() {
        Schedule thursdays = Schedule.weekly(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 5), Set.of(DayOfWeek.THURSDAY),
                LocalTime.of(15, 0), LocalTime.of(18, 0));
        assertThat(thursdays.days()).hasSize(6).allMatch(d -> d.getDayOfWeek() == DayOfWeek.THURSDAY);
        // 22 October is summer time (UTC+2), 29 October winter time (UTC+1): 15:00 local both times
        assertThat(thursdays.occurrences().get(3).startsAt()).isEqualTo(Instant.parse("2026-10-22T13:00:00Z"));
        assertThat(thursdays.occurrences().get(4).startsAt()).isEqualTo(Instant.parse("2026-10-29T14:00:00Z"));
        assertThat(thursdays.hasDay(LocalDate.of(2026, 10, 29))).isTrue();
        assertThat(thursdays.hasDay(LocalDate.of(2026, 10, 28))).isFalse();
    }

    @Test
    void overlapping_times_overlap_and_touching_ends_do_not() {
        LocalDate day = LocalDate.of(2026, 12, 8);
        Schedule morning = Schedule.once(day, NINE, ELEVEN);
        assertThat(morning.overlaps(Schedule.once(day, LocalTime.of(10, 30), LocalTime.of(12, 0)))).isTrue();
        assertThat(morning.overlaps(Schedule.once(day, ELEVEN, LocalTime.of(12, 0)))).isFalse();
        assertThat(morning.overlaps(Schedule.once(day.plusDays(1), NINE, ELEVEN))).isFalse();
        Schedule tuesdays = Schedule.weekly(day.minusWeeks(4), day.plusWeeks(4), Set.of(DayOfWeek.TUESDAY), LocalTime.of(10, 0),
                LocalTime.of(10, 30));
        assertThat(tuesdays.overlaps(morning)).isTrue();
        assertThat(morning.overlaps(tuesdays)).isTrue();
        Schedule wednesdays = Schedule.weekly(day.minusWeeks(4), day.plusWeeks(4), Set.of(DayOfWeek.WEDNESDAY), NINE, ELEVEN);
        assertThat(wednesdays.overlaps(tuesdays)).isFalse();
    }

    @Test
    void a_recurring_schedule_spans_at_most_366_days() {
        LocalDate first = LocalDate.of(2026, 1, 5);
        assertThat(Schedule.weekly(first, first.plusDays(365), Set.of(DayOfWeek.MONDAY), NINE, ELEVEN).days()).hasSize(53);
        assertThatThrownBy(() -> Schedule.weekly(first, first.plusDays(366), Set.of(DayOfWeek.MONDAY), NINE, ELEVEN))
                .isInstanceOf(InvalidInputException.class).hasFieldOrPropertyWithValue("code", "schedule.too-long");
    }

    @Test
    void bad_schedules_are_refused_with_their_codes() {
        LocalDate day = LocalDate.of(2026, 12, 8);
        assertThatThrownBy(() -> Schedule.once(day, ELEVEN, NINE)).hasFieldOrPropertyWithValue("code", "schedule.end.before-start");
        assertThatThrownBy(() -> Schedule.once(day, NINE, NINE)).hasFieldOrPropertyWithValue("code", "schedule.end.before-start");
        assertThatThrownBy(() -> new Schedule(day, day.plusDays(7), Set.of(), NINE, ELEVEN))
                .hasFieldOrPropertyWithValue("code", "schedule.weekdays.missing");
        assertThatThrownBy(() -> new Schedule(day, day.minusDays(1), Set.of(DayOfWeek.TUESDAY), NINE, ELEVEN))
                .hasFieldOrPropertyWithValue("code", "schedule.lastDay.before-first");
        // Tuesday 8 to Thursday 10 December holds no Saturday
        assertThatThrownBy(() -> Schedule.weekly(day, day.plusDays(2), Set.of(DayOfWeek.SATURDAY), NINE, ELEVEN))
                .hasFieldOrPropertyWithValue("code", "schedule.no-occurrence");
        assertThatThrownBy(() -> new Schedule(null, null, null, NINE, ELEVEN)).hasFieldOrPropertyWithValue("code", "schedule.firstDay.missing");
    }

    @Test
    void weekdays_are_kept_in_the_weeks_order_so_a_schedule_is_written_the_same_way_every_time() {
        Schedule schedule = Schedule.weekly(LocalDate.of(2026, 12, 7), LocalDate.of(2027, 1, 31),
                Set.of(DayOfWeek.FRIDAY, DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY), NINE, ELEVEN);
        assertThat(schedule.weekdays()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
        assertThat(schedule).isEqualTo(Schedule.weekly(LocalDate.of(2026, 12, 7), LocalDate.of(2027, 1, 31),
                EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), NINE, ELEVEN));
    }
}
