package nrw.komman.web.notification;

import nrw.komman.kernel.access.Action;
import nrw.komman.kernel.access.Permissions;
import nrw.komman.kernel.common.Actor;
import nrw.komman.web.platform.page.PageController;
import nrw.komman.web.platform.security.CurrentActor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The unread count in the header of every page ({@code layout.html}: "Benachrichtigungen (3)"), given to the pages of
 * every feature by this advice, so the platform knows nothing of notices. The count is asked only when a page shows
 * it: a form that redirects or a download costs nothing, a page one indexed count.
 */
@ControllerAdvice(annotations = PageController.class)
public class NoticeHeader {

    private static final Logger log = LoggerFactory.getLogger(NoticeHeader.class);

    private final NoticeInbox inbox;

    NoticeHeader(NoticeInbox inbox) {
        this.inbox = inbox;
    }

    @ModelAttribute("headerNotices")
    UnreadNotices headerNotices() {
        return CurrentActor.find().filter(actor -> Permissions.allows(actor, Action.READ_OWN_NOTICES))
                .map(actor -> new UnreadNotices(inbox, actor)).orElse(null);
    }

    /** The signed-in account's unread notices, counted once when the page asks for them. */
    public static final class UnreadNotices {

        private final NoticeInbox inbox;
        private final Actor actor;
        private Long count;

        UnreadNotices(NoticeInbox inbox, Actor actor) {
            this.inbox = inbox;
            this.actor = actor;
        }

        /** The count; -1 when it cannot be had (the page is shown without it rather than not at all). */
        public long getCount() {
            if (count == null) {
                try {
                    count = inbox.unreadCount(actor);
                } catch (RuntimeException e) {
                    log.debug("Unread notices of {} not counted: {}", actor.account(), e.toString());
                    count = -1L;
                }
            }
            return count;
        }
    }
}
