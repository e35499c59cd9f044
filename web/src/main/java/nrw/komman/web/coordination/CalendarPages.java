package nrw.komman.web.coordination;

import nrw.komman.kernel.access.Action;
import nrw.komman.web.platform.page.PageController;
import nrw.komman.web.platform.page.UiAccess;
import nrw.komman.web.platform.security.Coordinators;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The signed-in coordinator's centre's assignments as an iCalendar file (the volunteer's feed is on their link). */
@PageController
class CalendarPages {

    private final CalendarFeeds feeds;

    CalendarPages(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/zentrum/kalender.ics")
    @ResponseBody
    ResponseEntity<String> centre() {
        UiAccess.require(Action.READ_HELP_REQUESTS);
        return feeds.centreFeed(Coordinators.centre());
    }
}
