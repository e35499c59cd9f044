package nrw.komman.web.coordination;

import nrw.komman.kernel.centre.CentreId;
import nrw.komman.kernel.coordination.AssignmentStatus;
import nrw.komman.kernel.coordination.AssignmentView;
import nrw.komman.kernel.coordination.CentreAssignments;
import nrw.komman.kernel.coordination.FindCentreAssignmentsQuery;
import nrw.komman.web.platform.QueryDispatcher;
import nrw.komman.web.platform.Today;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The iCalendar feeds of assignments: the volunteer's (behind their link: their live assignments and the ones that
 * ended without taking place, as cancelled, so a calendar that subscribed removes them) and the centre's (for its
 * coordinators, a year from a month ago). One event per assignment and day, its UID stable, so a calendar updates the
 * same entry when the status changes.
 */
@Component
class CalendarFeeds {

    static final String TEXT_CALENDAR = "text/calendar";
    static final String UID_DOMAIN = "@komm-an.nrw";
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final PersonalLinkAssignments assignments;
    private final QueryDispatcher queries;
    private final MessageSource messages;
    private final Today today;

    CalendarFeeds(PersonalLinkAssignments assignments, QueryDispatcher queries, MessageSource messages, Today today) {
        this.assignments = assignments;
        this.queries = queries;
        this.messages = messages;
        this.today = today;
    }

    ResponseEntity<String> volunteerFeed(PersonalLinkAccess.Holder holder) {
        List<AssignmentView> all = assignments.all(holder);
        return answer(write(words("calendar.volunteer.name"), all, false), "meine-einsaetze.ics");
    }

    ResponseEntity<String> centreFeed(CentreId centre) {
        LocalDate from = today.date().minusMonths(1);
        CentreAssignments found = queries.optional(new FindCentreAssignmentsQuery(centre, from, from.plusYears(1)),
                CentreAssignments.class).orElse(new CentreAssignments(centre, List.of()));
        return answer(write(words("calendar.centre.name"), found.assignments(), true), "einsaetze-zentrum.ics");
    }

    String write(String name, List<AssignmentView> views, boolean withVolunteer) {
        CalendarWriter calendar = new CalendarWriter(name);
        Instant stamp = today.now();
        for (AssignmentView a : views) {
            String category = messages.getMessage("category." + a.category().name(), null, a.category().name(), Locale.GERMANY);
            String summary = withVolunteer && a.volunteerName() != null ? category + " – " + a.volunteerName() : category;
            String location = a.place() == null ? a.municipality()
                    : a.municipality() == null ? a.place() : a.place() + ", " + a.municipality();
            for (LocalDate day : a.schedule().days()) {
                calendar.event(new CalendarWriter.Event(a.assignmentId() + "-" + DAY.format(day) + UID_DOMAIN, stamp, day,
                        a.schedule().start(), a.schedule().end(), summary, location,
                        words("calendar.status." + a.status().name()), status(a.status()), sequence(a.status())));
            }
        }
        return calendar.end();
    }

    static String status(AssignmentStatus status) {
        return switch (status) {
            case CONFIRMED -> "CONFIRMED";
            case ASKED, OFFERED -> "TENTATIVE";
            case DECLINED, CANCELLED, LAPSED -> "CANCELLED";
        };
    }

    /**
     * The read model keeps no revision of an assignment, but its status only moves forward (asked or offered, then
     * confirmed, then ended), so the status's step is a sequence that rises with each change a calendar can see.
     */
    static int sequence(AssignmentStatus status) {
        return switch (status) {
            case ASKED, OFFERED -> 0;
            case CONFIRMED -> 1;
            case DECLINED, CANCELLED, LAPSED -> 2;
        };
    }

    private String words(String code) {
        return messages.getMessage(code, null, code, Locale.GERMANY);
    }

    private static ResponseEntity<String> answer(String ics, String fileName) {
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline().filename(fileName).build().toString())
                .cacheControl(CacheControl.noStore())
                .body(ics);
    }
}
