package nrw.komman.web.coordination;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nrw.komman.kernel.centre.CentreId;
import nrw.komman.web.platform.Ids;
import nrw.komman.web.platform.security.CentreAccess;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The centre's assignments as an iCalendar feed, for calendar apps of its coordinators (HTTP Basic as the API). */
@RestController
@Tag(name = "Calendars", description = "Assignments as iCalendar feeds")
class CalendarController {

    private final CalendarFeeds feeds;

    CalendarController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping(path = "/api/centres/{centreId}/calendar.ics", produces = {CalendarFeeds.TEXT_CALENDAR, MediaType.ALL_VALUE})
    @Operation(summary = "The centre's assignments from a month ago for a year, as iCalendar (cancelled ones marked so)")
    public ResponseEntity<String> centre(@PathVariable String centreId) {
        CentreId centre = Ids.centre("centreId", centreId);
        CentreAccess.requireOwnCentre(centre);
        return feeds.centreFeed(centre);
    }
}
