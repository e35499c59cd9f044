package nrw.komman.web.notification;

import nrw.komman.kernel.common.Actor;
import nrw.komman.web.platform.page.FormPage;
import nrw.komman.web.platform.page.PageController;
import nrw.komman.web.platform.security.CurrentActor;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The inbox "Benachrichtigungen": the account's latest notices, newest first, the unread ones marked in words; each
 * opens its item through {@code /benachrichtigungen/{id}}, which marks it read and leads on to the item's page (only
 * ever a page of this application). Marking as read is a form (POST, CSRF token), one notice or all, without
 * JavaScript.
 */
@PageController
class NoticePages {

    static final String INBOX = "/benachrichtigungen";

    private final NoticeInbox inbox;
    private final NoticeTexts texts;
    private final FormPage forms;

    NoticePages(NoticeInbox inbox, NoticeTexts texts, FormPage forms) {
        this.inbox = inbox;
        this.texts = texts;
        this.forms = forms;
    }

    /** A notice as the page lists it: its title and sentence in the reader's language. */
    record Line(String noticeId, String title, String sentence, Instant occurredAt, boolean read) {
    }

    @GetMapping(INBOX)
    String inbox(@RequestParam(name = "ungelesen", required = false) String unreadOnly, Model model, Locale locale) {
        boolean unread = unreadOnly != null && !unreadOnly.equals("false");
        NoticeInbox.Latest latest = inbox.latest(CurrentActor.require(), unread);
        List<Line> lines = latest.notices().stream().map(n -> new Line(n.noticeId(), texts.title(n.kind(), locale),
                texts.sentence(n, locale), n.occurredAt(), n.read())).toList();
        model.addAttribute("lines", lines);
        model.addAttribute("latest", latest);
        model.addAttribute("unreadOnly", unread);
        model.addAttribute("limit", NoticeInbox.LATEST);
        model.addAttribute("nav", "notices");
        return "notification/inbox";
    }

    /** Opens a notice: marks it read and goes on to its item; a link that would leave the platform is not followed. */
    @GetMapping(INBOX + "/{noticeId}")
    String open(@PathVariable String noticeId) {
        Notice notice = inbox.markRead(CurrentActor.require(), noticeId);
        return "redirect:" + (NoticeLinks.isLocal(notice.link()) ? notice.link() : INBOX);
    }

    @PostMapping(INBOX + "/{noticeId}/gelesen")
    String markRead(@PathVariable String noticeId, Locale locale, RedirectAttributes redirect) {
        Actor actor = CurrentActor.require();
        inbox.markRead(actor, noticeId);
        redirect.addFlashAttribute("confirmation", forms.text("notice.marked-read", locale));
        return "redirect:" + INBOX;
    }

    @PostMapping(INBOX + "/gelesen")
    String markAllRead(Locale locale, RedirectAttributes redirect) {
        int marked = inbox.markAllRead(CurrentActor.require());
        redirect.addFlashAttribute("confirmation", marked == 0 ? forms.text("notice.all-read.none", locale)
                : forms.text("notice.all-read", locale, marked));
        return "redirect:" + INBOX;
    }
}
