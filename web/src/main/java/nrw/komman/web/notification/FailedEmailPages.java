package nrw.komman.web.notification;

import nrw.komman.web.platform.page.FormPage;
import nrw.komman.web.platform.page.PageController;
import nrw.komman.web.platform.security.CurrentActor;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Locale;

/**
 * The administrator's page of e-mails that could not be delivered (kind, recipient account, attempts, last error,
 * time), each with "Erneut versuchen", and the volunteers' e-mails not sent at all (consent withdrawn, deactivated
 * or erased before they went out), which are not retried. Under {@code /verwaltung} like the other pages of operations.
 */
@PageController
class FailedEmailPages {

    static final String PATH = "/verwaltung/benachrichtigungen";

    private final FailedEmails emails;
    private final NoticeTexts texts;
    private final FormPage forms;

    FailedEmailPages(FailedEmails emails, NoticeTexts texts, FormPage forms) {
        this.emails = emails;
        this.texts = texts;
        this.forms = forms;
    }

    @GetMapping(PATH)
    String failed(Model model, Locale locale) {
        model.addAttribute("emails", emails.list(CurrentActor.require(), NoticeEmailStatus.FAILED));
        // volunteers' e-mails not sent because they may no longer be e-mailed (ADR 38): shown, never retried
        model.addAttribute("dropped", emails.list(CurrentActor.require(), NoticeEmailStatus.DROPPED));
        model.addAttribute("texts", texts);
        model.addAttribute("limit", FailedEmails.LATEST);
        model.addAttribute("nav", "notice-deliveries");
        return "notification/failed-emails";
    }

    @PostMapping(PATH + "/{noticeId}/{recipient}/erneut")
    String retry(@PathVariable String noticeId, @PathVariable String recipient, Locale locale, RedirectAttributes redirect) {
        return forms.press(() -> emails.retry(CurrentActor.require(), noticeId, recipient), redirect, locale,
                () -> forms.text("notice.failed.retried", locale, recipient), PATH);
    }
}
