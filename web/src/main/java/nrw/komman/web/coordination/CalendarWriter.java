package nrw.komman.web.coordination;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A small iCalendar writer (RFC 5545) for the assignment feeds: CRLF line endings, lines folded at 75 octets without
 * splitting a UTF-8 character, text values escaped, times local to NRW with {@code TZID=Europe/Berlin} and the
 * zone's VTIMEZONE (the summer-time rules in force since 1996), so every calendar app shows the same hour.
 */
final class CalendarWriter {

    static final String TZID = "Europe/Berlin";
    private static final int FOLD_AT = 75;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final StringBuilder out = new StringBuilder();

    CalendarWriter(String name) {
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line("PRODID:-//KOMM-AN NRW//Einsaetze//DE");
        line("CALSCALE:GREGORIAN");
        line("METHOD:PUBLISH");
        property("X-WR-CALNAME", name);
        line("X-WR-TIMEZONE:" + TZID);
        line("BEGIN:VTIMEZONE");
        line("TZID:" + TZID);
        line("BEGIN:DAYLIGHT");
        line("TZOFFSETFROM:+0100");
        line("TZOFFSETTO:+0200");
        line("TZNAME:CEST");
        line("DTSTART:19700329T020000");
        line("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
        line("END:DAYLIGHT");
        line("BEGIN:STANDARD");
        line("TZOFFSETFROM:+0200");
        line("TZOFFSETTO:+0100");
        line("TZNAME:CET");
        line("DTSTART:19701025T030000");
        line("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
        line("END:STANDARD");
        line("END:VTIMEZONE");
    }

    /** One event on one day, from start to end local time. */
    CalendarWriter event(Event event) {
        line("BEGIN:VEVENT");
        property("UID", event.uid());
        line("DTSTAMP:" + UTC.format(event.stamp()));
        line("DTSTART;TZID=" + TZID + ":" + LOCAL.format(event.day().atTime(event.start())));
        line("DTEND;TZID=" + TZID + ":" + LOCAL.format(event.day().atTime(event.end())));
        property("SUMMARY", event.summary());
        if (event.location() != null && !event.location().isBlank()) {
            property("LOCATION", event.location());
        }
        if (event.description() != null && !event.description().isBlank()) {
            property("DESCRIPTION", event.description());
        }
        line("STATUS:" + event.status());
        line("SEQUENCE:" + event.sequence());
        line("TRANSP:" + ("CANCELLED".equals(event.status()) ? "TRANSPARENT" : "OPAQUE"));
        line("END:VEVENT");
        return this;
    }

    String end() {
        line("END:VCALENDAR");
        return out.toString();
    }

    private void property(String name, String text) {
        line(name + ":" + escape(text));
    }

    /** RFC 5545 3.3.11: backslash, semicolon, comma and line breaks escaped. */
    static String escape(String text) {
        StringBuilder s = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case ';' -> s.append("\\;");
                case ',' -> s.append("\\,");
                case '\n' -> s.append("\\n");
                case '\r' -> { } // a CRLF is one line break, written by the \n
                default -> s.append(c);
            }
        }
        return s.toString();
    }

    /** RFC 5545 3.1: a line longer than 75 octets goes on in lines that begin with a space. */
    private void line(String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int codePoint = content.codePointAt(i);
            int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > FOLD_AT) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        out.append("\r\n");
    }

    /**
     * @param status   CONFIRMED, TENTATIVE or CANCELLED
     * @param sequence rises with every change of the event a calendar has seen
     */
    record Event(String uid, Instant stamp, LocalDate day, LocalTime start, LocalTime end, String summary, String location,
                 String description, String status, int sequence) {
    }
}
