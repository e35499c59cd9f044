package nrw.komman.web.coordination;

import nrw.komman.kernel.coordination.Availability;
import nrw.komman.kernel.coordination.DayPart;
import nrw.komman.web.platform.page.Formats;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import nrw.komman.kernel.coordination.Schedule;

import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A volunteer's availability in words for the pages ({@code @availabilityWords}): "Dienstag: Vormittag, Abend",
 * "abwesend 20.12.2026 bis 06.01.2027"; and the words of the form's table.
 */
@Component("availabilityWords")
public class AvailabilityWords {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final MessageSource messages;
    private final Formats formats;

    public AvailabilityWords(MessageSource messages, Formats formats) {
        this.messages = messages;
        this.formats = formats;
    }

    /** One line per weekday the volunteer is usually free on. */
    public List<String> weekly(Availability availability, Locale locale) {
        List<String> lines = new ArrayList<>();
        if (availability == null) {
            return lines;
        }
        for (DayOfWeek day : AvailabilityForm.DAYS) {
            List<String> parts = new ArrayList<>();
            for (DayPart part : AvailabilityForm.PARTS) {
                if (availability.weekly().contains(new Availability.Slot(day, part))) {
                    parts.add(part(part, locale));
                }
            }
            if (!parts.isEmpty()) {
                lines.add(day(day, locale) + ": " + String.join(", ", parts));
            }
        }
        return lines;
    }

    /** One line per period away. */
    public List<String> away(Availability availability, Locale locale) {
        if (availability == null) {
            return List.of();
        }
        return availability.away().stream()
                .map(a -> messages.getMessage("availability.away.period", new Object[]{formats.date(a.from()), formats.date(a.until())}, locale))
                .toList();
    }

    /**
     * When an assignment is, in words: "Dienstag, 08.12.2026, 09:00–12:00 Uhr" once, or "Dienstag, Donnerstag,
     * 15:00–18:00 Uhr, vom 03.12.2026 bis 25.02.2027" when it recurs.
     */
    public String schedule(Schedule schedule, Locale locale) {
        String time = messages.getMessage("link.schedule.time", new Object[]{TIME.format(schedule.start()), TIME.format(schedule.end())}, locale);
        if (!schedule.recurring()) {
            return day(schedule.firstDay().getDayOfWeek(), locale) + ", " + formats.date(schedule.firstDay()) + ", " + time;
        }
        List<String> days = schedule.weekdays().stream().sorted().map(d -> day(d, locale)).toList();
        return messages.getMessage("link.schedule.recurring", new Object[]{String.join(", ", days), time,
                formats.date(schedule.firstDay()), formats.date(schedule.lastDay())}, locale);
    }

    public String day(DayOfWeek day, Locale locale) {
        return messages.getMessage("availability.weekday." + day.name(), null, day.name(), locale);
    }

    public String part(DayPart part, Locale locale) {
        return messages.getMessage("availability.part." + part.name(), null, part.name(), locale);
    }

    public List<DayOfWeek> days() {
        return AvailabilityForm.DAYS;
    }

    public List<DayPart> parts() {
        return AvailabilityForm.PARTS;
    }

    public String key(DayOfWeek day, DayPart part) {
        return AvailabilityForm.key(day, part);
    }
}
