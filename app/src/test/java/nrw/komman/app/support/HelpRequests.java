package nrw.komman.app.support;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Request bodies of coordination (issue 18) as a client writes them: a request for help, availability. */
public final class HelpRequests {

    private HelpRequests() {
    }

    /** A request for help once on a day, from {@code start} to {@code end}, in Köln, with the given languages. */
    public static Map<String, Object> once(LocalDate day, LocalTime start, LocalTime end, int minutes, List<String> languages,
                                           int volunteersNeeded) {
        return request(schedule(day, day, Set.of(), start, end), minutes, languages, volunteersNeeded);
    }

    public static Map<String, Object> request(Map<String, Object> schedule, int minutes, List<String> languages,
                                              int volunteersNeeded) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", "ACCOMPANIMENT");
        body.put("languages", languages);
        body.put("schedule", schedule);
        body.put("minutes", minutes);
        body.put("municipality", "Köln");
        body.put("place", "Ausländerbehörde Köln, Blumenbergsweg");
        body.put("volunteersNeeded", volunteersNeeded);
        body.put("requesterName", "Familie Noori");
        body.put("requesterContact", "+49 221 555 0199");
        body.put("note", "Termin zur Verlängerung des Aufenthaltstitels");
        body.put("grantId", null);
        return body;
    }

    public static Map<String, Object> schedule(LocalDate firstDay, LocalDate lastDay, Set<DayOfWeek> weekdays, LocalTime start,
                                               LocalTime end) {
        Map<String, Object> schedule = new LinkedHashMap<>();
        schedule.put("firstDay", firstDay.toString());
        schedule.put("lastDay", lastDay.toString());
        schedule.put("weekdays", weekdays.stream().sorted().map(DayOfWeek::name).toList());
        schedule.put("start", start.toString());
        schedule.put("end", end.toString());
        return schedule;
    }

    /** Availability as the API takes it: weekly slots ("TUESDAY:MORNING") and no periods away. */
    public static Map<String, Object> availability(String... slots) {
        List<Map<String, Object>> weekly = new ArrayList<>();
        for (String slot : slots) {
            String[] p = slot.split(":");
            weekly.add(Map.of("day", p[0], "part", p[1]));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("weekly", weekly);
        body.put("away", List.of());
        return body;
    }

    /** The next given weekday after today (never today itself). */
    public static LocalDate next(DayOfWeek day, LocalDate today) {
        LocalDate d = today.plusDays(1);
        while (d.getDayOfWeek() != day) {
            d = d.plusDays(1);
        }
        return d;
    }
}
