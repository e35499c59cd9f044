package nrw.komman.web.coordination;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import nrw.komman.kernel.coordination.Availability;
import nrw.komman.kernel.coordination.DayPart;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When a volunteer is usually free and away, as the API takes it:
 * {@code {"weekly":[{"day":"TUESDAY","part":"MORNING"}],"away":[{"from":"2026-12-20","until":"2027-01-06"}]}}.
 * Both lists may be empty (nothing said); the kernel's {@link Availability} checks the rest.
 */
public record AvailabilityRequest(@Size(max = 21) List<@Valid @NotNull WeeklySlot> weekly,
                                  @Size(max = Availability.MAX_ABSENCES) List<@Valid @NotNull Away> away) {

    public Availability toAvailability() {
        Set<Availability.Slot> slots = weekly == null ? Set.of()
                : weekly.stream().map(s -> new Availability.Slot(s.day(), s.part())).collect(Collectors.toSet());
        List<Availability.Absence> absences = away == null ? List.of()
                : away.stream().map(a -> new Availability.Absence(a.from(), a.until())).toList();
        return new Availability(slots, absences);
    }

    public record WeeklySlot(@NotNull DayOfWeek day, @NotNull DayPart part) {
    }

    public record Away(@NotNull LocalDate from, @NotNull LocalDate until) {
    }
}
