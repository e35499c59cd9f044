package nrw.komman.web.coordination;

import nrw.komman.kernel.activity.ActivityCategory;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.coordination.AssignmentId;
import nrw.komman.kernel.coordination.AssignmentStatus;
import nrw.komman.kernel.coordination.AssignmentView;
import nrw.komman.kernel.coordination.HelpRequestId;
import nrw.komman.kernel.coordination.Schedule;
import nrw.komman.kernel.volunteer.VolunteerId;
import nrw.komman.web.platform.Today;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The iCalendar feeds read back with a tiny parser of the test's own (unfolding, unescaping, TZID): RFC 5545's line
 * endings and folding at 75 octets, escaped text, local times of Europe/Berlin with its VTIMEZONE, one event per
 * assignment and day with a stable UID, cancelled ones marked so with a higher SEQUENCE.
 */
class CalendarWriterTest {

    private static final CentreId KOELN = new CentreId("05315");
    private static final Instant NOW = Instant.parse("2026-12-06T13:00:00Z");

    private final CalendarFeeds feeds = feeds();

    private static CalendarFeeds feeds() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return new CalendarFeeds(null, null, messages, new Today(Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    private static AssignmentView assignment(AssignmentId id, AssignmentStatus status, Schedule schedule, String place) {
        return new AssignmentView(id, HelpRequestId.random(), KOELN, VolunteerId.random(), "Amina Haddad", status,
                ActivityCategory.ACCOMPANIMENT, schedule, 120, "Köln", place, null, List.of(), List.of());
    }

    // ---- a tiny reader of what the writer wrote -----------------------------------------------------

    /** The content lines after unfolding (RFC 5545 3.1), checking every physical line on the way. */
    static List<String> unfold(String ics) {
        assertThat(ics).endsWith("\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        List<String> lines = new ArrayList<>();
        for (String physical : ics.split("\r\n")) {
            assertThat(physical.getBytes(StandardCharsets.UTF_8).length).as(physical).isLessThanOrEqualTo(75);
            if (physical.startsWith(" ")) {
                lines.set(lines.size() - 1, lines.get(lines.size() - 1) + physical.substring(1));
            } else {
                lines.add(physical);
            }
        }
        return lines;
    }

    static String unescape(String value) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                char next = value.charAt(++i);
                s.append(next == 'n' || next == 'N' ? '\n' : next);
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    /** The VEVENTs, each as its properties (name with parameters → value). */
    static List<Map<String, String>> events(String ics) {
        List<Map<String, String>> events = new ArrayList<>();
        Map<String, String> current = null;
        for (String line : unfold(ics)) {
            if (line.equals("BEGIN:VEVENT")) {
                current = new LinkedHashMap<>();
            } else if (line.equals("END:VEVENT")) {
                events.add(current);
                current = null;
            } else if (current != null) {
                int colon = line.indexOf(':');
                current.put(line.substring(0, colon), line.substring(colon + 1));
            }
        }
        return events;
    }

    static Instant instant(String tzidProperty, String value) {
        assertThat(tzidProperty).endsWith(";TZID=Europe/Berlin");
        return LocalDateTime.parse(value, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")).atZone(ZoneId.of("Europe/Berlin")).toInstant();
    }

    // ---- the tests ----------------------------------------------------------------------------------

    @Test
    void a_calendar_has_the_frame_and_berlin_time_zone_with_summer_time() {
        List<String> lines = unfold(feeds.write("Meine Einsätze", List.of(), false));
        assertThat(lines.get(0)).isEqualTo("BEGIN:VCALENDAR");
        assertThat(lines).contains("VERSION:2.0", "BEGIN:VTIMEZONE", "TZID:Europe/Berlin", "TZOFFSETTO:+0200",
                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:VTIMEZONE");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("END:VCALENDAR");
    }

    @Test
    void one_event_per_day_with_a_stable_uid_in_local_time_winter_and_summer() {
        AssignmentId id = AssignmentId.random();
        Schedule weekly = Schedule.weekly(LocalDate.of(2027, 3, 23), LocalDate.of(2027, 4, 1), Set.of(DayOfWeek.THURSDAY),
                LocalTime.of(15, 0), LocalTime.of(18, 0));
        String ics = feeds.write("Einsätze", List.of(assignment(id, AssignmentStatus.CONFIRMED, weekly, "Café")), false);
        List<Map<String, String>> events = events(ics);
        assertThat(events).hasSize(2);
        assertThat(events.get(0).get("UID")).isEqualTo(id + "-20270325@komm-an.nrw");
        assertThat(events.get(1).get("UID")).isEqualTo(id + "-20270401@komm-an.nrw");
        assertThat(events(feeds.write("Einsätze", List.of(assignment(id, AssignmentStatus.CONFIRMED, weekly, "Café")), false)))
                .extracting(e -> e.get("UID")).containsExactly(events.get(0).get("UID"), events.get(1).get("UID"));
        // 15:00 in Cologne is 14:00 UTC before the change to summer time (28 March 2027) and 13:00 after it
        Map<String, String> winter = events.get(0);
        String start = winter.keySet().stream().filter(k -> k.startsWith("DTSTART")).findFirst().orElseThrow();
        assertThat(instant(start, winter.get(start))).isEqualTo(Instant.parse("2027-03-25T14:00:00Z"));
        Map<String, String> summer = events.get(1);
        assertThat(instant(start, summer.get(start))).isEqualTo(Instant.parse("2027-04-01T13:00:00Z"));
        String end = summer.keySet().stream().filter(k -> k.startsWith("DTEND")).findFirst().orElseThrow();
        assertThat(instant(end, summer.get(end))).isEqualTo(Instant.parse("2027-04-01T16:00:00Z"));
        assertThat(winter.get("DTSTAMP")).isEqualTo("20261206T130000Z");
        assertThat(winter.get("STATUS")).isEqualTo("CONFIRMED");
    }

    @Test
    void text_is_escaped_and_long_lines_are_folded_without_splitting_a_character() {
        String place = "Ausländerbehörde; Zimmer 3, Eingang B\\Hof\nbitte klingeln – Blumenberger Straße 1, 50765 Köln-Chorweiler, "
                + "Warteraum im Erdgeschoss neben der Anmeldung für Aufenthaltstitel";
        String ics = feeds.write("Einsätze", List.of(assignment(AssignmentId.random(), AssignmentStatus.ASKED,
                Schedule.once(LocalDate.of(2026, 12, 8), LocalTime.of(9, 0), LocalTime.of(12, 0)), place)), true);
        assertThat(ics).contains("Ausländerbehörde\\; Zimmer 3\\, Eingang B\\\\Hof\\nbitte");
        assertThat(ics).contains("\r\n "); // folded
        Map<String, String> event = events(ics).get(0);
        assertThat(unescape(event.get("LOCATION"))).isEqualTo(place + ", Köln");
        assertThat(unescape(event.get("SUMMARY"))).isEqualTo("Begleitung zu Ämtern und Ärzt*innen – Amina Haddad");
        assertThat(event.get("STATUS")).isEqualTo("TENTATIVE");
        for (String physical : ics.split("\r\n")) {
            assertThat(physical).doesNotContain("\uFFFD");
        }
    }

    @Test
    void a_cancelled_assignment_stays_in_the_feed_as_cancelled_with_a_higher_sequence() {
        AssignmentId id = AssignmentId.random();
        Schedule once = Schedule.once(LocalDate.of(2026, 12, 8), LocalTime.of(9, 0), LocalTime.of(12, 0));
        Map<String, String> asked = events(feeds.write("x", List.of(assignment(id, AssignmentStatus.ASKED, once, null)), false)).get(0);
        Map<String, String> confirmed = events(feeds.write("x", List.of(assignment(id, AssignmentStatus.CONFIRMED, once, null)), false)).get(0);
        Map<String, String> cancelled = events(feeds.write("x", List.of(assignment(id, AssignmentStatus.CANCELLED, once, null)), false)).get(0);
        assertThat(cancelled.get("UID")).isEqualTo(asked.get("UID")).isEqualTo(confirmed.get("UID"));
        assertThat(cancelled.get("STATUS")).isEqualTo("CANCELLED");
        assertThat(Integer.parseInt(asked.get("SEQUENCE"))).isLessThan(Integer.parseInt(confirmed.get("SEQUENCE")));
        assertThat(Integer.parseInt(confirmed.get("SEQUENCE"))).isLessThan(Integer.parseInt(cancelled.get("SEQUENCE")));
        assertThat(asked.get("LOCATION")).isEqualTo("Köln"); // no place (not yet confirmed, or erased): the municipality
    }
}
