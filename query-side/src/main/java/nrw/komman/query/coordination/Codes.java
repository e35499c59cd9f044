package nrw.komman.query.coordination;

import nrw.komman.kernel.coordination.Schedule;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** How the coordination read models spell sets of codes in one column, and read them back. */
final class Codes {

    private Codes() {
    }

    /** Language codes, sorted, comma-separated ("fa,ps"); empty when none. */
    static String languages(Collection<String> languages) {
        return languages == null ? "" : String.join(",", new TreeSet<>(languages));
    }

    static Set<String> languages(String column) {
        if (column == null || column.isBlank()) {
            return Set.of();
        }
        return java.util.Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(column.split(","))));
    }

    /** Weekdays in the week's order, comma-separated ("TUESDAY,THURSDAY"); empty for a single day. */
    static String weekdays(Set<DayOfWeek> weekdays) {
        return weekdays == null || weekdays.isEmpty() ? ""
                : EnumSet.copyOf(weekdays).stream().map(Enum::name).collect(Collectors.joining(","));
    }

    static Set<DayOfWeek> weekdays(String column) {
        if (column == null || column.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(column.split(",")).map(DayOfWeek::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
    }

    /** The schedule of a {@code help_request_view} row. */
    static Schedule schedule(ResultSet rs) throws SQLException {
        return new Schedule(rs.getObject("first_day", java.time.LocalDate.class), rs.getObject("last_day", java.time.LocalDate.class),
                weekdays(rs.getString("weekdays")), LocalTime.parse(rs.getString("start_time")),
                LocalTime.parse(rs.getString("end_time")));
    }
}
